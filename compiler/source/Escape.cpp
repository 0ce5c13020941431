// Escape.cpp — per-format escaping of user strings, one function per format, over a shared control-character pass.
#include "source/Escape.h"

#include "source/Utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include <vector>

namespace vdc {

namespace {


std::vector<uint32_t> codePoints(std::string_view text) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < text.size();)
    out.push_back(decodeUtf8(text, i));
  return out;
}

} // namespace

bool isControlOrNoncharacter(uint32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
         (cp & 0xFFFE) == 0xFFFE;
}

std::string replaceControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    uint32_t cp = decodeUtf8(text, i);
    if (cp == kReplacementCharacter && !(i - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD"))
      appendUtf8(out, kReplacementCharacter); // an invalid byte
    else if (isControlOrNoncharacter(cp) || isBidiControl(cp))
      out += fmt::format("\\u{{{:X}}}", cp);
    else
      out.append(text.substr(start, i - start));
  }
  return out;
}

std::string escapeLine(std::string_view raw) {
  std::string text = replaceControls(raw);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string escapeTerminal(std::string_view text) { return escapeLine(text); }

namespace {

/// Escapes what would start a block where `out[from..]` begins a line: leading blanks become character
/// references (which never count as indentation), a `-` or `=` (list item, thematic break, heading underline)
/// and the `.` or `)` after leading digits (ordered list) get a backslash.
void protectLineStart(std::string &out, size_t from) {
  std::string lead;
  size_t i = from;
  for (; i < out.size() && (out[i] == ' ' || out[i] == '\t'); ++i)
    lead += out[i] == ' ' ? "&#32;" : "&#9;";
  out.replace(from, i - from, lead);
  i = from + lead.size();
  if (i < out.size() && (out[i] == '-' || out[i] == '=')) {
    out.insert(i, 1, '\\');
    return;
  }
  size_t digits = i;
  while (digits < out.size() && std::isdigit(static_cast<unsigned char>(out[digits])))
    ++digits;
  if (digits > i && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))
    out.insert(digits, 1, '\\');
}

/// Markdown escaping with a chosen spelling of a line break; `lineStart` when the text starts a line.
std::string markdown(std::string_view raw, bool paragraph, bool lineStart = true) {
  std::string text = replaceControls(raw);
  std::string out;
  size_t lineBegin = 0;
  for (char c : text) {
    switch (c) {
    case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']': case '(': case ')':
    case '#': case '+': case '!': case '|': case '~': case '>': case '$':
      out += '\\';
      out += c;
      break;
    case '<':
      out += "&lt;";
      break;
    case '&':
      out += "&amp;";
      break;
    case '\n':
      if (paragraph) {
        if (lineStart || lineBegin > 0)
          protectLineStart(out, lineBegin);
        out += "  \n";
        lineBegin = out.size();
      } else {
        out += "<br>";
      }
      break;
    default:
      out += c;
    }
  }
  if (lineStart || lineBegin > 0)
    protectLineStart(out, lineBegin);
  return out;
}

} // namespace

std::string escapeMarkdown(std::string_view raw) { return markdown(raw, false); }

std::string escapeMarkdownParagraph(std::string_view raw) { return markdown(raw, true); }

std::string escapeMarkdownNames(std::string_view text) {
  auto isName = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    });
  };
  std::string out;
  size_t pos = 0, plain = 0; // text[plain..pos) is waiting to be escaped
  while ((pos = text.find('`', pos)) != std::string_view::npos) {
    size_t close = text.find('`', pos + 1);
    if (close != std::string_view::npos && isName(text.substr(pos + 1, close - pos - 1))) {
      out += markdown(text.substr(plain, pos - plain), false, plain == 0) +
             markdownCode(text.substr(pos + 1, close - pos - 1));
      plain = pos = close + 1;
    } else {
      ++pos;
    }
  }
  return out + markdown(text.substr(plain), false, plain == 0);
}

