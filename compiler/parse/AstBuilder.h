// AstBuilder.h — builds the AST from the parse tree, one method per grammar rule (in the style of a transformer).
// Private to the parse phase: it sees the generated parser. The methods are defined by construct: AstBuilder.cpp
// (items, names, comments), BuildDesign.cpp, BuildValue.cpp and BuildTheory.cpp.
#pragma once

#include "parse/ParseInput.h"

#include "ast/Decl.h"
#include "diagnostics/Diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace vdc::parse {

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
  void add(antlr4::ParserRuleContext *child);

  ast::Module take() { return std::move(module_); }

private:
  /// Whether a syntax or lexical error was reported inside `r` (or right at its end).
  bool damaged(SourceRange r) const;

  SourceRange range(antlr4::ParserRuleContext *ctx) const;
  SourceRange range(antlr4::Token *token) const;
  SourceRange range(antlr4::tree::TerminalNode *node) const { return range(node->getSymbol()); }

  /// The comment directly above the first token of a declaration: a run of `//` lines, or a block comment,
  /// each on lines of its own, with no blank line between them and the declaration.
  std::string docComment(antlr4::ParserRuleContext *ctx) const;
  static std::string lineCommentBody(const std::string &text);
  /// The text of `/* ... */` without its delimiters, and without a leading `*` on continuation lines.
  static std::string blockCommentBody(const std::string &text);

  /// The text of a rule that is one token, without RuleContext::getText's string stream (names are most of a file).
  static std::string text(antlr4::ParserRuleContext *ctx);
  ast::Name name(P::VDesignParser::NameContext *ctx) const;
  ast::Name paramName(P::VDesignParser::ParamNameContext *ctx) const;
  ast::Name qname(P::VDesignParser::QnameContext *ctx) const;
  ast::Name declName(P::VDesignParser::DeclNameContext *ctx);
  static bool isIdentifier(const std::string &text);
  std::string importPath(P::VDesignParser::ImportDeclContext *ctx);

  /// The contents of a string token with escapes resolved (parse/StringLiteral.h); bad escapes are reported
  /// unless `report` is false.
  std::string unescape(antlr4::Token *token, bool report = true);

  std::string optString(antlr4::tree::TerminalNode *node) { return node ? unescape(node->getSymbol()) : ""; }

  // Declarations and designs (BuildDesign.cpp), values (BuildValue.cpp), theory (BuildTheory.cpp).
  void topDecl(P::VDesignParser::TopDeclContext *ctx, ast::Module &module);
  ast::Design design(P::VDesignParser::DesignDeclContext *ctx);
  static ast::EntityKind entityKind(P::VDesignParser::EntityKindContext *ctx);
  ast::Entity entity(P::VDesignParser::EntityDeclContext *ctx);
  ast::Discharge discharge(P::VDesignParser::DischargeDeclContext *ctx);
  ast::Discharge dispute(P::VDesignParser::DisputeDeclContext *ctx);
  std::vector<ast::Attribute> attributes(P::VDesignParser::AttrBlockContext *ctx);
  ast::Attribute attribute(P::VDesignParser::AttributeContext *ctx);
  ast::Value value(P::VDesignParser::ValueContext *ctx);
  void number(P::VDesignParser::NumberValueContext *ctx, ast::Value &out);
  ast::AssumptionDecl assumption(P::VDesignParser::AssumptionDeclContext *ctx);
  ast::StrategyDecl strategy(P::VDesignParser::StrategyDeclContext *ctx);
  ast::TypeExpr type(P::VDesignParser::TypeExprContext *ctx);
  ast::Requirement requirement(P::VDesignParser::RequiresDeclContext *ctx);
  ast::Condition condition(P::VDesignParser::ConditionContext *ctx);
  ast::Name conditionTerm(P::VDesignParser::ConditionTermContext *ctx) const;
  ast::ProxyKindDecl proxyKind(P::VDesignParser::ProxyKindDeclContext *ctx);
  ast::AggregationDecl aggregation(P::VDesignParser::AggregationDeclContext *ctx);

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

} // namespace vdc::parse
