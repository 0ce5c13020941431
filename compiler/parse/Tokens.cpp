// Tokens.cpp — runs the generated lexer over a text into plain tokens, and builds the keyword table from its vocabulary.
#include "parse/Tokens.h"

#include "parse/ParseInput.h"

#include <algorithm>
#include <map>
#include <set>

namespace vdc {

namespace {

using parse::InputStream;
using parse::VDesignLexer;

/// The condition operators: reserved inside `when`/`unless` conditions only, names everywhere else.
bool isConditionOperator(size_t type) {
  return type == VDesignLexer::AND || type == VDesignLexer::OR || type == VDesignLexer::NOT;
}

/// The contextual keywords (LANGUAGE.md Part II): they start a statement in their block and are names everywhere
/// else, so a 0.1 design that uses one as a name keeps compiling.
bool isContextualKeyword(size_t type) {
  return type == VDesignLexer::DISPUTE || type == VDesignLexer::VS || type == VDesignLexer::ACROSS ||
         type == VDesignLexer::FORBID || type == VDesignLexer::HINT;
}

/// The lexer's vocabulary, read once: the spelling of each word token (its literal without the quotes).
struct Vocabulary {
  std::map<size_t, std::string> spelling;
  std::set<std::string, std::less<>> keywords;
  std::set<std::string, std::less<>> statementKeywords;
  std::map<BlockContext, std::vector<std::string>> statements;

  Vocabulary() {
    antlr4::ANTLRInputStream empty("");
    VDesignLexer lexer(&empty);
    const antlr4::dfa::Vocabulary &v = lexer.getVocabulary();
    for (size_t type = 1; type <= v.getMaxTokenType(); ++type) {
      std::string literal = v.getLiteralName(type);
      // A word's literal is 'word': a quote, a letter or underscore, letters, digits and underscores, a quote.
      if (literal.size() < 3 || literal.front() != '\'' || literal.back() != '\'')
        continue;
      std::string word = literal.substr(1, literal.size() - 2);
      bool isWord = std::isalpha(static_cast<unsigned char>(word[0])) || word[0] == '_';
      for (char c : word)
        isWord = isWord && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
      if (!isWord)
        continue;
      spelling[type] = word;
      if (!isConditionOperator(type) && !isContextualKeyword(type))
        keywords.insert(word);
    }
    // The statements of each block (grammar/VDesignParser.g4: file, designItem, strategyDecl, proxyKindDecl and
    // aggregationDecl), by token type, spelled as the lexer spells them.
    add(BlockContext::File, {VDesignLexer::IMPORT, VDesignLexer::DESIGN, VDesignLexer::ASSUMPTION,
                             VDesignLexer::STRATEGY, VDesignLexer::PROXY, VDesignLexer::AGGREGATION});
    add(BlockContext::Design, {VDesignLexer::RECIPE, VDesignLexer::TREATMENT, VDesignLexer::OUTCOME,
                               VDesignLexer::POPULATION, VDesignLexer::COVARIATE, VDesignLexer::STUDY,
                               VDesignLexer::CLAIM, VDesignLexer::DISCHARGE, VDesignLexer::DISPUTE,
                               VDesignLexer::CITE});
    add(BlockContext::Strategy, {VDesignLexer::PARAM, VDesignLexer::SATISFIES, VDesignLexer::REQUIRES,
                                 VDesignLexer::FORBID});
    add(BlockContext::ProxyKind, {VDesignLexer::REQUIRES});
    add(BlockContext::Aggregation, {VDesignLexer::REQUIRES});
  }

  void add(BlockContext context, std::initializer_list<size_t> types) {
    std::vector<std::string> &words = statements[context];
    for (size_t type : types) {
      words.push_back(spelling.at(type));
      statementKeywords.insert(spelling.at(type));
    }
  }
};

const Vocabulary &vocabulary() {
  static const Vocabulary v;
  return v;
}

Token::Kind kindOf(size_t type) {
  switch (type) {
  case VDesignLexer::IDENT:
    return Token::Kind::Name;
  case VDesignLexer::NUMBER:
    return Token::Kind::Number;
  case VDesignLexer::STRING:
    return Token::Kind::String;
  case VDesignLexer::UNTERMINATED_STRING:
    return Token::Kind::UnterminatedString;
  case VDesignLexer::DOC_COMMENT:
    return Token::Kind::LineComment;
  case VDesignLexer::BLOCK_COMMENT:
    return Token::Kind::BlockComment;
  case VDesignLexer::UNTERMINATED_COMMENT:
    return Token::Kind::UnterminatedComment;
  case VDesignLexer::ERROR_CHAR:
    return Token::Kind::Unknown;
  default:
    break;
  }
  if (vocabulary().spelling.count(type))
    return isConditionOperator(type) || isContextualKeyword(type) ? Token::Kind::Name : Token::Kind::Keyword;
  return Token::Kind::Punct;
}

} // namespace

std::vector<Token> lexTokens(std::string_view text) {
  std::vector<Token> out;
  InputStream input(text);
  VDesignLexer lexer(&input);
  lexer.removeErrorListeners();
  for (;;) {
    std::unique_ptr<antlr4::Token> t = lexer.nextToken();
    size_t type = t->getType();
    if (type == antlr4::Token::EOF)
      break;
    if (type == VDesignLexer::WS)
      continue;
    uint32_t begin = input.offsets().byteOffset(t->getStartIndex());
    uint32_t end = input.offsets().byteOffset(t->getStopIndex() + 1);
    out.push_back(Token{kindOf(type), text.substr(begin, end - begin), begin, static_cast<uint32_t>(t->getLine()),
                        static_cast<uint32_t>(t->getCharPositionInLine())});
  }
  return out;
}

const std::vector<std::string> &statementKeywords(BlockContext context) {
  return vocabulary().statements.at(context);
}

bool isStatementKeyword(std::string_view word) { return vocabulary().statementKeywords.count(word) > 0; }

bool isKeyword(std::string_view word) { return vocabulary().keywords.count(word) > 0; }

bool isWordTokenType(size_t type) { return type == VDesignLexer::IDENT || vocabulary().spelling.count(type) > 0; }

} // namespace vdc
