// BuildValue.cpp — the AST of attribute values: strings, numbers with their K/M/B/T scale, names, effects, lists.
#include "parse/AstBuilder.h"

#include <cmath>
#include <cstdlib>

namespace vdc::parse {

ast::Value AstBuilder::value(P::VDesignParser::ValueContext *ctx) {
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
    if (e->VS() && !parts.empty()) { // `T vs C on O in X`: the comparator is the second name
      out.effectComparator = qname(e->comparator);
      parts.erase(parts.begin() + 1);
    }
    out.effectTreatment = qname(parts[0]);
    out.effectOutcome = qname(parts.size() > 1 ? parts[1] : nullptr);
    out.effectTarget = qname(parts.size() > 2 ? parts[2] : nullptr);
  } else if (auto *r = dynamic_cast<P::VDesignParser::RankingValueContext *>(ctx)) {
    // `[T1, T2] on O in X`: the last two names are the outcome and the target.
    out.kind = ast::Value::Kind::Ranking;
    auto parts = r->qname();
    size_t ranked = parts.size() >= 2 ? parts.size() - 2 : 0;
    for (size_t i = 0; i < ranked; ++i)
      out.rankedTreatments.push_back(qname(parts[i]));
    out.effectOutcome = qname(parts.size() >= 2 ? parts[ranked] : nullptr);
    out.effectTarget = qname(parts.size() >= 2 ? parts[ranked + 1] : nullptr);
  } else if (auto *t = dynamic_cast<P::VDesignParser::TrendValueContext *>(ctx)) {
    // `T on O across ATTR in [R1, R2]`.
    out.kind = ast::Value::Kind::Trend;
    auto parts = t->qname();
    out.effectTreatment = qname(parts.size() > 0 ? parts[0] : nullptr);
    out.effectOutcome = qname(parts.size() > 1 ? parts[1] : nullptr);
    out.trendAttribute = {t->name() ? text(t->name()) : "", t->name() ? range(t->name()) : out.range};
    for (size_t i = 2; i < parts.size(); ++i)
      out.trendRecipes.push_back(qname(parts[i]));
  } else if (auto *pr = dynamic_cast<P::VDesignParser::PredictionValueContext *>(ctx)) {
    out.kind = ast::Value::Kind::Prediction;
    auto parts = pr->qname();
    out.effectOutcome = qname(parts.size() > 0 ? parts[0] : nullptr);
    out.effectTarget = qname(parts.size() > 1 ? parts[1] : nullptr);
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

void AstBuilder::number(P::VDesignParser::NumberValueContext *ctx, ast::Value &out) {
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
    diags_
        .report<DiagKind::NumberOutOfRange>(out.range, out.text.size() > 24 ? out.text.substr(0, 12) + "…" +
                                                                                  out.text.substr(out.text.size() - 8)
                                                                            : out.text)
        .help = "numbers must be below 1e308";
    v = 0;
  }
  out.number = v;
  out.isInteger = std::floor(v) == v && std::fabs(v) <= 9.0e15;
}

} // namespace vdc::parse
