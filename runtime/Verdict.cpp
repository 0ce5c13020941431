// Verdict.cpp — re-deriving a check's verdict from the figures its lock entry records (LANGUAGE.md Section 11), so
// that a lock whose `passed` contradicts its own figures, or whose figures are missing or malformed, is not believed.
#include "runtime/CheckCatalog.h"
#include "runtime/Statistics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace vdc::rt {

namespace {

std::string g(double v) { return fmt::format("{:.4g}", v); }

/// Reads figures and says, on the first problem, what is missing or wrong.
class Reader {
public:
  explicit Reader(std::string &why) : why_(why) {}

  /// Records the first problem; returns nullopt so that `return in.fail(...)` ends a verdict.
  std::nullopt_t fail(std::string message) {
    if (ok_)
      why_ = std::move(message);
    ok_ = false;
    return std::nullopt;
  }
  bool ok() const { return ok_; }

  /// A finite number at `key` of `o` (`where` names `o` in messages, "" for the figures themselves).
  double number(const llvm::json::Object &o, const char *key, const std::string &where = "") {
    const llvm::json::Value *v = o.get(key);
    llvm::Optional<double> n = v ? v->getAsNumber() : llvm::None;
    if (!n || !std::isfinite(*n)) {
      fail(fmt::format("`{}{}` is {}", where, key, v ? "not a finite number" : "missing"));
      return 0;
    }
    return *n;
  }
  /// A whole number from 0 to 2^53.
  double count(const llvm::json::Object &o, const char *key, const std::string &where = "") {
    double n = number(o, key, where);
    if (ok_ && (n < 0 || n > 9007199254740992.0 || std::floor(n) != n))
      fail(fmt::format("`{}{}` is {}, not a count", where, key, g(n)));
    return n;
  }
  const llvm::json::Object *object(const llvm::json::Object &o, const char *key, const std::string &where = "") {
    const llvm::json::Object *v = o.getObject(key);
    if (!v)
      fail(fmt::format("`{}{}` is missing or not an object", where, key));
    return v;
  }
  const llvm::json::Array *array(const llvm::json::Object &o, const char *key) {
    const llvm::json::Array *v = o.getArray(key);
    if (!v)
      fail(fmt::format("`{}` is missing or not a list", key));
    return v;
  }
  /// The parameter `key`, which the figures must also record with the same value when they have it.
  double parameter(const llvm::json::Object &params, const llvm::json::Object &figures, const char *key) {
    double p = number(params, key, "parameters.");
    if (ok_ && figures.get(key)) {
      double f = number(figures, key);
      if (ok_ && f != p)
        fail(fmt::format("the figures record {} {}, but the parameters say {}", key, g(f), g(p)));
    }
    return p;
  }

private:
  std::string &why_;
  bool ok_ = true;
};

/// True when `recorded` equals `derived` up to rounding in the last digits.
bool agrees(double recorded, double derived, double scale) {
  return std::fabs(recorded - derived) <= 1e-9 * std::max({std::fabs(recorded), std::fabs(derived), scale});
}

std::optional<bool> positivity(const llvm::json::Object &params, const llvm::json::Object &figures, Reader &in,
                               std::string &why) {
  double min = in.parameter(params, figures, "min_count");
  const llvm::json::Array *levelList = in.array(figures, "levels");
  const llvm::json::Array *strata = in.array(figures, "strata");
  double rows = in.count(figures, "rows");
  if (!in.ok())
    return std::nullopt;
  std::vector<std::string> levels;
  for (const llvm::json::Value &v : *levelList) {
    auto s = v.getAsString();
    if (!s)
      return in.fail("a treatment level in `levels` is not a string");
    levels.push_back(s->str());
  }
  if (levels.empty() || strata->empty())
    return in.fail("`levels` or `strata` is empty");
  double total = 0, below = 0;
  std::string first;
  for (size_t i = 0; i < strata->size(); ++i) {
    const llvm::json::Object *stratum = (*strata)[i].getAsObject();
    std::string where = fmt::format("strata[{}].counts.", i);
    const llvm::json::Object *counts = stratum ? in.object(*stratum, "counts", fmt::format("strata[{}].", i)) : nullptr;
    if (!counts)
      return in.fail(fmt::format("`strata[{}]` has no `counts` object", i));
    std::string label;
    if (const llvm::json::Object *values = stratum->getObject("stratum"))
      for (const auto &[key, value] : *values)
        label += (label.empty() ? "" : ", ") + key.str() + "=" + value.getAsString().getValueOr("?").str();
    if (counts->size() != levels.size())
      return in.fail(fmt::format("`{}` does not hold one count for each of the {} levels", where, levels.size()));
    for (const std::string &level : levels) {
      double n = in.count(*counts, level.c_str(), where);
      if (!in.ok())
        return std::nullopt;
      total += n;
      if (n < min && below++ == 0)
        first = fmt::format("level `{}` has {} row{} {}", level, g(n), n == 1 ? "" : "s",
                            label.empty() ? std::string("in the data") : "in stratum " + label);
    }
  }
  if (total != rows)
    return in.fail(fmt::format("the counts add up to {} rows, but `rows` is {}", g(total), g(rows)));
  if (levels.size() < 2) {
    why = fmt::format("only one treatment level (`{}`) occurs", levels.front());
    return false;
  }
  if (below) {
    why = fmt::format("{} treatment-level cell{} {} fewer than {} rows ({})", g(below), below == 1 ? "" : "s",
                      below == 1 ? "has" : "have", g(min), first);
    return false;
  }
  why = fmt::format("each of {} treatment levels has at least {} rows in each of {} strata", levels.size(), g(min),
                    strata->size());
  return true;
}

std::optional<bool> replicates(const llvm::json::Object &params, const llvm::json::Object &figures, Reader &in,
                               std::string &why) {
  double min = in.parameter(params, figures, "min_per_arm");
  const llvm::json::Object *counts = in.object(figures, "counts");
  if (!in.ok())
    return std::nullopt;
  if (counts->empty())
    return in.fail("`counts` holds no arm");
  std::vector<std::pair<std::string, double>> arms;
  for (const auto &[name, value] : *counts) {
    double n = in.count(*counts, name.str().c_str(), "counts.");
    if (!in.ok())
      return std::nullopt;
    arms.emplace_back(name.str(), n);
  }
  std::sort(arms.begin(), arms.end());
  for (const auto &[name, n] : arms)
    if (n < min) {
      why = fmt::format("arm `{}` has {} row{}, fewer than min_per_arm {}", name, g(n), n == 1 ? "" : "s", g(min));
      return false;
    }
  why = fmt::format("each of {} arms has at least {} rows", arms.size(), g(min));
  return true;
}

std::optional<bool> effectInterval(const llvm::json::Object &params, const llvm::json::Object &figures, Reader &in,
                                   std::string &why) {
  double level = in.parameter(params, figures, "level");
  ArmSummary arms[2];
  const char *roles[2] = {"control", "treated"};
  for (int i = 0; i < 2; ++i)
    if (const llvm::json::Object *arm = in.object(figures, roles[i])) {
      std::string where = std::string(roles[i]) + ".";
      arms[i].n = in.count(*arm, "n", where);
      arms[i].mean = in.number(*arm, "mean", where);
      arms[i].sd = in.number(*arm, "sd", where);
    }
  double lower = in.number(figures, "lower"), upper = in.number(figures, "upper");
  double difference = in.number(figures, "difference"), se = in.number(figures, "standard_error");
  double df = in.number(figures, "df");
  if (!in.ok())
    return std::nullopt;
  if (!(level > 0 && level < 1))
    return in.fail(fmt::format("the level {} does not lie strictly between 0 and 1", g(level)));
  WelchInterval w;
  std::string problem;
  if (welchInterval(arms[0], arms[1], level, w, problem) != WelchFailure::None)
    return in.fail("the recorded arms give no interval: " + problem);
  double scale = std::max({std::fabs(w.lower), std::fabs(w.upper), w.standardError});
  if (!agrees(lower, w.lower, scale) || !agrees(upper, w.upper, scale) || !agrees(difference, w.difference, scale) ||
      !agrees(se, w.standardError, scale) || !agrees(df, w.df, 1))
    return in.fail(fmt::format("the recorded interval [{}, {}] does not follow from the recorded arms, whose sizes, "
                               "means and standard deviations give [{}, {}]",
                               g(lower), g(upper), g(w.lower), g(w.upper)));
  bool excludes = lower > 0 || upper < 0;
  why = fmt::format("the {}% interval [{}, {}] {} 0", g(level * 100), g(lower), g(upper),
                    excludes ? "excludes" : "includes");
  return excludes;
}

std::optional<bool> powerLawFit(const llvm::json::Object &params, const llvm::json::Object &figures, Reader &in,
                                std::string &why) {
  double tolerance = in.parameter(params, figures, "tolerance");
  in.number(figures, "a");
  in.number(figures, "b");
  double worst = in.number(figures, "max_relative_error");
  const llvm::json::Array *heldOut = in.array(figures, "held_out");
  if (!in.ok())
    return std::nullopt;
  if (heldOut->empty())
    return in.fail("`held_out` holds no point");
  double largest = 0;
  std::string over;
  for (size_t i = 0; i < heldOut->size(); ++i) {
    const llvm::json::Object *p = (*heldOut)[i].getAsObject();
    if (!p)
      return in.fail(fmt::format("`held_out[{}]` is not an object", i));
    std::string where = fmt::format("held_out[{}].", i);
    double x = in.number(*p, "x", where), y = in.number(*p, "y", where);
    double predicted = in.number(*p, "predicted", where), rel = in.number(*p, "relative_error", where);
    if (!in.ok())
      return std::nullopt;
    double derived = std::fabs(predicted - y) / std::fabs(y);
    if (!(x > 0 && y > 0) || !agrees(rel, derived, 1e-300))
      return in.fail(fmt::format("the held-out point x = {} (observed {}, predicted {}) does not have the recorded "
                                 "relative error {}",
                                 g(x), g(y), g(predicted), g(rel)));
    largest = std::max(largest, rel);
    if (rel > tolerance && over.empty())
      over =
          fmt::format("the held-out x = {} has relative error {}, above the tolerance {}", g(x), g(rel), g(tolerance));
  }
  if (largest != worst)
    return in.fail(
        fmt::format("`max_relative_error` is {}, but the largest held-out relative error is {}", g(worst), g(largest)));
  if (!over.empty()) {
    why = over;
    return false;
  }
  why = fmt::format("every held-out relative error is at most {}, within the tolerance {}", g(largest), g(tolerance));
  return true;
}

} // namespace

std::optional<bool> verdictFromFigures(const std::string &check, const llvm::json::Object &params,
                                       const llvm::json::Object &figures, std::string &why) {
  why.clear();
  Reader in(why);
  std::string found;
  std::optional<bool> verdict;
  const CheckSpec *spec = findCheck(check);
  if (!spec) {
    in.fail(fmt::format("there is no check `{}`", check));
  } else {
    switch (spec->kind) {
    case CheckKind::Positivity:
      verdict = positivity(params, figures, in, found);
      break;
    case CheckKind::Replicates:
      verdict = replicates(params, figures, in, found);
      break;
    case CheckKind::EffectInterval:
      verdict = effectInterval(params, figures, in, found);
      break;
    case CheckKind::PowerLawFit:
      verdict = powerLawFit(params, figures, in, found);
      break;
    }
  }
  if (!in.ok())
    return std::nullopt;
  why = found;
  return verdict;
}

} // namespace vdc::rt
