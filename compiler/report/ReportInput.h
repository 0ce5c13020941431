// ReportInput.h — what every report writer reads (the finished compilations of one run and the policy) and the decisions they share.
#pragma once

#include "driver/Compilation.h"

#include <ostream>
#include <unordered_map>
#include <vector>

namespace vdc {

/// The checked results of one `vdc report` or `vdc check` run.
struct ReportInput {
  std::vector<const Compilation *> compilations;
  Policy policy = Policy::OpenKey;
  /// Colour escapes allowed (text report only).
  bool color = false;
};

/// Counts over every design of the run, plus errors and warnings.
struct RunSummary : Summary {
  int errors = 0, warnings = 0;
  bool policyViolated = false;
};

/// Computes the run's counts; the policy is violated when any claim does not hold. A claim of a file with
/// errors is counted, but never as holding.
RunSummary summarize(const ReportInput &input);

/// Counts for the designs of one compilation.
RunSummary summarize(const Compilation &compilation);

/// `n` and the noun, plural unless n is 1 ("1 claim", "3 claims"); `plural` defaults to noun + "s".
std::string countOf(long n, const std::string &noun, const std::string &plural = "");

/// Where a claim stands in a report. A claim of a file with errors is not checked: the model it was checked
/// against is incomplete, so no report says it holds.
enum class ClaimState { Holds, Fails, NotChecked };
ClaimState claimState(const Compilation &compilation, const Claim &claim);

/// How the CI reports (SARIF levels, GitHub annotation kinds) flag an obligation; one decision for both.
enum class Finding {
  None,    ///< discharged, or of severity none: not reported
  Note,    ///< assumed (argued for, not verified) and not denied by the policy
  Warning, ///< open or stale and not denied by the policy
  Error,   ///< denied by the policy: it makes a claim fail
};
Finding obligationFinding(Policy policy, const Obligation &obligation);

/// The claim's estimand in the paper's notation: τ(a, y; ψ), τ̄(a, y; Π), or a unit average.
std::string estimandNotation(const Claim &claim);

/// The obligations each claim of `d` uses, in id order, by claim name: built once per design, so a report of
/// many claims does not search every obligation's claim list for every claim.
std::unordered_map<std::string, std::vector<const Obligation *>> obligationsByClaim(const CheckedDesign &d);

} // namespace vdc
