// TokenDescriptions.h — tokens in the words of a message ("a name", "`}` or a declaration") and the token classes
// the parser's recovery and limits look at. Private to the parse phase.
#pragma once

#include "parse/ParseInput.h"

#include <string>

namespace vdc::parse {

/// How a token is shown in a message.
std::string describeToken(const antlr4::Token *token);

/// How an expected token type is shown in a message.
std::string describeTokenType(size_t type, const antlr4::dfa::Vocabulary &vocabulary);

/// Summarises a set of expected tokens in words: "a name", "`}` or a declaration".
std::string describeExpected(const antlr4::misc::IntervalSet &expected, const antlr4::dfa::Vocabulary &vocabulary);

/// The tokens that start a `topDecl` (the `file` rule's second alternative).
bool startsTopDecl(size_t type);

/// The tokens that start a top-level item other than `proxy` (and end of file).
bool startsTopLevel(size_t type);

/// `{`, `[`, `(`: what counts towards the nesting limit.
bool opensNesting(size_t type);
bool closesNesting(size_t type);

} // namespace vdc::parse
