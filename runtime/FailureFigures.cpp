// FailureFigures.cpp — the figures behind a failed check in words, one line each, read from the figures a run
// records in the lock (LANGUAGE.md Section 11), so that `vdc verify` and `vdc check` show the same lines.
#include "runtime/CheckCatalog.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>

#include <algorithm>

namespace vdc::rt {

namespace {
std::string str(const llvm::json::Object &params, const char *key) {
  auto v = params.getString(key);
  return v ? v->str() : std::string();
}

std::string g(double v) { return fmt::format("{:.4g}", v); }

double figure(const llvm::json::Object &o, const char *key) {
  auto v = o.getNumber(key);
  return v ? *v : 0;
}

/// "3 rows" / "1 row".
std::string rows(double n) { return fmt::format("{} row{}", g(n), n == 1 ? "" : "s"); }

/// Appends `lines` to `out`, the first `limit` of them, then one line saying how many more there are.
void capped(std::vector<std::string> &out, const std::vector<std::string> &lines, size_t limit, const char *what) {
  for (size_t i = 0; i < lines.size() && i < limit; ++i)
    out.push_back(lines[i]);
  if (lines.size() > limit)
    out.push_back(fmt::format("and {} more {}", lines.size() - limit, what));
}
} // namespace

std::vector<std::string> failureFigures(const std::string &check, const llvm::json::Object &params,
                                        const llvm::json::Object &figures, size_t limit) {
  std::vector<std::string> out, lines;
  const CheckSpec *spec = findCheck(check);
  if (!spec)
    return out;
  switch (spec->kind) {
  case CheckKind::Positivity: {
    double min = figure(figures, "min_count");
    if (const llvm::json::Array *violations = figures.getArray("violations"))
      for (const llvm::json::Value &v : *violations) {
        const llvm::json::Object *cell = v.getAsObject();
        if (!cell)
          continue;
        std::string stratum;
        if (const llvm::json::Object *s = cell->getObject("stratum")) {
          std::vector<std::string> parts;
          for (const auto &[key, value] : *s)
            parts.push_back(fmt::format("{}={}", key.str(), value.getAsString().getValueOr("").str()));
          std::sort(parts.begin(), parts.end());
          stratum = llvm::join(parts, ", ");
        }
        std::string level = cell->getString("level").getValueOr("").str();
        lines.push_back(fmt::format("{}`{}` = `{}`: {} (min_count {})",
                                    stratum.empty() ? "" : "stratum " + stratum + ", ", str(params, "treatment"),
                                    level, rows(figure(*cell, "count")), g(min)));
      }
    capped(out, lines, limit, "cells below min_count");
    break;
  }
  case CheckKind::Replicates: {
    double min = figure(figures, "min_per_arm");
    const llvm::json::Object *counts = figures.getObject("counts");
    if (const llvm::json::Array *shortArms = figures.getArray("short_arms"))
      for (const llvm::json::Value &arm : *shortArms) {
        std::string name = arm.getAsString().getValueOr("").str();
        double n = counts ? counts->getNumber(name).getValueOr(0) : 0;
        lines.push_back(fmt::format("arm `{}`: {} (min_per_arm {})", name, rows(n), g(min)));
      }
    capped(out, lines, limit, "arms below min_per_arm");
    break;
  }
  case CheckKind::EffectInterval:
    for (const char *role : {"control", "treated"})
      if (const llvm::json::Object *arm = figures.getObject(role))
        out.push_back(fmt::format("{} arm `{}`: n {}, mean {}, sd {}", role, str(params, role), g(figure(*arm, "n")),
                                  g(figure(*arm, "mean")), g(figure(*arm, "sd"))));
    out.push_back(fmt::format("difference {}, standard error {}, Welch {}% interval [{}, {}] with {} degrees of "
                              "freedom",
                              g(figure(figures, "difference")), g(figure(figures, "standard_error")),
                              g(figure(figures, "level") * 100), g(figure(figures, "lower")),
                              g(figure(figures, "upper")), g(figure(figures, "df"))));
    break;
  case CheckKind::PowerLawFit: {
    std::string x = str(params, "x"), y = str(params, "y");
    out.push_back(fmt::format("fitted {} = {} * {}^{} on {}", y, g(figure(figures, "a")), x, g(figure(figures, "b")),
                              rows(figure(figures, "fit_rows"))));
    double tolerance = figure(figures, "tolerance");
    if (const llvm::json::Array *heldOut = figures.getArray("held_out"))
      for (const llvm::json::Value &v : *heldOut)
        if (const llvm::json::Object *p = v.getAsObject())
          lines.push_back(fmt::format("held out {} = {}: observed {}, predicted {}, relative error {} (tolerance {})",
                                      x, g(figure(*p, "x")), g(figure(*p, "y")), g(figure(*p, "predicted")),
                                      g(figure(*p, "relative_error")), g(tolerance)));
    capped(out, lines, limit, "held-out rows");
    break;
  }
  }
  return out;
}

} // namespace vdc::rt
