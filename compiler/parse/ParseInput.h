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
  explicit OffsetMap(std::string_view text) {
    offsets_.reserve(text.size() + 1);
    for (uint32_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
        offsets_.push_back(i);
    offsets_.push_back(static_cast<uint32_t>(text.size()));
  }
  uint32_t byteOffset(size_t codePoint) const {
    return codePoint < offsets_.size() ? offsets_[codePoint] : offsets_.back();
  }

private:
  std::vector<uint32_t> offsets_;
};

/// ANTLR's input stream over text already checked to be valid UTF-8, decoded here in one pass: the
/// runtime's own conversion (std::wstring_convert) peaks at five times the UTF-32 size and keeps the spare.
class InputStream : public antlr4::ANTLRInputStream {
public:
  explicit InputStream(std::string_view text) {
    size_t codePoints = 0;
    for (char c : text)
      codePoints += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    _data.reserve(codePoints);
    for (size_t i = 0; i < text.size();)
      _data.push_back(decodeUtf8(text, i));
    p = 0;
  }
};

} // namespace vdc::parse