std::string markdownCode(std::string_view raw) {
  std::string text = escapeLine(raw);
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  // A space inside each fence keeps a backtick at either end apart from the fence; Markdown removes one
  // space from each side when both are there, so text that starts and ends with a space gets one more.
  bool pad = text.empty() || text.front() == '`' || text.back() == '`' || (text.front() == ' ' && text.back() == ' ');
  return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
}

namespace {
std::string xml(std::string_view raw, bool attribute) {
  std::string text = replaceControls(raw);
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    case '\n': out += attribute ? "&#10;" : "\n"; break;
    case '\t': out += attribute ? "&#9;" : "\t"; break;
    default: out += c;
    }
  }
  return out;
}
} // namespace

std::string escapeXml(std::string_view text) { return xml(text, false); }

std::string escapeXmlAttribute(std::string_view text) { return xml(text, true); }

// ---------------------------------------------------------------- LaTeX

namespace {

/// A Latin letter with one accent, from Unicode's canonical decompositions of U+00C0..U+017F. Letters with an
/// ogonek are left out: `\k` exists only in the T1 encoding.
struct Accented {
  uint32_t cp;
  char base;
  char accent;
};
constexpr Accented kAccented[] = {
    {0x00C0, 'A', '`'}, {0x00C1, 'A', '\''}, {0x00C2, 'A', '^'}, {0x00C3, 'A', '~'}, {0x00C4, 'A', '"'},
    {0x00C5, 'A', 'r'}, {0x00C7, 'C', 'c'}, {0x00C8, 'E', '`'}, {0x00C9, 'E', '\''}, {0x00CA, 'E', '^'},
    {0x00CB, 'E', '"'}, {0x00CC, 'I', '`'}, {0x00CD, 'I', '\''}, {0x00CE, 'I', '^'}, {0x00CF, 'I', '"'},
    {0x00D1, 'N', '~'}, {0x00D2, 'O', '`'}, {0x00D3, 'O', '\''}, {0x00D4, 'O', '^'}, {0x00D5, 'O', '~'},
    {0x00D6, 'O', '"'}, {0x00D9, 'U', '`'}, {0x00DA, 'U', '\''}, {0x00DB, 'U', '^'}, {0x00DC, 'U', '"'},
    {0x00DD, 'Y', '\''}, {0x00E0, 'a', '`'}, {0x00E1, 'a', '\''}, {0x00E2, 'a', '^'}, {0x00E3, 'a', '~'},
    {0x00E4, 'a', '"'}, {0x00E5, 'a', 'r'}, {0x00E7, 'c', 'c'}, {0x00E8, 'e', '`'}, {0x00E9, 'e', '\''},
    {0x00EA, 'e', '^'}, {0x00EB, 'e', '"'}, {0x00EC, 'i', '`'}, {0x00ED, 'i', '\''}, {0x00EE, 'i', '^'},
    {0x00EF, 'i', '"'}, {0x00F1, 'n', '~'}, {0x00F2, 'o', '`'}, {0x00F3, 'o', '\''}, {0x00F4, 'o', '^'},
    {0x00F5, 'o', '~'}, {0x00F6, 'o', '"'}, {0x00F9, 'u', '`'}, {0x00FA, 'u', '\''}, {0x00FB, 'u', '^'},
    {0x00FC, 'u', '"'}, {0x00FD, 'y', '\''}, {0x00FF, 'y', '"'}, {0x0100, 'A', '='}, {0x0101, 'a', '='},
    {0x0102, 'A', 'u'}, {0x0103, 'a', 'u'}, {0x0106, 'C', '\''}, {0x0107, 'c', '\''}, {0x0108, 'C', '^'},
    {0x0109, 'c', '^'}, {0x010A, 'C', '.'}, {0x010B, 'c', '.'}, {0x010C, 'C', 'v'}, {0x010D, 'c', 'v'},
    {0x010E, 'D', 'v'}, {0x010F, 'd', 'v'}, {0x0112, 'E', '='}, {0x0113, 'e', '='}, {0x0114, 'E', 'u'},
    {0x0115, 'e', 'u'}, {0x0116, 'E', '.'}, {0x0117, 'e', '.'}, {0x011A, 'E', 'v'}, {0x011B, 'e', 'v'},
    {0x011C, 'G', '^'}, {0x011D, 'g', '^'}, {0x011E, 'G', 'u'}, {0x011F, 'g', 'u'}, {0x0120, 'G', '.'},
    {0x0121, 'g', '.'}, {0x0122, 'G', 'c'}, {0x0123, 'g', 'c'}, {0x0124, 'H', '^'}, {0x0125, 'h', '^'},
    {0x0128, 'I', '~'}, {0x0129, 'i', '~'}, {0x012A, 'I', '='}, {0x012B, 'i', '='}, {0x012C, 'I', 'u'},
    {0x012D, 'i', 'u'}, {0x0130, 'I', '.'}, {0x0134, 'J', '^'}, {0x0135, 'j', '^'}, {0x0136, 'K', 'c'},
    {0x0137, 'k', 'c'}, {0x0139, 'L', '\''}, {0x013A, 'l', '\''}, {0x013B, 'L', 'c'}, {0x013C, 'l', 'c'},
    {0x013D, 'L', 'v'}, {0x013E, 'l', 'v'}, {0x0143, 'N', '\''}, {0x0144, 'n', '\''}, {0x0145, 'N', 'c'},
    {0x0146, 'n', 'c'}, {0x0147, 'N', 'v'}, {0x0148, 'n', 'v'}, {0x014C, 'O', '='}, {0x014D, 'o', '='},
    {0x014E, 'O', 'u'}, {0x014F, 'o', 'u'}, {0x0150, 'O', 'H'}, {0x0151, 'o', 'H'}, {0x0154, 'R', '\''},
    {0x0155, 'r', '\''}, {0x0156, 'R', 'c'}, {0x0157, 'r', 'c'}, {0x0158, 'R', 'v'}, {0x0159, 'r', 'v'},
    {0x015A, 'S', '\''}, {0x015B, 's', '\''}, {0x015C, 'S', '^'}, {0x015D, 's', '^'}, {0x015E, 'S', 'c'},
    {0x015F, 's', 'c'}, {0x0160, 'S', 'v'}, {0x0161, 's', 'v'}, {0x0162, 'T', 'c'}, {0x0163, 't', 'c'},
    {0x0164, 'T', 'v'}, {0x0165, 't', 'v'}, {0x0168, 'U', '~'}, {0x0169, 'u', '~'}, {0x016A, 'U', '='},
    {0x016B, 'u', '='}, {0x016C, 'U', 'u'}, {0x016D, 'u', 'u'}, {0x016E, 'U', 'r'}, {0x016F, 'u', 'r'},
    {0x0170, 'U', 'H'}, {0x0171, 'u', 'H'}, {0x0174, 'W', '^'}, {0x0175, 'w', '^'}, {0x0176, 'Y', '^'},
    {0x0177, 'y', '^'}, {0x0178, 'Y', '"'}, {0x0179, 'Z', '\''}, {0x017A, 'z', '\''}, {0x017B, 'Z', '.'},
    {0x017C, 'z', '.'}, {0x017D, 'Z', 'v'}, {0x017E, 'z', 'v'},
};

/// The text-mode accent command of a combining mark, or 0.
char textAccentOf(uint32_t mark) {
  switch (mark) {
  case 0x0300: return '`';
  case 0x0301: return '\'';
  case 0x0302: return '^';
  case 0x0303: return '~';
  case 0x0304: return '=';
  case 0x0306: return 'u';
  case 0x0307: return '.';
  case 0x0308: return '"';
  case 0x030A: return 'r';
  case 0x030B: return 'H';
  case 0x030C: return 'v';
  case 0x0327: return 'c';
  default: return 0;
  }
}

/// The math-mode accent of a combining mark (as in β̂ and τ̄), or null.
const char *mathAccentOf(uint32_t mark) {
  switch (mark) {
  case 0x0302: return "\\hat";
  case 0x0303: return "\\tilde";
  case 0x0304: case 0x0305: return "\\bar";
  case 0x0307: return "\\dot";
  case 0x0308: return "\\ddot";
  case 0x20D7: return "\\vec";
  default: return nullptr;
  }
}

bool isCombining(uint32_t cp) { return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x20D0 && cp <= 0x20FF); }

