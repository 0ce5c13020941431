// Chains.cpp — claims: connecting each study's estimand to the claim's (Section 4.4) and generating obligations.
#include "sema/DesignCheckerImpl.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace vdc {

namespace {
const std::set<std::string> kClaimFields = {"effect", "from", "over"};

/// A declaration's attributes as written, for a chain step: " (params 1B, tokens 20B)", or "" when it has none.
/// LANGUAGE.md Section 4.1: attributes are kept and shown in reports; the step is where a reader compares them.
std::string attributeNote(const ast::Entity &e) {
  constexpr size_t kShown = 4;
  std::string out;
  for (size_t i = 0; i < e.attributes.size() && i < kShown; ++i)
    out += (i ? ", " : " (") + e.attributes[i].key.text + " " + e.attributes[i].value.display();
  if (e.attributes.size() > kShown)
    out += ", …";
  return out.empty() ? out : out + ")";
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
      if (!kClaimFields.count(attr.key.text)) {
        auto &d = diags_.report<DiagKind::UnknownField>(attr.key.range, "claim", claim.name, attr.key.text);
        d.help = "a claim has `effect:`, `from:` and optionally `over: units`";
      }
    if (const ast::Attribute *over = ast::findAttribute(decl.attributes, "over")) {
      if (over->value.kind == ast::Value::Kind::Name && over->value.name.text == "units")
        claim.overUnits = true;
      else
        diags_.report<DiagKind::AttributeType>(over->value.range, "over", "`units`", over->value.describe());
    }
    buildChains(decl, claim);
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
                                    const std::string &claim, Chain &chain) {
  // When several lines name the same assumption and apply, the first applicable one wins.
  std::set<const Assumption *> decided;
  for (const Requirement &req : reqs) {
    if (decided.count(req.assumption))
      continue;
    if (!applies(req, args))
      continue;
    decided.insert(req.assumption);
    chain.obligations.push_back(addObligation(req, attachedTo, location, step, claim));
  }
}

DesignChecker::Connection DesignChecker::connect(const StudyFacts &study, const ast::Entity *treatment,
                                                const ast::Entity *outcome, const ast::Entity *target) const {
  Connection c;
  auto mismatch = [&](const ast::Entity *from, std::string what) { c.mismatches.push_back({from, std::move(what)}); };
  if (!proxyPath(study.treatment, treatment, c.treatmentHops))
    mismatch(study.treatment, fmt::format("applies treatment `{}`, which is not a proxy of `{}`",
                                          study.treatment->name.text, treatment->name.text));
  if (!proxyPath(study.outcome, outcome, c.outcomeHops))
    mismatch(study.outcome, fmt::format("measures `{}`, which is not a proxy of `{}`", study.outcome->name.text,
                                        outcome->name.text));
  if (target->kind == ast::EntityKind::Recipe) {
    if (!study.recipe)
      c.aggregateRecipes = true; // population -> recipe, through the aggregation `recipes`
    else if (!proxyPath(study.recipe, target, c.recipeHops))
      mismatch(study.recipe, fmt::format("runs on recipe `{}`, which is not a proxy of `{}`", study.recipe->name.text,
                                         target->name.text));
  } else if (study.recipe) {
    mismatch(nullptr, fmt::format("runs on the single recipe `{}`, so it cannot support a claim about population `{}`",
                                  study.recipe->name.text, target->name.text));
  } else if (!proxyPath(study.population, target, c.recipeHops)) {
    mismatch(study.population, fmt::format("observes population `{}`, which is not a proxy of `{}`",
                                           study.population->name.text, target->name.text));
  }
  return c;
}

bool DesignChecker::lostToSyntaxError(const ast::Entity *from) const {
  for (const ast::Entity *e = from; e; e = scope_.proxyTarget(*e))
    if (e->malformed)
      return true;
  return false;
}

void DesignChecker::buildChains(const ast::Entity &decl, Claim &claim) {
  using K = ast::EntityKind;
  // A line of evidence that cannot become a chain leaves the claim not checked (LANGUAGE.md Section 13).
  auto lostEvidence = [&]() {
    incomplete_ = true;
    claim.complete = false;
  };
  const ast::Attribute *effect = ast::findAttribute(decl.attributes, "effect");
  const ast::Attribute *from = ast::findAttribute(decl.attributes, "from");
  if (!effect) {
    diags_.report<DiagKind::MissingField>(decl.name.range, "claim", claim.name, "effect").help =
        "write `effect: TREATMENT on OUTCOME in RECIPE`";
    lostEvidence();
  }
  if (!from) {
    diags_.report<DiagKind::MissingField>(decl.name.range, "claim", claim.name, "from").help =
        "name the studies that support the claim: `from: STUDY`";
    lostEvidence();
  }
  const ast::Entity *treatment = nullptr, *outcome = nullptr, *target = nullptr;
  if (effect) {
    if (effect->value.kind != ast::Value::Kind::Effect) {
      auto &d = diags_.report<DiagKind::AttributeType>(effect->value.range, "effect",
                                                       "`TREATMENT on OUTCOME in RECIPE`", effect->value.describe());
      d.help = "for example `effect: add_math on gsm8k in llama70b`";
    } else {
      treatment = scope_.resolve(effect->value.effectTreatment, {K::Treatment});
      outcome = scope_.resolve(effect->value.effectOutcome, {K::Outcome});
      target = scope_.resolve(effect->value.effectTarget, {K::Recipe, K::Population});
      claim.treatment = effect->value.effectTreatment.text;
      claim.outcome = effect->value.effectOutcome.text;
      claim.target = effect->value.effectTarget.text;
      claim.targetIsPopulation = target && target->kind == K::Population;
    }
  }
  if (!from)
    return;
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
  if (!treatment || !outcome || !target) {
    lostEvidence();
    return;
  }
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
    Connection connection = connect(study, treatment, outcome, target);
    for (const auto &[from, what] : connection.mismatches) {
      lostEvidence();
      // A proxy link lost to a syntax error (its declaration is not checked) would make this a cascade.
      if (lostToSyntaxError(from))
        continue;
      auto &d = diags_.report<DiagKind::ChainMismatch>(ref->range, studyName, what);
      d.notes.push_back({studyDecl->name.range, "study declared here"});
      d.notes.push_back({decl.name.range, "claim declared here"});
    }
    bool ok = connection.mismatches.empty();
    if (connection.aggregateRecipes && !theory_.aggregation("recipes")) {
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
    if (!ok) {
      claim.complete = false;
      continue;
    }

    Chain chain;
    if (!chainFor(*studyDecl, study, connection, claim, *target, chain))
      lostEvidence(); // an unknown proxy kind or target, already reported
    claim.chains.push_back(std::move(chain));
  }
}

bool DesignChecker::chainFor(const ast::Entity &studyDecl, const StudyFacts &study, const Connection &connection,
                             const Claim &claim, const ast::Entity &targetDecl, Chain &chain) {
  const std::string &studyName = studyDecl.name.text;
  const ast::Entity *target = &targetDecl;
  const auto &[treatmentHops, outcomeHops, recipeHops, aggregateRecipes, mismatches] = connection;
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
  addRequirements(study.strategy->requirements, &study.args, studyName, studyAt, strategyStep, claim.name, chain);
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
      addRequirements(kind->requirements, &sizes, hop->name.text, hop->range, step, claim.name, chain);
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
    addRequirements(g->requirements, nullptr, studyName, studyAt, step, claim.name, chain);
  }
  if (aggregateUnits) {
    const Aggregation *g = theory_.aggregation("units");
    if (!g)
      return false;
    std::string step = fmt::format("aggregation units: {} -> {}", studyName, claim.name);
    chain.steps.push_back("average over within-run units read as the effect itself");
    addRequirements(g->requirements, nullptr, studyName, studyAt, step, claim.name, chain);
  }
  removeRepeats(chain.obligations);
  return complete;
}

} // namespace vdc
