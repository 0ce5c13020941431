// DotReport.h — the graph of each design (declarations, proxy edges, studies, claims and their chains) as DOT text.
#pragma once

#include "report/ReportInput.h"

namespace vdc {

/// Writes one `digraph` containing a cluster per design.
void writeDotReport(std::ostream &out, const ReportInput &input);

/// Writes one design's graph as a `digraph` of its own (the HTML report draws each design apart). `file` is the
/// position of the design's file on the command line, from 1; it keeps node ids of two files apart.
void writeDesignDot(std::ostream &out, size_t file, const CheckedDesign &design);

/// The colour an edge gets for the worst severity of the open obligations it carries: Okabe and Ito's palette,
/// which readers with the common forms of colour blindness tell apart (vermillion, orange, bluish green).
const char *severityColour(Level level);

} // namespace vdc
