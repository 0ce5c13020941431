// TheoryBuilder.cpp — registration and validation of theory declarations.
#include "sema/TheoryBuilder.h"

#include "sema/ParamType.h"

#include <algorithm>
#include "sema/Suggest.h"

#include <set>

namespace vdc {
namespace {

class Builder {
public:
  Builder(Theory &theory, DiagnosticSink &diags) : theory_(theory), diags_(diags) {}

  void registerAll(const std::vector<const ast::Module *> &modules) {
    for (const ast::Module *m : modules) {
      checkDesignNames(*m);
      for (const auto &a : m->assumptions)
        registerAssumption(a);
    }
    for (const ast::Module *m : modules) {
      for (const auto &s : m->strategies)
        registerStrategy(s);
      for (const auto &p : m->proxyKinds)
        registerProxyKind(p);
      for (const auto &g : m->aggregations)
        registerAggregation(g);
    }
  }

private:
  /// Design names are unique within a file (each file's designs are reported by name).
  void checkDesignNames(const ast::Module &module) {
    std::map<std::string, SourceRange> designs;
    for (const ast::Design &d : module.designs) {
      if (d.name.empty())
        continue;
      auto [it, fresh] = designs.emplace(d.name.text, d.name.range);
      if (fresh)
        continue;
      auto &diag = diags_.report<DiagKind::DuplicateName>(d.name.range, "design", d.name.text);
      diag.notes.push_back({it->second, "first declared here"});
      diag.help = "design names are unique within a file; rename one of them";
    }
  }

  bool claimName(const ast::Name &name, const char *what) {
    auto [it, fresh] = seen_.emplace(name.text, name.range);
    if (!fresh) {
      auto &d = diags_.report<DiagKind::DuplicateName>(name.range, what, name.text);
      d.notes.push_back({it->second, "first declared here"});
    }
    return fresh;
  }

  void registerAssumption(const ast::AssumptionDecl &decl) {
    if (decl.name.empty() || !claimName(decl.name, "assumption"))
      return;
    Assumption a;
    a.name = decl.name.text;
    a.decl = &decl;
    a.title = decl.title;
    auto dot = a.name.find('.');
    auto validity = parseValidity(dot == std::string::npos ? "" : std::string_view(a.name).substr(0, dot));
    if (!validity)
      diags_.report<DiagKind::BadValidity>(decl.name.range, a.name);
    a.validity = validity.value_or(Validity::Statistical);
    for (const ast::Attribute &attr : decl.attributes) {
      const std::string &key = attr.key.text;
      if (key == "testable") {
        if (attr.value.kind == ast::Value::Kind::Bool)
          a.testable = attr.value.boolean;
        else
          diags_.report<DiagKind::AttributeType>(attr.value.range, key, "`true` or `false`", attr.value.describe());
        continue;
      }
      if (key == "accepts") {
        acceptedEvidence(a, attr);
        continue;
      }
      std::string *field = key == "formula"          ? &a.formula
                           : key == "source"         ? &a.source
                           : key == "explain"        ? &a.explain
                           : key == "discharge_hint" ? &a.hint
                                                     : nullptr;
      if (!field)
        continue; // other keys are kept in the declaration and shown by `explain`
      if (attr.value.kind == ast::Value::Kind::String)
        *field = attr.value.text;
      else
        diags_.report<DiagKind::AttributeType>(attr.value.range, key, "a string", attr.value.describe());
    }
    theory_.assumptions.emplace(a.name, std::move(a));
  }