/// Invisible formatting characters that are dropped: zero-width space and joiners, variation selectors, BOM.
bool isInvisible(uint32_t cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F);
}

/// Greek letters and mathematical symbols, as the body of a `$...$`.
const char *mathSymbol(uint32_t cp) {
  static const char *const kGreekLower[] = {
      "\\alpha", "\\beta", "\\gamma", "\\delta", "\\epsilon", "\\zeta", "\\eta", "\\theta", "\\iota", "\\kappa",
      "\\lambda", "\\mu", "\\nu", "\\xi", "o", "\\pi", "\\rho", "\\varsigma", "\\sigma", "\\tau", "\\upsilon",
      "\\varphi", "\\chi", "\\psi", "\\omega"};
  static const char *const kGreekUpper[] = {
      "\\mathrm{A}", "\\mathrm{B}", "\\Gamma", "\\Delta", "\\mathrm{E}", "\\mathrm{Z}", "\\mathrm{H}", "\\Theta",
      "\\mathrm{I}", "\\mathrm{K}", "\\Lambda", "\\mathrm{M}", "\\mathrm{N}", "\\Xi", "\\mathrm{O}", "\\Pi",
      "\\mathrm{P}", nullptr, "\\Sigma", "\\mathrm{T}", "\\Upsilon", "\\Phi", "\\mathrm{X}", "\\Psi", "\\Omega"};
  if (cp >= 0x03B1 && cp <= 0x03C9)
    return kGreekLower[cp - 0x03B1];
  if (cp >= 0x0391 && cp <= 0x03A9)
    return kGreekUpper[cp - 0x0391];
  static const char *const kSuperscripts[] = {"^0", "^1", "^2", "^3", "^4", "^5", "^6", "^7", "^8", "^9"};
  static const char *const kSubscripts[] = {"_0", "_1", "_2", "_3", "_4", "_5", "_6", "_7", "_8", "_9"};
  if (cp >= 0x2080 && cp <= 0x2089)
    return kSubscripts[cp - 0x2080];
  if (cp >= 0x2074 && cp <= 0x2079)
    return kSuperscripts[cp - 0x2070];
  switch (cp) {
  case 0x03D1: return "\\vartheta";
  case 0x03D5: return "\\phi";
  case 0x03F5: return "\\epsilon";
  case 0x00B0: return "^\\circ";
  case 0x00B1: return "\\pm";
  case 0x00B2: return "^2";
  case 0x00B3: return "^3";
  case 0x00B5: return "\\mu";
  case 0x00B7: return "\\cdot";
  case 0x00B9: return "^1";
  case 0x00AC: return "\\neg";
  case 0x00AB: return "\\ll";
  case 0x00BB: return "\\gg";
  case 0x00BC: return "\\frac{1}{4}";
  case 0x00BD: return "\\frac{1}{2}";
  case 0x00BE: return "\\frac{3}{4}";
  case 0x00A7: return "\\S";
  case 0x00B6: return "\\P";
  case 0x2022: case 0x25CF: return "\\bullet";
  case 0x00D7: return "\\times";
  case 0x00F7: return "\\div";
  case 0x1D62: return "_i";
  case 0x1D64: return "_u";
  case 0x2070: return "^0";
  case 0x2099: return "_n";
  case 0x209C: return "_t";
  case 0x2C7C: return "_j";
  case 0x2032: return "\\prime";
  case 0x2033: return "\\prime\\prime";
  case 0x2190: return "\\leftarrow";
  case 0x2192: return "\\rightarrow";
  case 0x2194: return "\\leftrightarrow";
  case 0x21D0: return "\\Leftarrow";
  case 0x21D2: return "\\Rightarrow";
  case 0x21D4: return "\\Leftrightarrow";
  case 0x21A6: return "\\mapsto";
  case 0x27F6: return "\\longrightarrow";
  case 0x27F9: return "\\Longrightarrow";
  case 0x2200: return "\\forall";
  case 0x2202: return "\\partial";
  case 0x2203: return "\\exists";
  case 0x2205: return "\\emptyset";
  case 0x2207: return "\\nabla";
  case 0x2208: return "\\in";
  case 0x2209: return "\\notin";
  case 0x220F: return "\\prod";
  case 0x2211: return "\\sum";
  case 0x2212: return "-";
  case 0x2217: return "\\ast";
  case 0x221A: return "\\surd";
  case 0x221D: return "\\propto";
  case 0x221E: return "\\infty";
  case 0x2223: return "\\mid";
  case 0x2225: return "\\parallel";
  case 0x2227: return "\\wedge";
  case 0x2228: return "\\vee";
  case 0x2229: return "\\cap";
  case 0x222A: return "\\cup";
  case 0x222B: return "\\int";
  case 0x223C: return "\\sim";
  case 0x2243: return "\\simeq";
  case 0x2248: return "\\approx";
  case 0x2260: return "\\neq";
  case 0x2261: return "\\equiv";
  case 0x2264: return "\\leq";
  case 0x2265: return "\\geq";
  case 0x226A: return "\\ll";
  case 0x226B: return "\\gg";
  case 0x2282: return "\\subset";
  case 0x2283: return "\\supset";
  case 0x2286: return "\\subseteq";
  case 0x2287: return "\\supseteq";
  case 0x22A5: return "\\perp";
  case 0x22C5: return "\\cdot";
  case 0x2AEB: return "\\perp\\!\\!\\!\\perp";
  case 0x211D: return "\\mathbf{R}";
  case 0x1D49C: return "\\mathcal{A}";
  case 0x1D53C: return "\\mathrm{E}";
  default: return nullptr;
  }
}

