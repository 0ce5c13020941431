// Escape.h — escaping of user strings for each output format (XML/HTML, LaTeX, DOT, workflow commands).
#pragma once

#include <string>
#include <string_view>

namespace vdc {

/// Escapes text for XML and HTML content and attribute values (& < > " ').
std::string escapeXml(std::string_view text);

/// Escapes text for LaTeX in text mode; characters pdflatex cannot typeset become math or a code point.
std::string escapeLatex(std::string_view text);

/// Escapes text for a double-quoted Graphviz label.
std::string escapeDot(std::string_view text);

/// Escapes the message of a GitHub workflow command (% CR LF).
std::string escapeWorkflowData(std::string_view text);

/// Escapes a property value of a GitHub workflow command (% CR LF : ,).
std::string escapeWorkflowProperty(std::string_view text);

} // namespace vdc
