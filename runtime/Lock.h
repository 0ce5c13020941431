// Lock.h — the lock file `NAME.vdesign.lock` (LANGUAGE.md Section 11): the outcome of every check of a design
// with its parameters and the SHA-256 of the data it read. JSON with sorted keys, so that it diffs well.
#pragma once

#include <llvm/Support/Error.h>
#include <llvm/Support/JSON.h>

#include <map>
#include <string>
#include <vector>

namespace vdc::rt {

/// The schema of the lock files this vdc reads and writes.
inline constexpr const char *kLockSchema = "vdesign-lock/1";

/// The recorded outcome of one check discharge.
struct LockEntry {
  std::string design, assumption, target, check;
  llvm::json::Object params;                ///< Every parameter, defaults filled.
  std::map<std::string, std::string> data;  ///< Data path as written -> SHA-256 (hex).
  bool passed = false;
  std::string summary;
  llvm::json::Object figures;
};

struct Lock {
  std::vector<LockEntry> entries;
  /// The entry of that discharge, or null.
  const LockEntry *find(const std::string &design, const std::string &assumption, const std::string &target) const;
};

/// Why a lock file was refused: a message and the byte offset in the lock it concerns.
class LockError : public llvm::ErrorInfo<LockError> {
public:
  static char ID;
  LockError(std::string message, size_t offset) : message_(std::move(message)), offset_(offset) {}
  std::string message() const override { return message_; }
  size_t offset() const { return offset_; }
  void log(llvm::raw_ostream &os) const override;
  std::error_code convertToErrorCode() const override;

private:
  std::string message_;
  size_t offset_;
};

/// Parses a lock file; a refusal is a LockError.
llvm::Expected<Lock> parseLock(const std::string &text);

/// The lock as JSON text: entries sorted by design, assumption and target; keys sorted; ends with a newline. JSON has
/// no infinity or NaN: a figure that is not a finite number is written as null, its path is listed in the entry's
/// `unrepresentable_figures`, and the entry is written as not passed (`vdc check` then reports it as stale).
std::string serializeLock(const Lock &lock, const std::string &vdcVersion);

/// The paths ("held_out[0].predicted") of every number in `value` that is infinite or NaN, sorted.
std::vector<std::string> nonFiniteNumbers(const llvm::json::Value &value);

/// Compact JSON with sorted keys, for comparing parameters.
std::string canonicalJson(const llvm::json::Value &value);

} // namespace vdc::rt
