// Completion.h — completion candidates from the text before the cursor and the last compilation of the document.
#pragma once

#include "driver/Compilation.h"

#include "lsp/Protocol.h"

#include <string_view>
#include <vector>

namespace vdc::lsp {

/// The completion items at byte `offset` of `text` (the root file of `c`), by what the text before the cursor says:
/// - after `proxy of`, the declarations of the same sort; after `via`, the proxy kinds for that sort;
/// - after `recipe:`, `population:`, `treatment:`, `outcome:`, `from:` (and a comma in its list), `adjust_for:`, in
///   `effect: T on O in X`, after `over:` and `strategy:`: the recipes, populations, treatments, outcomes, studies,
///   covariates, aggregations or strategies that fit; a `ref`, enum or bool parameter's possible values;
/// - after `discharge`, the assumptions; after `discharge A for`, the declarations that carry it; after `by`, the
///   kinds of evidence; in theory declarations, assumptions after `requires`/`satisfies`, levels after `severity`;
/// - where a declaration or key can start (a line's start, after `{` or `}`): the keywords of the block, a study's
///   fields and its strategy's parameters, a claim's or a declaration's keys that are not given yet.
/// Nothing anywhere else: not inside strings or comments, and not after every space.
std::vector<CompletionItem> completionItems(const Compilation &c, std::string_view text, uint32_t offset);

} // namespace vdc::lsp
