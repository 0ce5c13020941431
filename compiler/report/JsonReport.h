// JsonReport.h — the machine-readable report, schema "vdesign-report/2" (LANGUAGE.md Sections 10 and 13).
#pragma once

#include "report/ReportInput.h"

namespace vdc {

/// Writes the JSON report of a run, pretty-printed.
void writeJsonReport(std::ostream &out, const ReportInput &input);

} // namespace vdc
