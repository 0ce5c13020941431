// SarifReport.h — SARIF 2.1.0 for code-scanning uploads: rules for assumptions and diagnostics, results for problems.
#pragma once

#include "report/ReportInput.h"

namespace vdc {

/// Writes one SARIF run with a rule per assumption and per diagnostic kind, and a result per diagnostic
/// and per obligation the policy denies (error) or leaves open or assumed (warning or note).
void writeSarifReport(std::ostream &out, const ReportInput &input);

} // namespace vdc
