// BuildTheory.cpp — the AST of theory declarations: assumptions, strategies with their typed parameters and
// requirements, conditions, proxy kinds and aggregations.
#include "parse/AstBuilder.h"

#include <algorithm>
#include <map>

namespace vdc::parse {

ast::AssumptionDecl AstBuilder::assumption(P::VDesignParser::AssumptionDeclContext *ctx) {
  ast::AssumptionDecl out;
  out.name = qname(ctx->qname());
  out.title = optString(ctx->STRING());
  out.attributes = attributes(ctx->attrBlock());
  out.range = range(ctx);
  out.doc = docComment(ctx);
  return out;
}

ast::StrategyDecl AstBuilder::strategy(P::VDesignParser::StrategyDeclContext *ctx) {
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
      ast::SatisfiesGuard guard;
      guard.negated = s->UNLESS() != nullptr;
      if (s->condition())
        guard.condition = condition(s->condition());
      for (auto *q : s->qname()) {
        out.satisfies.push_back(qname(q));
        out.satisfiesGuards.push_back(guard);
      }
    } else if (auto *f = item->forbidDecl()) {
      ast::Forbid forbid;
      forbid.negated = f->UNLESS() != nullptr;
      if (f->condition())
        forbid.condition = condition(f->condition());
      forbid.message = optString(f->STRING());
      forbid.range = range(f);
      out.forbids.push_back(std::move(forbid));
    } else if (auto *r = item->requiresDecl()) {
      out.requirements.push_back(requirement(r));
    } else if (auto *a = item->attribute()) {
      out.attributes.push_back(attribute(a));
    }
  }
  return out;
}

ast::TypeExpr AstBuilder::type(P::VDesignParser::TypeExprContext *ctx) {
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
      diags_.report<DiagKind::UnknownType>(out.range, simple->getText());
  } else if (auto *generic = dynamic_cast<P::VDesignParser::GenericTypeContext *>(ctx)) {
    if (generic->name()->getText() == "list") {
      out.kind = ast::TypeExpr::Kind::List;
      out.element.push_back(type(generic->typeExpr()));
    } else {
      diags_.report<DiagKind::UnknownType>(out.range, generic->getText());
    }
  } else if (auto *e = dynamic_cast<P::VDesignParser::EnumTypeContext *>(ctx)) {
    auto names = e->name();
    if (names[0]->getText() == "enum") {
      out.kind = ast::TypeExpr::Kind::Enum;
      for (size_t i = 1; i < names.size(); ++i)
        out.members.push_back(names[i]->getText());
    } else {
      diags_.report<DiagKind::UnknownType>(out.range, e->getText());
    }
  }
  return out;
}

ast::Requirement AstBuilder::requirement(P::VDesignParser::RequiresDeclContext *ctx) {
  ast::Requirement out;
  out.assumption = qname(ctx->qname());
  out.severity = name(ctx->name());
  out.negated = ctx->UNLESS() != nullptr;
  if (ctx->condition())
    out.condition = condition(ctx->condition());
  out.hint = optString(ctx->STRING());
  out.range = range(ctx);
  return out;
}

ast::Name AstBuilder::conditionTerm(P::VDesignParser::ConditionTermContext *ctx) const {
  auto names = ctx->paramName();
  ast::Name out = paramName(names[0]);
  if (names.size() > 1) {
    out.text += "." + paramName(names[1]).text;
    out.range = range(ctx);
  }
  return out;
}

ast::Condition AstBuilder::condition(P::VDesignParser::ConditionContext *ctx) {
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
    auto terms = c->conditionTerm();
    out.param = conditionTerm(terms[0]);
    for (size_t i = 1; i < terms.size(); ++i)
      out.factors.push_back(conditionTerm(terms[i]));
    out.op = c->compareOp()->getText();
    out.literal = value(c->value());
  } else if (auto *t = dynamic_cast<P::VDesignParser::TruthConditionContext *>(ctx)) {
    out.kind = ast::Condition::Kind::Truth;
    out.param = conditionTerm(t->conditionTerm());
  }
  return out;
}

ast::ProxyKindDecl AstBuilder::proxyKind(P::VDesignParser::ProxyKindDeclContext *ctx) {
  ast::ProxyKindDecl out;
  out.name = declName(ctx->declName());
  auto sorts = ctx->entityKind(); // empty only after a syntax error, which says what is missing
  out.appliesTo = entityKind(sorts.empty() ? nullptr : sorts[0]);
  if (!sorts.empty())
    out.appliesToRange = range(sorts[0]);
  for (size_t i = 1; i < sorts.size(); ++i)
    if (std::find(out.alsoAppliesTo.begin(), out.alsoAppliesTo.end(), entityKind(sorts[i])) == out.alsoAppliesTo.end())
      out.alsoAppliesTo.push_back(entityKind(sorts[i]));
  out.description = optString(ctx->STRING());
  for (auto *r : ctx->requiresDecl())
    out.requirements.push_back(requirement(r));
  out.range = range(ctx);
  out.doc = docComment(ctx);
  return out;
}

ast::AggregationDecl AstBuilder::aggregation(P::VDesignParser::AggregationDeclContext *ctx) {
  ast::AggregationDecl out;
  out.name = declName(ctx->declName());
  out.description = optString(ctx->STRING());
  for (auto *r : ctx->requiresDecl())
    out.requirements.push_back(requirement(r));
  out.range = range(ctx);
  out.doc = docComment(ctx);
  return out;
}

} // namespace vdc::parse
