// Checks.cpp — positivity, replicates, effect_interval (Welch, Boost.Math) and power_law_fit (least squares in
// log-log space, Boost.Math) as LANGUAGE.md Section 11 defines them.
#include "runtime/Checks.h"
#include "runtime/Lock.h"
#include "runtime/Statistics.h"

#include <boost/math/statistics/linear_regression.hpp>
#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/SHA256.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

namespace vdc::rt {

namespace {

std::string str(const llvm::json::Object &params, const char *key) {
  auto v = params.getString(key);
  return v ? v->str() : std::string();
}

std::vector<std::string> strList(const llvm::json::Object &params, const char *key) {
  std::vector<std::string> out;
  if (const llvm::json::Array *a = params.getArray(key))
    for (const llvm::json::Value &v : *a)
      if (auto s = v.getAsString())
        out.push_back(s->str());
  return out;
}

double num(const llvm::json::Object &params, const char *key) {
  auto v = params.getNumber(key);
  return v ? *v : 0;
}

std::string g(double v) { return fmt::format("{:.4g}", v); }

bool requireColumn(const CsvTable &t, const std::string &name, const char *role, size_t &index, DataError &error) {
  auto c = t.column(name);
  if (!c) {
    error = {fmt::format("no column `{}` (named by `{}:`); the columns are: {}", name, role, t.columnList()), 1};
    return false;
  }
  index = *c;
  return true;
}

bool requireRows(const CsvTable &t, DataError &error) {
  if (t.rowCount() < 2) {
    error = {fmt::format("fewer than two data rows ({}); a check needs at least two", t.rowCount()),
             t.rowCount() == 0 ? 1 : t.rowLine(t.rowCount() - 1)};
    return false;
  }
  return true;
}

bool numberAt(const CsvTable &t, size_t row, size_t col, double &out, DataError &error) {
  if (auto value = t.number(row, col)) {
    out = *value;
    return true;
  }
  std::string text = t.cell(row, col);
  NumberStatus status = parseNumber(text, out);
  if (status == NumberStatus::NotNumber) {
    error = {fmt::format("data row {}: column `{}` holds `{}`, which is not a number", row + 1, t.name(col), text),
             t.rowLine(row)};
    return false;
  }
  // A number too large for a double reads as infinity, one too small as 0; a subnormal number (about 1e-308 to
  // 5e-324 in size) is kept, although strtod reports it as out of range too.
  error = {fmt::format("data row {}: column `{}` holds `{}`, which is {}", row + 1, t.name(col), text,
                       status == NumberStatus::TooSmall
                           ? "too close to 0 for a double (it would read as 0)"
                           : "infinite or too large for a double (the largest is about 1.8e308)"),
           t.rowLine(row)};
  return false;
}

/// The numbers of column `col` in the rows whose column `arm` holds `name`, in the order of the rows: a forward range
/// read straight from the table (every one was checked to be a number before), so an arm is never copied.
class ArmValues {
public:
  ArmValues(const CsvTable &t, size_t arm, const std::string &name, size_t col) : t_(t), arm_(arm), name_(name), col_(col) {}

  class iterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = double;
    using difference_type = std::ptrdiff_t;
    using pointer = const double *;
    using reference = double;

    iterator(const ArmValues *values, size_t row) : values_(values), row_(row) { skip(); }
    double operator*() const { return *values_->t_.number(row_, values_->col_); }
    iterator &operator++() {
      ++row_;
      skip();
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const iterator &other) const { return row_ == other.row_; }
    bool operator!=(const iterator &other) const { return row_ != other.row_; }

  private:
    void skip() {
      const CsvTable &t = values_->t_;
      while (row_ < t.rowCount() && !t.cellIs(row_, values_->arm_, values_->name_))
        ++row_;
    }
    const ArmValues *values_;
    size_t row_;
  };

  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, t_.rowCount()); }

private:
  const CsvTable &t_;
  size_t arm_;
  const std::string &name_;
  size_t col_;
};

