// OutputFile.h — writes a report to a file atomically: a temporary file beside it, then a rename.
#pragma once

#include <string>

namespace vdc {

/// Replaces `path` with `contents` so that readers see the old file or the whole new one, never a part.
/// Returns "" on success, else a message saying what failed.
std::string writeFileAtomically(const std::string &path, const std::string &contents);

} // namespace vdc
