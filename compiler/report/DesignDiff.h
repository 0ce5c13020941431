// DesignDiff.h — `vdc diff OLD NEW`: how the obligations and claims of designs changed between two versions.
#pragma once

#include "driver/Compilation.h"

#include <ostream>

namespace vdc {

/// One obligation present in either version, matched by assumption, declaration and step.
struct ObligationChange {
  std::string design, assumption, attachedTo, step;
  enum class Kind { Added, Removed, Changed } kind = Kind::Changed;
  std::string oldSeverity, newSeverity, oldStatus, newStatus; ///< "" where absent.
};

/// A claim whose holding or deciding chain changed, or that appeared or disappeared.
struct ClaimChange {
  std::string design, claim;
  std::string before, after; ///< "holds", "fails" or "absent".
  /// The study of the deciding chain (LANGUAGE.md Section 13) in each version; "" when absent or none.
  std::string decidingBefore, decidingAfter;
};

/// The differences between two compilations.
struct DesignDiff {
  std::vector<ObligationChange> obligations;
  std::vector<ClaimChange> claims;
  bool empty() const { return obligations.empty() && claims.empty(); }
};

/// Compares the checked designs of two compilations.
DesignDiff diffDesigns(const Compilation &before, const Compilation &after);

/// Writes the difference as text, markdown or json; returns false for an unknown format.
bool writeDiff(std::ostream &out, const DesignDiff &diff, const std::string &format, const std::string &oldName,
               const std::string &newName);

} // namespace vdc
