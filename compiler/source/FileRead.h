// FileRead.h — opening and reading input files safely: once, without blocking, bounded, and (for files a repository
// names) confined to the project root. Every file vdc reads goes through here (SECURITY.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace vdc {

/// Why a file could not be read.
enum class ReadError {
  None,
  Missing,     ///< No such file (or a component of the path is missing).
  Directory,   ///< It is a directory.
  NotRegular,  ///< A FIFO, device or socket where a regular file is required.
  OutsideRoot, ///< The opened file lies outside the required root directory.
  TooLarge,    ///< More bytes than the limit.
  Failed,      ///< Any other failure of the operating system.
};

/// What identifies one version of a file on disk: a cached digest is valid while all of these are unchanged.
struct FileStamp {
  uint64_t device = 0, inode = 0, size = 0;
  int64_t modifiedNs = 0, changedNs = 0;
  bool operator==(const FileStamp &o) const {
    return device == o.device && inode == o.inode && size == o.size && modifiedNs == o.modifiedNs &&
           changedNs == o.changedNs;
  }
  bool operator!=(const FileStamp &o) const { return !(*this == o); }
};

/// How a file may be opened.
struct OpenRules {
  /// When not empty: the opened file's real path must lie inside this directory (itself a real path). Checked on
  /// the open descriptor, so a path swapped for a symbolic link between a check and the open cannot escape it.
  std::string root;
  /// False: only a regular file is accepted (files a repository names: imports, locks, data). True: also a pipe
  /// or character device (a path the user named on the command line, such as `/dev/stdin` or `<(...)`).
  bool allowStreams = false;
  /// Largest number of bytes read (enforced while reading, so `/dev/zero` stops at the limit).
  size_t maxBytes = SIZE_MAX;
};

/// An open input file: the descriptor, closed on destruction, and what fstat said about it.
class OpenedFile {
public:
  OpenedFile() = default;
  OpenedFile(const OpenedFile &) = delete;
  OpenedFile &operator=(const OpenedFile &) = delete;
  OpenedFile(OpenedFile &&other) noexcept;
  OpenedFile &operator=(OpenedFile &&other) noexcept;
  ~OpenedFile();

  /// Opens `path` under `rules`. On failure returns false and fills `error` and `message` (the reason in words,
  /// without the path, e.g. "it is a FIFO, not a regular file").
  bool open(const std::string &path, const OpenRules &rules, ReadError &error, std::string &message);

  /// Takes ownership of an already open descriptor (a duplicate of standard input), read with the same bound.
  void adopt(int fd, size_t maxBytes);

  /// Reads up to `size` bytes into `buffer`; returns the count (0 at the end) or -1 with `message` set.
  /// Never blocks on a regular file; streams block as reading them normally does.
  long long read(char *buffer, size_t size, std::string &message);

  /// Reads the rest of the file into `text`, at most `rules.maxBytes` bytes (ReadError::TooLarge beyond).
  bool readAll(std::string &text, ReadError &error, std::string &message);

  int descriptor() const { return fd_; }
  const FileStamp &stamp() const { return stamp_; }
  bool isRegular() const { return regular_; }
  /// The real path of the opened file ("" for a stream without one).
  const std::string &realPath() const { return realPath_; }

private:
  void close();
  int fd_ = -1;
  bool regular_ = false;
  size_t maxBytes_ = SIZE_MAX;
  FileStamp stamp_;
  std::string realPath_;
};

/// Opens and reads a whole file under `rules` in one step. `stamp` (optional) receives the stamp of what was read.
bool readFileSafely(const std::string &path, const OpenRules &rules, std::string &text, ReadError &error,
                    std::string &message, FileStamp *stamp = nullptr);

/// Reads an already open descriptor (standard input) to its end, at most `maxBytes` bytes.
bool readDescriptor(int fd, size_t maxBytes, std::string &text, ReadError &error, std::string &message);

/// The stamp of the file at `path` (following links), or false when it cannot be examined.
bool statFile(const std::string &path, FileStamp &stamp);

/// The path the kernel has for an open descriptor, links resolved ("" when it has none).
std::string descriptorPath(int fd);

/// What the file at `path` (links followed) is when it exists but is not a regular file, in words ("it is a
/// directory", "it is a FIFO (named pipe)"); "" when it is a regular file or cannot be examined. Never opens it.
std::string nonRegularKind(const std::string &path);

/// `path` made absolute, without `.` and `..` steps (symbolic links not resolved): how a path a design names is
/// compared with a root before anything is opened.
std::string lexicalPath(const std::string &path);

/// True when the absolute, normalised `path` is `root` or lies below it (compares whole path components).
bool isInsideDirectory(const std::string &path, const std::string &root);

} // namespace vdc
