// DiagnosticPrinter.h — renders diagnostics for a terminal: `file:line:col: error: message [VDnnnn]`, the source line and a caret.
#pragma once

#include "diagnostics/Diagnostic.h"

#include <ostream>

namespace vdc {

/// Writes one diagnostic, with its notes and help, in the format of LANGUAGE.md Section 9.
void printDiagnostic(std::ostream &out, const SourceManager &sources, const Diagnostic &diag, bool color);

} // namespace vdc
