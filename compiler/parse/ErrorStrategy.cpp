// ErrorStrategy.cpp — vdc's diagnostics for syntax errors, and recovery that keeps one slip to one error.
#include "parse/ErrorStrategy.h"

#include "parse/TokenDescriptions.h"
#include "parse/Tokens.h"

namespace vdc::parse {

/// ANTLR may drop one unexpected token when the next one fits; never a closing bracket, which ends a block the
/// author wrote (`params: } recipe c` would otherwise read `recipe` as the value and run on past the block).
antlr4::Token *ErrorStrategy::singleTokenDeletion(antlr4::Parser *parser) {
  size_t t = parser->getTokenStream()->LA(1);
  if (t == VDesignLexer::RBRACE || t == VDesignLexer::RBRACK || t == VDesignLexer::RPAREN)
    return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

antlr4::misc::IntervalSet ErrorStrategy::getErrorRecoverySet(antlr4::Parser *parser) {
  antlr4::misc::IntervalSet set = DefaultErrorStrategy::getErrorRecoverySet(parser);
  if (topLevel)
    set.add(antlr4::Token::MIN_USER_TOKEN_TYPE, parser->getVocabulary().getMaxTokenType());
  return set;
}

SourceRange ErrorStrategy::rangeOf(const antlr4::Token *token) const {
  if (!token || token->getType() == antlr4::Token::EOF) {
    auto end = static_cast<uint32_t>(sources_.text(file_).size());
    return {file_, end, end};
  }
  return {file_, offsets_.byteOffset(token->getStartIndex()), offsets_.byteOffset(token->getStopIndex() + 1)};
}

/// Inside a design block, input that cannot start a declaration is reported once and skipped, with
/// nested braces, up to the next declaration or the block's `}`, so the rest of the block is parsed
/// as a design (ANTLR's default would leave the block and read its contents as top-level input).
/// The same holds for an attribute block: input that cannot start `key:` is skipped to the next
/// `key:` or the block's `}`.
void ErrorStrategy::sync(antlr4::Parser *parser) {
  // sync runs before every loop iteration of every rule: compare rule indexes, not dynamic types.
  size_t rule = parser->getContext()->getRuleIndex();
  bool inDesign = rule == VDesignParser::RuleDesignDecl;
  bool inAttributes = rule == VDesignParser::RuleAttrBlock;
  if ((!inDesign && !inAttributes) || parser->getContext()->children.empty()) {
    DefaultErrorStrategy::sync(parser);
    return;
  }
  auto *input = parser->getTokenStream();
  auto startsItem = [&](size_t t) {
    if (inAttributes)
      return isWord(t) && input->LA(2) == VDesignLexer::COLON;
    return t == VDesignLexer::RECIPE || t == VDesignLexer::TREATMENT || t == VDesignLexer::OUTCOME ||
           t == VDesignLexer::POPULATION || t == VDesignLexer::COVARIATE || t == VDesignLexer::STUDY ||
           t == VDesignLexer::CLAIM || t == VDesignLexer::DISCHARGE || t == VDesignLexer::DISPUTE ||
           t == VDesignLexer::CITE || t == VDesignLexer::SEMI;
  };
  size_t la = input->LA(1);
  // The `{` comes within the first few children, before any item: stop at it, so that a block with many
  // items does not make every sync scan all of them (that was quadratic in the size of one block).
  bool open = false;
  for (auto *child : parser->getContext()->children) {
    auto *terminal = dynamic_cast<antlr4::tree::TerminalNode *>(child);
    if (terminal && terminal->getSymbol()->getType() == VDesignLexer::LBRACE) {
      open = true;
      break;
    }
  }
  if (inAttributes && open && startsDeclaration(input)) {
    // A declaration where `key:` should be (`recipe r "r" { params: 7B` then `treatment t "t"`): the block's `}`
    // is missing. Report it there and end the block, so that the declaration is read as the next item.
    if (!inErrorRecoveryMode(parser)) {
      beginErrorCondition(parser);
      antlr4::Token *found = input->LT(1);
      errorOffsets.push_back(rangeOf(found).begin);
      lastSyntaxError_ = found->getTokenIndex();
      reportMissingCloseBrace(parser, found);
    }
    throw antlr4::InputMismatchException(parser);
  }
  if (inDesign && open && isWord(la) && input->LA(2) == VDesignLexer::COLON) {
    // `key:` where a declaration should start: the `{` of the previous declaration's attributes is missing.
    // Report that once and skip the entries up to their `}`, so the design goes on with its next declaration.
    if (!inErrorRecoveryMode(parser)) {
      beginErrorCondition(parser);
      SourceRange at = rangeOf(input->LT(1));
      errorOffsets.push_back(at.begin);
      lastSyntaxError_ = input->LT(1)->getTokenIndex();
      auto &d = diags_.report<DiagKind::MissingOpenBrace>(at, input->LT(1)->getText());
      d.help = "a declaration's attributes go in braces after it: `study s \"...\" { strategy: ... }`";
    }
    for (int depth = 0; input->LA(1) != antlr4::Token::EOF;) {
      size_t t = input->LA(1);
      parser->consume();
      if (t == VDesignLexer::LBRACE)
        ++depth;
      else if (t == VDesignLexer::RBRACE && depth-- == 0)
        break;
    }
    endErrorCondition(parser);
    return;
  }
  if (!open || startsItem(la) || la == VDesignLexer::RBRACE || la == antlr4::Token::EOF) {
    DefaultErrorStrategy::sync(parser);
    return;
  }
  if (!inErrorRecoveryMode(parser)) {
    beginErrorCondition(parser);
    antlr4::misc::IntervalSet expected;
    if (inAttributes)
      expected.add(VDesignLexer::IDENT);
    else
      for (size_t t : {VDesignLexer::RECIPE, VDesignLexer::TREATMENT, VDesignLexer::OUTCOME,
                       VDesignLexer::POPULATION, VDesignLexer::COVARIATE, VDesignLexer::STUDY, VDesignLexer::CLAIM,
                       VDesignLexer::DISCHARGE, VDesignLexer::DISPUTE, VDesignLexer::CITE})
        expected.add(t);
    expected.add(VDesignLexer::RBRACE);
    report(parser, input->LT(1), expected, /*alreadyBegun=*/true);
  }
  int depth = 0;
  for (;;) {
    size_t t = input->LA(1);
    if (t == antlr4::Token::EOF || (depth == 0 && (startsItem(t) || t == VDesignLexer::RBRACE ||
                                                   (startsTopLevel(t) && t != VDesignLexer::STRATEGY))))
      break;
    if (t == VDesignLexer::LBRACE)
      ++depth;
    else if (t == VDesignLexer::RBRACE)
      --depth;
    parser->consume();
  }
  endErrorCondition(parser);
}

void ErrorStrategy::reportNoViableAlternative(antlr4::Parser *parser, const antlr4::NoViableAltException &e) {
  report(parser, e.getOffendingToken(), e.getExpectedTokens(), /*alreadyBegun=*/true);
}

void ErrorStrategy::reportInputMismatch(antlr4::Parser *parser, const antlr4::InputMismatchException &e) {
  report(parser, e.getOffendingToken(), e.getExpectedTokens(), /*alreadyBegun=*/true);
}

void ErrorStrategy::reportFailedPredicate(antlr4::Parser *parser, const antlr4::FailedPredicateException &e) {
  report(parser, e.getOffendingToken(), e.getExpectedTokens(), /*alreadyBegun=*/true);
}

void ErrorStrategy::reportUnwantedToken(antlr4::Parser *parser) {
  if (inErrorRecoveryMode(parser))
    return;
  beginErrorCondition(parser);
  report(parser, parser->getCurrentToken(), getExpectedTokens(parser), /*alreadyBegun=*/true);
}

void ErrorStrategy::reportMissingToken(antlr4::Parser *parser) {
  if (inErrorRecoveryMode(parser))
    return;
  beginErrorCondition(parser);
  report(parser, parser->getCurrentToken(), getExpectedTokens(parser), /*alreadyBegun=*/true);
}

void ErrorStrategy::report(antlr4::Parser *parser, antlr4::Token *found, const antlr4::misc::IntervalSet &expected,
            bool alreadyBegun) {
  if (!alreadyBegun) {
    if (inErrorRecoveryMode(parser))
      return;
    beginErrorCondition(parser);
  }
  SourceRange at = rangeOf(found);
  size_t type = found ? found->getType() : antlr4::Token::EOF;
  errorOffsets.push_back(at.begin);
  if (isCascade(parser, found))
    return;
  if (dynamic_cast<VDesignParser::AttrBlockContext *>(parser->getContext()) && isWord(type) &&
      nextTokenType(parser, found) != VDesignLexer::COLON) {
    auto &d = diags_.report<DiagKind::MissingColon>(at, found->getText());
    d.help = "attributes are written `key: value`";
    d.replacement = found->getText() + ":";
    return;
  }
  if (expected.contains(static_cast<size_t>(VDesignLexer::RBRACE)) && startsTopLevel(type) &&
      reportMissingCloseBrace(parser, found))
    return;
  if (type == VDesignLexer::COLON && expected.contains(static_cast<size_t>(VDesignLexer::VIA))) {
    diags_.report<DiagKind::ColonInsteadOfVia>(at).replacement = "via";
    return;
  }
  if (type == VDesignLexer::STRING && expected.contains(static_cast<size_t>(VDesignLexer::IDENT))) {
    auto &d = diags_.report<DiagKind::StringInsteadOfName>(at);
    d.help = "names are written without quotes";
    return;
  }
  if (auto *kind = dynamic_cast<VDesignParser::EntityKindContext *>(parser->getContext());
      kind && dynamic_cast<VDesignParser::ProxyKindDeclContext *>(kind->parent)) {
    diags_.report<DiagKind::SyntaxError>(
        at, "what the proxy kind applies to: `recipe`, `treatment`, `outcome` or `population`", describeToken(found));
    return;
  }
  auto &d = diags_.report<DiagKind::SyntaxError>(at, describeExpected(expected, parser->getVocabulary()),
                                                 describeToken(found));
  if (type == VDesignLexer::EQEQ || type == VDesignLexer::ASSIGN) {
    if (expected.contains(static_cast<size_t>(VDesignLexer::COLON)))
      d.help = "attributes are written `key: value`";
  }
}

/// "missing `}`" at `found` for the innermost open block; false when no block is open.
bool ErrorStrategy::reportMissingCloseBrace(antlr4::Parser *parser, antlr4::Token *found) {
  auto *open = innermostBrace(parser);
  if (!open)
    return false;
  SourceRange openRange = rangeOf(open);
  auto line = sources_.lineColumn(file_, openRange.begin).line;
  auto &d =
      diags_.report<DiagKind::MissingCloseBrace>(rangeOf(found), fmt::format("the block opened on line {}", line));
  d.notes.push_back({openRange, "block opened here"});
  d.help = "add `}` at the end of the block";
  return true;
}

/// Whether the next tokens have the shape of a declaration rather than of an attribute whose `:` is missing:
/// a declaration keyword, then a name followed by its title, its `{`, `proxy`, `for` or a `.` (`treatment t "t"`,
/// `discharge a.b for ...`), or a string (`import "..."`, `cite "..."`).
bool ErrorStrategy::startsDeclaration(antlr4::TokenStream *input) {
  size_t t = input->LA(1), next = input->LA(2), after = input->LA(3);
  switch (t) {
  case VDesignLexer::IMPORT:
  case VDesignLexer::CITE:
    return next == VDesignLexer::STRING;
  case VDesignLexer::RECIPE:
  case VDesignLexer::TREATMENT:
  case VDesignLexer::OUTCOME:
  case VDesignLexer::POPULATION:
  case VDesignLexer::COVARIATE:
  case VDesignLexer::STUDY:
  case VDesignLexer::CLAIM:
  case VDesignLexer::DISCHARGE:
  case VDesignLexer::DISPUTE:
  case VDesignLexer::DESIGN:
  case VDesignLexer::ASSUMPTION:
  case VDesignLexer::STRATEGY:
  case VDesignLexer::PROXY:
  case VDesignLexer::AGGREGATION:
    return next == VDesignLexer::IDENT &&
           (after == VDesignLexer::STRING || after == VDesignLexer::LBRACE || after == VDesignLexer::PROXY ||
            after == VDesignLexer::FOR || after == VDesignLexer::DOT);
  default:
    return false;
  }
}

bool ErrorStrategy::isWord(size_t t) {
  return isWordTokenType(t);
}

/// The type of the token the parser sees after `token` (comments aside).
size_t ErrorStrategy::nextTokenType(antlr4::Parser *parser, antlr4::Token *token) {
  auto *stream = parser->getTokenStream();
  for (size_t i = token->getTokenIndex() + 1; i < stream->size(); ++i)
    if (stream->get(i)->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
      return stream->get(i)->getType();
  return antlr4::Token::EOF;
}

/// Whether an error at `found` is most likely a consequence of one already reported: it follows a
/// syntax error within two tokens, or it is the first syntax error after a lexical error (an
/// unclosed string swallows the `{` after it) in the same top-level declaration.
bool ErrorStrategy::isCascade(antlr4::Parser *parser, antlr4::Token *found) {
  if (!found)
    return false;
  size_t index = found->getTokenIndex();
  auto *stream = parser->getTokenStream();
  bool cascade = false;
  if (lastSyntaxError_ && index >= *lastSyntaxError_) {
    size_t between = 0; // tokens the parser saw since the last error (comments and spaces aside)
    for (size_t i = *lastSyntaxError_ + 1; i <= index && i < stream->size(); ++i)
      between += stream->get(i)->getChannel() == antlr4::Token::DEFAULT_CHANNEL;
    cascade = between <= 2;
  }
  for (auto it = lexicalErrorTokens_.begin(); !cascade && it != lexicalErrorTokens_.end(); ++it) {
    if (*it > index)
      continue;
    bool sameDecl = true;
    for (size_t i = *it + 1; i <= index && i < stream->size(); ++i)
      if (startsTopLevel(stream->get(i)->getType()) && stream->get(i)->getType() != antlr4::Token::EOF) {
        sameDecl = false;
        break;
      }
    if (sameDecl) {
      cascade = true;
      lexicalErrorTokens_.erase(it);
      break;
    }
  }
  lastSyntaxError_ = index;
  return cascade;
}

/// The `{` of the innermost block the parser is inside, if any.
antlr4::Token *ErrorStrategy::innermostBrace(antlr4::Parser *parser) const {
  for (auto *ctx = parser->getContext(); ctx; ctx = dynamic_cast<antlr4::ParserRuleContext *>(ctx->parent)) {
    for (auto *child : ctx->children) {
      auto *terminal = dynamic_cast<antlr4::tree::TerminalNode *>(child);
      if (terminal && terminal->getSymbol()->getType() == VDesignLexer::LBRACE)
        return terminal->getSymbol();
    }
    if (!ctx->parent)
      break;
  }
  return nullptr;
}

} // namespace vdc::parse
