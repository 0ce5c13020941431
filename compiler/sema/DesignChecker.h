// DesignChecker.h — checks one design against the theory and produces its checked model.
#pragma once

#include "diagnostics/Diagnostic.h"
#include "sema/Model.h"

namespace vdc {

/// Checks `design` (names, kinds, proxies, studies, claims, chains, obligations, discharges, profiles)
/// and returns its checked form; problems go to `diags`. `policy` decides which claims hold.
CheckedDesign checkDesign(const ast::Design &design, FileId file, const Theory &theory, Policy policy,
                          DiagnosticSink &diags);

} // namespace vdc
