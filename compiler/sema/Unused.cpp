// Unused.cpp — declarations that no claim's chain uses (LANGUAGE.md Section 16): a warning for each.
#include "sema/DesignCheckerImpl.h"

#include <algorithm>
#include <set>

namespace vdc {

void DesignChecker::reportUnused() {
  // With errors, chains may be missing for that reason alone; the errors say enough.
  if (incomplete_ || proxyChainTooLong_ || diags_.hasErrors())
    return;
  using K = ast::EntityKind;
  // A design that makes no claim yet is a draft: every declaration would be unused, and saying so helps nobody.
  if (std::none_of(design_.entities.begin(), design_.entities.end(),
                   [](const ast::Entity &e) { return e.kind == K::Claim; }))
    return;
  std::set<const ast::Entity *> used;
  auto use = [&](const ast::Entity *e) {
    if (e)
      used.insert(e);
  };
  // A study is used with its fields, the declarations its parameters name (`adjust_for: [freq]`) and, for each
  // claim it connects to, the proxy links its chain passes.
  auto useStudy = [&](const ast::Entity *studyDecl) {
    auto facts = studies_.find(studyDecl);
    if (!studyDecl || facts == studies_.end() || !facts->second.valid)
      return;
    const StudyFacts &study = facts->second;
    for (const ast::Entity *e : {studyDecl, study.treatment, study.control, study.outcome, study.recipe,
                                 study.population})
      use(e);
    for (const ast::Entity *arm : study.arms)
      use(arm);
    for (const auto &[param, value] : study.args) {
      if (value->kind == ast::Value::Kind::Name)
        use(scope_.find(value->name.text));
      else if (value->kind == ast::Value::Kind::List)
        for (const ast::Value &item : value->items)
          if (item.kind == ast::Value::Kind::Name)
            use(scope_.find(item.name.text));
    }
    for (const Claim &claim : out_.claims) {
      // Each point of a trend is the target of an effect claim (LANGUAGE.md Section 14).
      std::vector<std::string> points = claim.form == ClaimForm::Trend ? claim.trendRecipes
                                                                        : std::vector<std::string>{""};
      for (const std::string &point : points) {
        Estimand estimand;
        if (!estimandOf(claim, estimand, point))
          continue;
        Connection c = connect(study, estimand);
        if (!c.connects())
          continue;
        for (const auto *hops : {&c.treatmentHops, &c.outcomeHops, &c.recipeHops})
          for (const ast::Entity *hop : *hops)
            use(hop);
      }
    }
  };
  for (const Claim &claim : out_.claims) {
    for (const std::string &name : {claim.treatment, claim.comparator, claim.outcome, claim.target})
      if (!name.empty())
        use(scope_.find(name));
    for (const std::vector<std::string> *names : {&claim.treatments, &claim.trendRecipes})
      for (const std::string &name : *names)
        use(scope_.find(name));
    for (const Chain &chain : claim.chains) {
      useStudy(scope_.find(chain.study));
      for (const InheritedObligation &i : chain.inherited)
        useStudy(scope_.find(i.via));
    }
  }
  for (const ast::Discharge &dis : design_.discharges)
    if (!dis.study.empty())
      useStudy(scope_.find(dis.study.text));

  for (const ast::Entity &e : design_.entities) {
    if (e.kind == K::Claim || e.malformed || used.count(&e))
      continue;
    std::string help;
    switch (e.kind) {
    case K::Covariate: {
      const ast::Attribute *observed = ast::findAttribute(e.attributes, "observed");
      if (observed && observed->value.kind == ast::Value::Kind::Bool && !observed->value.boolean)
        continue; // a known unmeasured confounder documents a threat; reports list it beside exchangeability
      help = "adjust for it in a study (`adjust_for: [...]`), declare it `observed: false` if it is a confounder "
             "that was not measured, or remove it";
      break;
    }
    case K::Study:
      help = "name it in a claim's `from:` or in a `discharge ... by study`, or remove it";
      break;
    default:
      help = "use it in a study or a claim's `effect:`, or in a proxy link that a chain passes, or remove it";
      break;
    }
    auto &d = diags_.report<DiagKind::UnusedDeclaration>(e.name.range, ast::entityKindName(e.kind), e.name.text);
    d.help = std::move(help);
  }
}

} // namespace vdc
