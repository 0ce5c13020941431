// ReportInput.cpp — run summaries, claim states, the obligation-level decision and estimand notation shared by the report writers.
#include "report/ReportInput.h"

#include <algorithm>

#include <llvm/ADT/StringExtras.h>

namespace vdc {

ClaimState claimState(const Compilation &compilation, const Claim &claim) {
  if (compilation.diagnostics().hasErrors() || !claim.complete)
    return ClaimState::NotChecked;
  return claim.holds ? ClaimState::Holds : ClaimState::Fails;
}

Finding obligationFinding(Policy policy, const Obligation &o) {
  if (o.severity == Level::None || o.status == Status::Discharged)
    return Finding::None;
  if (denies(policy, o))
    return Finding::Error;
  return isOpen(o.status) ? Finding::Warning : Finding::Note;
}

RunSummary summarize(const Compilation &compilation) {
  RunSummary s;
  for (const CheckedDesign &design : compilation.designs()) {
    for (const Claim &claim : design.claims) {
      ++s.claims;
      if (claimState(compilation, claim) == ClaimState::Holds)
        ++s.claimsHolding;
    }
    for (const Obligation &o : design.obligations) {
      if (o.satisfiedByDesign()) { // not evidence: counted apart (LANGUAGE.md Section 12.4)
        ++s.byDesign;
        continue;
      }
      if (o.status == Status::Discharged) {
        ++s.discharged;
        continue;
      }
      if (o.severity == Level::None)
        continue;
      if (o.status == Status::Assumed)
        ++s.assumed;
      if (isOpen(o.status)) {
        ++s.open;
        if (o.severity == Level::Key)
          ++s.openKey;
      }
      s.stale += o.status == Status::Stale;
      s.contested += o.status == Status::Contested;
    }
  }
  s.errors = static_cast<int>(compilation.diagnostics().count(Severity::Error));
  s.warnings = static_cast<int>(compilation.diagnostics().count(Severity::Warning));
  s.policyViolated = s.claimsHolding < s.claims;
  return s;
}

RunSummary summarize(const ReportInput &input) {
  RunSummary total;
  for (const Compilation *c : input.compilations) {
    RunSummary s = summarize(*c);
    total.claims += s.claims;
    total.claimsHolding += s.claimsHolding;
    total.open += s.open;
    total.openKey += s.openKey;
    total.assumed += s.assumed;
    total.discharged += s.discharged;
    total.stale += s.stale;
    total.byDesign += s.byDesign;
    total.contested += s.contested;
    total.errors += s.errors;
    total.warnings += s.warnings;
  }
  total.policyViolated = total.claimsHolding < total.claims;
  return total;
}

std::string evidenceKind(const Evidence &e) {
  if (e.described)
    return e.kind + ", described, not verified";
  if (e.kind == "study" && !e.study.empty())
    return "study " + e.study;
  return e.kind;
}

std::string evidenceLine(const Evidence &e) {
  std::string out = evidenceKind(e);
  if (!e.text.empty())
    out += ": " + e.text;
  if (!e.cite.empty())
    out += " [" + e.cite + "]";
  return out;
}

std::string disputesLine(const Obligation &o) {
  std::string out;
  for (const Evidence &e : o.disputes)
    out += (out.empty() ? "disputed by " : "; disputed by ") + evidenceLine(e);
  return out;
}

std::string blockingList(const CheckedDesign &d, const Chain &chain) {
  if (chain.blocking.empty())
    return "none";
  std::vector<std::string> parts;
  for (int id : chain.blocking) {
    const Obligation &o = d.obligation(id);
    parts.push_back(
        fmt::format("#{} {} ({}, {})", id, o.assumption->name, levelName(o.severity), statusName(o.status)));
  }
  return llvm::join(parts, ", ");
}

std::vector<std::string> inheritedLines(const CheckedDesign &d, const Chain &chain) {
  struct Via {
    std::string study;
    std::vector<std::string> threats;
    int byDesign = 0;
  };
  std::vector<Via> vias;
  for (const InheritedObligation &in : chain.inherited) {
    auto via = std::find_if(vias.begin(), vias.end(), [&](const Via &v) { return v.study == in.via; });
    if (via == vias.end())
      via = vias.insert(vias.end(), Via{in.via, {}, 0});
    const Obligation &o = d.obligation(in.id);
    if (o.severity == Level::None)
      ++via->byDesign;
    else
      via->threats.push_back(fmt::format("#{} {} ({}, {})", in.id, o.assumption->name, levelName(o.severity),
                                         statusName(o.status)));
  }
  std::vector<std::string> lines;
  for (const Via &via : vias) {
    std::string line = fmt::format("from study {}: {}", via.study,
                                   via.threats.empty() ? "no threat" : llvm::join(via.threats, ", "));
    if (via.byDesign)
      line += fmt::format("; {} satisfied by design", via.byDesign);
    lines.push_back(line);
  }
  return lines;
}

std::string chainVerdict(const Chain &chain) {
  std::string out = chain.holds ? "holds" : "blocked by the policy";
  return chain.deciding ? "deciding, " + out : out;
}

std::string profileWords(const Profile &p) {
  std::vector<std::string> parts;
  for (Validity v : kAllValidities)
    parts.push_back(fmt::format("{} {}", validityName(v), levelName(p[v])));
  return llvm::join(parts, ", ");
}

std::string chainSummary(const CheckedDesign &d, const Claim &claim, size_t index) {
  const Chain &chain = claim.chains[index];
  return fmt::format("chain {} from study {} ({}): inherent {}; residual {}; blocking: {}", index + 1, chain.study,
                     chainVerdict(chain), profileWords(chain.profile.inherent), profileWords(chain.profile.residual),
                     blockingList(d, chain));
}

std::string countOf(long n, const std::string &noun, const std::string &plural) {
  return std::to_string(n) + " " + (n == 1 ? noun : plural.empty() ? noun + "s" : plural);
}

std::unordered_map<std::string, std::vector<const Obligation *>> obligationsByClaim(const CheckedDesign &d) {
  std::unordered_map<std::string, std::vector<const Obligation *>> out;
  for (const Obligation &o : d.obligations)
    for (const std::string &claim : o.claims)
      out[claim].push_back(&o);
  return out;
}

std::string estimandNotation(const Claim &claim) {
  // The paper's τ(a, y; ψ) for a recipe, τ̄(a, y; Π) for a population, τ̄ᵤ for a within-run unit average; the other
  // claim forms of LANGUAGE.md Section 14 are written around it.
  const char *tau = claim.targetIsPopulation ? "τ̄" : claim.overUnits ? "τ̄ᵤ" : "τ";
  auto join = [](const std::vector<std::string> &names) {
    std::string out;
    for (const std::string &n : names)
      out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  switch (claim.form) {
  case ClaimForm::Effect:
    if (!claim.comparator.empty())
      return fmt::format("{}({} vs {}, {}; {})", tau, claim.treatment, claim.comparator, claim.outcome, claim.target);
    break;
  case ClaimForm::Ranking:
    return fmt::format("order of {}(a, {}; {}) over a in [{}]", tau, claim.outcome, claim.target,
                       join(claim.treatments));
  case ClaimForm::Trend:
    return fmt::format("{}({}, {}; ψ) as {} changes, ψ in [{}]", tau, claim.treatment, claim.outcome,
                       claim.trendAttribute, join(claim.trendRecipes));
  case ClaimForm::Prediction:
    return fmt::format("E[{}; {}] (a level, not an effect)", claim.outcome, claim.target);
  }
  return fmt::format("{}({}, {}; {})", tau, claim.treatment, claim.outcome, claim.target);
}

std::string estimandMeaning(const Claim &claim) {
  switch (claim.form) {
  case ClaimForm::Effect:
    return claim.comparator.empty()
               ? fmt::format("the effect of {} on {} at {}", claim.treatment, claim.outcome, claim.target)
               : fmt::format("the effect of {} against {} on {} at {}", claim.treatment, claim.comparator,
                             claim.outcome, claim.target);
  case ClaimForm::Ranking:
    return fmt::format("the treatments ordered by their effect on {} at {}", claim.outcome, claim.target);
  case ClaimForm::Trend:
    return fmt::format("how the effect of {} on {} changes with {} across the listed recipes", claim.treatment,
                       claim.outcome, claim.trendAttribute);
  case ClaimForm::Prediction:
    return fmt::format("the level of {} at {}", claim.outcome, claim.target);
  }
  return "";
}

} // namespace vdc