bool positivity(const llvm::json::Object &params, const CsvTable &t, CheckResult &r, DataError &error) {
  size_t treatment = 0;
  if (!requireColumn(t, str(params, "treatment"), "treatment", treatment, error))
    return false;
  std::vector<std::string> strataNames = strList(params, "strata");
  std::vector<size_t> strata;
  for (const std::string &s : strataNames) {
    size_t c = 0;
    if (!requireColumn(t, s, "strata", c, error))
      return false;
    strata.push_back(c);
  }
  if (!requireRows(t, error))
    return false;
  int64_t minCount = static_cast<int64_t>(num(params, "min_count"));
  std::set<std::string> levels;
  std::map<std::vector<std::string>, std::map<std::string, int64_t>> counts;
  for (size_t i = 0; i < t.rowCount(); ++i) {
    std::vector<std::string> key;
    for (size_t c : strata)
      key.emplace_back(t.cell(i, c));
    std::string level(t.cell(i, treatment));
    levels.insert(level);
    ++counts[key][level];
  }
  llvm::json::Array strataOut, violations;
  for (const auto &[key, byLevel] : counts) {
    llvm::json::Object stratum, levelCounts;
    std::vector<std::string> parts;
    for (size_t i = 0; i < key.size(); ++i) {
      stratum[strataNames[i]] = key[i];
      parts.push_back(strataNames[i] + "=" + key[i]);
    }
    std::string label = llvm::join(parts, ", ");
    if (label.empty())
      label = "all rows";
    std::string line = label + ":";
    for (const std::string &level : levels) {
      auto it = byLevel.find(level);
      int64_t n = it == byLevel.end() ? 0 : it->second;
      levelCounts[level] = n;
      line += fmt::format(" {} {}", level, n);
      if (n < minCount) {
        line += " (too few)";
        violations.push_back(llvm::json::Object{{"stratum", llvm::json::Object(stratum)}, {"level", level}, {"count", n}});
      }
    }
    r.details.push_back(line);
    strataOut.push_back(llvm::json::Object{{"stratum", std::move(stratum)}, {"counts", std::move(levelCounts)}});
  }
  r.figures["levels"] = llvm::json::Array(std::vector<std::string>(levels.begin(), levels.end()));
  r.figures["min_count"] = minCount;
  r.figures["rows"] = static_cast<int64_t>(t.rowCount());
  size_t nViolations = violations.size();
  r.figures["strata"] = std::move(strataOut);
  r.figures["violations"] = std::move(violations);
  if (levels.size() < 2) {
    r.passed = false;
    r.summary = fmt::format("only one treatment level (`{}`) occurs in column `{}`; positivity needs every level "
                            "of the treatment to occur",
                            *levels.begin(), str(params, "treatment"));
  } else if (nViolations) {
    r.passed = false;
    r.summary = fmt::format("{} of {} treatment-level cells have fewer than {} rows", nViolations,
                            levels.size() * counts.size(), minCount);
  } else {
    r.passed = true;
    r.summary =
        fmt::format("each of {} treatment levels ({}) has at least {} row{} {}", levels.size(),
                    llvm::join(levels, ", "), minCount, minCount == 1 ? "" : "s",
                    strata.empty() ? std::string("in the data") : fmt::format("in each of {} strata", counts.size()));
  }
  return true;
}

bool replicates(const llvm::json::Object &params, const CsvTable &t, CheckResult &r, DataError &error) {
  size_t arm = 0;
  if (!requireColumn(t, str(params, "arm"), "arm", arm, error) || !requireRows(t, error))
    return false;
  int64_t minPerArm = static_cast<int64_t>(num(params, "min_per_arm"));
  std::map<std::string, int64_t> counts;
  for (size_t i = 0; i < t.rowCount(); ++i)
    ++counts[std::string(t.cell(i, arm))];
  llvm::json::Object countsOut;
  llvm::json::Array shortArms;
  for (const auto &[name, n] : counts) {
    countsOut[name] = n;
    r.details.push_back(fmt::format("arm {}: {} row{}{}", name, n, n == 1 ? "" : "s", n < minPerArm ? " (too few)" : ""));
    if (n < minPerArm)
      shortArms.push_back(name);
  }
  size_t nShort = shortArms.size();
  r.figures["counts"] = std::move(countsOut);
  r.figures["min_per_arm"] = minPerArm;
  r.figures["short_arms"] = std::move(shortArms);
  r.passed = nShort == 0;
  r.summary = r.passed ? fmt::format("each of {} arms has at least {} row{}", counts.size(), minPerArm,
                                     minPerArm == 1 ? "" : "s")
                       : fmt::format("{} of {} arms have fewer than {} rows", nShort, counts.size(), minPerArm);
  return true;
}

