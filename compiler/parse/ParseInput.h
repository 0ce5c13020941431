// ParseInput.h — what every part of the parser shares: the generated lexer and parser, the input stream they read,
// and the map from ANTLR's code-point indexes back to byte offsets. Private to the parse phase.
#pragma once

#include "parse/AntlrIncludes.h"

#include "source/Utf8.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace vdc::parse {

using grammar::VDesignLexer;
using grammar::VDesignParser;
namespace P = grammar;

/// Maps ANTLR's code-point indexes back to byte offsets of the UTF-8 source.
class OffsetMap {
public:
  uint32_t byteOffset(size_t codePoint) const {
    return codePoint < starts_.size() ? starts_[codePoint] : starts_.back();
  }

private:
  friend class InputStream;
  /// Where each code point starts, and the end of the text past the last.
  std::vector<uint32_t> starts_;
};

/// ANTLR's input stream over the text, decoded here in one pass that also records where each code point starts
/// (an invalid byte is one code point of its own): the runtime's own conversion (std::wstring_convert) peaks at
/// five times the UTF-32 size and keeps the spare.
class InputStream : public antlr4::ANTLRInputStream {
public:
  explicit InputStream(std::string_view text) {
    size_t codePoints = 0;
    for (char c : text)
      codePoints += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    _data.reserve(codePoints);
    offsets_.starts_.reserve(codePoints + 1);
    for (size_t i = 0; i < text.size();) {
      offsets_.starts_.push_back(static_cast<uint32_t>(i));
      _data.push_back(decodeUtf8(text, i));
    }
    offsets_.starts_.push_back(static_cast<uint32_t>(text.size()));
    p = 0;
  }
  const OffsetMap &offsets() const { return offsets_; }

private:
  OffsetMap offsets_;
};

} // namespace vdc::parse