  /// `accepts: [experiment, study]`: the only kinds of evidence that may discharge the assumption.
  void acceptedEvidence(Assumption &a, const ast::Attribute &attr) {
    static const std::set<std::string> kKinds = {"experiment", "theory", "literature", "check", "argument", "study"};
    std::vector<const ast::Value *> values;
    if (attr.value.kind == ast::Value::Kind::List)
      for (const ast::Value &v : attr.value.items)
        values.push_back(&v);
    else
      values.push_back(&attr.value);
    a.acceptsRestricted = true;
    for (const ast::Value *v : values) {
      if (v->kind == ast::Value::Kind::Name && kKinds.count(v->name.text))
        a.accepts.push_back(v->name.text);
      else
        diags_.report<DiagKind::AttributeType>(v->range, "accepts",
                                               "kinds of evidence (experiment, theory, literature, check, argument, "
                                               "study)",
                                               v->kind == ast::Value::Kind::Name ? "`" + v->name.text + "`"
                                                                                 : v->describe());
    }
  }

  const Assumption *resolveAssumption(const ast::Name &name) {
    if (const Assumption *a = theory_.assumption(name.text))
      return a;
    std::vector<std::string> names;
    for (const auto &[n, _] : theory_.assumptions)
      names.push_back(n);
    auto &d = diags_.report<DiagKind::UnknownName>(name.range, "assumption", name.text);
    std::string guess = closestName(name.text, names);
    suggest(d, guess);
    return nullptr;
  }

  /// Resolves `requires` lines; `params` is null for proxy kinds and aggregations (no conditions on parameters).
  std::vector<Requirement> requirements(const std::vector<ast::Requirement> &lines, const ast::StrategyDecl *params,
                                        const std::string &owner, bool proxyKind = false) {
    std::vector<Requirement> out;
    for (const ast::Requirement &line : lines) {
      Requirement r;
      r.decl = &line;
      r.assumption = resolveAssumption(line.assumption);
      auto level = parseLevel(line.severity.text);
      if (!level)
        diags_.report<DiagKind::BadSeverity>(line.severity.range, line.severity.text);
      r.severity = level.value_or(Level::Key);
      if (line.condition)
        checkCondition(*line.condition, params, owner, proxyKind);
      if (r.assumption)
        out.push_back(r);
    }
    return out;
  }

  void checkCondition(const ast::Condition &c, const ast::StrategyDecl *strategy, const std::string &owner,
                      bool proxyKind = false) {
    for (const ast::Condition &operand : c.operands)
      checkCondition(operand, strategy, owner, proxyKind);
    if (c.kind != ast::Condition::Kind::Compare && c.kind != ast::Condition::Kind::Truth)
      return;
    // The condition variable `claim` (LANGUAGE.md Section 14) compares with a claim form, in every declaration.
    if (c.param.text == "claim" && !(strategy && std::any_of(strategy->params.begin(), strategy->params.end(),
                                                             [](const ast::Param &p) { return p.name.text == "claim"; }))) {
      bool form = c.literal.kind == ast::Value::Kind::Name && parseClaimForm(c.literal.name.text);
      if (c.kind == ast::Condition::Kind::Compare && !form)
        diags_.report<DiagKind::ConditionType>(c.literal.range, "claim", "claim form (effect, ranking, trend or "
                                               "prediction)", c.literal.describe());
      return;
    }
    // `trend_recipes`: the number of distinct recipes a trend claim lists (LANGUAGE.md Section 14).
    if (c.param.text == "trend_recipes" && !(strategy && strategy->params.size() &&
                                             std::any_of(strategy->params.begin(), strategy->params.end(),
                                                         [](const ast::Param &p) { return p.name.text == "trend_recipes"; }))) {
      if (c.kind == ast::Condition::Kind::Compare && c.literal.kind != ast::Value::Kind::Number)
        diags_.report<DiagKind::ConditionType>(c.literal.range, "trend_recipes", "int", c.literal.describe());
      return;
    }
    if (!c.factors.empty() || isHopSize(c.param.text)) {
      checkNumericTerms(c, strategy, owner, proxyKind);
      return;
    }
    const ast::Param *param = nullptr;
    if (strategy)
      for (const ast::Param &p : strategy->params)
        if (p.name.text == c.param.text)
          param = &p;
    if (!param) {
      diags_.report<DiagKind::ConditionParameter>(c.param.range, c.param.text, owner);
      return;
    }
    if (c.kind == ast::Condition::Kind::Compare && !fitsType(param->type, c.literal)) {
      // Numbers compare with numbers; a list may be compared with a number (its length).
      bool listLength = param->type.kind == ast::TypeExpr::Kind::List && c.literal.kind == ast::Value::Kind::Number;
      bool intAsNumber = param->type.kind == ast::TypeExpr::Kind::Int && c.literal.kind == ast::Value::Kind::Number;
      if (!listLength && !intAsNumber)
        diags_.report<DiagKind::ConditionType>(c.literal.range, c.param.text, param->type.spelling(),
                                               c.literal.describe());
    }
  }

