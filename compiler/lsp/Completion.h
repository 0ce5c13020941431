// Completion.h — completion candidates from the text before the cursor and the last compilation of the document.
#pragma once

#include "driver/Compilation.h"

#include <llvm/Support/JSON.h>

#include <string_view>

namespace vdc::lsp {

/// LSP CompletionItems at byte `offset` of `text` (the root file of `c`): proxy kinds after `via`, assumption names
/// after `discharge`, declarations after `discharge A for`, strategy names after `strategy:`, a study's fields and its
/// strategy's parameters at the start of a line inside the study, and keywords elsewhere.
llvm::json::Array completionItems(const Compilation &c, std::string_view text, uint32_t offset);

} // namespace vdc::lsp
