// Diagnostics.h — a compilation's diagnostics and open obligations as LSP `Diagnostic` objects for its root file.
#pragma once

#include "driver/Compilation.h"

#include <llvm/Support/JSON.h>

#include <string>

namespace vdc::lsp {

/// Compiler errors and warnings (with codes, help and notes as related information), then one diagnostic per open
/// obligation of severity `key` (Warning) or `careful` (Information) at the declaration it is attached to.
/// `uri` is the client's name for the root file.
llvm::json::Array toLspDiagnostics(const Compilation &c, const std::string &uri);

} // namespace vdc::lsp
