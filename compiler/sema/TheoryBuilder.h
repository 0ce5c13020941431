// TheoryBuilder.h — collects and validates the theory declarations (assumptions, strategies, proxy kinds, aggregations) of all loaded modules.
#pragma once

#include "diagnostics/Diagnostic.h"
#include "sema/Model.h"

namespace vdc {

/// Adds every theory declaration of `modules` to `theory`, reporting duplicates and ill-formed declarations.
/// The standard library goes through here exactly like a user's own declarations. It also reports a design
/// name used twice in one file (VD2002), the one check that spans the designs of a module.
void buildTheory(const std::vector<const ast::Module *> &modules, Theory &theory, DiagnosticSink &diags);

} // namespace vdc
