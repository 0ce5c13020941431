// EscapeTest.cpp — the report escapers on characters the lexer no longer lets through: controls, noncharacters, bad UTF-8.
#include "report/RepositoryPath.h"
#include "source/Escape.h"
#include "source/Utf8.h"

#include <catch2/catch.hpp>
#include <llvm/Support/JSON.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace vdc;

namespace {

std::string utf8(uint32_t cp) {
  std::string out;
  appendUtf8(out, cp);
  return out;
}

/// Every code point a writer must not pass through raw: C0 but tab and line feed, DEL, C1, noncharacters.
std::vector<uint32_t> forbidden() {
  std::vector<uint32_t> out;
  for (uint32_t cp = 0; cp < 0x20; ++cp)
    if (cp != '\t' && cp != '\n')
      out.push_back(cp);
  for (uint32_t cp = 0x7F; cp <= 0x9F; ++cp)
    out.push_back(cp);
  for (uint32_t cp : {0xFDD0u, 0xFDEFu, 0xFFFEu, 0xFFFFu, 0x1FFFEu, 0x10FFFFu})
    out.push_back(cp);
  return out;
}

std::string allForbidden() {
  std::string s = "a";
  for (uint32_t cp : forbidden())
    s += utf8(cp) + "|";
  return s + "z";
}

/// True when `text` holds a forbidden code point, encoded as UTF-8.
bool holdsForbidden(const std::string &text) {
  for (uint32_t cp : forbidden())
    if (text.find(utf8(cp)) != std::string::npos)
      return true;
  return false;
}

} // namespace

TEST_CASE("control characters and noncharacters are spelled as visible escapes") {
  for (uint32_t cp : forbidden()) {
    INFO("U+" << std::hex << cp);
    CHECK(isControlOrNoncharacter(cp));
    std::string out = replaceControls("x" + utf8(cp) + "y");
    CHECK_FALSE(holdsForbidden(out));
  }
  CHECK(replaceControls("\x1b[31mred\x07") == "\\u{1B}[31mred\\u{7}");
  CHECK(replaceControls("a\tb\nc") == "a\tb\nc");
  CHECK(replaceControls("\r") == "\\u{D}");
  CHECK(replaceControls(utf8(0x9B) + "2J") == "\\u{9B}2J"); // the one-byte CSI of C1
  CHECK(replaceControls(utf8(0xFFFE)) == "\\u{FFFE}");
  CHECK(replaceControls("τ ⫫ 😀 \xEF\xBF\xBD") == "τ ⫫ 😀 \xEF\xBF\xBD");
  // Bytes that are not UTF-8 become U+FFFD: a lone continuation byte, a Latin-1 byte, an overlong NUL.
  CHECK(replaceControls("caf\xe9!") == "caf\xEF\xBF\xBD!");
  CHECK(replaceControls("\x80") == "\xEF\xBF\xBD");
  CHECK(replaceControls("\xC0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(escapeTerminal("\x1b]0;title\x07") == "\\u{1B}]0;title\\u{7}");
}

TEST_CASE("every escaper applies the control-character pass") {
  std::string hostile = allForbidden();
  CHECK_FALSE(holdsForbidden(escapeTerminal(hostile)));
  CHECK_FALSE(holdsForbidden(escapeMarkdown(hostile)));
  CHECK_FALSE(holdsForbidden(escapeXml(hostile)));
  CHECK_FALSE(holdsForbidden(escapeXmlAttribute(hostile)));
  CHECK_FALSE(holdsForbidden(escapeLatex(hostile)));
  CHECK_FALSE(holdsForbidden(escapeDot(hostile)));
  CHECK_FALSE(holdsForbidden(escapeWorkflowData(hostile)));
  CHECK_FALSE(holdsForbidden(escapeWorkflowProperty(hostile)));
  CHECK(escapeMarkdown("\x1b") == "\\\\u\\{1B\\}");
  CHECK(escapeXml("a\x1b<") == "a\\u{1B}&lt;");
  CHECK(escapeWorkflowData("50%\r\n\x1b") == "50%25\\u{D}%0A\\u{1B}");
}

TEST_CASE("XML attributes keep line breaks and tabs through attribute-value normalisation") {
  CHECK(escapeXmlAttribute("a\nb\tc <&>\"'") == "a&#10;b&#9;c &lt;&amp;&gt;&quot;&#39;");
  CHECK(escapeXml("a\nb") == "a\nb");
}

TEST_CASE("Graphviz labels keep entities literal") {
  CHECK(escapeDot("a &lt; b \"c\" \\d\ne") == "a &amp;lt; b \\\"c\\\" \\\\d\\ne");
}

