// Parser.cpp — runs the ANTLR lexer and parser over one file, reports syntax errors, and builds the AST.
#include "parse/Parser.h"

#include "parse/AntlrIncludes.h"
#include "parse/BidiControls.h"
#include "source/Utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

namespace vdc {
namespace {

using grammar::VDesignLexer;
using grammar::VDesignParser;
namespace P = grammar;

/// Maps ANTLR's code-point indexes back to byte offsets of the UTF-8 source.
class OffsetMap {
public:
  explicit OffsetMap(std::string_view text) {
    offsets_.reserve(text.size() + 1);
    for (uint32_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
        offsets_.push_back(i);
    offsets_.push_back(static_cast<uint32_t>(text.size()));
  }
  uint32_t byteOffset(size_t codePoint) const {
    return codePoint < offsets_.size() ? offsets_[codePoint] : offsets_.back();
  }

private:
  std::vector<uint32_t> offsets_;
};

/// ANTLR's input stream over text already checked to be valid UTF-8, decoded here in one pass: the
/// runtime's own conversion (std::wstring_convert) peaks at five times the UTF-32 size and keeps the spare.
class InputStream : public antlr4::ANTLRInputStream {
public:
  explicit InputStream(std::string_view text) {
    size_t codePoints = 0;
    for (char c : text)
      codePoints += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    _data.reserve(codePoints);
    for (size_t i = 0; i < text.size();)
      _data.push_back(decodeUtf8(text, i));
    p = 0;
  }
};

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
                     // a kind of declaration is a value too (`target: population`), but not worth listing
                     VDesignLexer::RECIPE, VDesignLexer::TREATMENT, VDesignLexer::OUTCOME, VDesignLexer::POPULATION,
                     VDesignLexer::COVARIATE, VDesignLexer::STUDY, VDesignLexer::CLAIM})
      types.erase(t);
    parts.push_back("a value");
  }
  // A name position also accepts keywords as attribute keys, and a string only to report it precisely.
  if (types.count(VDesignLexer::IDENT)) {
    for (size_t t = VDesignLexer::IMPORT; t <= VDesignLexer::NOT; ++t)
      types.erase(t);
    types.erase(VDesignLexer::IDENT);
    types.erase(VDesignLexer::STRING);
    parts.push_back("a name");
  }
  takeGroup({VDesignLexer::RECIPE, VDesignLexer::TREATMENT, VDesignLexer::OUTCOME, VDesignLexer::POPULATION,
             VDesignLexer::COVARIATE, VDesignLexer::STUDY, VDesignLexer::CLAIM, VDesignLexer::DISCHARGE},
            "a declaration (recipe, treatment, outcome, population, covariate, study, claim, discharge)");
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

/// Rewrites ANTLR's error reports into vdc diagnostics ("expected X, found Y", "missing `}`").
class ErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  ErrorStrategy(const SourceManager &sources, FileId file, const OffsetMap &offsets, DiagnosticSink &diags,
                std::vector<size_t> lexicalErrorTokens)
      : sources_(sources), file_(file), offsets_(offsets), diags_(diags),
        lexicalErrorTokens_(std::move(lexicalErrorTokens)) {}

  /// Byte offsets of every syntax and lexical error, so the AST builder can mark what they damaged.
  std::vector<uint32_t> errorOffsets;
  /// Set when top-level items are parsed one at a time (each as a start rule): then any token may follow
  /// an item, as in the grammar's `file` rule, so recovery never consumes past the end of one.
  bool topLevel = false;

  /// ANTLR may drop one unexpected token when the next one fits; never a closing bracket, which ends a block the
  /// author wrote (`params: } recipe c` would otherwise read `recipe` as the value and run on past the block).
  antlr4::Token *singleTokenDeletion(antlr4::Parser *parser) override {
    size_t t = parser->getTokenStream()->LA(1);
    if (t == VDesignLexer::RBRACE || t == VDesignLexer::RBRACK || t == VDesignLexer::RPAREN)
      return nullptr;
    return DefaultErrorStrategy::singleTokenDeletion(parser);
  }

  antlr4::misc::IntervalSet getErrorRecoverySet(antlr4::Parser *parser) override {
    antlr4::misc::IntervalSet set = DefaultErrorStrategy::getErrorRecoverySet(parser);
    if (topLevel)
      set.add(antlr4::Token::MIN_USER_TOKEN_TYPE, parser->getVocabulary().getMaxTokenType());
    return set;
  }

  SourceRange rangeOf(const antlr4::Token *token) const {
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
  void sync(antlr4::Parser *parser) override {
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
             t == VDesignLexer::CLAIM || t == VDesignLexer::DISCHARGE || t == VDesignLexer::CITE ||
             t == VDesignLexer::SEMI;
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
        auto &d = diags_.report(DiagKind::MissingOpenBrace, at, input->LT(1)->getText());
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
                         VDesignLexer::DISCHARGE, VDesignLexer::CITE})
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

protected:
  void reportNoViableAlternative(antlr4::Parser *parser, const antlr4::NoViableAltException &e) override {
    report(parser, e.getOffendingToken(), e.getExpectedTokens(), /*alreadyBegun=*/true);
  }
  void reportInputMismatch(antlr4::Parser *parser, const antlr4::InputMismatchException &e) override {
    report(parser, e.getOffendingToken(), e.getExpectedTokens(), /*alreadyBegun=*/true);
  }
  void reportFailedPredicate(antlr4::Parser *parser, const antlr4::FailedPredicateException &e) override {
    report(parser, e.getOffendingToken(), e.getExpectedTokens(), /*alreadyBegun=*/true);
  }
  void reportUnwantedToken(antlr4::Parser *parser) override {
    if (inErrorRecoveryMode(parser))
      return;
    beginErrorCondition(parser);
    report(parser, parser->getCurrentToken(), getExpectedTokens(parser), /*alreadyBegun=*/true);
  }
  void reportMissingToken(antlr4::Parser *parser) override {
    if (inErrorRecoveryMode(parser))
      return;
    beginErrorCondition(parser);
    report(parser, parser->getCurrentToken(), getExpectedTokens(parser), /*alreadyBegun=*/true);
  }

