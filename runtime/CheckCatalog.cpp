// CheckCatalog.cpp — the executable checks of LANGUAGE.md Section 11 as data: their names, typed parameters with
// defaults and ranges, and the assumptions each may discharge.
#include "runtime/CheckCatalog.h"

#include <fmt/format.h>

#include <algorithm>

namespace vdc::rt {

namespace {

CheckParam param(std::string name, ParamKind kind) {
  CheckParam p;
  p.name = std::move(name);
  p.kind = kind;
  return p;
}

CheckParam optional(std::string name, ParamKind kind, llvm::json::Value def) {
  CheckParam p = param(std::move(name), kind);
  p.required = false;
  p.defaultValue = std::move(def);
  return p;
}

/// A parameter whose value names data columns.
CheckParam columns(std::string name, ParamKind kind) {
  CheckParam p = param(std::move(name), kind);
  p.column = true;
  return p;
}

CheckParam atLeast(CheckParam p, double min) {
  p.min = min;
  return p;
}

std::vector<CheckSpec> makeCatalog() {
  std::vector<CheckSpec> all;
  {
    CheckSpec s{CheckKind::Positivity,
                "positivity",
                "every treatment level occurs at least min_count times in every stratum",
                {},
                {}};
    s.params = {param("data", ParamKind::String), columns("treatment", ParamKind::String),
                [] {
                  CheckParam p = optional("strata", ParamKind::StringList, llvm::json::Array{});
                  p.column = true;
                  return p;
                }(),
                atLeast(optional("min_count", ParamKind::Int, 1), 1)};
    s.discharges = {"internal.positivity", "internal.conditional_positivity"};
    all.push_back(std::move(s));
  }
  {
    CheckSpec s{CheckKind::Replicates, "replicates", "every arm has at least min_per_arm rows", {}, {}};
    s.params = {param("data", ParamKind::String), columns("arm", ParamKind::String),
                atLeast(param("min_per_arm", ParamKind::Int), 1)};
    s.discharges = {"statistical.finite_sample"};
    all.push_back(std::move(s));
  }
  {
    CheckSpec s{CheckKind::EffectInterval,
                "effect_interval",
                "the Welch t-interval for mean(treated) - mean(control) excludes 0",
                {},
                {}};
    CheckParam level = optional("level", ParamKind::Number, 0.95);
    level.min = 0;
    level.minExclusive = true;
    level.max = 1;
    level.maxExclusive = true;
    s.params = {param("data", ParamKind::String),    columns("arm", ParamKind::String),
                columns("outcome", ParamKind::String), param("control", ParamKind::String),
                param("treated", ParamKind::String), level};
    s.discharges = {"statistical.finite_sample"};
    all.push_back(std::move(s));
  }
  {
    CheckSpec s{CheckKind::PowerLawFit,
                "power_law_fit",
                "a power law fitted in log-log space without the largest x predicts the held-out y within tolerance",
                {},
                {}};
    CheckParam tolerance = optional("tolerance", ParamKind::Number, 0.05);
    tolerance.min = 0;
    tolerance.minExclusive = true;
    s.params = {param("data", ParamKind::String), columns("x", ParamKind::String), columns("y", ParamKind::String),
                tolerance};
    s.discharges = {"statistical.functional_form"};
    all.push_back(std::move(s));
  }
  return all;
}

std::string g(double v) { return fmt::format("{:.4g}", v); }

} // namespace

const CheckParam *CheckSpec::param(const std::string &n) const {
  for (const CheckParam &p : params)
    if (p.name == n)
      return &p;
  return nullptr;
}

bool CheckSpec::canDischarge(const std::string &assumption) const {
  return std::find(discharges.begin(), discharges.end(), assumption) != discharges.end();
}

const std::vector<CheckSpec> &checkCatalog() {
  static const std::vector<CheckSpec> catalog = makeCatalog();
  return catalog;
}

const CheckSpec *findCheck(const std::string &name) {
  for (const CheckSpec &s : checkCatalog())
    if (s.name == name)
      return &s;
  return nullptr;
}

std::string describeParamKind(ParamKind kind) {
  switch (kind) {
  case ParamKind::String:
    return "a string";
  case ParamKind::StringList:
    return "a list of strings";
  case ParamKind::Int:
    return "an integer";
  case ParamKind::Number:
    return "a number";
  }
  return "a value";
}

std::string checkRange(const CheckParam &p, double v) {
  bool low = p.minExclusive ? v <= p.min : v < p.min;
  bool high = p.maxExclusive ? v >= p.max : v > p.max;
  if (!low && !high)
    return "";
  if (p.max < 1e300)
    return fmt::format("must lie {} {} and {}", p.minExclusive ? "strictly between" : "between", g(p.min), g(p.max));
  return fmt::format("must be {} {}", p.minExclusive ? "greater than" : "at least", g(p.min));
}

std::vector<std::string> columnsRead(const CheckSpec &spec, const llvm::json::Object &params) {
  std::vector<std::string> out;
  for (const CheckParam &p : spec.params) {
    if (!p.column)
      continue;
    if (p.kind == ParamKind::String) {
      if (auto name = params.getString(p.name))
        out.push_back(name->str());
    } else if (const llvm::json::Array *names = params.getArray(p.name)) {
      for (const llvm::json::Value &v : *names)
        if (auto name = v.getAsString())
          out.push_back(name->str());
    }
  }
  return out;
}

} // namespace vdc::rt
