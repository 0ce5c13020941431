// TextReport.h — the report a researcher reads in a terminal: claims, chains, obligations by validity type, profiles.
#pragma once

#include "report/ReportInput.h"

namespace vdc {

/// Writes the text report of a run; fits 80 columns; colour only when `input.color`.
void writeTextReport(std::ostream &out, const ReportInput &input);

/// The one-line summary of one compilation, as `vdc check` prints it.
std::string summaryLine(const Compilation &compilation, Policy policy);

} // namespace vdc
