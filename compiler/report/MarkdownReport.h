// MarkdownReport.h — a GitHub-flavoured Markdown report, fit for a pull-request comment.
#pragma once

#include "report/ReportInput.h"
#include "source/Escape.h"

namespace vdc {

/// Writes, per claim, the profile table and the obligations still to settle.
void writeMarkdownReport(std::ostream &out, const ReportInput &input);

} // namespace vdc