private:
  void report(antlr4::Parser *parser, antlr4::Token *found, const antlr4::misc::IntervalSet &expected,
              bool alreadyBegun = false) {
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
      auto &d = diags_.report(DiagKind::MissingColon, at, found->getText());
      d.help = "attributes are written `key: value`";
      d.replacement = found->getText() + ":";
      return;
    }
    if (expected.contains(static_cast<size_t>(VDesignLexer::RBRACE)) && startsTopLevel(type) &&
        reportMissingCloseBrace(parser, found))
      return;
    if (type == VDesignLexer::COLON && expected.contains(static_cast<size_t>(VDesignLexer::VIA))) {
      diags_.report(DiagKind::ColonInsteadOfVia, at).replacement = "via";
      return;
    }
    if (type == VDesignLexer::STRING && expected.contains(static_cast<size_t>(VDesignLexer::IDENT))) {
      auto &d = diags_.report(DiagKind::StringInsteadOfName, at);
      d.help = "names are written without quotes";
      return;
    }
    if (auto *kind = dynamic_cast<VDesignParser::EntityKindContext *>(parser->getContext());
        kind && dynamic_cast<VDesignParser::ProxyKindDeclContext *>(kind->parent)) {
      diags_.report(DiagKind::SyntaxError, at, "what the proxy kind applies to: `recipe`, `treatment`, `outcome` or `population`",
                    describeToken(found));
      return;
    }
    auto &d = diags_.report(DiagKind::SyntaxError, at, describeExpected(expected, parser->getVocabulary()), describeToken(found));
    if (type == VDesignLexer::EQEQ || type == VDesignLexer::ASSIGN) {
      if (expected.contains(static_cast<size_t>(VDesignLexer::COLON)))
        d.help = "attributes are written `key: value`";
    }
  }

  /// "missing `}`" at `found` for the innermost open block; false when no block is open.
  bool reportMissingCloseBrace(antlr4::Parser *parser, antlr4::Token *found) {
    auto *open = innermostBrace(parser);
    if (!open)
      return false;
    SourceRange openRange = rangeOf(open);
    auto line = sources_.lineColumn(file_, openRange.begin).line;
    auto &d = diags_.report(DiagKind::MissingCloseBrace, rangeOf(found),
                            fmt::format("the block opened on line {}", line));
    d.notes.push_back({openRange, "block opened here"});
    d.help = "add `}` at the end of the block";
    return true;
  }

  /// Whether the next tokens have the shape of a declaration rather than of an attribute whose `:` is missing:
  /// a declaration keyword, then a name followed by its title, its `{`, `proxy`, `for` or a `.` (`treatment t "t"`,
  /// `discharge a.b for ...`), or a string (`import "..."`, `cite "..."`).
  static bool startsDeclaration(antlr4::TokenStream *input) {
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

  static bool isWord(size_t t) {
    return t == VDesignLexer::IDENT || (t >= VDesignLexer::IMPORT && t <= VDesignLexer::NOT);
  }
  /// The type of the token the parser sees after `token` (comments aside).
  static size_t nextTokenType(antlr4::Parser *parser, antlr4::Token *token) {
    auto *stream = parser->getTokenStream();
    for (size_t i = token->getTokenIndex() + 1; i < stream->size(); ++i)
      if (stream->get(i)->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
        return stream->get(i)->getType();
    return antlr4::Token::EOF;
  }

  /// Whether an error at `found` is most likely a consequence of one already reported: it follows a
  /// syntax error within two tokens, or it is the first syntax error after a lexical error (an
  /// unclosed string swallows the `{` after it) in the same top-level declaration.
  bool isCascade(antlr4::Parser *parser, antlr4::Token *found) {
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
  antlr4::Token *innermostBrace(antlr4::Parser *parser) const {
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

  const SourceManager &sources_;
  FileId file_;
  const OffsetMap &offsets_;
  DiagnosticSink &diags_;
  std::vector<size_t> lexicalErrorTokens_; ///< Indexes of the tokens at or after each lexical error.
  std::optional<size_t> lastSyntaxError_;
};

/// Silences ANTLR's default console output; the error strategy reports everything.
class QuietListener : public antlr4::BaseErrorListener {};

/// Builds the AST from the parse tree (in the style of a Transformer: one method per rule).
class AstBuilder {
public:
  AstBuilder(std::string_view text, FileId file, const OffsetMap &offsets, antlr4::BufferedTokenStream &tokens,
             DiagnosticSink &diags, const std::vector<uint32_t> &errorOffsets)
      : text_(text), file_(file), offsets_(offsets), tokens_(tokens), diags_(diags), errorOffsets_(errorOffsets) {
    module_.file = file;
  }

  /// Where the syntax errors of the next top-level item start in the error list (errors come in file order,
  /// so earlier ones cannot fall inside it).
  void beginItem() { firstError_ = errorOffsets_.size(); }

  /// Adds one top-level item (an import, a declaration, or stray input) once it is parsed; its parse tree may be
  /// released afterwards.
  void add(antlr4::ParserRuleContext *child) {
    if (auto *imp = dynamic_cast<P::VDesignParser::ImportDeclContext *>(child)) {
      inStray_ = false;
      ast::Import import{importPath(imp), range(imp)};
      if (seenDecl_)
        diags_.report(DiagKind::ImportNotFirst, import.range);
      module_.imports.push_back(std::move(import));
    } else if (auto *top = dynamic_cast<P::VDesignParser::TopDeclContext *>(child)) {
      inStray_ = false;
      if (!top->SEMI())
        seenDecl_ = true;
      topDecl(top, module_);
    } else if (auto *stray = dynamic_cast<P::VDesignParser::StrayContext *>(child)) {
      // Input left over where a syntax error was just reported is part of that error, not a new one.
      uint32_t at = range(stray).begin;
      for (size_t k = errorOffsets_.size(); k-- > 0 && errorOffsets_[k] >= at;) // errors come in file order
        inStray_ = inStray_ || errorOffsets_[k] == at;
      if (!inStray_)
        diags_.report(DiagKind::ExtraInput, range(stray), describeToken(stray->getStart()));
      inStray_ = true;
    }
  }

  ast::Module take() { return std::move(module_); }

private:
  /// Whether a syntax or lexical error was reported inside `r` (or right at its end).
  bool damaged(SourceRange r) const {
    for (size_t i = firstError_; i < errorOffsets_.size(); ++i)
      if (errorOffsets_[i] >= r.begin && errorOffsets_[i] <= r.end)
        return true;
    return false;
  }

  SourceRange range(antlr4::ParserRuleContext *ctx) const {
    if (!ctx || !ctx->getStart())
      return {file_, 0, 0};
    auto *stop = ctx->getStop() ? ctx->getStop() : ctx->getStart();
    uint32_t begin = offsets_.byteOffset(ctx->getStart()->getStartIndex());
    uint32_t end = stop->getType() == antlr4::Token::EOF ? begin : offsets_.byteOffset(stop->getStopIndex() + 1);
    if (end < begin)
      end = begin;
    return {file_, begin, end};
  }
  SourceRange range(antlr4::Token *token) const {
    return {file_, offsets_.byteOffset(token->getStartIndex()), offsets_.byteOffset(token->getStopIndex() + 1)};
  }
  SourceRange range(antlr4::tree::TerminalNode *node) const { return range(node->getSymbol()); }

  /// The comment directly above the first token of a declaration: a run of `//` lines, or a block comment,
  /// each on lines of its own, with no blank line between them and the declaration.
  std::string docComment(antlr4::ParserRuleContext *ctx) const {
    if (!ctx->getStart())
      return {};
    std::vector<std::string> parts;
    auto hidden = tokens_.getHiddenTokensToLeft(ctx->getStart()->getTokenIndex());
    uint32_t next = offsets_.byteOffset(ctx->getStart()->getStartIndex());
    for (auto it = hidden.rbegin(); it != hidden.rend(); ++it) {
      antlr4::Token *t = *it;
      if (t->getType() != VDesignLexer::DOC_COMMENT && t->getType() != VDesignLexer::BLOCK_COMMENT)
        break;
      uint32_t begin = offsets_.byteOffset(t->getStartIndex());
      uint32_t end = offsets_.byteOffset(t->getStopIndex() + 1);
      std::string_view gap = text_.substr(end, next > end ? next - end : 0);
      if (std::count(gap.begin(), gap.end(), '\n') != 1)
        break; // a blank line, or the comment ends on the declaration's own line
      size_t lineStart = text_.rfind('\n', begin == 0 ? 0 : begin - 1);
      lineStart = (lineStart == std::string_view::npos || begin == 0) ? 0 : lineStart + 1;
      if (text_.substr(lineStart, begin - lineStart).find_first_not_of(" \t") != std::string_view::npos)
        break; // a comment after code on its line belongs to that code
      std::string text = t->getText();
      parts.push_back(t->getType() == VDesignLexer::DOC_COMMENT ? lineCommentBody(text) : blockCommentBody(text));
      if (t->getType() == VDesignLexer::BLOCK_COMMENT)
        break; // one block comment is a whole doc comment
      next = begin;
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it)
      out += (out.empty() ? "" : "\n") + *it;
    return out;
  }
  static std::string lineCommentBody(const std::string &text) {
    std::string body = text.substr(2);
    body.erase(0, body.find_first_not_of('/')); // `///` doc comments read the same as `//`
    if (!body.empty() && body[0] == ' ')
      body.erase(0, 1);
    return body;
  }
  /// The text of `/* ... */` without its delimiters, and without a leading `*` on continuation lines.
  static std::string blockCommentBody(const std::string &text) {
    std::string body = text.substr(2, text.size() >= 4 ? text.size() - 4 : 0);
    body.erase(0, body.find_first_not_of('*')); // `/** ... */` reads the same
    std::string out;
    size_t pos = 0;
    while (pos <= body.size()) {
      size_t eol = body.find('\n', pos);
      std::string line = body.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
      size_t first = line.find_first_not_of(" \t\r");
      line = first == std::string::npos ? "" : line.substr(first);
      if (!line.empty() && line[0] == '*')
        line.erase(0, line.size() > 1 && line[1] == ' ' ? 2 : 1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.pop_back();
      if (!line.empty() || !out.empty())
        out += (out.empty() ? "" : "\n") + line;
      if (eol == std::string::npos)
        break;
      pos = eol + 1;
    }
    while (!out.empty() && out.back() == '\n')
      out.pop_back();
    return out;
  }

  /// The text of a rule that is one token, without RuleContext::getText's string stream (names are most of a file).
  static std::string text(antlr4::ParserRuleContext *ctx) {
    return ctx->children.size() == 1 ? ctx->children[0]->getText() : ctx->getText();
  }
  ast::Name name(P::VDesignParser::NameContext *ctx) const {
    if (!ctx)
      return {};
    return {text(ctx), range(ctx)};
  }
  ast::Name paramName(P::VDesignParser::ParamNameContext *ctx) const {
    if (!ctx)
      return {};
    return {ctx->name() ? text(ctx->name()) : text(ctx), range(ctx)};
  }
  ast::Name qname(P::VDesignParser::QnameContext *ctx) const {
    if (!ctx)
      return {};
    std::string out;
    for (auto *part : ctx->name())
      out += (out.empty() ? "" : ".") + text(part);
    return {out, range(ctx)};
  }
  ast::Name declName(P::VDesignParser::DeclNameContext *ctx) {
    if (!ctx)
      return {};
    if (ctx->STRING()) {
      auto &d = diags_.report(DiagKind::StringInsteadOfName, range(ctx));
      std::string unquoted = unescape(ctx->STRING()->getSymbol(), /*report=*/false);
      d.help = "names are written without quotes";
      if (isIdentifier(unquoted))
        d.replacement = unquoted;
      return {unquoted, range(ctx)};
    }
    return name(ctx->name());
  }
  static bool isIdentifier(const std::string &text) {
    if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_'))
      return false;
    for (char c : text)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
        return false;
    return true;
  }

  std::string importPath(P::VDesignParser::ImportDeclContext *ctx) {
    if (ctx->STRING())
      return unescape(ctx->STRING()->getSymbol());
    return ctx->name() ? ctx->name()->getText() : "";
  }

  /// The contents of a string token with escapes resolved; bad escapes are reported.
  std::string unescape(antlr4::Token *token, bool report = true) {
    std::string raw = token->getText();
    std::string out;
    if (raw.size() < 2)
      return out;
    size_t end = raw.back() == '"' && raw.size() >= 2 ? raw.size() - 1 : raw.size();
    for (size_t i = 1; i < end; ++i) {
      char c = raw[i];
      if (c != '\\' || i + 1 >= end) {
        // A control character or noncharacter typed into the string is replaced, so that no report or
        // terminal ever receives it; the source is valid UTF-8 here (checked before lexing).
        size_t next = i;
        uint32_t cp = decodeUtf8(std::string_view(raw).substr(0, end), next);
        size_t len = next - i;
        if (forbiddenInString(cp)) {
          if (report)
            diags_.report(DiagKind::ControlCharacter, escapeRange(token, i, static_cast<uint32_t>(len)), cp).help =
                "write a line break as `\\n` and a tab as `\\t`; other control characters cannot appear in strings";
          appendUtf8(out, 0xFFFD);
        } else {
          out.append(raw, i, len);
        }
        i += len - 1;
        continue;
      }
      char e = raw[++i];
      switch (e) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        if (i + 1 >= end || raw[i + 1] != '{') {
          if (report)
            diags_.report(DiagKind::InvalidEscape, escapeRange(token, i - 1, 2), "\\u").help =
                "write a code point as `\\u{1F600}`";
          break;
        }
        size_t close = raw.find('}', i);
        if (close == std::string::npos || close >= end)
          close = end; // unclosed: report up to the end of the string
        std::string digits = raw.substr(i + 2, close - i - 2);
        std::string shown = raw.substr(i - 1, std::min(close + 1, end) - (i - 1));
        auto codeRange = escapeRange(token, i - 1, static_cast<uint32_t>(shown.size()));
        bool hex = !digits.empty() && digits.size() <= 6 &&
                   std::all_of(digits.begin(), digits.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
        uint32_t cp = hex ? static_cast<uint32_t>(std::stoul(digits, nullptr, 16)) : 0;
        const char *problem = nullptr;
        if (close == end)
          problem = "it is not closed with `}`";
        else if (!hex)
          problem = "it needs 1 to 6 hexadecimal digits";
        else if (cp > 0x10FFFF)
          problem = "Unicode ends at U+10FFFF";
        else if (cp >= 0xD800 && cp <= 0xDFFF)
          problem = "U+D800 to U+DFFF are surrogates, not characters";
        if (problem) {
          if (report)
            diags_.report(DiagKind::InvalidCodePoint, codeRange, shown, problem).help =
                "write a code point as `\\u{1F600}`";
        } else if (forbiddenInString(cp) && cp != '\n' && cp != '\t') {
          if (report)
            diags_.report(DiagKind::ControlCharacter, codeRange, cp).help =
                "write a line break as `\\n` and a tab as `\\t`; other control characters cannot appear in strings";
          appendUtf8(out, 0xFFFD);
        } else {
          appendUtf8(out, cp);
        }
        i = std::min(close, end - 1);
        break;
      }
      default:
        if (report) {
          auto &d = diags_.report(DiagKind::InvalidEscape, escapeRange(token, i - 1, 2), std::string("\\") + e);
          d.help = "the escapes are \\\" \\\\ \\n \\t and \\u{...}";
        }
        out += e;
      }
    }
    return out;
  }
  /// Control characters (C0 but tab, DEL, C1) and noncharacters have no place in a string a report shows.
  static bool forbiddenInString(uint32_t cp) {
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
           (cp & 0xFFFE) == 0xFFFE;
  }
  SourceRange escapeRange(antlr4::Token *token, size_t byteInToken, uint32_t length) const {
    SourceRange r = range(token);
    r.begin += static_cast<uint32_t>(byteInToken);
    r.end = std::min(r.end, r.begin + length);
    return r;
  }

  std::string optString(antlr4::tree::TerminalNode *node) { return node ? unescape(node->getSymbol()) : ""; }

  void topDecl(P::VDesignParser::TopDeclContext *ctx, ast::Module &module) {
    if (auto *d = ctx->designDecl())
      module.designs.push_back(design(d));
    else if (auto *a = ctx->assumptionDecl())
      module.assumptions.push_back(assumption(a));
    else if (auto *s = ctx->strategyDecl())
      module.strategies.push_back(strategy(s));
    else if (auto *p = ctx->proxyKindDecl()) {
      // Without what it applies to, a proxy kind cannot be checked or used; its syntax error says why.
      if (!p->entityKind() || !damaged(range(p->entityKind())))
        module.proxyKinds.push_back(proxyKind(p));
    }
    else if (auto *g = ctx->aggregationDecl())
      module.aggregations.push_back(aggregation(g));
  }

  ast::Design design(P::VDesignParser::DesignDeclContext *ctx) {
    ast::Design out;
    out.name = declName(ctx->declName());
    out.title = optString(ctx->STRING());
    out.range = range(ctx);
    out.doc = docComment(ctx);
    auto items = ctx->designItem();
    for (size_t i = 0; i < items.size(); ++i) {
      auto *item = items[i];
      // Input skipped after a declaration, up to the next one, belongs to it: an error there damages it.
      uint32_t until = i + 1 < items.size() ? range(items[i + 1]).begin : out.range.end;
      if (auto *cite = item->citeDecl()) {
        out.cites.push_back(optString(cite->STRING()));
      } else if (auto *entity = item->entityDecl()) {
        out.entities.push_back(this->entity(entity));
        out.entities.back().malformed |= damaged({file_, range(item).begin, until});
      } else if (auto *discharge = item->dischargeDecl()) {
        out.discharges.push_back(this->discharge(discharge));
        out.discharges.back().malformed |= damaged({file_, range(item).begin, until});
      }
    }
    return out;
  }

  static ast::EntityKind entityKind(P::VDesignParser::EntityKindContext *ctx) {
    if (!ctx)
      return ast::EntityKind::Recipe; // only after a syntax error, which is reported
    if (ctx->RECIPE())
      return ast::EntityKind::Recipe;
    if (ctx->TREATMENT())
      return ast::EntityKind::Treatment;
    if (ctx->OUTCOME())
      return ast::EntityKind::Outcome;
    if (ctx->POPULATION())
      return ast::EntityKind::Population;
    if (ctx->COVARIATE())
      return ast::EntityKind::Covariate;
    if (ctx->STUDY())
      return ast::EntityKind::Study;
    return ast::EntityKind::Claim;
  }

  ast::Entity entity(P::VDesignParser::EntityDeclContext *ctx) {
    ast::Entity out;
    out.kind = entityKind(ctx->entityKind());
    out.name = declName(ctx->declName());
    out.description = optString(ctx->STRING());
    out.range = range(ctx);
    out.doc = docComment(ctx);
    if (auto *proxy = ctx->proxyClause()) {
      ast::ProxyClause clause{qname(proxy->qname()), name(proxy->name()), range(proxy)};
      if (proxy->wrongVia)
        diags_.report(DiagKind::ColonInsteadOfVia, range(proxy->wrongVia)).replacement = "via";
      out.proxy = std::move(clause);
    }
    if (auto *attrs = ctx->attrBlock())
      out.attributes = attributes(attrs);
    out.malformed = damaged(out.range) || out.name.text.empty();
    return out;
  }

  ast::Discharge discharge(P::VDesignParser::DischargeDeclContext *ctx) {
    ast::Discharge out;
    auto names = ctx->qname();
    out.assumption = qname(names.size() > 0 ? names[0] : nullptr);
    out.target = qname(names.size() > 1 ? names[1] : nullptr);
    auto evidence = ctx->name();
    out.evidence = name(evidence.empty() ? nullptr : evidence[0]);
    auto strings = ctx->STRING();
    if (ctx->checkName) {
      out.checkName = name(ctx->checkName);
      out.checkArgs = attributes(ctx->attrBlock());
    }
    // The first string is the evidence text; a string after `cite` is the citation.
    if (ctx->CITE()) {
      size_t citeIndex = ctx->CITE()->getSymbol()->getTokenIndex();
      for (auto *s : strings) {
        if (s->getSymbol()->getTokenIndex() > citeIndex)
          out.cite = unescape(s->getSymbol());
        else
          out.text = unescape(s->getSymbol());
      }
    } else if (!strings.empty()) {
      out.text = unescape(strings[0]->getSymbol());
    }
    out.range = range(ctx);
    out.malformed = damaged(out.range);
    return out;
  }

  std::vector<ast::Attribute> attributes(P::VDesignParser::AttrBlockContext *ctx) {
    std::vector<ast::Attribute> out;
    if (!ctx)
      return out;
    for (auto *attr : ctx->attribute())
      out.push_back(attribute(attr));
    return out;
  }

  ast::Attribute attribute(P::VDesignParser::AttributeContext *ctx) {
    ast::Attribute out;
    out.key = {ctx->attrKey()->name() ? text(ctx->attrKey()->name()) : text(ctx->attrKey()), range(ctx->attrKey())};
    out.range = range(ctx);
    auto values = ctx->value();
    if (values.size() == 1) {
      out.value = value(values[0]);
    } else {
      out.value.kind = ast::Value::Kind::List;
      for (auto *v : values)
        out.value.items.push_back(value(v));
      if (!values.empty())
        out.value.range = {file_, range(values.front()).begin, range(values.back()).end};
    }
    return out;
  }

  ast::Value value(P::VDesignParser::ValueContext *ctx) {
    ast::Value out;
    out.range = range(ctx);
    if (auto *s = dynamic_cast<P::VDesignParser::StringValueContext *>(ctx)) {
      out.kind = ast::Value::Kind::String;
      out.text = unescape(s->STRING()->getSymbol());
    } else if (auto *n = dynamic_cast<P::VDesignParser::NumberValueContext *>(ctx)) {
      out.kind = ast::Value::Kind::Number;
      number(n, out);
    } else if (auto *b = dynamic_cast<P::VDesignParser::BoolValueContext *>(ctx)) {
      out.kind = ast::Value::Kind::Bool;
      out.boolean = b->TRUE() != nullptr;
    } else if (auto *e = dynamic_cast<P::VDesignParser::EffectValueContext *>(ctx)) {
      out.kind = ast::Value::Kind::Effect;
      auto parts = e->qname();
      out.effectTreatment = qname(parts[0]);
      out.effectOutcome = qname(parts.size() > 1 ? parts[1] : nullptr);
      out.effectTarget = qname(parts.size() > 2 ? parts[2] : nullptr);
    } else if (auto *nm = dynamic_cast<P::VDesignParser::NameValueContext *>(ctx)) {
      out.kind = ast::Value::Kind::Name;
      out.name = qname(nm->qname());
    } else if (auto *k = dynamic_cast<P::VDesignParser::KindValueContext *>(ctx)) {
      // A kind of declaration named as a value (`target: population`) reads as a name.
      out.kind = ast::Value::Kind::Name;
      out.name = {text(k->entityKind()), range(k)};
    } else if (auto *l = dynamic_cast<P::VDesignParser::ListValueContext *>(ctx)) {
      out.kind = ast::Value::Kind::List;
      for (auto *item : l->value())
        out.items.push_back(value(item));
    }
    return out;
  }

  void number(P::VDesignParser::NumberValueContext *ctx, ast::Value &out) {
    std::string spelling = ctx->NUMBER() ? ctx->NUMBER()->getText() : "0";
    out.text = (ctx->MINUS() ? "-" : "") + spelling;
    double scale = 1;
    char last = spelling.empty() ? '0' : spelling.back();
    switch (last) {
    case 'K':
      scale = 1e3;
      break;
    case 'M':
      scale = 1e6;
      break;
    case 'B':
      scale = 1e9;
      break;
    case 'T':
      scale = 1e12;
      break;
    default:
      break;
    }
    std::string digits = scale == 1 ? spelling : spelling.substr(0, spelling.size() - 1);
    double v = std::strtod(digits.c_str(), nullptr) * scale;
    if (ctx->MINUS())
      v = -v;
    if (!std::isfinite(v)) {
      diags_.report(DiagKind::NumberOutOfRange, out.range,
                    out.text.size() > 24 ? out.text.substr(0, 12) + "…" + out.text.substr(out.text.size() - 8)
                                         : out.text)
          .help = "numbers must be below 1e308";
      v = 0;
    }
    out.number = v;
    out.isInteger = std::floor(v) == v && std::fabs(v) <= 9.0e15;
  }

  ast::AssumptionDecl assumption(P::VDesignParser::AssumptionDeclContext *ctx) {
    ast::AssumptionDecl out;
    out.name = qname(ctx->qname());
    out.title = optString(ctx->STRING());
    out.attributes = attributes(ctx->attrBlock());
    out.range = range(ctx);
    out.doc = docComment(ctx);
    return out;
  }

  ast::StrategyDecl strategy(P::VDesignParser::StrategyDeclContext *ctx) {
    ast::StrategyDecl out;
    out.name = declName(ctx->declName());
    out.description = optString(ctx->STRING());
    out.range = range(ctx);
    out.doc = docComment(ctx);
    for (auto *item : ctx->strategyItem()) {
      if (auto *p = item->paramDecl()) {
        ast::Param param;
        param.name = paramName(p->paramName());
        param.type = type(p->typeExpr());
        if (p->value())
          param.defaultValue = value(p->value());
        param.range = range(p);
        out.params.push_back(std::move(param));
      } else if (auto *s = item->satisfiesDecl()) {
        for (auto *q : s->qname())
          out.satisfies.push_back(qname(q));
      } else if (auto *r = item->requiresDecl()) {
        out.requirements.push_back(requirement(r));
      } else if (auto *a = item->attribute()) {
        out.attributes.push_back(attribute(a));
      }
    }
    return out;
  }

  ast::TypeExpr type(P::VDesignParser::TypeExprContext *ctx) {
    ast::TypeExpr out;
    if (!ctx)
      return out;
    out.range = range(ctx);
    if (auto *simple = dynamic_cast<P::VDesignParser::SimpleTypeContext *>(ctx)) {
      static const std::map<std::string, ast::TypeExpr::Kind> kinds = {
          {"int", ast::TypeExpr::Kind::Int},       {"number", ast::TypeExpr::Kind::Number},
          {"bool", ast::TypeExpr::Kind::Bool},     {"string", ast::TypeExpr::Kind::String},
          {"ref", ast::TypeExpr::Kind::Ref}};
      auto it = kinds.find(simple->getText());
      if (it != kinds.end())
        out.kind = it->second;
      else
        diags_.report(DiagKind::UnknownType, out.range, simple->getText());
    } else if (auto *generic = dynamic_cast<P::VDesignParser::GenericTypeContext *>(ctx)) {
      if (generic->name()->getText() == "list") {
        out.kind = ast::TypeExpr::Kind::List;
        out.element.push_back(type(generic->typeExpr()));
      } else {
        diags_.report(DiagKind::UnknownType, out.range, generic->getText());
      }
    } else if (auto *e = dynamic_cast<P::VDesignParser::EnumTypeContext *>(ctx)) {
      auto names = e->name();
      if (names[0]->getText() == "enum") {
        out.kind = ast::TypeExpr::Kind::Enum;
        for (size_t i = 1; i < names.size(); ++i)
          out.members.push_back(names[i]->getText());
      } else {
        diags_.report(DiagKind::UnknownType, out.range, e->getText());
      }
    }
    return out;
  }

  ast::Requirement requirement(P::VDesignParser::RequiresDeclContext *ctx) {
    ast::Requirement out;
    out.assumption = qname(ctx->qname());
    out.severity = name(ctx->name());
    out.negated = ctx->UNLESS() != nullptr;
    if (ctx->condition())
      out.condition = condition(ctx->condition());
    out.range = range(ctx);
    return out;
  }

  ast::Condition condition(P::VDesignParser::ConditionContext *ctx) {
    ast::Condition out;
    out.range = range(ctx);
    if (auto *n = dynamic_cast<P::VDesignParser::NotConditionContext *>(ctx)) {
      out.kind = ast::Condition::Kind::Not;
      out.operands.push_back(condition(n->condition()));
    } else if (auto *a = dynamic_cast<P::VDesignParser::AndConditionContext *>(ctx)) {
      out.kind = ast::Condition::Kind::And;
      for (auto *c : a->condition())
        out.operands.push_back(condition(c));
    } else if (auto *o = dynamic_cast<P::VDesignParser::OrConditionContext *>(ctx)) {
      out.kind = ast::Condition::Kind::Or;
      for (auto *c : o->condition())
        out.operands.push_back(condition(c));
    } else if (auto *p = dynamic_cast<P::VDesignParser::ParenConditionContext *>(ctx)) {
      return condition(p->condition());
    } else if (auto *c = dynamic_cast<P::VDesignParser::CompareConditionContext *>(ctx)) {
      out.kind = ast::Condition::Kind::Compare;
      out.param = paramName(c->paramName());
      out.op = c->compareOp()->getText();
      out.literal = value(c->value());
    } else if (auto *t = dynamic_cast<P::VDesignParser::TruthConditionContext *>(ctx)) {
      out.kind = ast::Condition::Kind::Truth;
      out.param = paramName(t->paramName());
    }
    return out;
  }

  ast::ProxyKindDecl proxyKind(P::VDesignParser::ProxyKindDeclContext *ctx) {
    ast::ProxyKindDecl out;
    out.name = declName(ctx->declName());
    out.appliesTo = entityKind(ctx->entityKind());
    out.appliesToRange = range(ctx->entityKind());
    out.description = optString(ctx->STRING());
    for (auto *r : ctx->requiresDecl())
      out.requirements.push_back(requirement(r));
    out.range = range(ctx);
    out.doc = docComment(ctx);
    return out;
  }

  ast::AggregationDecl aggregation(P::VDesignParser::AggregationDeclContext *ctx) {
    ast::AggregationDecl out;
    out.name = declName(ctx->declName());
    out.description = optString(ctx->STRING());
    for (auto *r : ctx->requiresDecl())
      out.requirements.push_back(requirement(r));
    out.range = range(ctx);
    out.doc = docComment(ctx);
    return out;
  }

  std::string_view text_;
  FileId file_;
  const OffsetMap &offsets_;
  antlr4::BufferedTokenStream &tokens_;
  DiagnosticSink &diags_;
  const std::vector<uint32_t> &errorOffsets_;
  size_t firstError_ = 0;
  ast::Module module_;
  bool seenDecl_ = false;
  bool inStray_ = false;
};

bool opensNesting(size_t type) {
  return type == VDesignLexer::LBRACE || type == VDesignLexer::LBRACK || type == VDesignLexer::LPAREN;
}
bool closesNesting(size_t type) {
  return type == VDesignLexer::RBRACE || type == VDesignLexer::RBRACK || type == VDesignLexer::RPAREN;
}

} // namespace

ast::Module parseModule(const SourceManager &sources, FileId file, DiagnosticSink &diags, const ParseLimits &limits) {
  ast::Module empty;
  empty.file = file;
  std::string_view text = sources.text(file);
  size_t bad = findInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    diags.report(DiagKind::InvalidUtf8, SourceRange{file, static_cast<uint32_t>(bad), static_cast<uint32_t>(bad + 1)},
                 static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    return empty;
  }
  try {
    OffsetMap offsets(text);
    InputStream input(text);
    VDesignLexer lexer(&input);
    lexer.removeErrorListeners();
    QuietListener quiet;
    lexer.addErrorListener(&quiet);

    // Lexical problems are reported here, once each, and repaired so the parser sees a clean stream.
    std::vector<std::unique_ptr<antlr4::Token>> kept;
    std::vector<size_t> lexicalErrorTokens;
    std::vector<SourceRange> comments;
    BidiControlWarnings bidi;
    unsigned depth = 0;
    unsigned notRun = 0;
    bool tooDeep = false;
    // Separators counted per open bracket (the file's top level first), to bound the length of a list.
    std::vector<size_t> separators{0};
    bool tooLong = false;
    // Tokens of the current top-level item, to bound the parse tree held while it is parsed.
    size_t itemTokens = 0;
    SourceRange itemStart{file, 0, 0};
    for (;;) {
      std::unique_ptr<antlr4::Token> token = lexer.nextToken();
      size_t type = token->getType();
      if (type == antlr4::Token::EOF) {
        kept.push_back(std::move(token));
        bidi.finish(diags);
        break;
      }
      SourceRange r{file, offsets.byteOffset(token->getStartIndex()), offsets.byteOffset(token->getStopIndex() + 1)};
      if (type == VDesignLexer::ERROR_CHAR) {
        std::string shown = token->getText();
        if (shown == "\t" || shown == "\r" || shown.empty() || static_cast<unsigned char>(shown[0]) < 0x20)
          shown = fmt::format("\\x{:02X}", static_cast<unsigned>(static_cast<unsigned char>(shown.empty() ? 0 : shown[0])));
        diags.report(DiagKind::UnexpectedCharacter, r, shown);
        lexicalErrorTokens.push_back(kept.size());
        continue;
      }
      if (type == VDesignLexer::STRING || type == VDesignLexer::UNTERMINATED_STRING)
        bidi.scan(diags, text, r, /*inString=*/true);
      else if (type == VDesignLexer::DOC_COMMENT || type == VDesignLexer::BLOCK_COMMENT ||
               type == VDesignLexer::UNTERMINATED_COMMENT)
        bidi.scan(diags, text, r, /*inString=*/false);
      if (type == VDesignLexer::UNTERMINATED_STRING) {
        diags.report(DiagKind::UnterminatedString, r).help = "add a closing `\"`";
        lexicalErrorTokens.push_back(kept.size());
        if (auto *common = dynamic_cast<antlr4::CommonToken *>(token.get()))
          common->setType(VDesignLexer::STRING);
      }
      if (type == VDesignLexer::UNTERMINATED_COMMENT) {
        diags.report(DiagKind::UnterminatedComment, SourceRange{file, r.begin, r.begin + 2}).help = "add `*/`";
      }
      if (type == VDesignLexer::DOC_COMMENT || type == VDesignLexer::BLOCK_COMMENT)
        comments.push_back(r);
      if (type == VDesignLexer::WS)
        continue; // the parser never sees whitespace; doc comments read the source text between tokens
      if (type == VDesignLexer::NOT) {
        // `not` nests as a prefix; a run of them ends at the next ordinary token.
        if (++notRun > limits.maxNesting && !tooDeep) {
          diags.report(DiagKind::NestingTooDeep, r, limits.maxNesting);
          tooDeep = true;
        }
      } else if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
        notRun = 0;
      }
      if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
        if (depth == 0 && (startsTopDecl(type) || type == VDesignLexer::IMPORT)) {
          itemTokens = 0;
          itemStart = r;
        }
        if (++itemTokens > limits.maxDeclarationTokens) {
          diags.report(DiagKind::DeclarationTooLarge, itemStart, limits.maxDeclarationTokens).help =
              "split it into several designs, or move theory into a module of its own";
          return empty;
        }
      }
      if (opensNesting(type)) {
        if (++depth > limits.maxNesting && !tooDeep) {
          diags.report(DiagKind::NestingTooDeep, r, limits.maxNesting);
          tooDeep = true;
        }
        separators.push_back(0);
      } else if (closesNesting(type) && depth > 0) {
        --depth;
        separators.pop_back();
      } else if (type == VDesignLexer::COLON) {
        separators.back() = 0; // a new `key:` in a block starts a new run of values
      } else if (type == VDesignLexer::COMMA && ++separators.back() >= limits.maxListElements && !tooLong) {
        diags.report(DiagKind::ListTooLong, r, limits.maxListElements);
        tooLong = true;
      }
      if (tooDeep || tooLong)
        return empty; // stop at once: the rest of the file may be as large again
      kept.push_back(std::move(token));
    }

    antlr4::ListTokenSource source(std::move(kept));
    antlr4::CommonTokenStream tokens(&source);
    VDesignParser parser(&tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(&quiet);
    auto strategy = std::make_shared<ErrorStrategy>(sources, file, offsets, diags, std::move(lexicalErrorTokens));
    parser.setErrorHandler(strategy);
    strategy->topLevel = true;
    // The grammar's `file` rule, one top-level item at a time: each item's parse tree is turned into AST and
    // released before the next is parsed, so memory holds the tokens and one declaration's tree, not the
    // whole file's. The choice below is the `file` rule's own (one token of lookahead).
    AstBuilder builder(text, file, offsets, tokens, diags, strategy->errorOffsets);
    while (tokens.LA(1) != antlr4::Token::EOF) {
      size_t next = tokens.LA(1);
      size_t before = tokens.index();
      builder.beginItem();
      antlr4::ParserRuleContext *item = nullptr;
      if (next == VDesignLexer::IMPORT)
        item = parser.importDecl();
      else if (startsTopDecl(next))
        item = parser.topDecl();
      else
        item = parser.stray();
      builder.add(item);
      parser.getTreeTracker().reset();
      if (tokens.index() == before)
        tokens.consume(); // never loop on a token no rule would take
    }
    ast::Module module = builder.take();
    module.comments = std::move(comments);
    return module;
  } catch (const std::exception &e) {
    diags.report(DiagKind::SyntaxError, SourceRange{file, 0, 0}, "a readable file",
                 std::string("an internal parser failure: ") + e.what());
    return empty;
  } catch (...) {
    diags.report(DiagKind::SyntaxError, SourceRange{file, 0, 0}, "a readable file", "an internal parser failure");
    return empty;
  }
}

std::vector<LexedToken> lexForFormatting(std::string_view text) {
  std::vector<LexedToken> out;
  antlr4::ANTLRInputStream input(text.data(), text.size());
  VDesignLexer lexer(&input);
  lexer.removeErrorListeners();
  unsigned newlines = 0;
  for (;;) {
    std::unique_ptr<antlr4::Token> t = lexer.nextToken();
    size_t type = t->getType();
    if (type == antlr4::Token::EOF)
      break;
    std::string tokenText = t->getText();
    if (type == VDesignLexer::WS) {
      newlines += static_cast<unsigned>(std::count(tokenText.begin(), tokenText.end(), '\n'));
      continue;
    }
    LexedToken::Kind kind = LexedToken::Kind::Punct;
    if (type == VDesignLexer::IDENT || type == VDesignLexer::AND || type == VDesignLexer::OR ||
        type == VDesignLexer::NOT)
      kind = LexedToken::Kind::Name;
    else if (type == VDesignLexer::NUMBER)
      kind = LexedToken::Kind::Number;
    else if (type == VDesignLexer::STRING)
      kind = LexedToken::Kind::String;
    else if (type == VDesignLexer::DOC_COMMENT)
      kind = LexedToken::Kind::LineComment;
    else if (type == VDesignLexer::BLOCK_COMMENT)
      kind = LexedToken::Kind::BlockComment;
    else if (type >= VDesignLexer::IMPORT && type <= VDesignLexer::FALSE)
      kind = LexedToken::Kind::Keyword;
    if (kind == LexedToken::Kind::LineComment) {
      while (!tokenText.empty() && (tokenText.back() == ' ' || tokenText.back() == '\t' || tokenText.back() == '\r'))
        tokenText.pop_back();
    }
    out.push_back({kind, std::move(tokenText), newlines});
    newlines = 0;
  }
  return out;
}

void clearParserCache() {
  antlr4::ANTLRInputStream input("");
  VDesignLexer lexer(&input);
  lexer.getInterpreter<antlr4::atn::LexerATNSimulator>()->clearDFA();
  antlr4::CommonTokenStream tokens(&lexer);
  VDesignParser parser(&tokens);
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->clearDFA();
}

} // namespace vdc
