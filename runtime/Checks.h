// Checks.h — running the executable checks of LANGUAGE.md Section 11 on a CSV table (what `vdc verify` does).
#pragma once

#include "runtime/CheckCatalog.h"
#include "runtime/Csv.h"

#include <llvm/Support/JSON.h>

#include <string>
#include <vector>

namespace vdc::rt {

/// What a check found.
struct CheckResult {
  bool passed = false;
  std::string summary;              ///< One line: what was found.
  std::vector<std::string> details; ///< Counts, intervals, fits, one per line.
  llvm::json::Object figures;       ///< The computed figures, for the lock.
};

/// Runs `spec` with `params` (every parameter present, defaults filled) on `table`. Returns false with
/// `error` when the data cannot answer the question (missing column, non-numeric value, empty arm, ...).
bool runCheck(const CheckSpec &spec, const llvm::json::Object &params, const CsvTable &table, CheckResult &result,
              DataError &error);

/// The lowercase hex SHA-256 of `bytes`.
std::string sha256Hex(const std::string &bytes);

} // namespace vdc::rt
