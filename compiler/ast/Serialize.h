// Serialize.h — a compact binary form of a module's syntax tree, so that the stdlib is parsed once at build time.
#pragma once

#include "ast/Decl.h"

#include <string>
#include <string_view>

namespace vdc::ast {

/// Writes every field of `module`, source ranges included (as offsets in the module's own file). Returns false, and
/// writes nothing useful, when a range points into another file (a parsed module only points into its own).
bool serializeModule(const Module &module, std::string &out);

/// Reads what serializeModule wrote back into `module`, its ranges in file `file`. False on malformed input.
bool deserializeModule(std::string_view bytes, FileId file, Module &module);

} // namespace vdc::ast
