// HtmlReport.h — one self-contained, printable HTML page: profile tables, chains, every obligation with its explanation.
#pragma once

#include "report/ReportInput.h"

namespace vdc {

/// Writes a complete HTML document with inline CSS and no scripts or external resources.
void writeHtmlReport(std::ostream &out, const ReportInput &input);

} // namespace vdc