bool effectInterval(const llvm::json::Object &params, const CsvTable &t, CheckResult &r, DataError &error) {
  size_t arm = 0, outcome = 0;
  if (!requireColumn(t, str(params, "arm"), "arm", arm, error) ||
      !requireColumn(t, str(params, "outcome"), "outcome", outcome, error) || !requireRows(t, error))
    return false;
  std::string controlName = str(params, "control"), treatedName = str(params, "treated");
  double level = num(params, "level");
  // Every row of the two arms must hold a number; the first that does not is the error, in the order of the rows.
  size_t counts[2] = {0, 0};
  for (size_t i = 0; i < t.rowCount(); ++i) {
    bool isControl = t.cellIs(i, arm, controlName);
    if (!isControl && !t.cellIs(i, arm, treatedName))
      continue;
    double v = 0;
    if (!numberAt(t, i, outcome, v, error))
      return false;
    ++counts[isControl ? 0 : 1];
  }
  for (const auto *which : {&controlName, &treatedName}) {
    size_t n = counts[which == &controlName ? 0 : 1];
    if (n == 0) {
      std::set<std::string> arms;
      for (size_t i = 0; i < t.rowCount(); ++i)
        arms.insert(t.cell(i, arm));
      error = {fmt::format("arm `{}` is empty: no row has it in column `{}` (the arms are: {})", *which, t.name(arm),
                           llvm::join(arms, ", ")),
               1};
      return false;
    }
    if (n < 2) {
      error = {fmt::format("arm `{}` has one row; the Welch interval needs at least two rows per arm", *which), 1};
      return false;
    }
  }
  // One arm at a time, its values read from the table as they are summed.
  ArmSummary cs, ts;
  for (const auto *which : {&controlName, &treatedName}) {
    std::string why;
    ArmValues values(t, arm, *which, outcome);
    if (!summarizeArm(values.begin(), values.end(), which == &controlName ? cs : ts, why)) {
      error = {fmt::format("arm `{}`, column `{}`: {}; rescale the column (for example, divide it by a power of ten)",
                           *which, t.name(outcome), why),
               1};
      return false;
    }
  }
  WelchInterval w;
  std::string why;
  switch (welchInterval(cs, ts, level, w, why)) {
  case WelchFailure::None:
    break;
  case WelchFailure::ZeroVariance:
    error = {fmt::format("zero variance: every `{}` value is the same within arm `{}` ({}) and within arm `{}` ({}), "
                         "so the Welch interval is undefined (it would have width 0)",
                         t.name(outcome), controlName, g(cs.mean), treatedName, g(ts.mean)),
             1};
    return false;
  case WelchFailure::Overflow:
    error = {fmt::format("column `{}` of arms `{}` and `{}`: {}; rescale the column (for example, divide it by a power "
                         "of ten)",
                         t.name(outcome), controlName, treatedName, why),
             1};
    return false;
  case WelchFailure::Numerical:
    error = {fmt::format("column `{}` of arms `{}` and `{}`: {}", t.name(outcome), controlName, treatedName, why), 1};
    return false;
  }
  double mc = cs.mean, mt = ts.mean, diff = w.difference, df = w.df, lower = w.lower, upper = w.upper;
  double nc = cs.n, nt = ts.n;
  auto armFigures = [](double n, double mean, double sd) {
    return llvm::json::Object{{"n", static_cast<int64_t>(n)}, {"mean", mean}, {"sd", sd}};
  };
  r.figures["control"] = armFigures(nc, mc, cs.sd);
  r.figures["treated"] = armFigures(nt, mt, ts.sd);
  r.figures["difference"] = diff;
  r.figures["standard_error"] = w.standardError;
  r.figures["df"] = df;
  r.figures["level"] = level;
  r.figures["lower"] = lower;
  r.figures["upper"] = upper;
  r.details.push_back(fmt::format("arm {}: n {}, mean {}, sd {}", controlName, counts[0], g(mc), g(cs.sd)));
  r.details.push_back(fmt::format("arm {}: n {}, mean {}, sd {}", treatedName, counts[1], g(mt), g(ts.sd)));
  r.details.push_back(fmt::format("difference {} - {}: {}, Welch {}% interval [{}, {}] (df {})", treatedName,
                                  controlName, g(diff), g(level * 100), g(lower), g(upper), g(df)));
  r.passed = lower > 0 || upper < 0;
  r.summary = fmt::format("the {}% interval for {} - {} is [{}, {}], which {} 0", g(level * 100), treatedName,
                          controlName, g(lower), g(upper), r.passed ? "excludes" : "contains");
  return true;
}

