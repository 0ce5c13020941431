// DiagnosticPrinter.cpp — terminal rendering of diagnostics with source excerpts.
#include "diagnostics/DiagnosticPrinter.h"

#include "source/Escape.h"
#include "source/Utf8.h"

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

constexpr size_t kMaxExcerptWidth = 120; ///< Longer source lines are shown as a window around the caret.
constexpr size_t kExcerptLead = 40;       ///< Code points shown before the caret in such a window.

/// `count` code points of UTF-8 `text` starting at code point `first`.
std::string codePointSlice(const std::string &text, size_t first, size_t count) {
  size_t index = 0, begin = text.size(), end = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
      continue; // a continuation byte
    if (index == first)
      begin = i;
    if (index == first + count) {
      end = i;
      break;
    }
    ++index;
  }
  return begin >= end ? std::string() : text.substr(begin, end - begin);
}

/// The source line of a range and a caret line under it.
void printExcerpt(std::ostream &out, const SourceManager &sources, SourceRange range, bool color) {
  if (!range.valid() || sources.text(range.file).empty() || !sources.quotable(range.file))
    return; // a file that is not a design (a lock) is never quoted
  LineColumn at = sources.lineColumn(range.file, range.begin);
  std::string_view line = sources.lineText(range.file, at.line);
  if (findInvalidUtf8(line) != std::string_view::npos)
    return; // never echo bytes that are not text
  // A tab becomes one space and any other control character, noncharacter or bidirectional formatting
  // character U+FFFD, one code point each so that the caret still lines up; the terminal never receives an
  // escape sequence from the file, and the line is shown in the order it is stored (VD1019 names the character).
  std::string shown;
  for (size_t i = 0; i < line.size();) {
    size_t start = i;
    uint32_t cp = decodeUtf8(line, i);
    if (cp == '\t')
      shown += ' ';
    else if (cp < 0x20 || isControlOrNoncharacter(cp) || isBidiControl(cp))
      shown += "\xEF\xBF\xBD";
    else
      shown.append(line.substr(start, i - start));
  }
  // Underline to the end of the range, or of the line when the range spans lines.
  LineColumn end = sources.lineColumn(range.file, range.end);
  uint32_t width = 1;
  size_t lineWidth = countCodePoints(line);
  if (end.line == at.line && end.column > at.column)
    width = end.column - at.column;
  else if (end.line > at.line && lineWidth >= at.column)
    width = static_cast<uint32_t>(lineWidth - at.column + 1);
  // A very long line (generated files, minified data) is shown as a window around the caret.
  size_t caretColumn = at.column - 1;
  if (lineWidth > kMaxExcerptWidth) {
    size_t first = caretColumn > kExcerptLead ? caretColumn - kExcerptLead : 0;
    size_t count = std::min(kMaxExcerptWidth - 2, lineWidth - first);
    std::string window = (first > 0 ? "…" : "") + codePointSlice(shown, first, count) +
                         (first + count < lineWidth ? "…" : "");
    shown = std::move(window);
    caretColumn = caretColumn - first + (first > 0 ? 1 : 0);
    width = static_cast<uint32_t>(std::min<size_t>(width, count - (caretColumn - (first > 0 ? 1 : 0))));
  }
  out << "  " << shown << "\n  " << std::string(caretColumn, ' ');
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
    out << escapeTerminal(sources.name(range.file)) << ':' << at.line << ':' << at.column << ": ";
  } else {
    out << "vdc: ";
  }
  if (color)
    out << severityColor(severity);
  out << severityName(severity) << ": ";
  if (color)
    out << kReset << kBold;
  out << escapeTerminal(message); // it may quote a file name or data, which can hold control characters
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
    out << "  " << (color ? "\x1b[1m" : "") << "help:" << (color ? kReset : "") << " " << escapeTerminal(diag.help)
        << "\n";
  for (const DiagNote &note : diag.notes) {
    printHeader(out, sources, note.range, Severity::Note, note.message, nullptr, color);
    printExcerpt(out, sources, note.range, color);
  }
}

} // namespace vdc
