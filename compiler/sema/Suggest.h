// Suggest.h — "did you mean" suggestions: the closest known name to a misspelt one, offered as a diagnostic's fix.
#pragma once

#include "diagnostics/Diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace vdc {

/// The candidate closest to `name` by edit distance, or "" when none is close enough to be a likely typo.
std::string closestName(std::string_view name, const std::vector<std::string> &candidates);

/// The one wording of a suggestion: "did you mean `guess`?".
std::string didYouMean(std::string_view guess);

/// Offers `guess` as the fix of `diag`: the help "did you mean `guess`?" (followed by `more` when given) and
/// `guess` as the replacement of the diagnostic's range, a maybe-incorrect one (a guess). Does nothing and returns
/// false when `guess` is empty.
bool suggest(Diagnostic &diag, const std::string &guess, std::string_view more = {});

} // namespace vdc
