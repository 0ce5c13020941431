// Escape.cpp — per-format escaping, one function per format.
#include "report/Escape.h"

#include <fmt/format.h>

namespace vdc {

std::string escapeXml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      // Control characters other than tab and newline are not allowed in XML 1.0.
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n')
        out += ' ';
      else
        out += c;
    }
  }
  return out;
}

namespace {
/// Decodes one UTF-8 code point starting at text[i]; advances i.
uint32_t decode(std::string_view text, size_t &i) {
  auto c = static_cast<unsigned char>(text[i]);
  int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  uint32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (int k = 1; k < len && i + k < text.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += len;
  return cp;
}

const char *latexSymbol(uint32_t cp) {
  switch (cp) {
  case 0x03C4: return "$\\tau$";
  case 0x03B2: return "$\\beta$";
  case 0x03C8: return "$\\psi$";
  case 0x03A0: return "$\\Pi$";
  case 0x03C0: return "$\\pi$";
  case 0x03B1: return "$\\alpha$";
  case 0x03B3: return "$\\gamma$";
  case 0x03B4: return "$\\delta$";
  case 0x03B5: return "$\\epsilon$";
  case 0x03BC: return "$\\mu$";
  case 0x03C3: return "$\\sigma$";
  case 0x03A8: return "$\\Psi$";
  case 0x2248: return "$\\approx$";
  case 0x2260: return "$\\neq$";
  case 0x2264: return "$\\leq$";
  case 0x2265: return "$\\geq$";
  case 0x2192: return "$\\rightarrow$";
  case 0x2208: return "$\\in$";
  case 0x2211: return "$\\sum$";
  case 0x00B7: return "$\\cdot$";
  case 0x00D7: return "$\\times$";
  case 0x2AEB: return "$\\perp\\!\\!\\!\\perp$";
  case 0x1D49C: return "$\\mathcal{A}$";
  case 0x1D53C: return "$\\mathrm{E}$";
  case 0x0302: return "";  // combining circumflex (β̂): dropped
  case 0x0304: return "";  // combining macron (τ̄): dropped
  case 0x2013: return "--";
  case 0x2014: return "---";
  case 0x2018: return "`";
  case 0x2019: return "'";
  case 0x201C: return "``";
  case 0x201D: return "''";
  case 0x2026: return "\\ldots{}";
  case 0x25CF: return "\\textbullet{}";
  default: return nullptr;
  }
}
} // namespace

std::string escapeLatex(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    uint32_t cp = decode(text, i);
    switch (cp) {
    case '\\': out += "\\textbackslash{}"; continue;
    case '&': case '%': case '$': case '#': case '_': case '{': case '}':
      out += '\\';
      out += static_cast<char>(cp);
      continue;
    case '~': out += "\\textasciitilde{}"; continue;
    case '^': out += "\\textasciicircum{}"; continue;
    case '<': out += "\\textless{}"; continue;
    case '>': out += "\\textgreater{}"; continue;
    case '|': out += "\\textbar{}"; continue;
    case '"': out += "\\textquotedbl{}"; continue;
    case '\n': out += "\\\\ "; continue;
    case '\t': case '\r': out += ' '; continue;
    default: break;
    }
    if (cp < 0x20) {
      out += ' ';
    } else if (cp < 0x80 || (cp >= 0xA0 && cp <= 0x17F && cp != 0xB7 && cp != 0xD7)) {
      out.append(text.substr(start, i - start)); // ASCII and Latin letters: inputenc utf8 with T1 handles them
    } else if (const char *symbol = latexSymbol(cp)) {
      out += symbol;
    } else {
      out += fmt::format("\\texttt{{[U+{:04X}]}}", cp);
    }
  }
  return out;
}

std::string escapeDot(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\r')
      continue;
    out += c;
  }
  return out;
}

std::string escapeWorkflowData(std::string_view text) {
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
