// CheckCatalog.h — the executable checks of LANGUAGE.md Section 11 as the checker knows them: their parameters,
// what they may discharge, and the verdict and failure figures read back from a lock. No data is read here.
#pragma once

#include <llvm/Support/JSON.h>

#include <optional>
#include <string>
#include <vector>

namespace vdc::rt {

/// The type of a check parameter.
enum class ParamKind { String, StringList, Int, Number };

/// One parameter of a check; a parameter without a default is required.
struct CheckParam {
  std::string name;
  ParamKind kind = ParamKind::String;
  bool required = true;
  llvm::json::Value defaultValue = nullptr;
  /// Lowest accepted value for Int and Number parameters, and whether it is excluded.
  double min = -1e300;
  bool minExclusive = false;
  /// Highest accepted value (Number only), and whether it is excluded.
  double max = 1e300;
  bool maxExclusive = false;
  /// The value names columns of the data file (a String or StringList parameter such as `arm:`).
  bool column = false;
};

/// Which check a spec is: what the engine, the verdict and the failure figures switch on, so that a check's name is
/// written once, in the catalog.
enum class CheckKind { Positivity, Replicates, EffectInterval, PowerLawFit };

/// A check: its name, parameters and the assumptions it can discharge.
struct CheckSpec {
  CheckKind kind;
  std::string name;
  std::string description;
  std::vector<CheckParam> params;
  std::vector<std::string> discharges;

  const CheckParam *param(const std::string &name) const;
  bool canDischarge(const std::string &assumption) const;
};

/// Every check, in the order of Section 11.
const std::vector<CheckSpec> &checkCatalog();
/// The check of that name, or null.
const CheckSpec *findCheck(const std::string &name);
/// The type in words for messages ("a string", "a list of strings").
std::string describeParamKind(ParamKind kind);
/// "", or why `value` is out of the parameter's range ("must be greater than 0").
std::string checkRange(const CheckParam &param, double value);

/// The names of the data columns `spec` reads with `params`: the values of its column parameters, so that a data
/// file is read keeping only those columns.
std::vector<std::string> columnsRead(const CheckSpec &spec, const llvm::json::Object &params);

/// The figures behind a failed check, one line each, for the notes of its error (LANGUAGE.md Section 11): each
/// cell or arm below its minimum with its count, the arms and interval of an effect that is not clear of 0, each
/// held-out point of a power law with its prediction. Read from the figures a run records in the lock, so
/// `vdc verify` and `vdc check` show the same lines. At most `limit` lines of one kind, then "and N more ...".
std::vector<std::string> failureFigures(const std::string &check, const llvm::json::Object &params,
                                        const llvm::json::Object &figures, size_t limit = 10);

/// The verdict that the figures a lock records for `check` with `params` imply, by the pass rule of LANGUAGE.md
/// Section 11 (no cell below min_count; every arm at least min_per_arm; the Welch interval, recomputed from the arms,
/// excludes 0; every held-out relative error within tolerance): true when they say it passes, false when they say it
/// fails, nullopt when they are missing, malformed or contradict each other. `why` says in words what the figures
/// show ("the 95% interval [-0.3, 0.5] includes 0") or what is wrong with them. Defined in Verdict.cpp.
std::optional<bool> verdictFromFigures(const std::string &check, const llvm::json::Object &params,
                                       const llvm::json::Object &figures, std::string &why);

} // namespace vdc::rt
