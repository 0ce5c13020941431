// LatexReport.h — a LaTeX fragment for a paper: Table 1-style profile tables and a limitations list.
#pragma once

#include "report/ReportInput.h"

namespace vdc {

/// Writes a fragment to `\input` into a document that loads `xcolor`.
void writeLatexReport(std::ostream &out, const ReportInput &input);

} // namespace vdc
