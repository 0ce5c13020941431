// Discharges.cpp — matching `discharge` and `dispute` statements to obligations: evidence kinds, stale ones.
// Duplicate discharges are errors; disputes make obligations contested.
#include "ast/Keys.h"
#include "sema/DesignCheckerImpl.h"
#include "sema/Suggest.h"

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringMap.h>

#include <algorithm>
#include <map>
#include <set>

namespace vdc {

void DesignChecker::applyDischarges() {
  // Obligations by the declaration they are attached to, and by (assumption, declaration), each in id order;
  // built once, so matching is linear in the discharges and obligations (the list does not grow below).
  ObligationIndex byKey;
  for (Obligation &o : out_.obligations)
    byKey[{o.assumption, o.attachedTo}].push_back(&o);
  std::map<std::pair<std::string, std::string>, const ast::Discharge *> seen;
  // Disputes are applied after every discharge, so that a dispute makes its obligation contested wherever it is
  // written (LANGUAGE.md Section 12.3).
  struct Dispute {
    const ast::Discharge *decl;
    const Assumption *assumption;
    const ast::Entity *target;
  };
  std::vector<Dispute> disputes;
  for (const ast::Discharge &dis : design_.discharges) {
    if (dis.malformed) {
      incomplete_ = true;
      continue;
    }
    const Assumption *assumption = theory_.assumption(dis.assumption.text);
    if (!assumption && !dis.assumption.empty()) {
      std::vector<std::string> names;
      for (const auto &[n, _] : theory_.assumptions)
        names.push_back(n);
      auto &d = diags_.report<DiagKind::UnknownName>(dis.assumption.range, "assumption", dis.assumption.text);
      std::string guess = closestName(dis.assumption.text, names);
      suggest(d, guess);
    }
    const ast::Entity *target = dis.target.empty() ? nullptr : scope_.find(dis.target.text);
    if (!target && !dis.target.empty()) {
      using K = ast::EntityKind;
      auto &d = diags_.report<DiagKind::UnknownName>(dis.target.range, "declaration", dis.target.text);
      std::string guess = scope_.suggest(dis.target.text, {K::Recipe, K::Treatment, K::Outcome, K::Population,
                                                           K::Covariate, K::Study, K::Claim});
      suggest(d, guess);
    }
    bool knownEvidence = ast::isEvidenceKind(dis.evidence.text) ||
                         !dis.study.empty(); // `by study S`: the STUDY keyword, never a misspelt kind
    if (!knownEvidence && !dis.evidence.empty()) {
      auto &d = diags_.report<DiagKind::UnknownEvidence>(dis.evidence.range, dis.evidence.text);
      std::string guess = closestName(dis.evidence.text, ast::names(ast::evidenceKinds()));
      suggest(d, guess);
    }
    if (!dis.study.empty() && !scope_.resolve(dis.study, {ast::EntityKind::Study}))
      continue;
    if (!assumption || !target || !knownEvidence)
      continue;
    if (dis.dispute) {
      disputes.push_back({&dis, assumption, target});
      continue;
    }
    // `accepts: [...]` (LANGUAGE.md Section 15): the assumption names the only evidence that can settle it.
    std::string kindGiven = dis.study.empty() ? dis.evidence.text : "study";
    if (assumption->acceptsRestricted &&
        std::find(assumption->accepts.begin(), assumption->accepts.end(), kindGiven) == assumption->accepts.end()) {
      std::string list;
      for (size_t i = 0; i < assumption->accepts.size(); ++i)
        list += (i ? (i + 1 == assumption->accepts.size() ? " or " : ", ") : "") + assumption->accepts[i];
      auto &d = diags_.report<DiagKind::EvidenceNotAccepted>(dis.evidence.range.valid() ? dis.evidence.range
                                                                                         : dis.range,
                                                             assumption->name, kindGiven,
                                                             list.empty() ? "nothing" : list);
      d.notes.push_back({assumption->decl->name.range, "the accepted kinds of evidence are declared here"});
      d.help = fmt::format("settle it with {} evidence, or leave it open", list.empty() ? "other" : list);
      continue;
    }
    if (dis.evidence.text == "check" && !assumption->testable) {
      std::string why = "it cannot be tested on data";
      if (assumption->validity == Validity::External)
        why = "external validity cannot be established from the study's own data; it needs evidence at the target";
      else if (assumption->validity == Validity::Internal)
        why = "it cannot be verified from the observed data alone, only argued from how the data arose or tested "
              "by an experiment";
      else if (assumption->validity == Validity::Construct)
        why = "whether a stand-in measures the same thing is a question of meaning, not of the study's data";
      if (!assumption->source.empty())
        why += fmt::format(" ({})", assumption->source);
      auto &d = diags_.report<DiagKind::CheckUntestable>(dis.evidence.range, assumption->name, why);
      d.notes.push_back({assumption->decl->name.range, "declared `testable: false` here"});
      d.help = "use `experiment`, `literature`, `theory` or `argument` evidence instead";
      if (!dis.checkName.empty() && assumption->validity == Validity::External)
        d.notes.push_back({dis.checkName.range, "no executable check discharges an external-validity assumption: "
                                                "extrapolation to the target cannot be established from proxy data "
                                                "alone (LANGUAGE.md Section 11)"});
      continue;
    }
    std::optional<CheckRun> checkRun;
    bool namedCheck = dis.evidence.text == "check" && !dis.checkName.empty();
    if (namedCheck) {
      checkRun = resolveCheck(dis, *assumption);
      if (!checkRun)
        continue;
    }
    auto key = std::make_pair(assumption->name, target->name.text);
    auto [prev, fresh] = seen.emplace(key, &dis);
    if (!fresh) {
      auto &d = diags_.report<DiagKind::DuplicateDischarge>(dis.range, assumption->name, target->name.text);
      d.notes.push_back({prev->second->range, "first discharged here"});
      continue;
    }
    std::vector<Obligation *> matches;
    bool byDesign = false;
    if (auto it = byKey.find({assumption, llvm::StringRef(target->name.text)}); it != byKey.end())
      for (Obligation *o : it->second) {
        if (o->evidence && o->evidence->kind == "design") {
          byDesign = true;
          continue;
        }
        matches.push_back(o);
      }
    if (matches.empty()) {
      if (byDesign)
        diags_.report<DiagKind::DischargeByDesign>(dis.range, assumption->name, target->name.text);
      else
        reportStale(dis, *assumption, *target);
      continue;
    }
    Status status = dis.evidence.text == "argument" ? Status::Assumed : Status::Discharged;
    Evidence evidence{dis.evidence.text, dis.text, dis.cite, dis.range};
    evidence.study = dis.study.text;
    if (!dis.study.empty() && !studyConnects(dis, matches))
      continue; // reported; the obligations stay open
    if (dis.evidence.text == "check" && !namedCheck) {
      evidence.described = true; // a sentence about a check that vdc did not run (LANGUAGE.md Section 12.2)
      auto &d = diags_.report<DiagKind::DescribedCheck>(dis.evidence.range, assumption->name, target->name.text);
      d.help = "name an executable check (`by check replicates { ... }`, run by `vdc verify`), or write "
               "`by experiment` for a check you ran elsewhere";
    }
    if (checkRun) {
      status = lockStatus(dis, *checkRun, evidence);
      out_.checkRuns.push_back(*checkRun);
    }
    for (Obligation *o : matches) {
      o->status = status;
      if (status == Status::Open)
        o->evidence.reset();
      else
        o->evidence = evidence;
    }
  }
  for (const Dispute &dispute : disputes)
    applyDispute(*dispute.decl, *dispute.assumption, *dispute.target, byKey);
}

void DesignChecker::applyDispute(const ast::Discharge &dis, const Assumption &assumption, const ast::Entity &target,
                                 const ObligationIndex &byKey) {
  std::vector<Obligation *> matches;
  bool byDesign = false;
  if (auto it = byKey.find({&assumption, llvm::StringRef(target.name.text)}); it != byKey.end())
    for (Obligation *o : it->second) {
      if (o->satisfiedByDesign())
        byDesign = true;
      else
        matches.push_back(o);
    }
  if (matches.empty()) {
    if (byDesign) {
      // Evidence against an assumption the study's design guarantees questions the design itself: say how the arms
      // differ, so that the strategy no longer satisfies it (LANGUAGE.md Section 12.3).
      auto &d = diags_.report<DiagKind::DisputeByDesign>(dis.range, assumption.name, target.name.text);
      d.help = fmt::format("if the arms of `{}` differ in more than the treatment, declare it in the study "
                           "(`differs_in: [...]`) instead of disputing `{}`",
                           target.name.text, assumption.name);
    } else {
      reportStale(dis, assumption, target);
    }
    return;
  }
  Evidence evidence{dis.evidence.text, dis.text, dis.cite, dis.range};
  evidence.study = dis.study.text;
  evidence.described = dis.evidence.text == "check";
  for (Obligation *o : matches) {
    o->status = Status::Contested;
    o->disputes.push_back(evidence);
  }
}

bool DesignChecker::studyConnects(const ast::Discharge &dis, const std::vector<Obligation *> &matches) {
  auto facts = studies_.find(scope_.find(dis.study.text));
  if (facts == studies_.end() || !facts->second.valid)
    return false; // the study's own errors are reported
  const ast::Entity &studyDecl = *facts->first;
  std::set<std::string> seen;
  bool ok = true;
  for (const Obligation *o : matches)
    for (const std::string &claimName : o->claims) {
      if (!seen.insert(claimName).second)
        continue;
      auto claim = std::find_if(out_.claims.begin(), out_.claims.end(),
                                [&](const Claim &c) { return c.name == claimName; });
      if (claim == out_.claims.end())
        continue;
      Estimand estimand;
      if (claim->form == ClaimForm::Trend || !estimandOf(*claim, estimand))
        continue;
      Connection connection = connect(facts->second, estimand);
      if (!connection.levelMismatch.empty())
        connection.mismatches.push_back({nullptr, connection.levelMismatch});
      if (!connection.needsVs.empty())
        connection.mismatches.push_back({nullptr, connection.needsVs + ", so it supports only `vs` claims"});
      for (const Mismatch &m : connection.mismatches) {
        ok = false;
        if (lostToSyntaxError(m.from))
          continue;
        auto &d = diags_.report<DiagKind::StudyEvidenceMismatch>(dis.study.range, studyDecl.name.text, claim->name,
                                m.what);
        d.notes.push_back({studyDecl.name.range, "study declared here"});
        d.notes.push_back({claim->range, fmt::format("claim `{}` relies on `{}` at `{}`", claim->name,
                                                     o->assumption->name, o->attachedTo)});
        if (m.reversed)
          d.notes.push_back({m.reversed->proxy->range, "the link declared the other way round"});
        d.help = "study evidence must be a line of evidence for every claim that uses the obligation, as a study in "
                 "its `from:` would be (LANGUAGE.md Section 12.1); cite a study that connects, or other evidence";
      }
    }
  return ok;
}

void DesignChecker::reportStale(const ast::Discharge &dis, const Assumption &assumption, const ast::Entity &target) {
  if (incomplete_)
    return;
  const char *what = dis.dispute ? "dispute" : "discharge";
  auto &d = diags_.report<DiagKind::StaleDischarge>(dis.range, what, target.name.text, assumption.name);
  std::vector<std::string> has;
  for (const Obligation &o : out_.obligations)
    if (o.attachedTo == target.name.text && o.severity != Level::None &&
        std::find(has.begin(), has.end(), o.assumption->name) == has.end())
      has.push_back(o.assumption->name);
  // LANGUAGE.md Section 16: when the assumption is an obligation of other declarations, say which.
  std::vector<std::string> elsewhere;
  for (const Obligation &o : out_.obligations)
    if (o.assumption == &assumption && o.attachedTo != target.name.text && !o.satisfiedByDesign() &&
        std::find(elsewhere.begin(), elsewhere.end(), o.attachedTo) == elsewhere.end()) {
      elsewhere.push_back(o.attachedTo);
      d.notes.push_back({o.location, fmt::format("`{}` is attached to `{}`", assumption.name, o.attachedTo)});
    }
  if (!elsewhere.empty()) {
    std::vector<std::string> quoted;
    for (const std::string &name : elsewhere)
      quoted.push_back("`" + name + "`");
    d.help = fmt::format("`{}` is attached to {}; write the {} for {}", assumption.name, llvm::join(quoted, ", "),
                         what, elsewhere.size() == 1 ? quoted.front() : "the declaration it concerns");
  } else if (has.empty()) {
    d.help = fmt::format("no claim's chain introduces an obligation at `{}`; remove this {}", target.name.text, what);
  } else {
    d.help = fmt::format("the obligations attached to `{}` are: {}", target.name.text, llvm::join(has, ", "));
    std::string guess = closestName(assumption.name, has);
    if (!guess.empty()) {
      d.replacement = guess;
      d.applicability = Applicability::MaybeIncorrect;
    }
  }
  d.notes.push_back({target.name.range, fmt::format("`{}` declared here", target.name.text)});
}

} // namespace vdc
