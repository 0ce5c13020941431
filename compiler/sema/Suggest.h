// Suggest.h — "did you mean" suggestions: the closest known name to a misspelt one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vdc {

/// The candidate closest to `name` by edit distance, or "" when none is close enough to be a likely typo.
std::string closestName(std::string_view name, const std::vector<std::string> &candidates);

} // namespace vdc
