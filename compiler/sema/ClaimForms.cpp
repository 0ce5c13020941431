// ClaimForms.cpp — the forms of a claim (LANGUAGE.md Section 14): effect (with `vs`), ranking, trend, prediction.
#include "sema/DesignCheckerImpl.h"

#include <set>

namespace vdc {

namespace {

struct FormSyntax {
  ClaimForm form;
  const char *key;
  ast::Value::Kind kind;
  const char *syntax;
  const char *example;
};

constexpr FormSyntax kForms[] = {
    {ClaimForm::Effect, "effect", ast::Value::Kind::Effect, "`TREATMENT on OUTCOME in RECIPE`",
     "for example `effect: add_math on gsm8k in llama70b` or `effect: add_math vs add_code on gsm8k in llama70b`"},
    {ClaimForm::Ranking, "ranking", ast::Value::Kind::Ranking, "`[TREATMENT, TREATMENT, ...] on OUTCOME in RECIPE`",
     "for example `ranking: [filter_a, filter_b, filter_c] on mmlu in llama7b`"},
    {ClaimForm::Trend, "trend", ast::Value::Kind::Trend, "`TREATMENT on OUTCOME across ATTRIBUTE in [RECIPE, ...]`",
     "for example `trend: dedup on memorisation across params in [m1b, m7b, m70b]`"},
    {ClaimForm::Prediction, "prediction", ast::Value::Kind::Prediction, "`OUTCOME in RECIPE`",
     "for example `prediction: loss in llama70b`"},
};

} // namespace

bool DesignChecker::readClaimForm(const ast::Entity &decl, Claim &claim, Estimand &estimand) {
  using K = ast::EntityKind;
  const ast::Attribute *formAttr = nullptr;
  const FormSyntax *syntax = nullptr;
  for (const FormSyntax &f : kForms)
    if (const ast::Attribute *attr = ast::findAttribute(decl.attributes, f.key)) {
      if (formAttr) {
        auto &d = diags_.report<DiagKind::ClaimForm>(
            attr->key.range, claim.name,
            fmt::format("has two forms, `{}:` and `{}:`", formAttr->key.text, attr->key.text));
        d.notes.push_back({formAttr->key.range, "first form here"});
        d.help = "a claim has exactly one form: write a separate claim for each statement";
        return false;
      }
      formAttr = attr;
      syntax = &f;
    }
  if (!formAttr) {
    diags_.report<DiagKind::MissingField>(decl.name.range, "claim", claim.name, "effect").help =
        "write `effect: TREATMENT on OUTCOME in RECIPE`, or one of `ranking:`, `trend:` and `prediction:`";
    return false;
  }
  const ast::Value &v = formAttr->value;
  if (v.kind != syntax->kind) {
    auto &d = diags_.report<DiagKind::AttributeType>(v.range, syntax->key, syntax->syntax, v.describe());
    d.help = syntax->example;
    return false;
  }
  claim.form = estimand.form = syntax->form;
  bool ok = true;
  auto resolve = [&](const ast::Name &name, std::initializer_list<K> kinds) {
    const ast::Entity *e = scope_.resolve(name, kinds);
    ok = ok && e;
    return e;
  };
  claim.outcome = v.effectOutcome.text;
  estimand.outcome = resolve(v.effectOutcome, {K::Outcome});
  switch (syntax->form) {
  case ClaimForm::Effect:
    claim.treatment = v.effectTreatment.text;
    estimand.treatments.push_back(resolve(v.effectTreatment, {K::Treatment}));
    if (!v.effectComparator.empty()) {
      claim.comparator = v.effectComparator.text;
      estimand.comparator = resolve(v.effectComparator, {K::Treatment});
      if (ok && estimand.comparator == estimand.treatments[0]) {
        diags_.report<DiagKind::ClaimForm>(v.effectComparator.range, claim.name,
                                           fmt::format("compares `{}` with itself", claim.comparator));
        ok = false;
      }
    }
    break;
  case ClaimForm::Ranking: {
    std::set<std::string> seen;
    for (const ast::Name &t : v.rankedTreatments) {
      claim.treatments.push_back(t.text);
      estimand.treatments.push_back(resolve(t, {K::Treatment}));
      if (!seen.insert(t.text).second) {
        diags_.report<DiagKind::ClaimForm>(t.range, claim.name, fmt::format("ranks `{}` twice", t.text));
        ok = false;
      }
    }
    if (seen.size() < 2) {
      auto &d = diags_.report<DiagKind::ClaimForm>(v.range, claim.name, "ranks fewer than two treatments");
      d.help = "a ranking orders the effects of at least two treatments; for one, write `effect:`";
      ok = false;
    }
    break;
  }
  case ClaimForm::Trend: {
    claim.treatment = v.effectTreatment.text;
    claim.trendAttribute = v.trendAttribute.text;
    estimand.treatments.push_back(resolve(v.effectTreatment, {K::Treatment}));
    std::set<std::string> seen;
    for (const ast::Name &r : v.trendRecipes) {
      if (!seen.insert(r.text).second) {
        diags_.report<DiagKind::ClaimForm>(r.range, claim.name, fmt::format("lists recipe `{}` twice", r.text));
        ok = false;
        continue;
      }
      claim.trendRecipes.push_back(r.text);
      ok = resolve(r, {K::Recipe}) && ok;
    }
    if (seen.size() < 2) {
      auto &d = diags_.report<DiagKind::ClaimForm>(v.range, claim.name, "lists fewer than two recipes for its trend");
      d.help = "a trend compares the effect at two or more recipes; for one, write `effect:`";
      ok = false;
    }
    // ATTR is a recipe attribute: a size, or one the design's recipes declare (LANGUAGE.md Section 14).
    bool known = claim.trendAttribute == "params" || claim.trendAttribute == "tokens" ||
                 claim.trendAttribute == "compute";
    for (const ast::Entity &e : design_.entities)
      known = known || (e.kind == K::Recipe && ast::findAttribute(e.attributes, claim.trendAttribute));
    if (!known) {
      auto &d = diags_.report<DiagKind::ClaimForm>(
          v.trendAttribute.range, claim.name,
          fmt::format("follows `{}`, which no recipe of the design declares", claim.trendAttribute));
      d.help = "a trend runs across a recipe attribute: `params`, `tokens`, `compute` or one the recipes declare";
      ok = false;
    } else if (seen.size() >= 2) {
      warnTrendConfounders(claim, v);
    }
    break;
  }
  case ClaimForm::Prediction:
    break;
  }
  if (syntax->form != ClaimForm::Trend) {
    claim.target = v.effectTarget.text;
    estimand.target = resolve(v.effectTarget, {K::Recipe, K::Population});
    claim.targetIsPopulation = estimand.target && estimand.target->kind == K::Population;
  }
  return ok;
}

void DesignChecker::warnTrendConfounders(const Claim &claim, const ast::Value &trend) {
  // Every attribute the listed recipes declare besides ATTR must agree across them (a missing one differs too).
  std::vector<const ast::Entity *> recipes;
  for (const std::string &r : claim.trendRecipes)
    if (const ast::Entity *e = scope_.find(r); e && e->kind == ast::EntityKind::Recipe)
      recipes.push_back(e);
  std::set<std::string> keys;
  for (const ast::Entity *e : recipes)
    for (const ast::Attribute &a : e->attributes)
      if (a.key.text != claim.trendAttribute)
        keys.insert(a.key.text);
  for (const std::string &key : keys) {
    std::set<std::string> values;
    std::string listing;
    for (const ast::Entity *e : recipes) {
      const ast::Attribute *a = ast::findAttribute(e->attributes, key);
      std::string shown = a ? a->value.display() : "not declared";
      values.insert(shown);
      listing += (listing.empty() ? "" : ", ") + fmt::format("`{}` {}", e->name.text, shown);
    }
    if (values.size() < 2)
      continue;
    auto &d = diags_.report<DiagKind::TrendConfounded>(trend.range, claim.name, key, claim.trendAttribute, listing);
    d.help = fmt::format("the change of the effect may come from `{}` rather than from `{}`; list recipes that "
                         "differ only in `{}`, or discuss the difference",
                         key, claim.trendAttribute, claim.trendAttribute);
  }
}

bool DesignChecker::estimandOf(const Claim &claim, Estimand &estimand, const std::string &point) const {
  estimand = Estimand{};
  estimand.form = claim.form;
  bool ok = true;
  auto find = [&](const std::string &name) {
    const ast::Entity *e = name.empty() ? nullptr : scope_.find(name);
    ok = ok && e;
    return e;
  };
  if (claim.form == ClaimForm::Ranking)
    for (const std::string &t : claim.treatments)
      estimand.treatments.push_back(find(t));
  else if (claim.form != ClaimForm::Prediction)
    estimand.treatments.push_back(find(claim.treatment));
  if (!claim.comparator.empty())
    estimand.comparator = find(claim.comparator);
  estimand.outcome = find(claim.outcome);
  estimand.target = find(claim.form == ClaimForm::Trend ? point : claim.target);
  return ok;
}

/// The words for the claim form in messages ("an effect", "a ranking").
std::string claimFormArticle(ClaimForm form) {
  return form == ClaimForm::Effect ? "an effect" : fmt::format("a {}", claimFormName(form));
}

} // namespace vdc
