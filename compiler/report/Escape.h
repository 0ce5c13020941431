// Escape.h — escaping of user strings for each output format (terminal, Markdown, XML/HTML, LaTeX, DOT, workflow commands).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vdc {

/// True for a code point no report may pass through raw: C0 controls other than tab and line feed, DEL, C1
/// controls and the Unicode noncharacters (U+FDD0..U+FDEF and U+xFFFE/U+xFFFF of every plane).
bool isControlOrNoncharacter(uint32_t cp);

/// Replaces each control character and noncharacter (see above) with its visible spelling in the language's
/// own escape syntax, `\u{1B}`, and each byte that is not part of valid UTF-8 with U+FFFD. Tab and line feed
/// are kept. Every escape function below applies this first, so no writer passes a terminal escape sequence,
/// a bell or a character XML forbids.
std::string replaceControls(std::string_view text);

/// Text for a terminal: control characters made visible (replaceControls), nothing else changed.
std::string escapeTerminal(std::string_view text);

/// Escapes text for GitHub-flavoured Markdown outside code spans: punctuation that Markdown or a table would
/// interpret gets a backslash, `<` and `&` become entities, a line break becomes `<br>`.
std::string escapeMarkdown(std::string_view text);

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

} // namespace vdc
