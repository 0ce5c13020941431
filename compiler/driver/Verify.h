// Verify.h — `vdc verify FILE...`: runs the executable checks of each design and writes NAME.vdesign.lock.
#pragma once

#include "driver/Compilation.h"

#include <ostream>
#include <string>
#include <vector>

namespace vdc {

/// Compiles each file, runs its check discharges on their data, prints what each check found to `out` and problems
/// to `err`, and writes `FILE.lock` atomically when every check could run. Returns 0 when every check passes, 1 when
/// any fails, 2 when a file has errors or a check cannot run on its data (no lock is written for that file).
int verifyFiles(const std::vector<std::string> &files, CompileOptions options, std::ostream &out, std::ostream &err,
                bool color);

} // namespace vdc
