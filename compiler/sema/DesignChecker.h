// DesignChecker.h — checks one design against the theory and produces its checked model.
#pragma once

#include "diagnostics/Diagnostic.h"
#include "sema/Model.h"

#include "runtime/Lock.h"

namespace vdc {

/// Where a data path of a check leads, as the driver found it on disk.
struct DataFileLookup {
  enum class State {
    Ok,          ///< A regular file inside the project root (or anywhere, with --allow-outside-root).
    Missing,     ///< No such file.
    OutsideRoot, ///< It lies outside the project root (lexically, or through a symbolic link).
    NotRegular,  ///< A FIFO, device, socket or directory.
  } state = State::Missing;
  std::string absolute; ///< The path made absolute, without `.` and `..` (links not followed).
  std::string realPath; ///< Links resolved (Ok; OutsideRoot/NotRegular when known).
  std::string reason;   ///< NotRegular: what it is instead, in words.
};

/// The file access sema needs for check discharges, provided by the driver: sema itself does no file IO.
class DataFiles {
public:
  virtual ~DataFiles() = default;
  /// Where the data path `dataPath` (as written; relative to the design's directory) leads.
  virtual DataFileLookup resolve(const std::string &dataPath) const = 0;
  /// The SHA-256 (lowercase hex) of the file at `realPath`, or false with `error` in words.
  virtual bool digest(const std::string &realPath, std::string &sha256, std::string &error) const = 0;
};

/// What checking `discharge ... by check NAME { ... }` needs beyond the design (LANGUAGE.md Section 11).
struct CheckEnvironment {
  std::string designPath;  ///< The design file as named; data paths are relative to its directory.
  std::string projectRoot; ///< Data must lie below it unless allowOutsideRoot.
  bool allowOutsideRoot = false;
  const DataFiles *dataFiles = nullptr; ///< Resolves data paths and digests data files (null: none can be found).
  bool readLock = true;    ///< False for `vdc verify`: statuses stay stale, without warnings.
  enum class LockState { Missing, Unreadable, Loaded } lockState = LockState::Missing;
  std::string lockPath;
  rt::Lock lock;
};

/// Checks `design` (names, kinds, proxies, studies, claims, chains, obligations, discharges, profiles)
/// and returns its checked form; problems go to `diags`. `policy` decides which claims hold.
CheckedDesign checkDesign(const ast::Design &design, FileId file, const Theory &theory, Policy policy,
                          DiagnosticSink &diags, const CheckEnvironment *checks = nullptr);

} // namespace vdc
