// AstBuilder.cpp — the AST builder's top-level items, names, ranges and doc comments.
#include "parse/AstBuilder.h"
#include "parse/StringLiteral.h"
#include "parse/TokenDescriptions.h"

#include <algorithm>
#include <cctype>

namespace vdc::parse {

/// Adds one top-level item (an import, a declaration, or stray input) once it is parsed; its parse tree may be
/// released afterwards.
void AstBuilder::add(antlr4::ParserRuleContext *child) {
  if (auto *imp = dynamic_cast<P::VDesignParser::ImportDeclContext *>(child)) {
    inStray_ = false;
    ast::Import import{importPath(imp), range(imp)};
    if (seenDecl_)
      diags_.report<DiagKind::ImportNotFirst>(import.range);
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
      diags_.report<DiagKind::ExtraInput>(range(stray), describeToken(stray->getStart()));
    inStray_ = true;
  }
}

/// Whether a syntax or lexical error was reported inside `r` (or right at its end).
bool AstBuilder::damaged(SourceRange r) const {
  for (size_t i = firstError_; i < errorOffsets_.size(); ++i)
    if (errorOffsets_[i] >= r.begin && errorOffsets_[i] <= r.end)
      return true;
  return false;
}

SourceRange AstBuilder::range(antlr4::ParserRuleContext *ctx) const {
  if (!ctx || !ctx->getStart())
    return {file_, 0, 0};
  auto *stop = ctx->getStop() ? ctx->getStop() : ctx->getStart();
  uint32_t begin = offsets_.byteOffset(ctx->getStart()->getStartIndex());
  uint32_t end = stop->getType() == antlr4::Token::EOF ? begin : offsets_.byteOffset(stop->getStopIndex() + 1);
  if (end < begin)
    end = begin;
  return {file_, begin, end};
}

SourceRange AstBuilder::range(antlr4::Token *token) const {
  return {file_, offsets_.byteOffset(token->getStartIndex()), offsets_.byteOffset(token->getStopIndex() + 1)};
}

/// The comment directly above the first token of a declaration: a run of `//` lines, or a block comment,
/// each on lines of its own, with no blank line between them and the declaration.
std::string AstBuilder::docComment(antlr4::ParserRuleContext *ctx) const {
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

std::string AstBuilder::lineCommentBody(const std::string &text) {
  std::string body = text.substr(2);
  body.erase(0, body.find_first_not_of('/')); // `///` doc comments read the same as `//`
  if (!body.empty() && body[0] == ' ')
    body.erase(0, 1);
  return body;
}

/// The text of `/* ... */` without its delimiters, and without a leading `*` on continuation lines.
std::string AstBuilder::blockCommentBody(const std::string &text) {
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
std::string AstBuilder::text(antlr4::ParserRuleContext *ctx) {
  return ctx->children.size() == 1 ? ctx->children[0]->getText() : ctx->getText();
}

ast::Name AstBuilder::name(P::VDesignParser::NameContext *ctx) const {
  if (!ctx)
    return {};
  return {text(ctx), range(ctx)};
}

ast::Name AstBuilder::paramName(P::VDesignParser::ParamNameContext *ctx) const {
  if (!ctx)
    return {};
  return {ctx->name() ? text(ctx->name()) : text(ctx), range(ctx)};
}

ast::Name AstBuilder::qname(P::VDesignParser::QnameContext *ctx) const {
  if (!ctx)
    return {};
  std::string out;
  for (auto *part : ctx->name())
    out += (out.empty() ? "" : ".") + text(part);
  return {out, range(ctx)};
}

ast::Name AstBuilder::declName(P::VDesignParser::DeclNameContext *ctx) {
  if (!ctx)
    return {};
  if (ctx->STRING()) {
    auto &d = diags_.report<DiagKind::StringInsteadOfName>(range(ctx));
    std::string unquoted = unescape(ctx->STRING()->getSymbol(), /*report=*/false);
    d.help = "names are written without quotes";
    if (isIdentifier(unquoted))
      d.replacement = unquoted;
    return {unquoted, range(ctx)};
  }
  return name(ctx->name());
}

bool AstBuilder::isIdentifier(const std::string &text) {
  if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_'))
    return false;
  for (char c : text)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
      return false;
  return true;
}

std::string AstBuilder::unescape(antlr4::Token *token, bool report) {
  return unescapeString(token->getText(), range(token), report ? &diags_ : nullptr);
}

std::string AstBuilder::importPath(P::VDesignParser::ImportDeclContext *ctx) {
  if (ctx->STRING())
    return unescape(ctx->STRING()->getSymbol());
  return ctx->name() ? ctx->name()->getText() : "";
}

void AstBuilder::topDecl(P::VDesignParser::TopDeclContext *ctx, ast::Module &module) {
  if (auto *d = ctx->designDecl())
    module.designs.push_back(design(d));
  else if (auto *a = ctx->assumptionDecl())
    module.assumptions.push_back(assumption(a));
  else if (auto *s = ctx->strategyDecl())
    module.strategies.push_back(strategy(s));
  else if (auto *p = ctx->proxyKindDecl()) {
    // Without what it applies to, a proxy kind cannot be checked or used; its syntax error says why.
    if (p->entityKind().empty() || !damaged(range(p->entityKind(0))))
      module.proxyKinds.push_back(proxyKind(p));
  }
  else if (auto *g = ctx->aggregationDecl())
    module.aggregations.push_back(aggregation(g));
}

} // namespace vdc::parse
