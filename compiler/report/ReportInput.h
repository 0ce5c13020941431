// ReportInput.h — what every report writer reads: the finished compilations of one run and the policy.
#pragma once

#include "driver/Compilation.h"

#include <ostream>

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

/// Computes the run's counts; the policy is violated when any claim does not hold.
RunSummary summarize(const ReportInput &input);

/// Counts for the designs of one compilation.
RunSummary summarize(const Compilation &compilation);

/// The claim's estimand in the paper's notation: τ(a, y; ψ), τ̄(a, y; Π), or a unit average.
std::string estimandNotation(const Claim &claim);

} // namespace vdc
