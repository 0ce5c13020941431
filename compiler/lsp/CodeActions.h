// CodeActions.h — quick fixes offered by the language server: "did you mean", stale discharges, discharge stubs.
#pragma once

#include "driver/Compilation.h"

#include "lsp/Protocol.h"

#include <string>
#include <vector>

namespace vdc::lsp {

/// The quick fixes for the byte range [begin, end] of the root file of `c` (known to the client as `uri`):
/// - apply a diagnostic's suggested replacement (a "did you mean", `via` for `:`, a name without quotes), the
///   preferred fix when it is machine-applicable (not a guess);
/// - remove a stale or duplicate discharge (VD2018, VD2019, VD2022): its lines, or only it when it shares a line;
/// - add a discharge stub for an open obligation whose declaration lies in the range, on a line of its own just
///   before the design's closing brace, indented like the design's declarations, in the file's line break.
/// Each is a CodeAction of kind `quickfix` with edits to `uri`.
std::vector<CodeAction> codeActions(const Compilation &c, const std::string &uri, uint32_t begin, uint32_t end);

} // namespace vdc::lsp
