// Diagnostic.cpp — the table of diagnostic kinds and the sink's bookkeeping.
#include "diagnostics/Diagnostic.h"

#include <algorithm>

namespace vdc {

const std::vector<DiagInfo> &allDiagnostics() {
  static const std::vector<DiagInfo> table = {
#define DIAGNOSTIC(Name, Sev, Code, Format) {DiagKind::Name, #Name, Severity::Sev, Code, Format},
#include "diagnostics/Diagnostics.def"
#undef DIAGNOSTIC
  };
  return table;
}

const char *severityName(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  return "";
}

const DiagInfo &diagInfo(DiagKind kind) { return allDiagnostics()[static_cast<size_t>(kind)]; }

size_t DiagnosticSink::count(Severity severity) const {
  return static_cast<size_t>(
      std::count_if(diags_.begin(), diags_.end(), [&](const Diagnostic &d) { return d.severity == severity; }));
}

void DiagnosticSink::sort() {
  std::stable_sort(diags_.begin(), diags_.end(), [](const Diagnostic &a, const Diagnostic &b) {
    if (a.range.file != b.range.file)
      return a.range.file < b.range.file;
    return a.range.begin < b.range.begin;
  });
}

} // namespace vdc
