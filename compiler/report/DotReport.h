// DotReport.h — a Graphviz picture of each design: declarations, proxy edges, studies, claims and obligations.
#pragma once

#include "report/ReportInput.h"

namespace vdc {

/// Writes one `digraph` containing a cluster per design.
void writeDotReport(std::ostream &out, const ReportInput &input);

} // namespace vdc
