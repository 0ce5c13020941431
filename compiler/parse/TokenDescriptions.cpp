// TokenDescriptions.cpp — tokens in the words of a message, and the token classes recovery and limits look at.
#include "parse/TokenDescriptions.h"
#include "parse/Tokens.h"

#include <iterator>
#include <set>

namespace vdc::parse {

/// How a token is shown in a message.
std::string describeToken(const antlr4::Token *token) {
  if (!token || token->getType() == antlr4::Token::EOF)
    return "end of file";
  switch (token->getType()) {
  case VDesignLexer::STRING:
  case VDesignLexer::UNTERMINATED_STRING:
    return "a string";
  case VDesignLexer::NUMBER:
    return "the number `" + token->getText() + "`";
  default:
    return "`" + token->getText() + "`";
  }
}

/// How an expected token type is shown in a message.
std::string describeTokenType(size_t type, const antlr4::dfa::Vocabulary &vocabulary) {
  switch (type) {
  case antlr4::Token::EOF:
    return "end of file";
  case VDesignLexer::IDENT:
    return "a name";
  case VDesignLexer::STRING:
    return "a string";
  case VDesignLexer::NUMBER:
    return "a number";
  default: {
    std::string literal = vocabulary.getLiteralName(type);
    if (literal.size() >= 2)
      return "`" + literal.substr(1, literal.size() - 2) + "`";
    return vocabulary.getSymbolicName(type);
  }
  }
}

/// Summarises a set of expected tokens in words: "a name", "`}` or a declaration".
std::string describeExpected(const antlr4::misc::IntervalSet &expected, const antlr4::dfa::Vocabulary &vocabulary) {
  std::set<size_t> types;
  for (ssize_t t : expected.toList())
    types.insert(static_cast<size_t>(t));
  std::vector<std::string> parts;
  auto takeGroup = [&](std::initializer_list<size_t> group, const char *words) {
    for (size_t t : group)
      if (!types.count(t))
        return;
    for (size_t t : group)
      types.erase(t);
    parts.push_back(words);
  };
  // A value position: say "a value" once.
  if (types.count(VDesignLexer::STRING) && types.count(VDesignLexer::NUMBER) && types.count(VDesignLexer::LBRACK)) {
    for (size_t t : {VDesignLexer::STRING, VDesignLexer::NUMBER, VDesignLexer::LBRACK, VDesignLexer::TRUE,
                     VDesignLexer::FALSE, VDesignLexer::IDENT, VDesignLexer::AND, VDesignLexer::OR, VDesignLexer::NOT,
                     VDesignLexer::DISPUTE, VDesignLexer::VS, VDesignLexer::ACROSS, VDesignLexer::FORBID,
                     VDesignLexer::HINT,
                     // a kind of declaration is a value too (`target: population`), but not worth listing
                     VDesignLexer::RECIPE, VDesignLexer::TREATMENT, VDesignLexer::OUTCOME, VDesignLexer::POPULATION,
                     VDesignLexer::COVARIATE, VDesignLexer::STUDY, VDesignLexer::CLAIM})
      types.erase(t);
    parts.push_back("a value");
  }
  // A name position also accepts keywords as attribute keys, and a string only to report it precisely.
  if (types.count(VDesignLexer::IDENT)) {
    for (auto it = types.begin(); it != types.end();)
      it = isWordTokenType(*it) ? types.erase(it) : std::next(it);
    types.erase(VDesignLexer::STRING);
    parts.push_back("a name");
  }
  takeGroup({VDesignLexer::RECIPE, VDesignLexer::TREATMENT, VDesignLexer::OUTCOME, VDesignLexer::POPULATION,
             VDesignLexer::COVARIATE, VDesignLexer::STUDY, VDesignLexer::CLAIM, VDesignLexer::DISCHARGE,
             VDesignLexer::DISPUTE},
            "a declaration (recipe, treatment, outcome, population, covariate, study, claim, discharge, dispute)");
  takeGroup({VDesignLexer::DESIGN, VDesignLexer::ASSUMPTION, VDesignLexer::STRATEGY, VDesignLexer::PROXY,
             VDesignLexer::AGGREGATION},
            "`design` or a theory declaration");
  types.erase(VDesignLexer::SEMI); // `;` is always optional; never worth mentioning
  types.erase(VDesignLexer::MINUS);
  for (size_t t : types)
    parts.push_back(describeTokenType(t, vocabulary));
  if (parts.empty())
    return "something else";
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i)
      out += (i + 1 == parts.size()) ? " or " : ", ";
    out += parts[i];
  }
  return out;
}

/// The tokens that start a `topDecl` (the `file` rule's second alternative).
bool startsTopDecl(size_t type) {
  return type == VDesignLexer::DESIGN || type == VDesignLexer::ASSUMPTION || type == VDesignLexer::STRATEGY ||
         type == VDesignLexer::PROXY || type == VDesignLexer::AGGREGATION || type == VDesignLexer::SEMI;
}

bool startsTopLevel(size_t type) {
  return type == VDesignLexer::DESIGN || type == VDesignLexer::ASSUMPTION || type == VDesignLexer::STRATEGY ||
         type == VDesignLexer::AGGREGATION || type == VDesignLexer::IMPORT || type == antlr4::Token::EOF;
}

bool opensNesting(size_t type) {
  return type == VDesignLexer::LBRACE || type == VDesignLexer::LBRACK || type == VDesignLexer::LPAREN;
}

bool closesNesting(size_t type) {
  return type == VDesignLexer::RBRACE || type == VDesignLexer::RBRACK || type == VDesignLexer::RPAREN;
}

} // namespace vdc::parse