TEST_CASE("a DOT label with every control character renders to SVG that parses as XML") {
  if (std::system("command -v dot > /dev/null 2>&1 && command -v python3 > /dev/null 2>&1") != 0) {
    WARN("dot or python3 not installed: rendering not checked");
    return;
  }
  auto dir = std::filesystem::temp_directory_path() / ("vdc-escape-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string hostile = allForbidden() + " & &lt; <b> \"q\" \\n";
  {
    std::ofstream dot(dir / "g.dot", std::ios::binary);
    dot << "digraph g {\n  \"" << escapeDot("node " + hostile) << "\" [label=\"" << escapeDot(hostile) << "\"];\n}\n";
  }
  std::string render = "dot -Tsvg '" + (dir / "g.dot").string() + "' -o '" + (dir / "g.svg").string() + "' 2> '" +
                       (dir / "err").string() + "'";
  CHECK(std::system(render.c_str()) == 0);
  std::ifstream err(dir / "err");
  std::string warnings((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  CHECK(warnings.empty());
  // The SVG parses as XML and its text is the label with each control character spelled \u{..}.
  std::string parse = "python3 -c \"import sys, xml.etree.ElementTree as E; "
                      "t=''.join(E.parse(sys.argv[1]).getroot().itertext()); "
                      "sys.exit(0 if r'\\u{1B}' in t and '&lt; <b> \\\"q\\\"' in t else 1)\" '" +
                      (dir / "g.svg").string() + "'";
  CHECK(std::system(parse.c_str()) == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("the LaTeX escaper writes ASCII only") {
  std::string text = allForbidden();
  for (uint32_t cp = 0xA0; cp < 0x3000; cp += 7)
    text += utf8(cp);
  text += "😀 \xe9";
  std::string out = escapeLatex(text);
  for (char c : out)
    CHECK(static_cast<unsigned char>(c) < 0x80);
  CHECK(escapeLatex("\"x\"") == "\\texttt{\\symbol{34}}x\\texttt{\\symbol{34}}");
  CHECK(escapeLatex("a\n[2]") == "a\\leavevmode\\newline{}{[}2{]}");
  CHECK(escapeLatex("a--b---c") == "a-{}-b-{}-{}-c");
  CHECK(escapeLatex("Köln ŉ ĸ") == "K\\\"{o}ln \\textquoteright{}n \\texttt{[U+0138]}");
  CHECK(escapeLatex("β̂ ≤ 1") == "$\\hat{\\beta}$ $\\leq$ 1");
}

TEST_CASE("SARIF URIs percent-encode everything but unreserved characters and slashes") {
  CHECK(percentEncodePath("a b/c#d%e?f:g/ü.vdesign") == "a%20b/c%23d%25e%3Ff%3Ag/%C3%BC.vdesign");
  CHECK(percentEncodePath("A-Z_a.z~0/9") == "A-Z_a.z~0/9");
}

TEST_CASE("bidirectional formatting characters are spelled as visible escapes by every escaper") {
  std::vector<uint32_t> bidi = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                                0x200E, 0x200F, 0x061C};
  for (uint32_t cp : bidi) {
    INFO("U+" << std::hex << cp);
    CHECK(isBidiControl(cp));
    std::string raw = "a" + utf8(cp) + "b";
    for (const std::string &out : {replaceControls(raw), escapeTerminal(raw), escapeMarkdown(raw), escapeXml(raw),
                                   escapeLatex(raw), escapeDot(raw), escapeWorkflowData(raw), markdownCode(raw)})
      CHECK(out.find(utf8(cp)) == std::string::npos);
  }
  CHECK_FALSE(isBidiControl(0x200D)); // a zero-width joiner does not reorder text
  CHECK(replaceControls("x" + utf8(0x202E) + "y") == "x\\u{202E}y");
  CHECK(replaceControls(utf8(0x061C)) == "\\u{61C}");
}

TEST_CASE("JSON shows bidirectional formatting characters as escapes and still parses to the same string") {
  std::string value = "deny" + utf8(0x202E) + " " + utf8(0x2066) + "safe" + utf8(0x2069) + utf8(0x061C) + " τ";
  std::string json = "{\"title\": \"" + value + "\"}";
  std::string shown = jsonWithVisibleBidi(json);
  CHECK(shown == "{\"title\": \"deny\\u202E \\u2066safe\\u2069\\u061C τ\"}");
  auto parsed = llvm::json::parse(shown);
  REQUIRE(static_cast<bool>(parsed));
  CHECK(parsed->getAsObject()->getString("title")->str() == value);
}

TEST_CASE("line-oriented outputs show a line break inside a value as \\n") {
  CHECK(escapeLine("a\nsummary: all holds\tok") == "a\\nsummary: all holds\tok");
  CHECK(escapeTerminal("x\n\x1b[2J") == "x\\n\\u{1B}[2J");
}

TEST_CASE("Markdown escaping leaves no structure: links, images, HTML, headings, lists, code") {
  CHECK(escapeMarkdown("![x](http://e/p.png) [a](http://e)") == "\\!\\[x\\]\\(http://e/p.png\\) \\[a\\]\\(http://e\\)");
  CHECK(escapeMarkdown("x\n# All claims hold\n<!--") == "x<br>\\# All claims hold<br>&lt;\\!--");
  // What could start a block where the text starts a line: a list item, a heading underline, an ordered list,
  // an indented code block.
  CHECK(escapeMarkdown("- item") == "\\- item");
  CHECK(escapeMarkdown("===") == "\\===");
  CHECK(escapeMarkdown("12. item") == "12\\. item");
  CHECK(escapeMarkdown("    code") == "&#32;&#32;&#32;&#32;code");
  CHECK(escapeMarkdown("a - b") == "a - b");
  CHECK(escapeMarkdownParagraph("one\n- two\n---\n  3) three") ==
        "one  \n\\- two  \n\\---  \n&#32;&#32;3\\) three");
}

TEST_CASE("a Markdown code span cannot be closed by a backtick inside it") {
  CHECK(markdownCode("name") == "`name`");
  CHECK(markdownCode("a `b` c") == "``a `b` c``");
  CHECK(markdownCode("``x``") == "``` ``x`` ```");
  CHECK(markdownCode("`") == "`` ` ``");
  CHECK(markdownCode("a\nb") == "`a\\nb`");
  CHECK(markdownCode(" x ") == "`  x  `");
}

TEST_CASE("generated text keeps its backticked names as code, and only names") {
  CHECK(escapeMarkdownNames("recipe `small` (note `a b`) for `big`") ==
        "recipe `small` \\(note \\`a b\\`\\) for `big`");
  CHECK(escapeMarkdownNames("study `s` (x\n<!--)") == "study `s` \\(x<br>&lt;\\!--\\)");
  CHECK(escapeMarkdownNames("- `x` -") == "\\- `x` -");
}
