// TheoryBuilder.cpp — registration and validation of theory declarations.
#include "sema/TheoryBuilder.h"

#include "sema/ParamType.h"
#include "sema/Suggest.h"

#include <set>

namespace vdc {
namespace {

class Builder {
public:
  Builder(Theory &theory, DiagnosticSink &diags) : theory_(theory), diags_(diags) {}

  void registerAll(const std::vector<const ast::Module *> &modules) {
    for (const ast::Module *m : modules) {
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
  bool claimName(const ast::Name &name, const char *what) {
    auto [it, fresh] = seen_.emplace(name.text, name.range);
    if (!fresh) {
      auto &d = diags_.report(DiagKind::DuplicateName, name.range, what, name.text);
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
      diags_.report(DiagKind::BadValidity, decl.name.range, a.name);
    a.validity = validity.value_or(Validity::Statistical);
    for (const ast::Attribute &attr : decl.attributes) {
      const std::string &key = attr.key.text;
      if (key == "testable") {
        if (attr.value.kind == ast::Value::Kind::Bool)
          a.testable = attr.value.boolean;
        else
          diags_.report(DiagKind::AttributeType, attr.value.range, key, "`true` or `false`", attr.value.describe());
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
        diags_.report(DiagKind::AttributeType, attr.value.range, key, "a string", attr.value.describe());
    }
    theory_.assumptions.emplace(a.name, std::move(a));
  }

  const Assumption *resolveAssumption(const ast::Name &name) {
    if (const Assumption *a = theory_.assumption(name.text))
      return a;
    std::vector<std::string> names;
    for (const auto &[n, _] : theory_.assumptions)
      names.push_back(n);
    auto &d = diags_.report(DiagKind::UnknownName, name.range, "assumption", name.text);
    std::string guess = closestName(name.text, names);
    if (!guess.empty()) {
      d.help = fmt::format("did you mean `{}`?", guess);
      d.replacement = guess;
    }
    return nullptr;
  }

  /// Resolves `requires` lines; `params` is null for proxy kinds and aggregations (no conditions on parameters).
  std::vector<Requirement> requirements(const std::vector<ast::Requirement> &lines, const ast::StrategyDecl *params,
                                        const std::string &owner) {
    std::vector<Requirement> out;
    for (const ast::Requirement &line : lines) {
      Requirement r;
      r.decl = &line;
      r.assumption = resolveAssumption(line.assumption);
      auto level = parseLevel(line.severity.text);
      if (!level)
        diags_.report(DiagKind::BadSeverity, line.severity.range, line.severity.text);
      r.severity = level.value_or(Level::Key);
      if (line.condition)
        checkCondition(*line.condition, params, owner);
      if (r.assumption)
        out.push_back(r);
    }
    return out;
  }

  void checkCondition(const ast::Condition &c, const ast::StrategyDecl *strategy, const std::string &owner) {
    for (const ast::Condition &operand : c.operands)
      checkCondition(operand, strategy, owner);
    if (c.kind != ast::Condition::Kind::Compare && c.kind != ast::Condition::Kind::Truth)
      return;
    const ast::Param *param = nullptr;
    if (strategy)
      for (const ast::Param &p : strategy->params)
        if (p.name.text == c.param.text)
          param = &p;
    if (!param) {
      diags_.report(DiagKind::ConditionParameter, c.param.range, c.param.text, owner);
      return;
    }
    if (c.kind == ast::Condition::Kind::Compare && !fitsType(param->type, c.literal)) {
      // Numbers compare with numbers; a list may be compared with a number (its length).
      bool listLength = param->type.kind == ast::TypeExpr::Kind::List && c.literal.kind == ast::Value::Kind::Number;
      bool intAsNumber = param->type.kind == ast::TypeExpr::Kind::Int && c.literal.kind == ast::Value::Kind::Number;
      if (!listLength && !intAsNumber)
        diags_.report(DiagKind::ConditionType, c.literal.range, c.param.text, param->type.spelling(),
                      c.literal.describe());
    }
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
        diags_.report(DiagKind::DuplicateParameter, p.name.range, p.name.text, s.name);
      if (p.defaultValue && !fitsType(p.type, *p.defaultValue))
        diags_.report(DiagKind::ParameterType, p.defaultValue->range, p.name.text, describeType(p.type),
                      p.defaultValue->describe());
    }
    for (const ast::Name &n : decl.satisfies)
      if (const Assumption *a = resolveAssumption(n))
        s.satisfies.push_back(a);
    s.requirements = requirements(decl.requirements, &decl, s.name);
    for (const ast::Attribute &attr : decl.attributes) {
      if (attr.key.text == "estimand") {
        if (attr.value.kind == ast::Value::Kind::Name && attr.value.name.text == "average_over_units")
          s.unitAverage = true;
        else
          diags_.report(DiagKind::BadEstimand, attr.value.range,
                        attr.value.kind == ast::Value::Kind::Name ? attr.value.name.text : attr.value.describe());
      } else {
        diags_.report(DiagKind::UnknownField, attr.key.range, "strategy", s.name, attr.key.text);
      }
    }
    theory_.strategies.emplace(s.name, std::move(s));
  }

  void registerProxyKind(const ast::ProxyKindDecl &decl) {
    if (decl.name.empty() || !claimName(decl.name, "proxy kind"))
      return;
    ProxyKind p;
    p.name = decl.name.text;
    p.decl = &decl;
    if (decl.appliesTo == ast::EntityKind::Covariate || decl.appliesTo == ast::EntityKind::Study ||
        decl.appliesTo == ast::EntityKind::Claim) {
      auto &d = diags_.report(DiagKind::WrongKind, decl.appliesToRange, ast::entityKindName(decl.appliesTo),
                              "a kind of declaration that cannot have proxies",
                              "recipe, treatment, outcome or population");
      (void)d;
    }
    p.requirements = requirements(decl.requirements, nullptr, p.name);
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