/// Text-mode commands for letters and punctuation that are not accented letters, or null. None of them needs a
/// TS1 (text companion) font: with OT1 that font exists only as a bitmap made on the fly by mktexpk.
const char *textSymbol(uint32_t cp) {
  switch (cp) {
  case 0x00A0: return "~";
  case 0x00A1: return "\\textexclamdown{}";
  case 0x00A9: return "(C)";
  case 0x00AD: return "\\-";
  case 0x00AE: return "(R)";
  case 0x00BF: return "\\textquestiondown{}";
  case 0x00C6: return "\\AE{}";
  case 0x00D8: return "\\O{}";
  case 0x00DF: return "\\ss{}";
  case 0x00E6: return "\\ae{}";
  case 0x00F8: return "\\o{}";
  case 0x0131: return "\\i{}";
  case 0x0132: return "IJ";
  case 0x0133: return "ij";
  case 0x0141: return "\\L{}";
  case 0x0142: return "\\l{}";
  case 0x0149: return "\\textquoteright{}n";
  case 0x0152: return "\\OE{}";
  case 0x0153: return "\\oe{}";
  case 0x0237: return "\\j{}";
  case 0x2010: case 0x2011: return "-{}";
  case 0x2013: return "\\textendash{}";
  case 0x2014: return "\\textemdash{}";
  case 0x2018: return "\\textquoteleft{}";
  case 0x2019: return "\\textquoteright{}";
  case 0x201C: return "\\textquotedblleft{}";
  case 0x201D: return "\\textquotedblright{}";
  case 0x2026: return "\\ldots{}";
  case 0x2002: case 0x2003: case 0x2009: case 0x202F: return " ";
  default: return nullptr;
  }
}

