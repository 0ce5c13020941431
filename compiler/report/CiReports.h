// CiReports.h — the small formats CI systems read: GitHub workflow-command annotations and JUnit XML.
#pragma once

#include "report/ReportInput.h"

namespace vdc {

/// Writes `::error file=…,line=…,col=…::…` lines for diagnostics and for obligations the policy denies
/// (error) or leaves open (warning).
void writeGithubAnnotations(std::ostream &out, const ReportInput &input);

/// Writes JUnit XML with one test case per claim, failing when the policy denies it.
void writeJunitReport(std::ostream &out, const ReportInput &input);

} // namespace vdc
