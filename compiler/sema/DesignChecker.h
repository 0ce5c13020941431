// DesignChecker.h — checks one design against the theory and produces its checked model.
#pragma once

#include "diagnostics/Diagnostic.h"
#include "sema/Model.h"

#include "runtime/Lock.h"

namespace vdc {

/// What checking `discharge ... by check NAME { ... }` needs beyond the design (LANGUAGE.md Section 11).
struct CheckEnvironment {
  std::string designPath;  ///< The design file as named; data paths are relative to its directory.
  std::string projectRoot; ///< Data must lie below it unless allowOutsideRoot.
  bool allowOutsideRoot = false;
  bool readLock = true;    ///< False for `vdc verify`: statuses stay stale, without warnings.
  enum class LockState { Missing, Unreadable, Loaded } lockState = LockState::Missing;
  std::string lockPath;
  rt::Lock lock;
};

/// The directory data must lie in: the nearest directory above `designPath` holding `.git`, else the working
/// directory.
std::string projectRootFor(const std::string &designPath);

/// Checks `design` (names, kinds, proxies, studies, claims, chains, obligations, discharges, profiles)
/// and returns its checked form; problems go to `diags`. `policy` decides which claims hold.
CheckedDesign checkDesign(const ast::Design &design, FileId file, const Theory &theory, Policy policy,
                          DiagnosticSink &diags, const CheckEnvironment *checks = nullptr);

} // namespace vdc
