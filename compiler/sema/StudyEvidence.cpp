// StudyEvidence.cpp — study evidence (`discharge ... by study S`, LANGUAGE.md Section 12.1): every chain that uses the
// discharged obligation inherits the obligations of S's own chain to the claim, shown `via S`.
#include "sema/DesignCheckerImpl.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace vdc {

namespace {

bool counts(const Chain &chain, int id) {
  if (std::find(chain.obligations.begin(), chain.obligations.end(), id) != chain.obligations.end())
    return true;
  return std::any_of(chain.inherited.begin(), chain.inherited.end(),
                     [&](const InheritedObligation &i) { return i.id == id; });
}

} // namespace

void DesignChecker::inheritStudyEvidence() {
  // The discharges by study that will apply: names resolved, the study valid, the first discharge of its obligation
  // (a repeat is reported with the discharges). The obligations each settles are looked up in every round, since
  // a study's chain built as evidence can bring the very obligation another study is cited for.
  struct Vouch {
    const ast::Discharge *decl = nullptr;
    const ast::Entity *study = nullptr;
    const Assumption *assumption = nullptr;
    std::string target;
    std::vector<int> ids;
  };
  std::vector<Vouch> vouches;
  std::set<std::pair<std::string, std::string>> seen;
  for (const ast::Discharge &dis : design_.discharges) {
    if (dis.malformed || dis.dispute || dis.study.empty())
      continue;
    const Assumption *assumption = theory_.assumption(dis.assumption.text);
    const ast::Entity *target = scope_.find(dis.target.text), *study = scope_.find(dis.study.text);
    if (!assumption || !target || !study || !seen.emplace(assumption->name, target->name.text).second)
      continue;
    auto facts = studies_.find(study);
    if (facts == studies_.end() || !facts->second.valid)
      continue;
    vouches.push_back({&dis, study, assumption, target->name.text, {}});
  }
  if (vouches.empty())
    return;
  // S's own chain to a claim: its chain in the claim's `from:`, else built here (its obligations join the design's).
  std::map<std::pair<const ast::Entity *, std::string>, Chain> evidenceChains;
  // How the study reaches the claim; none when the claim's estimand is unresolved (its errors are reported) or when
  // the study does not connect (reported with the discharge, VD2032, which then settles nothing).
  auto connection = [&](const ast::Entity *study, const Claim &claim) -> std::optional<Connection> {
    // A trend's chains are per recipe; study evidence for them is not connected here (its steps stay as they are).
    Estimand estimand;
    if (claim.form == ClaimForm::Trend || !estimandOf(claim, estimand))
      return std::nullopt;
    const StudyFacts &facts = studies_.at(study);
    Connection c = connect(facts, estimand);
    if (!c.connects() || (c.aggregateRecipes && !theory_.aggregation("recipes")) ||
        (facts.strategy->unitAverage && !claim.overUnits && !theory_.aggregation("units")))
      return std::nullopt;
    return c;
  };
  auto chainOf = [&](const ast::Entity *study, const Claim &claim) -> const Chain * {
    for (const Chain &c : claim.chains)
      if (c.study == study->name.text)
        return &c;
    auto key = std::make_pair(study, claim.name);
    if (auto it = evidenceChains.find(key); it != evidenceChains.end())
      return &it->second;
    std::optional<Connection> c = connection(study, claim);
    if (!c)
      return nullptr;
    Chain chain;
    chainFor(*study, studies_.at(study), *c, claim, *scope_.find(claim.target), chain);
    return &evidenceChains.emplace(key, std::move(chain)).first->second;
  };
  // Inheritance is transitive (S's chain may itself inherit from another study): repeat until nothing is added.
  // Each round adds at least one of finitely many (chain, obligation) pairs, so this ends.
  for (bool grew = true; grew;) {
    grew = false;
    for (Vouch &v : vouches) {
      v.ids.clear();
      for (const Obligation &o : out_.obligations)
        if (o.assumption == v.assumption && o.attachedTo == v.target && !o.satisfiedByDesign())
          v.ids.push_back(o.id);
      // Evidence that does not connect to every claim using the obligation settles nothing (VD2032, reported with
      // the discharges), so it brings nothing either.
      bool connects = true;
      for (int id : v.ids)
        for (const std::string &claimName : out_.obligation(id).claims)
          for (const Claim &claim : out_.claims)
            if (claim.name == claimName && scope_.find(claim.target) && !connection(v.study, claim))
              connects = false;
      if (!connects)
        continue;
      for (Claim &claim : out_.claims) {
        std::vector<Chain *> users;
        for (Chain &c : claim.chains)
          users.push_back(&c);
        for (auto &[key, c] : evidenceChains)
          if (key.second == claim.name)
            users.push_back(&c);
        for (Chain *chain : users) {
          if (!std::any_of(v.ids.begin(), v.ids.end(), [&](int id) { return counts(*chain, id); }))
            continue;
          const Chain *evidence = chainOf(v.study, claim);
          if (!evidence || evidence == chain)
            continue; // a study vouching for its own step: a cycle
          std::vector<InheritedObligation> brought;
          for (int id : evidence->obligations)
            brought.push_back({id, v.study->name.text});
          brought.insert(brought.end(), evidence->inherited.begin(), evidence->inherited.end());
          for (const InheritedObligation &i : brought)
            if (std::find(v.ids.begin(), v.ids.end(), i.id) == v.ids.end() && !counts(*chain, i.id)) {
              chain->inherited.push_back(i);
              grew = true;
            }
        }
      }
    }
  }
  // Cycles (LANGUAGE.md Section 12.1): study A's chain to a claim uses a step that study B vouches for, and so on
  // back to A; the shortest is a study whose own chain uses the step it vouches for. Edges: vouch a -> vouch b when
  // the chain of a's study to a claim that uses a's obligations has one of b's obligations as its own.
  std::vector<std::vector<std::pair<size_t, std::string>>> edges(vouches.size());
  for (size_t a = 0; a < vouches.size(); ++a)
    for (const Claim &claim : out_.claims) {
      auto usesStep = [&](const Chain &c) {
        return std::any_of(vouches[a].ids.begin(), vouches[a].ids.end(), [&](int id) { return counts(c, id); });
      };
      bool uses = std::any_of(claim.chains.begin(), claim.chains.end(), usesStep);
      for (const auto &[key, c] : evidenceChains)
        uses = uses || (key.second == claim.name && usesStep(c));
      const Chain *chain = uses ? chainOf(vouches[a].study, claim) : nullptr;
      if (!chain)
        continue;
      for (size_t b = 0; b < vouches.size(); ++b)
        for (int id : vouches[b].ids)
          if (std::find(chain->obligations.begin(), chain->obligations.end(), id) != chain->obligations.end() &&
              std::none_of(edges[a].begin(), edges[a].end(), [&](const auto &e) { return e.first == b; }))
            edges[a].push_back({b, claim.name});
    }
  // Depth-first search; each loop is reported once, at the discharge that comes first in it.
  std::vector<int> state(vouches.size(), 0); // 0 unseen, 1 on the path, 2 done
  std::vector<size_t> path;
  std::function<void(size_t)> visit = [&](size_t a) {
    state[a] = 1;
    path.push_back(a);
    for (const auto &[b, claimName] : edges[a]) {
      if (state[b] == 1) {
        std::vector<size_t> loop(std::find(path.begin(), path.end(), b), path.end());
        reportEvidenceCycle(loop, claimName, [&](size_t i) -> const ast::Discharge & { return *vouches[i].decl; });
      } else if (state[b] == 0) {
        visit(b);
      }
    }
    path.pop_back();
    state[a] = 2;
  };
  for (size_t a = 0; a < vouches.size(); ++a)
    if (state[a] == 0)
      visit(a);
}