bool powerLawFit(const llvm::json::Object &params, const CsvTable &t, CheckResult &r, DataError &error) {
  size_t xc = 0, yc = 0;
  if (!requireColumn(t, str(params, "x"), "x", xc, error) || !requireColumn(t, str(params, "y"), "y", yc, error) ||
      !requireRows(t, error))
    return false;
  double tolerance = num(params, "tolerance");
  double xmax = 0;
  for (size_t i = 0; i < t.rowCount(); ++i) {
    double x = 0, y = 0;
    if (!numberAt(t, i, xc, x, error) || !numberAt(t, i, yc, y, error))
      return false;
    for (auto [value, col] : {std::pair{x, xc}, std::pair{y, yc}})
      if (!(value > 0)) {
        error = {fmt::format("data row {}: column `{}` holds {}, but a log-log fit needs positive values", i + 1,
                             t.name(col), t.cell(i, col)),
                 t.rowLine(i)};
        return false;
      }
    xmax = i == 0 ? x : std::max(xmax, x);
  }
  // The numbers are read from the table again (each cell was read once, with the file); only the logarithms of the
  // fitted rows are copied, for the least-squares fit. Whether two distinct values occur needs no set of them.
  auto xAt = [&](size_t i) { return *t.number(i, xc); };
  auto yAt = [&](size_t i) { return *t.number(i, yc); };
  std::vector<double> lx, ly;
  size_t fitXs = 0, fitLogs = 0; // distinct values seen, counted up to 2
  double firstX = 0;
  for (size_t i = 0; i < t.rowCount(); ++i) {
    double xi = xAt(i);
    if (!(xi < xmax))
      continue;
    lx.push_back(std::log(xi));
    ly.push_back(std::log(yAt(i)));
    if (fitXs == 0)
      firstX = xi;
    if (fitXs < 2 && (fitXs == 0 || xi != firstX))
      ++fitXs;
    if (fitLogs < 2 && (fitLogs == 0 || lx.back() != lx.front()))
      ++fitLogs;
  }
  if (fitXs < 2) {
    error = {fmt::format("the fit needs rows at two or more distinct `{}` values below the held-out largest one ({}); "
                         "found {}",
                         t.name(xc), g(xmax), fitXs),
             1};
    return false;
  }
  if (fitLogs < 2) {
    error = {fmt::format("the `{}` values below the held-out largest one differ so little that their logarithms are "
                         "equal in a double, so a line cannot be fitted in log-log space",
                         t.name(xc)),
             1};
    return false;
  }
  auto [logA, b] = boost::math::statistics::simple_ordinary_least_squares(lx, ly);
  double a = std::exp(logA);
  if (!std::isfinite(logA) || !std::isfinite(b) || !std::isfinite(a)) {
    error = {std::isfinite(logA) && std::isfinite(b)
                 ? fmt::format("the fitted law {} = a * {}^b has a = e^{} (b = {}), too large for a double (the "
                               "largest double is about 1.8e308 = e^709.8); rescale column `{}` or `{}`",
                               t.name(yc), t.name(xc), g(logA), g(b), t.name(xc), t.name(yc))
                 : fmt::format("the least-squares fit in log-log space gave no finite law (log a = {}, b = {})",
                               g(logA), g(b)),
             1};
    return false;
  }
  llvm::json::Array heldOut;
  double worst = 0;
  for (size_t i = 0; i < t.rowCount(); ++i) {
    if (xAt(i) < xmax)
      continue;
    // In log space, so that a large a times a tiny x^b does not become infinity times 0.
    double logPredicted = logA + b * std::log(xAt(i));
    double predicted = std::exp(logPredicted);
    double rel = std::fabs(predicted - yAt(i)) / std::fabs(yAt(i));
    if (!std::isfinite(predicted) || !std::isfinite(rel)) {
      error = {fmt::format("the fitted law predicts {} = e^{} at the held-out {} = {} (observed {}), so {} overflows a "
                           "double (the largest is about 1.8e308); rescale column `{}` or `{}`",
                           t.name(yc), g(logPredicted), t.name(xc), g(xAt(i)), g(yAt(i)),
                           std::isfinite(predicted) ? "its relative error" : "the prediction", t.name(xc),
                           t.name(yc)),
               t.rowLine(i)};
      return false;
    }
    worst = std::max(worst, rel);
    heldOut.push_back(llvm::json::Object{{"x", xAt(i)}, {"y", yAt(i)}, {"predicted", predicted}, {"relative_error", rel}});
    r.details.push_back(fmt::format("held out {} = {}: observed {}, predicted {}, relative error {}", t.name(xc),
                                    g(xAt(i)), g(yAt(i)), g(predicted), g(rel)));
  }
  r.details.insert(r.details.begin(), fmt::format("fitted {} = {} * {}^{} on {} rows", t.name(yc), g(a), t.name(xc),
                                                  g(b), lx.size()));
  r.figures["a"] = a;
  r.figures["b"] = b;
  r.figures["fit_rows"] = static_cast<int64_t>(lx.size());
  r.figures["held_out"] = std::move(heldOut);
  r.figures["max_relative_error"] = worst;
  r.figures["tolerance"] = tolerance;
  r.passed = worst <= tolerance;
  r.summary = fmt::format("{} = {} * {}^{} predicts the held-out {} = {} with relative error {} ({} tolerance {})",
                          t.name(yc), g(a), t.name(xc), g(b), t.name(xc), g(xmax), g(worst),
                          r.passed ? "within" : "above", g(tolerance));
  return true;
}

} // namespace

