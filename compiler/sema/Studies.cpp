// Studies.cpp — checks of studies: strategy, estimand fields, strategy parameters, covariates and emergence.
#include "ast/Keys.h"
#include "sema/DesignCheckerImpl.h"
#include "sema/ParamType.h"
#include "sema/Suggest.h"

#include <algorithm>
#include <cmath>
#include <llvm/ADT/StringExtras.h>
#include <set>

namespace vdc {

namespace {

/// Reports a string where a name was expected; returns the name to use.
ast::Name nameOf(const ast::Value &v, DiagnosticSink &diags) {
  if (v.kind == ast::Value::Kind::Name)
    return v.name;
  if (v.kind == ast::Value::Kind::String) {
    auto &d = diags.report<DiagKind::StringInsteadOfName>(v.range);
    d.help = "names are written without quotes";
    d.replacement = v.text;
    return {v.text, v.range};
  }
  return {};
}
} // namespace

void DesignChecker::checkStudies() {
  for (const ast::Entity &entity : design_.entities)
    if (entity.kind == ast::EntityKind::Study) {
      if (entity.malformed)
        incomplete_ = true;
      else
        studies_[&entity] = checkStudy(entity);
    }
}

StudyFacts DesignChecker::checkStudy(const ast::Entity &study) {
  using K = ast::EntityKind;
  StudyFacts facts;
  facts.decl = &study;
  bool ok = true;
  auto field = [&](const char *key) { return ast::findAttribute(study.attributes, key); };
  auto required = [&](const char *key) -> const ast::Attribute * {
    const ast::Attribute *attr = field(key);
    if (!attr) {
      diags_.report<DiagKind::MissingField>(study.name.range, "study", study.name.text, key);
      ok = false;
    }
    return attr;
  };

  if (const ast::Attribute *attr = required("strategy")) {
    ast::Name name = nameOf(attr->value, diags_);
    if (attr->value.kind != ast::Value::Kind::Name && attr->value.kind != ast::Value::Kind::String) {
      diags_.report<DiagKind::AttributeType>(attr->value.range, "strategy", "the name of a strategy",
                                             attr->value.describe());
    } else if (!(facts.strategy = theory_.strategy(name.text))) {
      std::vector<std::string> names;
      for (const auto &[n, _] : theory_.strategies)
        names.push_back(n);
      auto &d = diags_.report<DiagKind::UnknownName>(name.range, "strategy", name.text);
      std::string guess = closestName(name.text, names);
      suggest(d, guess);
    }
    if (!facts.strategy)
      ok = false;
  }
  auto reference = [&](const char *key, K kind) -> const ast::Entity * {
    const ast::Attribute *attr = required(key);
    if (!attr)
      return nullptr;
    const ast::Entity *e = scope_.resolve(nameOf(attr->value, diags_), {kind});
    if (!e)
      ok = false;
    return e;
  };
  // One arm (`treatment:`) or several (`treatments: [A, B]`), and an optional comparator (`control:`), LANGUAGE.md 14.
  const ast::Attribute *arms = field("treatments");
  if (facts.strategy && facts.strategy->level) {
    // A level study (`estimand: level`, e.g. `fit`) measures an outcome, not an effect: it has no treatment.
    for (const char *key : {"treatment", "treatments", "control"})
      if (const ast::Attribute *attr = field(key)) {
        auto &d = diags_.report<DiagKind::StudyArms>(
            attr->key.range, study.name.text,
            fmt::format("has `{}:`, but strategy `{}` estimates the level of an outcome, not an effect", key,
                        facts.strategy->name));
        d.help = "remove the key; a level study supports `prediction:` claims";
        ok = false;
      }
  } else if (arms && field("treatment")) {
    auto &d = diags_.report<DiagKind::StudyArms>(arms->key.range, study.name.text,
                                                 "has both `treatment:` and `treatments:`");
    d.help = "a study has one arm (`treatment: T`) or several (`treatments: [A, B]`), not both";
    ok = false;
  } else if (arms) {
    std::vector<const ast::Value *> items;
    if (arms->value.kind == ast::Value::Kind::List)
      for (const ast::Value &v : arms->value.items)
        items.push_back(&v);
    else
      items.push_back(&arms->value);
    std::set<const ast::Entity *> seen;
    for (const ast::Value *v : items) {
      const ast::Entity *e = scope_.resolve(nameOf(*v, diags_), {K::Treatment});
      if (!e) {
        ok = false;
      } else if (!seen.insert(e).second) {
        diags_.report<DiagKind::StudyArms>(v->range, study.name.text,
                                           fmt::format("lists arm `{}` twice", e->name.text));
        ok = false;
      } else {
        facts.arms.push_back(e);
      }
    }
    if (ok && facts.arms.size() < 2) {
      auto &d = diags_.report<DiagKind::StudyArms>(arms->value.range, study.name.text,
                                                   "lists fewer than two arms in `treatments:`");
      d.help = "a study with one arm writes `treatment: T`";
      ok = false;
    }
    facts.treatment = facts.arms.empty() ? nullptr : facts.arms.front();
  } else {
    facts.treatment = reference("treatment", K::Treatment);
    if (facts.treatment)
      facts.arms.push_back(facts.treatment);
  }
  if (const ast::Attribute *control = field("control")) {
    facts.control = scope_.resolve(nameOf(control->value, diags_), {K::Treatment});
    if (!facts.control)
      ok = false;
    else if (std::find(facts.arms.begin(), facts.arms.end(), facts.control) != facts.arms.end()) {
      diags_.report<DiagKind::StudyArms>(control->value.range, study.name.text,
                                         fmt::format("names `{}` both as an arm and as its control",
                                                     facts.control->name.text));
      ok = false;
    }
  }
  facts.outcome = reference("outcome", K::Outcome);

  const ast::Attribute *recipe = field("recipe");
  const ast::Attribute *population = field("population");
  if ((recipe != nullptr) == (population != nullptr)) {
    auto &d = diags_.report<DiagKind::StudyTarget>(study.name.range, study.name.text);
    d.help = "a study runs on one recipe (`recipe:`) or observes a population of recipes (`population:`)";
    ok = false;
  } else if (facts.strategy && facts.strategy->target &&
             *facts.strategy->target != (recipe ? K::Recipe : K::Population)) {
    // The strategy says what its studies run on (`target:` in its declaration).
    const ast::Attribute *given = recipe ? recipe : population;
    bool wantsPopulation = *facts.strategy->target == K::Population;
    auto &d = diags_.report<DiagKind::StrategyTarget>(
        given->key.range, study.name.text, given->key.text, facts.strategy->name,
        wantsPopulation ? "a population of recipes (`population:`)" : "a single recipe (`recipe:`)");
    d.help = wantsPopulation
                 ? fmt::format("an {} study compares existing models: name the population they are drawn from",
                               facts.strategy->name)
                 : fmt::format("a {} study trains or intervenes on one recipe: name it with `recipe:`",
                               facts.strategy->name);
    d.notes.push_back({facts.strategy->targetRange, fmt::format("strategy `{}` declares its target here",
                                                                 facts.strategy->name)});
    ok = false;
  } else if (recipe) {
    facts.recipe = scope_.resolve(nameOf(recipe->value, diags_), {K::Recipe});
    ok = ok && facts.recipe;
  } else {
    facts.population = scope_.resolve(nameOf(population->value, diags_), {K::Population});
    ok = ok && facts.population;
  }

  // Strategy parameters: every other key must be one, with the declared type.
  if (facts.strategy) {
    const ast::StrategyDecl &decl = *facts.strategy->decl;
    for (const ast::Attribute &attr : study.attributes) {
      if (ast::isKeyOf("study", attr.key.text))
        continue;
      const ast::Param *param = facts.strategy->param(attr.key.text);
      if (!param) {
        std::vector<std::string> names;
        for (const ast::Param &p : decl.params)
          names.push_back(p.name.text);
        auto &d = diags_.report<DiagKind::UnknownParameter>(attr.key.range, facts.strategy->name, attr.key.text);
        std::string guess = closestName(attr.key.text, names);
        if (!guess.empty()) {
          suggest(d, guess);
        } else if (!names.empty()) {
          d.help = fmt::format("the parameters of `{}` are: {}", facts.strategy->name, llvm::join(names, ", "));
        } else {
          d.help = fmt::format("`{}` takes no parameters", facts.strategy->name);
        }
        d.notes.push_back({decl.name.range, "strategy declared here"});
        continue;
      }
      facts.args[param->name.text] = &attr.value;
      if (!checkArgument(facts, *param, attr.value))
        ok = false; // an argument in error would give the study obligations it may not have
    }
    for (const ast::Param &param : decl.params) {
      if (facts.args.count(param.name.text))
        continue;
      if (param.defaultValue) {
        facts.args[param.name.text] = &*param.defaultValue;
      } else {
        auto &d = diags_.report<DiagKind::MissingParameter>(study.name.range, study.name.text, param.name.text,
                                                            facts.strategy->name);
        d.help = fmt::format("add `{}: ...` ({})", param.name.text, describeType(param.type));
        d.notes.push_back({param.range, "parameter declared here"});
        ok = false;
      }
    }
  }
  // `forbid when COND "message"` (LANGUAGE.md Section 15): a combination the strategy's theory rules out.
  if (ok)
    for (const ast::Forbid &f : facts.strategy->decl->forbids) {
      if (evaluate(f.condition, facts.args) == f.negated)
        continue;
      auto &d = diags_.report<DiagKind::StrategyForbids>(study.name.range, study.name.text, facts.strategy->name,
                                                         f.message);
      d.notes.push_back({f.range, fmt::format("forbidden here, when {}{}", f.negated ? "not " : "",
                                               conditionText(f.condition))});
      ok = false;
    }
  facts.valid = ok;
  if (!ok)
    incomplete_ = true;
  if (ok)
    checkEmergence(facts);
  return facts;
}

bool DesignChecker::checkArgument(const StudyFacts &facts, const ast::Param &param, const ast::Value &value) {
  using TK = ast::TypeExpr::Kind;
  auto items = [&]() {
    std::vector<const ast::Value *> out;
    if (value.kind == ast::Value::Kind::List)
      for (const ast::Value &item : value.items)
        out.push_back(&item);
    else
      out.push_back(&value);
    return out;
  };
  const ast::TypeExpr &scalar =
      param.type.kind == TK::List && !param.type.element.empty() ? param.type.element[0] : param.type;

  // A whole number beyond the integer range is not a wrong type but a wrong size: say so.
  if (scalar.kind == TK::Int)
    for (const ast::Value *v : items())
      if (v->kind == ast::Value::Kind::Number && !v->isInteger && std::floor(v->number) == v->number) {
        diags_
            .report<DiagKind::ParameterRange>(v->range, param.name.text,
                                              "must be a whole number within ±9e15 (the integer range)", v->text)
            .notes.push_back({param.range, "parameter declared here"});
        return false;
      }
  if (!fitsType(param.type, value)) {
    auto &d = diags_.report<DiagKind::ParameterType>(value.range, param.name.text, describeType(param.type),
                                                     value.describe());
    if (param.type.kind == TK::Enum && value.kind == ast::Value::Kind::Name) {
      std::string guess = closestName(value.name.text, param.type.members);
      suggest(d, guess);
    }
    d.notes.push_back({param.range, "parameter declared here"});
    return false;
  }
  bool ok = true;
  // Bounds the strategy declares (`positive: runs_per_arm`).
  auto bound = facts.strategy->bounds.find(param.name.text);
  if (bound != facts.strategy->bounds.end())
    for (const ast::Value *v : items()) {
      const ParamBound &b = bound->second;
      if (v->kind != ast::Value::Kind::Number || (b.exclusive ? v->number > b.min : v->number >= b.min))
        continue;
      auto &d = diags_.report<DiagKind::ParameterRange>(v->range, param.name.text, b.describe(), v->text);
      d.help = fmt::format("strategy `{}` declares `{}` {}", facts.strategy->name, param.name.text,
                           b.word == "positive" ? "positive" : "non-negative");
      d.notes.push_back({b.range, "bound declared here"});
      ok = false;
    }
  if (scalar.kind != TK::Ref)
    return ok;

  // References must name declarations of this design, of the kind the strategy asks for (`covariates: adjust_for`);
  // a covariate given to a strategy must be known to be observed.
  auto kind = facts.strategy->refKinds.find(param.name.text);
  std::optional<ast::EntityKind> wanted;
  if (kind != facts.strategy->refKinds.end())
    wanted = kind->second;
  for (const ast::Value *v : items()) {
    if (v->kind != ast::Value::Kind::Name)
      continue;
    const ast::Entity *e = scope_.find(v->name.text);
    if (!e) {
      auto &d = diags_.report<DiagKind::UnknownName>(v->range, wanted ? ast::entityKindName(*wanted) : "declaration",
                                                     v->name.text);
      std::string guess = scope_.suggest(v->name.text, {wanted.value_or(ast::EntityKind::Covariate)});
      suggest(d, guess);
      ok = false;
      continue;
    }
    if (wanted && e->kind != *wanted) {
      auto &d = diags_.report<DiagKind::WrongKind>(v->range, v->name.text, withArticle(e->kind), withArticle(*wanted));
      d.notes.push_back({e->name.range, fmt::format("`{}` declared here", v->name.text)});
      if (*wanted == ast::EntityKind::Covariate && e == facts.treatment)
        d.help = fmt::format("`{}` is the treatment of study `{}`: adjusting for the treatment removes the very "
                             "effect the study estimates; adjust for the confounders that drive both treatment and "
                             "outcome",
                             v->name.text, facts.decl->name.text);
      else if (*wanted == ast::EntityKind::Covariate && e == facts.outcome)
        d.help = fmt::format("`{}` is the outcome of study `{}`: conditioning on the outcome removes the variation "
                             "the study measures and biases the estimate; adjust for the confounders that drive both "
                             "treatment and outcome",
                             v->name.text, facts.decl->name.text);
      else if (*wanted == ast::EntityKind::Covariate)
        d.help = "declare the variable to adjust for as a `covariate` with `observed: true`";
      ok = false;
      continue;
    }
    if (e->kind != ast::EntityKind::Covariate || e->malformed)
      continue; // a covariate with a syntax error may have lost its `observed:`; that error says enough
    const ast::Attribute *observed = ast::findAttribute(e->attributes, "observed");
    bool isBool = observed && observed->value.kind == ast::Value::Kind::Bool;
    if (isBool && observed->value.boolean)
      continue;
    if (observed && !isBool)
      continue; // a wrong type on `observed:` is already reported (VD2020)
    if (observed) {
      auto &d = diags_.report<DiagKind::UnobservedCovariate>(v->range, v->name.text, "is not observed");
      d.notes.push_back({observed->range, "declared unobserved here"});
      d.help = "adjustment needs the confounder measured (König et al. 2026, Section 4); measure it, or drop it "
               "from the adjustment set and leave exchangeability open";
    } else {
      auto &d =
          diags_.report<DiagKind::UnobservedCovariate>(v->range, v->name.text, "does not say whether it was observed");
      d.notes.push_back({e->name.range, fmt::format("`{}` declared here", v->name.text)});
      d.help = fmt::format("add `observed: true` to `{}` if it was measured for every model or unit, or "
                           "`observed: false` if not (adjustment needs the confounder measured, König et al. 2026, "
                           "Section 4)",
                           v->name.text);
    }
    ok = false;
  }
  return ok;
}

void DesignChecker::checkEmergence(const StudyFacts &facts) {
  if (!facts.recipe || !facts.outcome)
    return;
  // The measured outcome and every outcome it stands in for.
  for (const ast::Entity *o = facts.outcome; o; o = scope_.proxyTarget(*o)) {
    const ast::Attribute *emergent = ast::findAttribute(o->attributes, "emergent_at");
    if (!emergent || emergent->value.kind != ast::Value::Kind::Number)
      continue;
    const ast::Attribute *params = ast::findAttribute(facts.recipe->attributes, "params");
    if (!params || params->value.kind != ast::Value::Kind::Number) {
      auto &d = diags_.report<DiagKind::RecipeMissingParams>(facts.decl->name.range, facts.recipe->name.text,
                                                             o->name.text, emergent->value.text);
      d.notes.push_back({facts.recipe->name.range, "recipe declared here"});
      continue;
    }
    if (params->value.number < emergent->value.number) {
      auto &d = diags_.report<DiagKind::EmergenceBelowScale>(facts.decl->name.range, facts.decl->name.text,
                                                             facts.outcome->name.text, facts.recipe->name.text,
                                                             params->value.text, o->name.text, emergent->value.text);
      d.notes.push_back({emergent->range, "emergence declared here"});
      d.notes.push_back({params->range, "recipe size declared here"});
      d.help = "an ability that appears only at larger scale cannot be studied below it (König et al. 2026, "
               "Section 3.1); use a recipe at or above that scale";
    }
  }
}

} // namespace vdc
