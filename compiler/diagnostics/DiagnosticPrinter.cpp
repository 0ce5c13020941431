// DiagnosticPrinter.cpp — terminal rendering of diagnostics with source excerpts.
#include "diagnostics/DiagnosticPrinter.h"

namespace vdc {

namespace {
const char *kReset = "\x1b[0m";
const char *kBold = "\x1b[1m";

const char *severityColor(Severity s) {
  switch (s) {
  case Severity::Error:
    return "\x1b[1;31m";
  case Severity::Warning:
    return "\x1b[1;35m";
  case Severity::Note:
    return "\x1b[1;36m";
  }
  return "";
}

const char *severityWord(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  return "";
}

/// The source line of a range and a caret line under it.
void printExcerpt(std::ostream &out, const SourceManager &sources, SourceRange range, bool color) {
  if (!range.valid() || sources.text(range.file).empty())
    return;
  LineColumn at = sources.lineColumn(range.file, range.begin);
  std::string_view line = sources.lineText(range.file, at.line);
  if (findInvalidUtf8(line) != std::string_view::npos)
    return; // never echo bytes that are not text
  std::string shown;
  for (char c : line)
    shown += (c == '\t') ? ' ' : c;
  // Underline to the end of the range, or of the line when the range spans lines.
  LineColumn end = sources.lineColumn(range.file, range.end);
  uint32_t width = 1;
  size_t lineWidth = countCodePoints(line);
  if (end.line == at.line && end.column > at.column)
    width = end.column - at.column;
  else if (end.line > at.line && lineWidth >= at.column)
    width = static_cast<uint32_t>(lineWidth - at.column + 1);
  out << "  " << shown << "\n  " << std::string(at.column - 1, ' ');
  if (color)
    out << "\x1b[1;32m";
  out << '^' << std::string(width > 1 ? width - 1 : 0, '~');
  if (color)
    out << kReset;
  out << "\n";
}

void printHeader(std::ostream &out, const SourceManager &sources, SourceRange range, Severity severity,
                 const std::string &message, const char *code, bool color) {
  if (color)
    out << kBold;
  if (range.valid()) {
    LineColumn at = sources.lineColumn(range.file, range.begin);
    out << sources.name(range.file) << ':' << at.line << ':' << at.column << ": ";
  } else {
    out << "vdc: ";
  }
  if (color)
    out << severityColor(severity);
  out << severityWord(severity) << ": ";
  if (color)
    out << kReset << kBold;
  out << message;
  if (code)
    out << " [" << code << "]";
  if (color)
    out << kReset;
  out << "\n";
}
} // namespace

void printDiagnostic(std::ostream &out, const SourceManager &sources, const Diagnostic &diag, bool color) {
  printHeader(out, sources, diag.range, diag.severity, diag.message, diag.code(), color);
  printExcerpt(out, sources, diag.range, color);
  if (!diag.help.empty())
    out << "  " << (color ? "\x1b[1m" : "") << "help:" << (color ? kReset : "") << " " << diag.help << "\n";
  for (const DiagNote &note : diag.notes) {
    printHeader(out, sources, note.range, Severity::Note, note.message, nullptr, color);
    printExcerpt(out, sources, note.range, color);
  }
}

} // namespace vdc
