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

/// Where a claim stands in a report. A claim of a file with errors, or one whose `from:` names a line of evidence
/// that could not become a chain, is not checked: the model it was checked against is incomplete, so no report
/// says it holds, and none shows a profile for it (LANGUAGE.md Section 13).
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

/// The evidence kind as reports show it: `check, described, not verified` for a check written as a sentence
/// (LANGUAGE.md Section 12.2), `study S` for study evidence, else the kind itself.
std::string evidenceKind(const Evidence &evidence);

/// Evidence in one line of plain text: `KIND: text [cite]` (the kind as `evidenceKind` says it; a study without
/// text is `study S`).
std::string evidenceLine(const Evidence &evidence);

/// The evidence against a contested obligation (LANGUAGE.md Section 12.3), each dispute as "disputed by " and its
/// `evidenceLine`, joined by "; "; "" when it has none.
std::string disputesLine(const Obligation &obligation);

/// A chain's blocking obligations in words: "#5 external.proxy_recipe (key, open), ..." or "none".
std::string blockingList(const CheckedDesign &d, const Chain &chain);

/// What a chain takes over from study evidence (LANGUAGE.md Section 12.1), one line per evidence study in order:
/// "from study S: #10 statistical.finite_sample (key, open); 4 satisfied by design".
std::vector<std::string> inheritedLines(const CheckedDesign &d, const Chain &chain);

/// "deciding, holds", "blocked by the policy", ...: a checked chain's standing in a claim.
std::string chainVerdict(const Chain &chain);

/// A profile in words: "statistical none, internal none, external key, construct none".
std::string profileWords(const Profile &profile);

/// One line for a checked claim's chain: its number, study, verdict, profiles and blocking obligations.
std::string chainSummary(const CheckedDesign &d, const Claim &claim, size_t index);

/// The claim's estimand in the paper's notation: τ(a, y; ψ), τ̄(a, y; Π), or a unit average.
std::string estimandNotation(const Claim &claim);

/// What a claim asserts, in words ("the treatments ordered by their effect on y at r"), LANGUAGE.md Section 14.
std::string estimandMeaning(const Claim &claim);

/// The obligations each claim of `d` uses, in id order, by claim name: built once per design, so a report of
/// many claims does not search every obligation's claim list for every claim.
std::unordered_map<std::string, std::vector<const Obligation *>> obligationsByClaim(const CheckedDesign &d);

} // namespace vdc
