// Suggest.cpp — edit-distance search for "did you mean", and the suggestion it attaches to a diagnostic.
#include "sema/Suggest.h"

#include <fmt/format.h>
#include <llvm/ADT/StringRef.h>

namespace vdc {

std::string closestName(std::string_view name, const std::vector<std::string> &candidates) {
  unsigned limit = std::max<unsigned>(1, static_cast<unsigned>(name.size()) / 3);
  std::string best;
  unsigned bestDistance = limit + 1;
  llvm::StringRef needle(name.data(), name.size());
  for (const std::string &candidate : candidates) {
    if (candidate == name)
      continue;
    // The distance is at least the difference in length: skip what cannot beat the best so far.
    size_t shorter = std::min(candidate.size(), name.size()), longer = std::max(candidate.size(), name.size());
    if (longer - shorter >= bestDistance && candidate.find('.') == std::string::npos)
      continue;
    unsigned d = needle.edit_distance(candidate, /*AllowReplacements=*/true, bestDistance);
    // A qualified name also matches on its last part (`exchangeability` for `internal.exchangeability`).
    auto dot = candidate.rfind('.');
    if (dot != std::string::npos && needle.find('.') == llvm::StringRef::npos)
      d = std::min(d, needle.edit_distance(llvm::StringRef(candidate).substr(dot + 1), true, bestDistance));
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

std::string didYouMean(std::string_view guess) { return fmt::format("did you mean `{}`?", guess); }

bool suggest(Diagnostic &diag, const std::string &guess, std::string_view more) {
  if (guess.empty())
    return false;
  diag.help = more.empty() ? didYouMean(guess) : fmt::format("{} {}", didYouMean(guess), more);
  diag.replacement = guess;
  diag.applicability = Applicability::MaybeIncorrect;
  return true;
}

} // namespace vdc
