// OutputFile.h — writes an output file (`-o`, `fmt --write`, lock files): atomically where it is a regular file, and
// confined to the project root where the repository, not the user, decides the path.
#pragma once

#include <llvm/Support/Error.h>

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
/// Returns success, or an error whose message says what failed.
llvm::Error writeFileAtomically(const std::string &path, const std::string &contents);

/// What `replaceFileInProject` did.
struct ReplaceResult {
  std::string error;        ///< "" on success, else what failed or why it was refused.
  bool outsideRoot = false; ///< Refused because the file's directory lies outside the root.
  std::string directory;    ///< The real path of the file's directory (set when it could be opened).
};

/// Writes a file whose path a repository decides (the lock beside a design): never through a symbolic link and
/// never in place. A temporary file is created in the directory of `path` and renamed over `path`, so a link there
/// is replaced by a regular file (the file it pointed to is untouched), and a hard link to a file elsewhere leaves
/// that file with its old content. A directory, FIFO, device or socket at `path` is refused. When `root` is not
/// empty, the directory's real path (checked on the opened directory) must lie inside it. An existing regular file
/// keeps its permission bits; a new one gets 0666 minus the umask.
ReplaceResult replaceFileInProject(const std::string &path, const std::string &contents, const std::string &root);

} // namespace vdc
