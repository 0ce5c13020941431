// Escape.h — escaping of user strings for each output format (terminal, Markdown, XML/HTML, LaTeX, DOT, workflow commands, JSON).
// It sits in the lowest phase (source) because diagnostics, the driver, the reports and the language server all print
// user strings through it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vdc {

/// True for a code point no report may pass through raw: C0 controls other than tab and line feed, DEL, C1
/// controls and the Unicode noncharacters (U+FDD0..U+FDEF and U+xFFFE/U+xFFFF of every plane).
bool isControlOrNoncharacter(uint32_t cp);

/// Replaces each control character and noncharacter (see above) and each bidirectional formatting character
/// (isBidiControl, source/Utf8.h) with its visible spelling in the language's own escape syntax, `\u{1B}`,
/// `\u{202E}`, and each byte that is not part of valid UTF-8 with U+FFFD. Tab and line feed are kept. Every
/// escape function below applies this first, so no writer passes a terminal escape sequence, a bell, a
/// character XML forbids or one that reorders the text around it.
std::string replaceControls(std::string_view text);

/// User text inside one line of a line-oriented output (the text report, terminal diagnostics, `vdc verify`
/// and `vdc fmt --check` lines, GitHub annotations, JUnit failure lines): as replaceControls, and a line
/// break as `\n`, so that a value cannot start a line of its own that looks like one vdc wrote.
std::string escapeLine(std::string_view text);

/// Text for a terminal: the same as escapeLine.
std::string escapeTerminal(std::string_view text);

/// Escapes text for GitHub-flavoured Markdown outside code spans, inline or in a table cell: punctuation that
/// Markdown or a table would interpret gets a backslash, `<` and `&` become entities, a line break becomes
/// `<br>`; where the text starts a line, what could start a list, a heading underline or an indented code
/// block (`-`, `=`, `1.`, leading spaces) is escaped too. No user string becomes a link, an image, a heading,
/// HTML or a comment.
std::string escapeMarkdown(std::string_view text);

/// As escapeMarkdown, for a paragraph of its own (hover text): a line break becomes a Markdown hard line
/// break (two spaces and a line feed) instead of `<br>`, and every line is protected as a line start.
std::string escapeMarkdownParagraph(std::string_view text);

/// As escapeMarkdown, for generated text that quotes names in backticks (chain steps): each backticked name
/// (letters, digits, `_` and `.`) becomes a code span, everything else, a backtick from a value included, is
/// escaped text.
std::string escapeMarkdownNames(std::string_view text);

/// A Markdown code span showing text literally: the fence is one backtick longer than the longest run of
/// backticks in the text, so none of them can close it; controls are made visible and a line break is shown
/// as `\n` (escapeLine). Not for table cells (a `|` would still end the cell).
std::string markdownCode(std::string_view text);

/// Escapes text for XML and HTML element content (& < > " ').
std::string escapeXml(std::string_view text);

/// Escapes text for an XML attribute value: as escapeXml, and tab, line feed and carriage return as character
/// references, so that a parser's attribute-value normalisation gives back the original string.
std::string escapeXmlAttribute(std::string_view text);

/// Escapes text for LaTeX in text mode. The result is ASCII and compiles with pdflatex in any font encoding
/// (OT1 or T1): Latin letters with accents become accent commands, Greek letters and mathematical symbols
/// math mode, other characters a visible `[U+XXXX]` (grammar/REFERENCE.md, "Report formats").
std::string escapeLatex(std::string_view text);

/// Escapes text for a double-quoted Graphviz label.
std::string escapeDot(std::string_view text);

/// Escapes the message of a GitHub workflow command (% CR LF).
std::string escapeWorkflowData(std::string_view text);

/// Escapes a property value of a GitHub workflow command (% CR LF : ,).
std::string escapeWorkflowProperty(std::string_view text);

/// Serialized JSON with each bidirectional formatting character written as a JSON escape (`\u202E`): a parser
/// reads back exactly the same strings, and the file shows the character instead of reordering the text
/// around it. `json` must be a complete JSON text (such characters can only occur inside its strings).
std::string jsonWithVisibleBidi(std::string json);

} // namespace vdc