  /// `proxy.params`, `target.compute`, `extrapolation`: sizes of a proxy hop's two ends (LANGUAGE.md Section 15);
  /// `sort`: the kind of declaration the hop stands in for (`sort == treatment`).
  static bool isHopSize(const std::string &term) {
    return term == "extrapolation" || term == "sort" || term.rfind("proxy.", 0) == 0 || term.rfind("target.", 0) == 0;
  }

  /// A product (`runs_per_arm * configurations < 5`) or a hop size: numeric terms compared with a number.
  void checkNumericTerms(const ast::Condition &c, const ast::StrategyDecl *strategy, const std::string &owner,
                         bool proxyKind) {
    std::vector<const ast::Name *> terms{&c.param};
    for (const ast::Name &f : c.factors)
      terms.push_back(&f);
    for (const ast::Name *term : terms) {
      if (proxyKind && isHopSize(term->text))
        continue;
      const ast::Param *param = nullptr;
      if (strategy)
        for (const ast::Param &p : strategy->params)
          if (p.name.text == term->text)
            param = &p;
      if (!param) {
        auto &d = diags_.report<DiagKind::ConditionParameter>(term->range, term->text, owner);
        if (isHopSize(term->text))
          d.help = "the sizes of a hop's two ends (`proxy.params`, `target.compute`, `extrapolation`) exist only "
                   "in the conditions of a proxy kind";
        continue;
      }
      if (param->type.kind != ast::TypeExpr::Kind::Int && param->type.kind != ast::TypeExpr::Kind::Number)
        diags_.report<DiagKind::ConditionType>(term->range, term->text, param->type.spelling(), "a number")
            .help = "only `int` and `number` parameters can be multiplied and compared as sizes";
    }
    if (!c.factors.empty() && c.literal.kind != ast::Value::Kind::Number)
      diags_.report<DiagKind::ConditionType>(c.literal.range, c.param.text, "number", c.literal.describe());
  }