namespace {
bool dispatch(const CheckSpec &spec, const llvm::json::Object &params, const CsvTable &table, CheckResult &result,
              DataError &error) {
  switch (spec.kind) {
  case CheckKind::Positivity:
    return positivity(params, table, result, error);
  case CheckKind::Replicates:
    return replicates(params, table, result, error);
  case CheckKind::EffectInterval:
    return effectInterval(params, table, result, error);
  case CheckKind::PowerLawFit:
    return powerLawFit(params, table, result, error);
  }
  error = {fmt::format("unknown check `{}`", spec.name), 0};
  return false;
}
} // namespace

bool runCheck(const CheckSpec &spec, const llvm::json::Object &params, const CsvTable &table, CheckResult &result,
              DataError &error) {
  result = CheckResult{};
  try {
    if (!dispatch(spec, params, table, result, error))
      return false;
  } catch (const std::exception &ex) {
    // Boost.Math reports a domain or overflow error by throwing; it is the data that cannot answer, never an abort.
    result = CheckResult{};
    error = {fmt::format("a numerical step of the check failed on this data: {}", ex.what()), 1};
    return false;
  }
  // Every figure goes into the lock, which is JSON: a figure that is not a finite number cannot be written down.
  std::vector<std::string> bad = nonFiniteNumbers(llvm::json::Value(llvm::json::Object(result.figures)));
  if (!bad.empty()) {
    error = {fmt::format("the check computed {} that {} not a finite number ({}), so the data cannot answer it in "
                         "double precision",
                         bad.size() == 1 ? "a figure" : "figures", bad.size() == 1 ? "is" : "are", bad.front()),
             1};
    result = CheckResult{};
    return false;
  }
  // `vdc check` believes a lock only when its figures re-derive its verdict; a lock vdc writes always does.
  std::string why;
  std::optional<bool> verdict = verdictFromFigures(spec.name, params, result.figures, why);
  if (!verdict || *verdict != result.passed) {
    error = {fmt::format("the check's figures do not re-derive its verdict ({}); this is a bug in vdc, please report "
                         "it with the data",
                         verdict ? why : "they are malformed: " + why),
             1};
    result = CheckResult{};
    return false;
  }
  return true;
}

std::string sha256Hex(const std::string &bytes) {
  llvm::SHA256 h;
  h.update(llvm::StringRef(bytes));
  llvm::StringRef raw = h.final();
  return llvm::toHex(llvm::arrayRefFromStringRef(raw), /*LowerCase=*/true);
}

} // namespace vdc::rt
