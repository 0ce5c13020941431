// OutputFile.h — writes an output file (`-o`, `fmt --write`, lock files): atomically where it is a regular file.
#pragma once

#include <string>

namespace vdc {

/// Writes `contents` to `path`, the way a user of `-o PATH` expects:
///  - `-`, or a path naming this process's standard output or error (`/dev/stdout`, `/dev/fd/1`), is written to
///    directly;
///  - a symbolic link is followed, and the file it finally names is written (the link stays a link);
///  - an existing file that is not a regular file (a character device such as /dev/null, a FIFO, a socket) is
///    opened and written, never replaced;
///  - a regular file, or a new one, is replaced atomically: a temporary file beside it, then a rename, so readers
///    see the old file or the whole new one. An existing file keeps its permission bits (and, where allowed, its
///    owner); a new one gets 0666 minus the umask. No temporary file is left behind on any error.
/// Returns "" on success, else a message saying what failed.
std::string writeFileAtomically(const std::string &path, const std::string &contents);

} // namespace vdc