void DesignChecker::reportEvidenceCycle(const std::vector<size_t> &loop, const std::string &claim,
                                        const std::function<const ast::Discharge &(size_t)> &discharge) {
  const ast::Discharge &first = discharge(loop.front());
  // An edge a -> b means that a's study has b's step in its chain, so each step belongs to the previous study.
  std::string words;
  for (size_t k = 0; k < loop.size(); ++k) {
    const ast::Discharge &d = discharge(loop[k]);
    std::string owner = loop.size() == 1 ? "its own chain"
                                         : fmt::format("`{}`'s chain", discharge(loop[(k + loop.size() - 1) %
                                                                                      loop.size()]).study.text);
    words += fmt::format("{}`{}` vouches for `{}` at `{}`, a step of {}", k == 0 ? "" : "; ", d.study.text,
                         d.assumption.text, d.target.text, owner);
  }
  auto &d = diags_.report<DiagKind::StudyEvidenceCycle>(first.study.range, claim, words);
  for (size_t k = 1; k < loop.size(); ++k)
    d.notes.push_back({discharge(loop[k]).range, "the loop goes on here"});
  d.help = "a study cannot vouch, directly or through other studies, for a step of its own chain; cite evidence "
           "from outside the loop (another study, an experiment, the literature)";
}

} // namespace vdc
