// BidiControls.cpp — the VD1019 warnings for bidirectional formatting characters typed into strings and comments.
#include "parse/BidiControls.h"

#include "source/Utf8.h"

#include <fmt/format.h>

namespace vdc {

void BidiControlWarnings::scan(DiagnosticSink &diags, std::string_view text, SourceRange token, bool inString) {
  for (size_t i = token.begin; i < token.end && i < text.size();) {
    size_t start = i;
    uint32_t cp = decodeUtf8(text, i);
    if (!isBidiControl(cp))
      continue;
    if (reported_ == kMaxReported) {
      ++more_;
      continue;
    }
    auto &d = diags.report<DiagKind::BidiControl>(
        SourceRange{token.file, static_cast<uint32_t>(start), static_cast<uint32_t>(i)}, cp,
        inString ? "a string" : "a comment");
    d.help = inString ? fmt::format("remove it, or write it as a visible escape such as `\\u{{{:X}}}`", cp)
                      : "remove it";
    ++reported_;
    lastIndex_ = diags.all().size() - 1;
  }
}

void BidiControlWarnings::finish(DiagnosticSink &diags) const {
  if (more_ == 0)
    return;
  Diagnostic &last = diags.all()[lastIndex_];
  last.notes.push_back(
      {last.range, fmt::format("{} more bidirectional control characters in this file are not reported", more_)});
}

} // namespace vdc