/// An ASCII character in text mode: specials as commands, everything else as itself.
std::string asciiLatex(char c) {
  switch (c) {
  case '\\': return "\\textbackslash{}";
  case '&': case '%': case '#': case '_': case '{': case '}': return std::string("\\") + c;
  case '$': return "$\\$$"; // text-mode `\$` needs a TS1 font with OT1; the math dollar does not
  case '~': return "\\textasciitilde{}";
  case '^': return "\\textasciicircum{}";
  case '<': return "\\textless{}";
  case '>': return "\\textgreater{}";
  case '|': return "\\textbar{}";
  case '"': return "\\texttt{\\symbol{34}}"; // `\textquotedbl` does not exist in OT1
  case '[': return "{[}";                   // never read as the optional argument of a command before it
  case ']': return "{]}";
  case '\n': return "\\leavevmode\\newline{}"; // also where no line has started (an item, a run-in heading)
  case '\t': return " ";
  default: return std::string(1, c);
  }
}

/// Appends a piece of LaTeX, separating characters that TeX fonts would join into a ligature
/// (`--`, `''`, ``` `` ```, `,,`, `!``, `?``).
void appendLatex(std::string &out, const std::string &piece) {
  if (!out.empty() && !piece.empty()) {
    char last = out.back(), next = piece.front();
    bool ligature = (last == next && (last == '-' || last == '\'' || last == '`' || last == ',')) ||
                    ((last == '!' || last == '?') && next == '`');
    if (ligature)
      out += "{}";
  }
  out += piece;
}

} // namespace

