// BidiControls.h — the VD1019 warnings for bidirectional formatting characters typed into strings and comments.
#pragma once

#include "diagnostics/Diagnostic.h"

#include <string_view>

namespace vdc {

/// Warns (VD1019) at each bidirectional formatting character (isBidiControl, source/Utf8.h) typed into a string
/// or comment token ("Trojan Source": an editor shows the text around it reordered, so the code reads
/// differently from how it is checked). An escape like `\u{202E}` is visible and not reported; elsewhere such a
/// character is VD1003. A file full of them gets the first kMaxReported warnings and, from finish(), a note
/// on the last saying how many more there are.
class BidiControlWarnings {
public:
  static constexpr size_t kMaxReported = 20;

  /// Scans the token at `token` (bytes of the file's `text`), a string when `inString`, else a comment.
  void scan(DiagnosticSink &diags, std::string_view text, SourceRange token, bool inString);

  /// After the whole file: the note with the number not reported.
  void finish(DiagnosticSink &diags) const;

private:
  size_t reported_ = 0, more_ = 0;
  size_t lastIndex_ = 0; ///< of the last warning in the sink
};

} // namespace vdc