  void registerStrategy(const ast::StrategyDecl &decl) {
    if (decl.name.empty() || !claimName(decl.name, "strategy"))
      return;
    Strategy s;
    s.name = decl.name.text;
    s.decl = &decl;
    std::set<std::string> params;
    for (const ast::Param &p : decl.params) {
      if (!params.insert(p.name.text).second)
        diags_.report<DiagKind::DuplicateParameter>(p.name.range, p.name.text, s.name);
      if (p.defaultValue && !fitsType(p.type, *p.defaultValue))
        diags_.report<DiagKind::ParameterType>(p.defaultValue->range, p.name.text, describeType(p.type),
                                               p.defaultValue->describe());
    }
    for (size_t i = 0; i < decl.satisfies.size(); ++i)
      if (const Assumption *a = resolveAssumption(decl.satisfies[i])) {
        s.satisfies.push_back(a);
        s.satisfiesGuards.push_back(i < decl.satisfiesGuards.size() ? &decl.satisfiesGuards[i] : nullptr);
      }
    // A line's guard is repeated for each name it satisfies: check it once.
    std::set<std::pair<uint32_t, uint32_t>> checkedGuards;
    for (const ast::SatisfiesGuard &g : decl.satisfiesGuards)
      if (g.condition && checkedGuards.insert({g.condition->range.begin, g.condition->range.end}).second)
        checkCondition(*g.condition, &decl, s.name);
    for (const ast::Forbid &f : decl.forbids)
      checkCondition(f.condition, &decl, s.name);
    s.requirements = requirements(decl.requirements, &decl, s.name);
    for (const ast::Attribute &attr : decl.attributes) {
      const std::string &key = attr.key.text;
      if (key == "estimand") {
        if (attr.value.kind == ast::Value::Kind::Name && attr.value.name.text == "average_over_units")
          s.unitAverage = true;
        else if (attr.value.kind == ast::Value::Kind::Name && attr.value.name.text == "level")
          s.level = true;
        else
          diags_.report<DiagKind::BadEstimand>(attr.value.range, attr.value.kind == ast::Value::Kind::Name
                                                                     ? attr.value.name.text
                                                                     : attr.value.describe());
      } else if (key == "target") {
        strategyTarget(s, attr);
      } else if (std::optional<ast::EntityKind> kind = kindOfPlural(key)) {
        for (const ast::Param *p : namedParams(s, attr, ParamRole::Reference))
          s.refKinds[p->name.text] = *kind;
      } else if (key == "positive" || key == "non_negative") {
        for (const ast::Param *p : namedParams(s, attr, ParamRole::Number)) {
          bool isInt = p->type.kind == ast::TypeExpr::Kind::Int;
          ParamBound bound;
          bound.word = key;
          bound.range = attr.range;
          bound.min = key == "positive" && isInt ? 1 : 0;
          bound.exclusive = key == "positive" && !isInt;
          s.bounds[p->name.text] = bound;
        }
      } else {
        auto &d = diags_.report<DiagKind::UnknownField>(attr.key.range, "strategy", s.name, key);
        d.help = "a strategy's fields are `estimand:`, `target:`, `positive:`, `non_negative:` and the plural of a "
                 "kind of declaration (`covariates:`, `recipes:`, ...) naming `ref` parameters";
      }
    }
    // A default must respect the parameter's own bound.
    for (const ast::Param &p : decl.params) {
      auto bound = s.bounds.find(p.name.text);
      if (bound == s.bounds.end() || !p.defaultValue || p.defaultValue->kind != ast::Value::Kind::Number)
        continue;
      if (violates(bound->second, p.defaultValue->number)) {
        auto &d = diags_.report<DiagKind::ParameterRange>(p.defaultValue->range, p.name.text, bound->second.describe(),
                                                          p.defaultValue->text);
        d.notes.push_back({bound->second.range, fmt::format("`{}` declared here", bound->second.word)});
      }
    }
    theory_.strategies.emplace(s.name, std::move(s));
  }

  /// `target: recipe` or `target: population` (the quoted forms are accepted too).
  void strategyTarget(Strategy &s, const ast::Attribute &attr) {
    const ast::Value &v = attr.value;
    std::string text = v.kind == ast::Value::Kind::String ? v.text
                       : v.kind == ast::Value::Kind::Name ? v.name.text
                                                          : "";
    if (text == "recipe")
      s.target = ast::EntityKind::Recipe;
    else if (text == "population")
      s.target = ast::EntityKind::Population;
    else
      diags_.report<DiagKind::AttributeType>(v.range, "target", "`recipe` or `population`",
                                             v.kind == ast::Value::Kind::String ? "\"" + v.text + "\"" : v.describe());
    s.targetRange = attr.range;
  }

  /// `covariates` -> covariate, and likewise for every kind of design declaration.
  static std::optional<ast::EntityKind> kindOfPlural(const std::string &key) {
    using K = ast::EntityKind;
    static const std::map<std::string, K> plurals = {
        {"recipes", K::Recipe},         {"treatments", K::Treatment}, {"outcomes", K::Outcome},
        {"populations", K::Population}, {"covariates", K::Covariate}, {"studies", K::Study},
        {"claims", K::Claim}};
    auto it = plurals.find(key);
    return it == plurals.end() ? std::nullopt : std::optional<K>(it->second);
  }