std::string escapeLatex(std::string_view raw) {
  std::vector<uint32_t> cps = codePoints(replaceControls(raw));
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t cp = cps[i];
    std::vector<uint32_t> marks;
    while (i + 1 < cps.size() && isCombining(cps[i + 1]))
      marks.push_back(cps[++i]);
    auto unknownMarks = [&](std::string piece, bool math) {
      for (uint32_t mark : marks) {
        if (math && mathAccentOf(mark)) {
          piece = std::string(mathAccentOf(mark)) + "{" + piece + "}";
        } else if (!math && textAccentOf(mark) && piece.size() == 1 && std::isalpha(static_cast<unsigned char>(piece[0]))) {
          std::string base = piece == "i" ? "\\i" : piece == "j" ? "\\j" : piece;
          piece = std::string("\\") + textAccentOf(mark) + "{" + base + "}";
        } else {
          piece += (math ? "\\mbox{" : "") + fmt::format("\\texttt{{[U+{:04X}]}}", mark) + (math ? "}" : "");
        }
      }
      return piece;
    };
    if (isCombining(cp) || isInvisible(cp)) {
      if (isCombining(cp))
        appendLatex(out, fmt::format("\\texttt{{[U+{:04X}]}}", cp));
      appendLatex(out, unknownMarks("", false));
      continue;
    }
    if (cp < 0x80) {
      appendLatex(out, unknownMarks(asciiLatex(static_cast<char>(cp)), false));
      continue;
    }
    if (const char *math = mathSymbol(cp)) {
      appendLatex(out, "$" + unknownMarks(math, true) + "$");
      continue;
    }
    if (const char *symbol = textSymbol(cp)) {
      appendLatex(out, unknownMarks(symbol, false));
      continue;
    }
    const Accented *accented = nullptr;
    for (const Accented &a : kAccented)
      if (a.cp == cp)
        accented = &a;
    if (accented) {
      std::string base = accented->base == 'i' ? "\\i" : accented->base == 'j' ? "\\j" : std::string(1, accented->base);
      appendLatex(out, unknownMarks(std::string("\\") + accented->accent + "{" + base + "}", false));
      continue;
    }
    appendLatex(out, unknownMarks(fmt::format("\\texttt{{[U+{:04X}]}}", cp), false));
  }
  return out;
}

// ---------------------------------------------------------------- Graphviz and workflow commands

std::string escapeDot(std::string_view raw) {
  std::string text = replaceControls(raw);
  std::string out;
  for (char c : text) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '&': out += "&amp;"; break; // Graphviz reads HTML entities in labels: `&lt;` must stay four characters
    default: out += c;
    }
  }
  return out;
}

std::string escapeWorkflowData(std::string_view raw) {
  std::string text = replaceControls(raw);
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string jsonWithVisibleBidi(std::string json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size();) {
    size_t start = i;
    uint32_t cp = decodeUtf8(json, i);
    if (isBidiControl(cp))
      out += fmt::format("\\u{:04X}", cp);
    else
      out.append(json, start, i - start);
  }
  return out;
}

std::string escapeWorkflowProperty(std::string_view text) {
  std::string out;
  for (char c : escapeWorkflowData(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

} // namespace vdc
