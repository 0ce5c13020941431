// Outline.h — the document outline: designs with their declarations, and theory declarations.
#pragma once

#include "driver/Compilation.h"

#include <llvm/Support/JSON.h>

namespace vdc::lsp {

/// Hierarchical LSP DocumentSymbols of the root file of `c`.
llvm::json::Array documentSymbols(const Compilation &c);

} // namespace vdc::lsp
