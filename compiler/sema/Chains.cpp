// Chains.cpp — claims: connecting each study's estimand to the claim's (Section 4.4) and generating obligations.
#include "ast/Keys.h"
#include "sema/DesignCheckerImpl.h"

#include <llvm/ADT/StringExtras.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_set>

namespace vdc {

namespace {

/// A declaration's attributes as written, for a chain step: " (params 1B, tokens 20B)", or "" when it has none.
/// LANGUAGE.md Section 4.1: attributes are kept and shown in reports; the step is where a reader compares them.
std::string attributeNote(const ast::Entity &e) {
  constexpr size_t kShown = 4;
  std::vector<std::string> shown;
  for (size_t i = 0; i < e.attributes.size() && i < kShown; ++i)
    shown.push_back(e.attributes[i].key.text + " " + e.attributes[i].value.display());
  if (e.attributes.size() > kShown)
    shown.push_back("…");
  return shown.empty() ? "" : " (" + llvm::join(shown, ", ") + ")";
}

/// The values a proxy kind's conditions can test (LANGUAGE.md Section 15): every attribute of the hop's two ends
/// as `proxy.KEY` and `target.KEY`, and `extrapolation`, the target's size over the proxy's on the first of
/// `compute`, `params`, `tokens` that both ends declare as numbers (absent when none is common to both).
Arguments hopArguments(const ast::Entity &proxy, const ast::Entity &target, ast::Value &extrapolation,
                       ast::Value &sort) {
  Arguments args;
  // `sort`: the kind of declaration of the hop, for a proxy kind that applies to several (`sort == treatment`).
  sort.kind = ast::Value::Kind::Name;
  sort.name.text = ast::entityKindName(proxy.kind);
  args.emplace("sort", &sort);
  for (const ast::Attribute &a : proxy.attributes)
    args.emplace("proxy." + a.key.text, &a.value);
  for (const ast::Attribute &a : target.attributes)
    args.emplace("target." + a.key.text, &a.value);
  for (const char *size : {"compute", "params", "tokens"}) {
    const ast::Attribute *p = ast::findAttribute(proxy.attributes, size);
    const ast::Attribute *t = ast::findAttribute(target.attributes, size);
    if (!p || !t || p->value.kind != ast::Value::Kind::Number || t->value.kind != ast::Value::Kind::Number ||
        p->value.number <= 0)
      continue;
    extrapolation.kind = ast::Value::Kind::Number;
    extrapolation.number = t->value.number / p->value.number;
    extrapolation.text = fmt::format("{:.3g}", extrapolation.number);
    args.emplace("extrapolation", &extrapolation);
    break;
  }
  return args;
}

/// Keeps the first occurrence of each id, in order (a chain may meet one obligation more than once).
void removeRepeats(std::vector<int> &ids) {
  std::unordered_set<int> seen;
  ids.erase(std::remove_if(ids.begin(), ids.end(), [&](int id) { return !seen.insert(id).second; }), ids.end());
}
} // namespace

void DesignChecker::checkClaims() {
  using K = ast::EntityKind;
  for (const ast::Entity &decl : design_.entities) {
    if (decl.kind != K::Claim)
      continue;
    if (decl.malformed) {
      incomplete_ = true;
      continue;
    }
    Claim claim;
    claim.name = decl.name.text;
    claim.description = decl.description;
    claim.range = decl.range;
    for (const ast::Attribute &attr : decl.attributes)
      if (!ast::isKeyOf("claim", attr.key.text)) {
        auto &d = diags_.report<DiagKind::UnknownField>(attr.key.range, "claim", claim.name, attr.key.text);
        d.help = "a claim has one form (`effect:`, `ranking:`, `trend:` or `prediction:`), `from:` and optionally "
                 "`over: units`";
      }
    if (const ast::Attribute *over = ast::findAttribute(decl.attributes, "over")) {
      if (over->value.kind == ast::Value::Kind::Name && over->value.name.text == "units")
        claim.overUnits = true;
      else
        diags_.report<DiagKind::AttributeType>(over->value.range, "over", "`units`", over->value.describe());
    }
    Estimand estimand;
    if (!readClaimForm(decl, claim, estimand)) {
      incomplete_ = true;
      claim.complete = false;
    }
    buildChains(decl, claim, estimand);
    out_.claims.push_back(std::move(claim));
  }
}

bool DesignChecker::proxyPath(const ast::Entity *from, const ast::Entity *to,
                              std::vector<const ast::Entity *> &hops) const {
  hops.clear();
  for (const ast::Entity *e = from; e; e = scope_.proxyTarget(*e)) {
    if (e == to)
      return true;
    hops.push_back(e);
    if (hops.size() > design_.entities.size())
      break; // a cycle, already reported
  }
  hops.clear();
  return false;
}

int DesignChecker::addObligation(const Requirement &req, const std::string &attachedTo, SourceRange location,
                                 const std::string &step, const std::string &claim) {
  auto key = std::make_tuple(req.assumption->name, attachedTo, step);
  auto it = obligationIndex_.find(key);
  if (it == obligationIndex_.end()) {
    Obligation o;
    o.id = static_cast<int>(out_.obligations.size()) + 1;
    o.assumption = req.assumption;
    o.severity = req.severity;
    o.attachedTo = attachedTo;
    o.step = step;
    o.location = location;
    o.ruleRange = req.decl ? req.decl->range : SourceRange{};
    o.hint = req.decl ? req.decl->hint : "";
    out_.obligations.push_back(std::move(o));
    it = obligationIndex_.emplace(key, out_.obligations.back().id).first;
  }
  // A study's chain to a claim can be built again later, as evidence for another study's step (`by study`).
  Obligation &o = out_.obligations[static_cast<size_t>(it->second - 1)];
  if (std::find(o.claims.begin(), o.claims.end(), claim) == o.claims.end())
    o.claims.push_back(claim);
  return o.id;
}

bool DesignChecker::applies(const Requirement &req, const Arguments *args) {
  if (!req.decl || !req.decl->condition)
    return true;
  static const Arguments kNoArguments;
  return evaluate(*req.decl->condition, args ? *args : kNoArguments) != req.decl->negated;
}

void DesignChecker::addRequirements(const std::vector<Requirement> &reqs, const Arguments *args,
                                    const std::string &attachedTo, SourceRange location, const std::string &step,
                                    const Claim &claim, Chain &chain) {
  // The condition variable `claim` (LANGUAGE.md Section 14): the claim's form, as a name; a strategy parameter of
  // that name would come first.
  ast::Value form;
  form.kind = ast::Value::Kind::Name;
  form.name.text = claimFormName(claim.form);
  Arguments withForm = args ? *args : Arguments{};
  withForm.emplace("claim", &form);
  // When several lines name the same assumption and apply, the first applicable one wins.
  std::set<const Assumption *> decided;
  for (const Requirement &req : reqs) {
    if (decided.count(req.assumption))
      continue;
    if (!applies(req, &withForm))
      continue;
    decided.insert(req.assumption);
    chain.obligations.push_back(addObligation(req, attachedTo, location, step, claim.name));
  }
}

std::string DesignChecker::reversedLink(const ast::Entity *from, const ast::Entity *to,
                                       const ast::Entity *&link) const {
  std::vector<const ast::Entity *> back;
  if (!from || !to || !proxyPath(to, from, back) || back.empty())
    return "";
  link = back.front();
  std::string through;
  for (size_t i = 1; i < back.size(); ++i)
    through += fmt::format("{}`{}`", i == 1 ? " through " : ", ", back[i]->name.text);
  return fmt::format("; `{}` is declared a proxy of `{}`{}; the arrow points the other way", to->name.text,
                     from->name.text, through);
}

DesignChecker::Connection DesignChecker::connect(const StudyFacts &study, const Estimand &estimand) const {
  Connection c;
  const ast::Entity *link = nullptr; // set by `reversed` below, taken by the next mismatch
  auto mismatch = [&](const ast::Entity *from, std::string what) {
    c.mismatches.push_back({from, std::move(what), link});
    link = nullptr;
  };
  // LANGUAGE.md Section 16: a link declared the other way round is named, since turning it round is the likely fix.
  auto reversed = [&](const ast::Entity *from, const ast::Entity *to) { return reversedLink(from, to, link); };
  const ast::Entity *outcome = estimand.outcome, *target = estimand.target;
  // A level study measures an outcome; every other study estimates an effect (LANGUAGE.md Section 14).
  bool prediction = estimand.form == ClaimForm::Prediction;
  if (study.strategy->level != prediction) {
    c.levelMismatch = prediction ? fmt::format("estimates the effect of `{}`, not the level of an outcome",
                                               study.treatment ? study.treatment->name.text : "")
                                 : fmt::format("estimates the level of `{}`, not an effect", study.outcome->name.text);
    return c;
  }
  if (!prediction)
    connectTreatments(study, estimand, c);
  if (!proxyPath(study.outcome, outcome, c.outcomeHops))
    mismatch(study.outcome, fmt::format("measures `{}`, which is not a proxy of `{}`{}", study.outcome->name.text,
                                        outcome->name.text, reversed(study.outcome, outcome)));
  if (target->kind == ast::EntityKind::Recipe) {
    if (!study.recipe)
      c.aggregateRecipes = true; // population -> recipe, through the aggregation `recipes`
    else if (!proxyPath(study.recipe, target, c.recipeHops))
      mismatch(study.recipe, fmt::format("runs on recipe `{}`, which is not a proxy of `{}`{}", study.recipe->name.text,
                                         target->name.text, reversed(study.recipe, target)));
  } else if (study.recipe) {
    mismatch(nullptr, fmt::format("runs on the single recipe `{}`, so it cannot support a claim about population `{}`",
                                  study.recipe->name.text, target->name.text));
  } else if (!proxyPath(study.population, target, c.recipeHops)) {
    mismatch(study.population, fmt::format("observes population `{}`, which is not a proxy of `{}`{}",
                                           study.population->name.text, target->name.text,
                                           reversed(study.population, target)));
  }
  return c;
}

void DesignChecker::connectTreatments(const StudyFacts &study, const Estimand &estimand, Connection &c) const {
  const ast::Entity *link = nullptr;
  auto mismatch = [&](const ast::Entity *from, std::string what) {
    c.mismatches.push_back({from, std::move(what), link});
    link = nullptr;
  };
  std::vector<const ast::Entity *> hops;
  // The arms that reach `t`, each with its hops.
  auto armsReaching = [&](const ast::Entity *t) {
    std::vector<std::pair<const ast::Entity *, std::vector<const ast::Entity *>>> out;
    for (const ast::Entity *arm : study.arms)
      if (proxyPath(arm, t, hops))
        out.push_back({arm, hops});
    return out;
  };
  auto take = [&](const std::vector<const ast::Entity *> &h) {
    c.treatmentHops.insert(c.treatmentHops.end(), h.begin(), h.end());
  };
  auto notReached = [&](const ast::Entity *t) {
    if (study.arms.size() == 1)
      mismatch(study.treatment, fmt::format("applies treatment `{}`, which is not a proxy of `{}`{}",
                                            study.treatment->name.text, t->name.text,
                                            reversedLink(study.treatment, t, link)));
    else
      mismatch(nullptr, fmt::format("has no arm that applies `{}` or a proxy of it", t->name.text));
  };
  if (estimand.form == ClaimForm::Ranking) {
    if (study.arms.size() < 2) {
      mismatch(nullptr, fmt::format("has the single arm `{}`, so it cannot rank treatments (a ranking needs a study "
                                    "with `treatments: [A, B, ...]`)",
                                    study.treatment->name.text));
      return;
    }
    // Each ranked treatment from its own arm: a small matching of arms to treatments (augmenting paths).
    std::vector<std::vector<std::pair<const ast::Entity *, std::vector<const ast::Entity *>>>> reach;
    for (const ast::Entity *t : estimand.treatments) {
      reach.push_back(armsReaching(t));
      if (reach.back().empty())
        notReached(t);
    }
    if (!c.mismatches.empty())
      return;
    std::map<const ast::Entity *, size_t> armOf; // arm -> index of the ranked treatment it serves
    std::function<bool(size_t, std::set<const ast::Entity *> &)> assign = [&](size_t i, auto &visited) {
      for (const auto &option : reach[i]) {
        if (!visited.insert(option.first).second)
          continue;
        auto it = armOf.find(option.first);
        if (it == armOf.end() || assign(it->second, visited)) {
          armOf[option.first] = i;
          return true;
        }
      }
      return false;
    };
    for (size_t i = 0; i < reach.size(); ++i) {
      std::set<const ast::Entity *> visited;
      if (!assign(i, visited)) {
        mismatch(nullptr, fmt::format("reaches `{}` only from arms that other ranked treatments need; each ranked "
                                      "treatment needs its own arm",
                                      estimand.treatments[i]->name.text));
        return;
      }
    }
    for (const auto &[arm, i] : armOf)
      for (const auto &option : reach[i])
        if (option.first == arm)
          take(option.second);
    return;
  }
  const ast::Entity *t = estimand.treatments.front();
  if (!estimand.comparator) {
    if (study.control)
      c.needsVs = fmt::format("compares `{}` with the control `{}`", study.treatment->name.text,
                              study.control->name.text);
    else if (study.arms.size() > 1)
      c.needsVs = fmt::format("compares {} arms", study.arms.size());
    else if (!proxyPath(study.treatment, t, c.treatmentHops))
      notReached(t);
    return;
  }
  // `T vs C`: T from an arm, C from the control or from another arm.
  auto arms = armsReaching(t);
  if (arms.empty()) {
    notReached(t);
    return;
  }
  const ast::Entity *comparator = estimand.comparator;
  if (study.control && proxyPath(study.control, comparator, hops)) {
    take(arms.front().second);
    take(hops);
    return;
  }
  for (const auto &[arm, armHops] : arms)
    for (const auto &[other, otherHops] : armsReaching(comparator))
      if (other != arm) {
        take(armHops);
        take(otherHops);
        return;
      }
  if (study.control)
    mismatch(study.control, fmt::format("has the control `{}`, which is not a proxy of `{}`",
                                        study.control->name.text, comparator->name.text));
  else if (study.arms.size() == 1)
    mismatch(nullptr, fmt::format("names no control, so it cannot support a comparison with `{}` (add `control: {}` "
                                  "if the study ran it)",
                                  comparator->name.text, comparator->name.text));
  else
    mismatch(nullptr, fmt::format("has no other arm that applies `{}` or a proxy of it", comparator->name.text));
}

bool DesignChecker::lostToSyntaxError(const ast::Entity *from) const {
  for (const ast::Entity *e = from; e; e = scope_.proxyTarget(*e))
    if (e->malformed)
      return true;
  return false;
}

void DesignChecker::buildChains(const ast::Entity &decl, Claim &claim, const Estimand &estimand) {
  using K = ast::EntityKind;
  // A line of evidence that cannot become a chain leaves the claim not checked (LANGUAGE.md Section 13).
  auto lostEvidence = [&]() {
    incomplete_ = true;
    claim.complete = false;
  };
  const ast::Attribute *from = ast::findAttribute(decl.attributes, "from");
  if (!from) {
    diags_.report<DiagKind::MissingField>(decl.name.range, "claim", claim.name, "from").help =
        "name the studies that support the claim: `from: STUDY`";
    lostEvidence();
    return;
  }
  std::vector<const ast::Value *> studyRefs;
  if (from->value.kind == ast::Value::Kind::List)
    for (const ast::Value &item : from->value.items)
      studyRefs.push_back(&item);
  else
    studyRefs.push_back(&from->value);
  if (studyRefs.empty()) {
    diags_.report<DiagKind::EmptyClaim>(from->range, claim.name);
    claim.complete = false;
    return;
  }
  if (!claim.complete) {
    lostEvidence();
    return;
  }
  // The targets a study may reach: the claim's, or for a trend each listed recipe (LANGUAGE.md Section 14).
  std::vector<const ast::Entity *> targets;
  if (claim.form == ClaimForm::Trend)
    for (const std::string &r : claim.trendRecipes)
      targets.push_back(scope_.find(r));
  else
    targets.push_back(estimand.target);
  std::set<const ast::Entity *> reachedPoints;
  std::map<std::string, const ast::Value *> named; // study name -> its first mention in `from:`
  for (const ast::Value *ref : studyRefs) {
    if (ref->kind == ast::Value::Kind::Name) {
      auto [first, fresh] = named.emplace(ref->name.text, ref);
      if (!fresh) {
        auto &d = diags_.report<DiagKind::RepeatedStudy>(ref->range, claim.name, ref->name.text);
        d.notes.push_back({first->second->range, "first named here"});
        d.help = "each study is one line of evidence; naming it again adds the same chain twice, so remove the repeat";
        continue;
      }
    }
    if (ref->kind != ast::Value::Kind::Name) {
      if (ref->kind == ast::Value::Kind::String)
        diags_.report<DiagKind::StringInsteadOfName>(ref->range).replacement = ref->text;
      else
        diags_.report<DiagKind::AttributeType>(ref->range, "from", "the name of a study", ref->describe());
      lostEvidence();
      continue;
    }
    const ast::Entity *studyDecl = scope_.resolve(ref->name, {K::Study});
    if (!studyDecl) {
      lostEvidence();
      continue;
    }
    const StudyFacts &study = studies_[studyDecl];
    if (!study.valid) {
      lostEvidence();
      continue;
    }
    const std::string &studyName = studyDecl->name.text;
    // A trend study reaches the listed recipes it can; it is a mismatch only when it reaches none of them.
    std::vector<std::pair<const ast::Entity *, Connection>> connected;
    Connection failed;
    for (const ast::Entity *target : targets) {
      Estimand at = estimand;
      at.target = target;
      Connection connection = connect(study, at);
      if (connection.connects())
        connected.push_back({target, std::move(connection)});
      else if (failed.connects())
        failed = std::move(connection);
    }
    auto noteDecls = [&](Diagnostic &d) {
      d.notes.push_back({studyDecl->name.range, "study declared here"});
      d.notes.push_back({decl.name.range, "claim declared here"});
    };
    if (connected.empty()) {
      lostEvidence();
      if (!failed.levelMismatch.empty()) {
        auto &d = diags_.report<DiagKind::LevelMismatch>(ref->range, studyName, failed.levelMismatch,
                                                         claimFormArticle(claim.form), claim.name);
        noteDecls(d);
        d.help = claim.form == ClaimForm::Prediction
                     ? "a prediction is supported by studies whose strategy declares `estimand: level` (e.g. `fit`), "
                       "which have no treatment"
                     : "a level study (e.g. `fit`) supports `prediction:` claims only";
        continue;
      }
      if (!failed.needsVs.empty()) {
        auto &d = diags_.report<DiagKind::ClaimNeedsVs>(ref->range, studyName, failed.needsVs, claim.name);
        noteDecls(d);
        d.help = claim.form == ClaimForm::Effect
                     ? "name the comparator: `effect: TREATMENT vs CONTROL on OUTCOME in TARGET`"
                     : "only an `effect: T vs C ...` claim compares with a named control";
        continue;
      }
      for (const Mismatch &m : failed.mismatches) {
        // A proxy link lost to a syntax error (its declaration is not checked) would make this a cascade.
        if (lostToSyntaxError(m.from))
          continue;
        std::string text = m.what;
        bool trendRecipe = claim.form == ClaimForm::Trend && m.from == study.recipe && study.recipe;
        if (trendRecipe)
          text = fmt::format("runs on recipe `{}`, which is none of the trend's recipes or a proxy of one",
                             study.recipe->name.text);
        auto &d = diags_.report<DiagKind::ChainMismatch>(ref->range, studyName, text);
        noteDecls(d);
        if (m.reversed && !trendRecipe)
          d.notes.push_back({m.reversed->proxy->range, "the link declared the other way round"});
        if (claim.form == ClaimForm::Trend && m.from == study.recipe)
          break;
      }
      continue;
    }
    bool ok = true;
    if (connected.front().second.aggregateRecipes && !theory_.aggregation("recipes")) {
      diags_.report<DiagKind::MissingAggregation>(ref->range, "recipes",
                    "a study over a population needs to support a claim about one recipe");
      ok = false;
    }
    bool aggregateUnits = study.strategy->unitAverage && !claim.overUnits;
    if (aggregateUnits && !theory_.aggregation("units")) {
      diags_.report<DiagKind::MissingAggregation>(
          ref->range, "units", "a study of within-run units needs to support a claim that is not `over: units`");
      ok = false;
    }
    if (claim.overUnits && !study.strategy->unitAverage) {
      auto &d = diags_.report<DiagKind::ClaimOverUnitsMismatch>(ref->range, claim.name, studyName);
      d.notes.push_back({study.strategy->decl->name.range, "strategy declared here"});
    }
    // A prediction moves across recipes only through `scaling_law` hops: equal levels across scale are no claim.
    if (claim.form == ClaimForm::Prediction)
      for (const ast::Entity *hop : connected.front().second.recipeHops)
        if (hop->proxy && hop->proxy->kind.text != "scaling_law" && scope_.proxyTarget(*hop)) {
          auto &d = diags_.report<DiagKind::PredictionHop>(ref->range, claim.name, hop->name.text,
                                                           scope_.proxyTarget(*hop)->name.text,
                                                           hop->proxy->kind.text);
          d.notes.push_back({hop->proxy->range, "proxy declared here"});
          d.help = "fit a scaling law across the runs (`proxy of TARGET via scaling_law`), or predict the level at the "
                   "recipe the study ran";
          ok = false;
        }
    if (!ok) {
      claim.complete = false;
      continue;
    }
    for (auto &[target, connection] : connected) {
      Chain chain;
      if (claim.form == ClaimForm::Trend) {
        chain.point = target->name.text;
        reachedPoints.insert(target);
      }
      if (!chainFor(*studyDecl, study, connection, claim, *target, chain))
        lostEvidence(); // an unknown proxy kind or target, already reported
      claim.chains.push_back(std::move(chain));
    }
  }
  // Every listed recipe of a trend needs a study that reaches it.
  if (claim.form == ClaimForm::Trend && claim.complete)
    for (const ast::Entity *target : targets)
      if (!reachedPoints.count(target)) {
        auto &d = diags_.report<DiagKind::TrendUnreached>(from->range, claim.name, target->name.text);
        d.notes.push_back({target->name.range, "recipe declared here"});
        d.help = "a trend needs all its points: add a study on this recipe (or on a proxy of it) to `from:`, or drop "
                 "the recipe from the list";
        claim.complete = false;
        incomplete_ = true;
      }
}

bool DesignChecker::chainFor(const ast::Entity &studyDecl, const StudyFacts &study, const Connection &connection,
                             const Claim &claim, const ast::Entity &targetDecl, Chain &chain) {
  const std::string &studyName = studyDecl.name.text;
  const ast::Entity *target = &targetDecl;
  const auto &[treatmentHops, outcomeHops, recipeHops, aggregateRecipes] =
      std::tie(connection.treatmentHops, connection.outcomeHops, connection.recipeHops, connection.aggregateRecipes);
  bool aggregateUnits = study.strategy->unitAverage && !claim.overUnits;
  bool complete = true;
  chain.study = studyName;
  SourceRange studyAt = studyDecl.range;
  // Statistical and internal validity: what the strategy requires of this study.
  std::string strategyStep = fmt::format("strategy {}: study {}", study.strategy->name, studyName);
  const std::vector<const Assumption *> &satisfies = study.strategy->satisfies;
  for (size_t i = 0; i < satisfies.size(); ++i) {
    const Assumption *a = satisfies[i];
    // `satisfies A when COND` (Section 15): a guarantee whose condition fails gives nothing.
    const ast::SatisfiesGuard *guard = i < study.strategy->satisfiesGuards.size() ? study.strategy->satisfiesGuards[i]
                                                                                   : nullptr;
    if (guard && guard->condition && evaluate(*guard->condition, study.args) == guard->negated)
      continue;
    // A `requires` line of the same assumption that applies to this study takes precedence over the guarantee.
    bool alsoRequired = false;
    for (const Requirement &r : study.strategy->requirements)
      alsoRequired = alsoRequired || (r.assumption == a && applies(r, &study.args));
    if (alsoRequired)
      continue;
    Requirement byDesign{a, Level::None, nullptr};
    int id = addObligation(byDesign, studyName, studyAt, strategyStep, claim.name);
    Obligation &o = out_.obligations[static_cast<size_t>(id - 1)];
    o.status = Status::Discharged;
    o.evidence = Evidence{"design", fmt::format("satisfied by design of strategy `{}`", study.strategy->name), "",
                          study.strategy->decl->name.range};
    chain.obligations.push_back(id);
  }
  addRequirements(study.strategy->requirements, &study.args, studyName, studyAt, strategyStep, claim, chain);
  chain.steps.push_back(fmt::format("study `{}` ({})", studyName, study.strategy->name));
  // Construct and external validity: one step per proxy hop.
  auto hopSteps = [&](const std::vector<const ast::Entity *> &hops) {
    for (const ast::Entity *hop : hops) {
      const ProxyKind *kind = theory_.proxyKind(hop->proxy->kind.text);
      const ast::Entity *up = scope_.proxyTarget(*hop);
      if (!kind || !up) {
        complete = false; // an unknown proxy kind or target, already reported
        continue;
      }
      std::string step = fmt::format("proxy {}: {} -> {}", kind->name, hop->name.text, up->name.text);
      chain.steps.push_back(fmt::format("{} `{}`{} stands in for `{}`{} via {}", ast::entityKindName(hop->kind),
                                        hop->name.text, attributeNote(*hop), up->name.text, attributeNote(*up),
                                        kind->name));
      ast::Value extrapolation, sort;
      Arguments sizes = hopArguments(*hop, *up, extrapolation, sort);
      // A kind whose conditions test `extrapolation` shows the factor in the chain (LANGUAGE.md Section 15).
      bool usesFactor = false;
      for (const Requirement &r : kind->requirements)
        usesFactor = usesFactor || (r.decl && r.decl->condition &&
                                    conditionText(*r.decl->condition).find("extrapolation") != std::string::npos);
      if (usesFactor && sizes.count("extrapolation"))
        chain.steps.back() += fmt::format(" (extrapolation ×{})", extrapolation.text);
      addRequirements(kind->requirements, &sizes, hop->name.text, hop->range, step, claim, chain);
    }
  };
  hopSteps(treatmentHops);
  hopSteps(outcomeHops);
  hopSteps(recipeHops);
  if (aggregateRecipes) {
    const Aggregation *g = theory_.aggregation("recipes");
    if (!g)
      return false; // reported by the caller as a missing aggregation
    std::string step = fmt::format("aggregation recipes: {} -> {}", study.population->name.text, target->name.text);
    chain.steps.push_back(fmt::format("average over population `{}` applied to recipe `{}`",
                                      study.population->name.text, target->name.text));
    addRequirements(g->requirements, nullptr, studyName, studyAt, step, claim, chain);
  }
  if (aggregateUnits) {
    const Aggregation *g = theory_.aggregation("units");
    if (!g)
      return false;
    std::string step = fmt::format("aggregation units: {} -> {}", studyName, claim.name);
    chain.steps.push_back("average over within-run units read as the effect itself");
    addRequirements(g->requirements, nullptr, studyName, studyAt, step, claim, chain);
  }
  if (claim.form == ClaimForm::Trend) {
    // The trend's own step, attached to the claim: the catalog's aggregation `trend` sees `trend_recipes`.
    if (const Aggregation *g = theory_.aggregation("trend")) {
      ast::Value count;
      count.kind = ast::Value::Kind::Number;
      count.number = static_cast<double>(claim.trendRecipes.size());
      count.isInteger = true;
      count.text = std::to_string(claim.trendRecipes.size());
      Arguments args{{"trend_recipes", &count}};
      chain.steps.push_back(fmt::format("effects at {} recipes read as a trend across {}", claim.trendRecipes.size(),
                                        claim.trendAttribute));
      addRequirements(g->requirements, &args, claim.name, claim.range, "aggregation trend: " + claim.name, claim,
                      chain);
    }
  }
  removeRepeats(chain.obligations);
  return complete;
}

} // namespace vdc
