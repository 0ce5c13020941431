// DesignChecker.cpp — the order of checks for one design, and profile computation.
#include "sema/DesignCheckerImpl.h"

#include <algorithm>

namespace vdc {

DesignChecker::DesignChecker(const ast::Design &design, FileId file, const Theory &theory, Policy policy,
                             DiagnosticSink &diags, const CheckEnvironment *checks)
    : design_(design), file_(file), theory_(theory), policy_(policy), diags_(diags), checks_(checks),
      scope_(design, diags) {}

CheckedDesign DesignChecker::run() {
  out_.name = design_.name.text;
  out_.title = design_.title;
  out_.file = file_;
  out_.cites = design_.cites;
  out_.decl = &design_;
  checkEntities();
  checkProxyCycles();
  checkStudies();
  if (!proxyChainTooLong_)
    checkClaims();
  inheritStudyEvidence();
  applyDischarges();
  computeProfiles();
  reportUnused();
  listUnmeasuredConfounders();
  for (const ast::Entity &e : design_.entities) {
    Declaration d{e.kind, e.name.text, e.description, "", "", e.range, {}};
    if (const ast::Entity *target = scope_.proxyTarget(e)) {
      d.proxyOf = target->name.text;
      d.proxyKind = e.proxy->kind.text;
    }
    for (const ast::Attribute &attr : e.attributes)
      d.attributes.emplace_back(attr.key.text, attr.value.display());
    out_.declarations.push_back(std::move(d));
  }
  for (const auto &[decl, facts] : studies_) {
    if (!facts.valid)
      continue;
    const ast::Entity *target = facts.recipe ? facts.recipe : facts.population;
    std::string arms;
    for (const ast::Entity *arm : facts.arms)
      arms += (arms.empty() ? "" : ", ") + arm->name.text;
    out_.studies.push_back({decl->name.text, facts.strategy->name, facts.arms.size() > 1 ? "[" + arms + "]" : arms,
                            facts.outcome->name.text, target->name.text,
                            facts.control ? facts.control->name.text : "", facts.population != nullptr});
  }
  std::sort(out_.studies.begin(), out_.studies.end(),
            [](const StudySummary &a, const StudySummary &b) { return a.name < b.name; });
  return std::move(out_);
}

void DesignChecker::computeProfiles() {
  for (Claim &claim : out_.claims) {
    for (Chain &chain : claim.chains) {
      chain.profile = {};
      chain.blocking.clear();
      for (int id : chain.allObligations()) {
        const Obligation &o = out_.obligation(id);
        Validity v = o.assumption->validity;
        chain.profile.inherent.raise(v, o.severity);
        if (isOpen(o.status))
          chain.profile.residual.raise(v, o.severity);
        if (denies(policy_, o))
          chain.blocking.push_back(id);
      }
      chain.holds = chain.blocking.empty();
    }
    decideClaim(claim, out_);
  }
}

CheckedDesign checkDesign(const ast::Design &design, FileId file, const Theory &theory, Policy policy,
                          DiagnosticSink &diags, const CheckEnvironment *checks) {
  return DesignChecker(design, file, theory, policy, diags, checks).run();
}

} // namespace vdc
