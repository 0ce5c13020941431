// Utf8.h — decoding and encoding single UTF-8 code points, for every part that walks text by characters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vdc {

/// What a byte that does not start a valid UTF-8 sequence decodes to.
constexpr uint32_t kReplacementCharacter = 0xFFFD;

/// Decodes the code point starting at text[i] and advances i past it. A byte that does not start a valid,
/// shortest-form sequence (or a surrogate) yields U+FFFD and advances by one byte.
uint32_t decodeUtf8(std::string_view text, size_t &i);

/// True for the Unicode bidirectional formatting characters: the embeddings and overrides U+202A..U+202E, the
/// isolates U+2066..U+2069 and the marks U+200E, U+200F and U+061C. They reorder how text around them is
/// displayed, so that it can read differently from what it holds ("Trojan Source").
constexpr bool isBidiControl(uint32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
         cp == 0x061C;
}

/// Appends the UTF-8 encoding of `cp` (at most U+10FFFF) to `out`.
void appendUtf8(std::string &out, uint32_t cp);

} // namespace vdc
