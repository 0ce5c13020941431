// OutputFile.cpp — writing output files: atomic replacement of regular files, direct writes to devices, pipes and standard output.
#include "driver/OutputFile.h"

#include "source/FileRead.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <random>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace vdc {

namespace {

/// Writes all of `contents` to `fd`; returns 0 or the errno of the failure.
int writeAll(int fd, const std::string &contents) {
  size_t done = 0;
  while (done < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    done += static_cast<size_t>(n);
  }
  return 0;
}

/// Fills a new temporary file that will replace `path`: the permission bits (and, where allowed, the owner) of the
/// file it replaces (`replaced`, or 0666 minus the umask for a new file), then `contents`, synced to disk. Always
/// closes `fd`. Returns "" or what failed.
std::string fillReplacement(int fd, const struct stat *replaced, const std::string &contents, const std::string &path) {
  mode_t mode;
  if (replaced) {
    mode = replaced->st_mode & 07777;
    if (::fchown(fd, replaced->st_uid, replaced->st_gid) != 0) {
      // Only the owner's group or root may keep another owner; the file then belongs to whoever wrote it.
    }
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  std::string error;
  if (::fchmod(fd, mode) != 0)
    error = "cannot set the permissions of a file beside `" + path + "`: " + std::strerror(errno);
  else if (int e = writeAll(fd, contents))
    error = "cannot write `" + path + "`: " + std::strerror(e);
  // On disk before the rename, so that a crash leaves the old file or the new one, never an empty one.
  else if (::fsync(fd) != 0)
    error = "cannot write `" + path + "`: " + std::strerror(errno);
  if (::close(fd) != 0 && error.empty())
    error = "cannot write `" + path + "`: " + std::strerror(errno);
  return error;
}

/// True when `path` names the same open file as descriptor `fd` (as /dev/stdout does for 1).
bool sameFileAs(const std::string &path, int fd) {
  struct stat a, b;
  return ::stat(path.c_str(), &a) == 0 && ::fstat(fd, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/// An error with `message`, or success when it is empty.
llvm::Error failure(const std::string &message) {
  if (message.empty())
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// Follows symbolic links from `path` to the path they finally name (which need not exist yet).
/// Fails, saying why, on a loop or an unreadable link.
llvm::Expected<std::string> resolveLinks(const std::string &path) {
  std::string resolved = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st;
    if (::lstat(resolved.c_str(), &st) != 0 || !S_ISLNK(st.st_mode))
      return resolved;
    std::vector<char> buffer(PATH_MAX + 1);
    ssize_t n = ::readlink(resolved.c_str(), buffer.data(), buffer.size());
    if (n < 0 || static_cast<size_t>(n) >= buffer.size())
      return failure("cannot follow the symbolic link `" + resolved +
                     "`: " + std::strerror(n < 0 ? errno : ENAMETOOLONG));
    std::string target(buffer.data(), static_cast<size_t>(n));
    if (target.empty() || target.front() != '/') {
      size_t slash = resolved.rfind('/');
      target = (slash == std::string::npos ? std::string() : resolved.substr(0, slash + 1)) + target;
    }
    resolved = target;
  }
  return failure("cannot follow the symbolic link `" + path + "`: " + std::strerror(ELOOP));
}

std::string writeToStandardStream(int fd, const std::string &contents) {
  std::ostream &stream = fd == STDOUT_FILENO ? std::cout : std::cerr;
  stream.flush(); // what the program wrote before comes first
  if (int e = writeAll(fd, contents))
    return std::string("cannot write to standard ") + (fd == STDOUT_FILENO ? "output" : "error") + ": " +
           std::strerror(e);
  return "";
}

/// Writes into an existing file that is not a regular file (a device, a FIFO, a socket) without replacing it.
std::string writeInPlace(const std::string &path, const std::string &contents) {
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return "cannot open `" + path + "`: " + std::strerror(errno);
  int e = writeAll(fd, contents);
  if (::close(fd) != 0 && e == 0)
    e = errno;
  return e ? "cannot write `" + path + "`: " + std::strerror(e) : "";
}

} // namespace

llvm::Error writeFileAtomically(const std::string &path, const std::string &contents) {
  if (path == "-" || sameFileAs(path, STDOUT_FILENO))
    return failure(writeToStandardStream(STDOUT_FILENO, contents));
  if (sameFileAs(path, STDERR_FILENO))
    return failure(writeToStandardStream(STDERR_FILENO, contents));

  llvm::Expected<std::string> resolved = resolveLinks(path);
  if (!resolved)
    return resolved.takeError();
  const std::string &target = *resolved;
  struct stat st;
  bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode))
    return failure("cannot write `" + path + "`: " + std::strerror(EISDIR));
  if (exists && !S_ISREG(st.st_mode))
    return failure(writeInPlace(target, contents));

  std::string temp = target + ".tmp-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0)
    return failure("cannot create a file beside `" + path + "`: " + std::strerror(errno));
  if (std::string error = fillReplacement(fd, exists ? &st : nullptr, contents, path); !error.empty()) {
    ::unlink(temp.c_str());
    return failure(error);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    int e = errno;
    ::unlink(temp.c_str());
    return failure("cannot replace `" + path + "`: " + std::strerror(e));
  }
  return llvm::Error::success();
}

ReplaceResult replaceFileInProject(const std::string &path, const std::string &contents, const std::string &root) {
  ReplaceResult result;
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  if (base.empty() || base == "." || base == "..") {
    result.error = "cannot write `" + path + "`: " + std::strerror(EISDIR);
    return result;
  }
  // Every step below is relative to this descriptor, so swapping the directory for a link afterwards changes nothing.
  int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirFd < 0) {
    result.error = "cannot create a file beside `" + path + "`: " + std::strerror(errno);
    return result;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{dirFd};
  result.directory = descriptorPath(dirFd);
  if (!root.empty() && (result.directory.empty() || !isInsideDirectory(result.directory, root))) {
    result.outsideRoot = true;
    result.error = "`" + path + "` lies outside the project root `" + root + "`" +
                   (result.directory.empty() ? "" : " (its directory is `" + result.directory + "`)");
    return result;
  }
  struct stat st;
  bool exists = ::fstatat(dirFd, base.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    result.error = "cannot write `" + path + "`: " + std::strerror(EISDIR);
    return result;
  }
  if (exists && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
    result.error = "cannot write `" + path + "`: it is " +
                   (S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISSOCK(st.st_mode) ? "a socket" : "a device") +
                   ", not a regular file; remove it first";
    return result;
  }

  std::random_device random;
  std::string temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = base + ".tmp-" + std::to_string(random() % 1000000000u);
    fd = ::openat(dirFd, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
      break;
  }
  if (fd < 0) {
    result.error = "cannot create a file beside `" + path + "`: " + std::strerror(errno);
    return result;
  }
  if (std::string error = fillReplacement(fd, exists && S_ISREG(st.st_mode) ? &st : nullptr, contents, path);
      !error.empty()) {
    ::unlinkat(dirFd, temp.c_str(), 0);
    result.error = error;
    return result;
  }
  if (::renameat(dirFd, temp.c_str(), dirFd, base.c_str()) != 0) {
    int e = errno;
    ::unlinkat(dirFd, temp.c_str(), 0);
    result.error = "cannot replace `" + path + "`: " + std::strerror(e);
  }
  return result;
}

} // namespace vdc