  static bool violates(const ParamBound &b, double v) { return b.exclusive ? v <= b.min : v < b.min; }

  enum class ParamRole { Reference, Number };

  /// The parameters an attribute such as `covariates: adjust_for` names; reports names that are not
  /// parameters of the strategy or have a type the attribute cannot apply to.
  std::vector<const ast::Param *> namedParams(const Strategy &s, const ast::Attribute &attr, ParamRole role) {
    using TK = ast::TypeExpr::Kind;
    std::vector<const ast::Value *> values;
    if (attr.value.kind == ast::Value::Kind::List)
      for (const ast::Value &item : attr.value.items)
        values.push_back(&item);
    else
      values.push_back(&attr.value);
    const char *expected = role == ParamRole::Reference ? "a `ref` or `list<ref>` parameter"
                                                         : "an `int` or `number` parameter";
    std::vector<const ast::Param *> out;
    for (const ast::Value *v : values) {
      if (v->kind != ast::Value::Kind::Name) {
        diags_.report<DiagKind::AttributeType>(v->range, attr.key.text, "names of parameters", v->describe());
        continue;
      }
      const ast::Param *param = s.param(v->name.text);
      const ast::TypeExpr *type = param ? &param->type : nullptr;
      if (type && type->kind == TK::List && !type->element.empty() && role == ParamRole::Reference)
        type = &type->element[0];
      bool fits = type && (role == ParamRole::Reference ? type->kind == TK::Ref
                                                        : type->kind == TK::Int || type->kind == TK::Number);
      if (!fits) {
        auto &d = diags_.report<DiagKind::BadParamAttribute>(v->range, attr.key.text, v->name.text, expected, s.name);
        if (param)
          d.notes.push_back({param->range, fmt::format("`{}` declared here as {}", param->name.text,
                                                       param->type.spelling())});
        continue;
      }
      out.push_back(param);
    }
    return out;
  }

  void registerProxyKind(const ast::ProxyKindDecl &decl) {
    if (decl.name.empty() || !claimName(decl.name, "proxy kind"))
      return;
    ProxyKind p;
    p.name = decl.name.text;
    p.decl = &decl;
    std::vector<ast::EntityKind> sorts{decl.appliesTo};
    sorts.insert(sorts.end(), decl.alsoAppliesTo.begin(), decl.alsoAppliesTo.end());
    for (ast::EntityKind sort : sorts)
      if (sort == ast::EntityKind::Covariate || sort == ast::EntityKind::Study || sort == ast::EntityKind::Claim)
        diags_.report<DiagKind::WrongKind>(sort == decl.appliesTo ? decl.appliesToRange : decl.range,
                                           ast::entityKindName(sort), "a kind of declaration that cannot have proxies",
                                           "recipe, treatment, outcome or population");
    p.requirements = requirements(decl.requirements, nullptr, p.name, true);
    theory_.proxyKinds.emplace(p.name, std::move(p));
  }

  void registerAggregation(const ast::AggregationDecl &decl) {
    if (decl.name.empty() || !claimName(decl.name, "aggregation"))
      return;
    Aggregation g;
    g.name = decl.name.text;
    g.decl = &decl;
    g.requirements = requirements(decl.requirements, nullptr, g.name);
    theory_.aggregations.emplace(g.name, std::move(g));
  }

  Theory &theory_;
  DiagnosticSink &diags_;
  std::map<std::string, SourceRange> seen_;
};

} // namespace

void buildTheory(const std::vector<const ast::Module *> &modules, Theory &theory, DiagnosticSink &diags) {
  Builder(theory, diags).registerAll(modules);
}

} // namespace vdc
