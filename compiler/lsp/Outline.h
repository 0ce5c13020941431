// Outline.h — the document outline: designs with their declarations, and theory declarations.
#pragma once

#include "driver/Compilation.h"

#include <llvm/Support/JSON.h>

namespace vdc::lsp {

/// Streams the hierarchical LSP DocumentSymbols of the root file of `c` into `json` as one array. Nothing is built
/// per symbol but its text, so a document of 50,000 designs costs time and memory linear in its size.
void writeDocumentSymbols(llvm::json::OStream &json, const Compilation &c);

} // namespace vdc::lsp
