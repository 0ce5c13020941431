// StringLiteral.cpp — the value of a string literal: `\"` `\\` `\n` `\t` and `\u{...}` resolved, bad escapes and
// control characters reported with the range of the escape.
#include "parse/StringLiteral.h"

#include "source/Utf8.h"

#include <algorithm>
#include <cctype>

namespace vdc::parse {

std::string unescapeString(std::string_view literal, SourceRange range, DiagnosticSink *diags) {
  std::string raw(literal);
  // The range of `length` bytes at `byteInToken` of the literal, for a message about one escape.
  auto escapeRange = [&](size_t byteInToken, uint32_t length) {
    SourceRange r = range;
    r.begin += static_cast<uint32_t>(byteInToken);
    r.end = std::min(r.end, r.begin + length);
    return r;
  };
  std::string out;
  if (raw.size() < 2)
    return out;
  size_t end = raw.back() == '"' && raw.size() >= 2 ? raw.size() - 1 : raw.size();
  for (size_t i = 1; i < end; ++i) {
    char c = raw[i];
    if (c != '\\' || i + 1 >= end) {
      // A control character or noncharacter typed into the string is replaced, so that no report or
      // terminal ever receives it; the source is valid UTF-8 here (checked before lexing).
      size_t next = i;
      uint32_t cp = decodeUtf8(std::string_view(raw).substr(0, end), next);
      size_t len = next - i;
      if (forbiddenInString(cp)) {
        if (diags)
          diags->report<DiagKind::ControlCharacter>(escapeRange(i, static_cast<uint32_t>(len)), cp).help =
              "write a line break as `\\n` and a tab as `\\t`; other control characters cannot appear in strings";
        appendUtf8(out, 0xFFFD);
      } else {
        out.append(raw, i, len);
      }
      i += len - 1;
      continue;
    }
    char e = raw[++i];
    switch (e) {
    case '"':
      out += '"';
      break;
    case '\\':
      out += '\\';
      break;
    case 'n':
      out += '\n';
      break;
    case 't':
      out += '\t';
      break;
    case 'u': {
      if (i + 1 >= end || raw[i + 1] != '{') {
        if (diags)
          diags->report<DiagKind::InvalidEscape>(escapeRange(i - 1, 2), "\\u").help =
              "write a code point as `\\u{1F600}`";
        break;
      }
      size_t close = raw.find('}', i);
      if (close == std::string::npos || close >= end)
        close = end; // unclosed: report up to the end of the string
      std::string digits = raw.substr(i + 2, close - i - 2);
      std::string shown = raw.substr(i - 1, std::min(close + 1, end) - (i - 1));
      auto codeRange = escapeRange(i - 1, static_cast<uint32_t>(shown.size()));
      bool hex = !digits.empty() && digits.size() <= 6 &&
                 std::all_of(digits.begin(), digits.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
      uint32_t cp = hex ? static_cast<uint32_t>(std::stoul(digits, nullptr, 16)) : 0;
      const char *problem = nullptr;
      if (close == end)
        problem = "it is not closed with `}`";
      else if (!hex)
        problem = "it needs 1 to 6 hexadecimal digits";
      else if (cp > 0x10FFFF)
        problem = "Unicode ends at U+10FFFF";
      else if (cp >= 0xD800 && cp <= 0xDFFF)
        problem = "U+D800 to U+DFFF are surrogates, not characters";
      if (problem) {
        if (diags)
          diags->report<DiagKind::InvalidCodePoint>(codeRange, shown, problem).help =
              "write a code point as `\\u{1F600}`";
      } else if (forbiddenInString(cp) && cp != '\n' && cp != '\t') {
        if (diags)
          diags->report<DiagKind::ControlCharacter>(codeRange, cp).help =
              "write a line break as `\\n` and a tab as `\\t`; other control characters cannot appear in strings";
        appendUtf8(out, 0xFFFD);
      } else {
        appendUtf8(out, cp);
      }
      i = std::min(close, end - 1);
      break;
    }
    default:
      if (diags) {
        auto &d = diags->report<DiagKind::InvalidEscape>(escapeRange(i - 1, 2), std::string("\\") + e);
        d.help = "the escapes are \\\" \\\\ \\n \\t and \\u{...}";
      }
      out += e;
    }
  }
  return out;
}

bool forbiddenInString(uint32_t cp) {
  return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
         (cp & 0xFFFE) == 0xFFFE;
}

} // namespace vdc::parse
