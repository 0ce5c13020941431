// SourceManager.cpp — line indexing, UTF-8 validation and column conversion.
#include "source/SourceManager.h"

#include <algorithm>

namespace vdc {

FileId SourceManager::add(std::string name, std::string text, bool quotable, uint32_t firstLine) {
  File file{std::move(name), std::move(text), std::max<uint32_t>(firstLine, 1), {}, {}, quotable};
  indexLines(file);
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size());
}

void SourceManager::replace(FileId id, std::string text) {
  File &file = files_[id - 1];
  file.text = std::move(text);
  indexLines(file);
}

void SourceManager::indexLines(File &file) {
  file.lineStarts.clear();
  file.asciiLines.clear();
  file.lineStarts.push_back(0);
  bool ascii = true;
  const std::string &text = file.text;
  for (uint32_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
      continue; // the `\n` of `\r\n` ends the line
    if (c == '\n' || c == '\r') {
      file.asciiLines.push_back(ascii);
      file.lineStarts.push_back(i + 1);
      ascii = true;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
    }
  }
  file.asciiLines.push_back(ascii);
}

static bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

uint32_t SourceManager::lineIndex(const File &file, uint32_t offset) {
  auto it = std::upper_bound(file.lineStarts.begin(), file.lineStarts.end(), offset);
  return static_cast<uint32_t>(it - file.lineStarts.begin()) - 1;
}

LineColumn SourceManager::lineColumn(FileId id, uint32_t offset) const {
  const File &file = files_[id - 1];
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(file.text.size()));
  uint32_t line = lineIndex(file, offset);
  uint32_t begin = file.lineStarts[line];
  if (file.asciiLines[line])
    return {line + file.firstLine, offset - begin + 1};
  uint32_t column = 1;
  for (uint32_t i = begin; i < offset; ++i)
    if (!isContinuation(static_cast<unsigned char>(file.text[i])))
      ++column;
  return {line + file.firstLine, column};
}

uint32_t SourceManager::lineBegin(FileId id, uint32_t offset) const {
  const File &file = files_[id - 1];
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(file.text.size()));
  return file.lineStarts[lineIndex(file, offset)];
}

uint32_t SourceManager::lineEnd(FileId id, uint32_t offset) const {
  const File &file = files_[id - 1];
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(file.text.size()));
  uint32_t line = lineIndex(file, offset);
  uint32_t end = line + 1 < file.lineStarts.size() ? file.lineStarts[line + 1] : static_cast<uint32_t>(file.text.size());
  while (end > file.lineStarts[line] && (file.text[end - 1] == '\n' || file.text[end - 1] == '\r'))
    --end;
  return end;
}

uint32_t SourceManager::nextLineBegin(FileId id, uint32_t offset) const {
  const File &file = files_[id - 1];
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(file.text.size()));
  uint32_t line = lineIndex(file, offset);
  return line + 1 < file.lineStarts.size() ? file.lineStarts[line + 1] : static_cast<uint32_t>(file.text.size());
}

std::string_view SourceManager::lineText(FileId id, uint32_t line) const {
  const File &file = files_[id - 1];
  if (line < file.firstLine)
    return {};
  line -= file.firstLine - 1;
  if (line > file.lineStarts.size())
    return {};
  uint32_t begin = file.lineStarts[line - 1];
  return std::string_view(file.text).substr(begin, lineEnd(id, begin) - begin);
}

uint32_t SourceManager::utf16Column(FileId id, uint32_t offset) const {
  const File &file = files_[id - 1];
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(file.text.size()));
  uint32_t line = lineIndex(file, offset);
  uint32_t begin = file.lineStarts[line];
  if (file.asciiLines[line])
    return offset - begin;
  uint32_t units = 0;
  for (uint32_t i = begin; i < offset; ++i) {
    auto c = static_cast<unsigned char>(file.text[i]);
    if (isContinuation(c))
      continue;
    units += (c >= 0xF0) ? 2 : 1; // four-byte sequences are surrogate pairs in UTF-16
  }
  return units;
}

uint32_t SourceManager::offsetOfUtf16(FileId id, uint32_t line, uint32_t utf16Column) const {
  const File &file = files_[id - 1];
  if (line >= file.lineStarts.size())
    return static_cast<uint32_t>(file.text.size());
  uint32_t i = file.lineStarts[line];
  uint32_t end = lineEnd(id, i);
  if (file.asciiLines[line])
    return std::min(end, i + utf16Column);
  uint32_t units = 0;
  while (i < end && units < utf16Column) {
    auto c = static_cast<unsigned char>(file.text[i]);
    units += (c >= 0xF0) ? 2 : 1;
    ++i;
    while (i < end && isContinuation(static_cast<unsigned char>(file.text[i])))
      ++i;
  }
  return i;
}

std::string_view lineBreakOf(std::string_view text) {
  size_t at = text.find_first_of("\r\n");
  if (at == std::string_view::npos || text[at] == '\n')
    return "\n";
  return at + 1 < text.size() && text[at + 1] == '\n' ? "\r\n" : "\r";
}

std::string withLineBreaks(std::string_view text, std::string_view lineBreak) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
      continue; // the `\n` that follows ends the line
    if (c == '\n' || c == '\r')
      out += lineBreak;
    else
      out.push_back(c);
  }
  return out;
}

size_t findInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len;
    uint32_t min;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + len > text.size())
      return i;
    uint32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      auto d = static_cast<unsigned char>(text[i + k]);
      if (!isContinuation(d))
        return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

size_t countCodePoints(std::string_view text) {
  size_t n = 0;
  for (char c : text)
    if (!isContinuation(static_cast<unsigned char>(c)))
      ++n;
  return n;
}

} // namespace vdc
