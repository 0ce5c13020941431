// SourceManager.cpp — line indexing, UTF-8 validation and column conversion.
#include "source/SourceManager.h"

#include <algorithm>

namespace vdc {

FileId SourceManager::add(std::string name, std::string text) {
  File file{std::move(name), std::move(text), {}};
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
  file.lineStarts.push_back(0);
  for (uint32_t i = 0; i < file.text.size(); ++i)
    if (file.text[i] == '\n')
      file.lineStarts.push_back(i + 1);
}

static bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

LineColumn SourceManager::lineColumn(FileId id, uint32_t offset) const {
  const File &file = files_[id - 1];
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(file.text.size()));
  auto it = std::upper_bound(file.lineStarts.begin(), file.lineStarts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - file.lineStarts.begin());
  uint32_t begin = file.lineStarts[line - 1];
  uint32_t column = 1;
  for (uint32_t i = begin; i < offset; ++i)
    if (!isContinuation(static_cast<unsigned char>(file.text[i])))
      ++column;
  return {line, column};
}

std::string_view SourceManager::lineText(FileId id, uint32_t line) const {
  const File &file = files_[id - 1];
  if (line == 0 || line > file.lineStarts.size())
    return {};
  uint32_t begin = file.lineStarts[line - 1];
  uint32_t end = line < file.lineStarts.size() ? file.lineStarts[line] : static_cast<uint32_t>(file.text.size());
  std::string_view text(file.text.data() + begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

uint32_t SourceManager::utf16Column(FileId id, uint32_t offset) const {
  const File &file = files_[id - 1];
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(file.text.size()));
  auto it = std::upper_bound(file.lineStarts.begin(), file.lineStarts.end(), offset);
  uint32_t begin = *(it - 1);
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
  uint32_t units = 0;
  while (i < file.text.size() && file.text[i] != '\n' && units < utf16Column) {
    auto c = static_cast<unsigned char>(file.text[i]);
    units += (c >= 0xF0) ? 2 : 1;
    ++i;
    while (i < file.text.size() && isContinuation(static_cast<unsigned char>(file.text[i])))
      ++i;
  }
  return i;
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
