// SourceManager.h — owns the text of every loaded file and maps byte offsets to lines and columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vdc {

/// Identifies one file held by a SourceManager; 0 is "no file".
using FileId = uint32_t;

/// A half-open byte range [begin, end) inside one file.
struct SourceRange {
  FileId file = 0;
  uint32_t begin = 0;
  uint32_t end = 0;

  /// True when the range points into a file.
  bool valid() const { return file != 0; }
};

/// A human-readable position: 1-based line and 1-based column in Unicode code points.
struct LineColumn {
  uint32_t line = 1;
  uint32_t column = 1;
};

/// Holds source buffers and converts positions; the one place that knows about lines and columns.
/// A line ends at `\r\n`, `\n` or a lone `\r`, as LSP 3.17 counts them (the lexer, too, treats all three as
/// white space that ends a `//` comment).
class SourceManager {
public:
  /// Adds a buffer under the given display name and returns its id. A file that is not a design (a lock) is added
  /// with `quotable` false: diagnostics locate positions in it by line and column but never print its lines.
  /// `firstLine` is the line number of the buffer's first line: more than 1 when the buffer holds only an excerpt
  /// of a large file (one line of a data file).
  FileId add(std::string name, std::string text, bool quotable = true, uint32_t firstLine = 1);

  /// False for a file whose lines are never printed under a diagnostic.
  bool quotable(FileId id) const { return files_[id - 1].quotable; }

  /// The display name of a file (a path as the user gave it).
  const std::string &name(FileId id) const { return files_[id - 1].name; }

  /// The full text of a file.
  std::string_view text(FileId id) const { return files_[id - 1].text; }

  /// Replaces the text of a file (used by the language server on every change).
  void replace(FileId id, std::string text);

  /// Line and code-point column of a byte offset.
  LineColumn lineColumn(FileId id, uint32_t offset) const;

  /// Line and code-point column of the start of a range.
  LineColumn start(SourceRange range) const { return lineColumn(range.file, range.begin); }

  /// The text of a 1-based line, without its line terminator.
  std::string_view lineText(FileId id, uint32_t line) const;

  /// UTF-16 code-unit column (0-based) of a byte offset, as the language server protocol counts.
  uint32_t utf16Column(FileId id, uint32_t offset) const;

  /// Byte offset of a 0-based line and 0-based UTF-16 column, clamped to the line.
  uint32_t offsetOfUtf16(FileId id, uint32_t line, uint32_t utf16Column) const;

  /// The byte offset where the line holding `offset` begins.
  uint32_t lineBegin(FileId id, uint32_t offset) const;

  /// The byte offset where the line holding `offset` ends, before its line terminator.
  uint32_t lineEnd(FileId id, uint32_t offset) const;

  /// The byte offset where the line after the one holding `offset` begins (the end of the text on the last line).
  uint32_t nextLineBegin(FileId id, uint32_t offset) const;

  /// Number of lines (a final line terminator begins an empty last line).
  uint32_t lineCount(FileId id) const { return static_cast<uint32_t>(files_[id - 1].lineStarts.size()); }

  /// Number of files held.
  size_t size() const { return files_.size(); }

private:
  struct File {
    std::string name;
    std::string text;
    uint32_t firstLine = 1;
    std::vector<uint32_t> lineStarts;
    /// Per line: whether it is all ASCII, so that its columns are byte differences (constant time).
    std::vector<bool> asciiLines;
    bool quotable = true;
  };
  /// The 0-based index of the line holding `offset` (clamped to the text).
  static uint32_t lineIndex(const File &file, uint32_t offset);
  static void indexLines(File &file);
  std::vector<File> files_;
};

/// The line terminator a text uses, taken from its first line break: "\r\n", "\r", or "\n" (also for a text without
/// one). Tools that add or rewrite lines use it, so that a CRLF file stays CRLF.
std::string_view lineBreakOf(std::string_view text);

/// `text` with every line terminator ("\r\n", "\n" or a lone "\r") replaced by `lineBreak`.
std::string withLineBreaks(std::string_view text, std::string_view lineBreak);

/// Returns the byte offset of the first invalid UTF-8 sequence in text, or npos when it is valid.
size_t findInvalidUtf8(std::string_view text);

/// Number of Unicode code points in a valid UTF-8 string.
size_t countCodePoints(std::string_view text);

} // namespace vdc
