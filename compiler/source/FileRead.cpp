// FileRead.cpp — one open per file (O_NONBLOCK, O_NOCTTY), fstat on the descriptor, the root checked on the
// descriptor's own path, and reads bounded while they happen.
#include "source/FileRead.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace vdc {

namespace {

FileStamp stampOf(const struct stat &st) {
  FileStamp s;
  s.device = static_cast<uint64_t>(st.st_dev);
  s.inode = static_cast<uint64_t>(st.st_ino);
  s.size = static_cast<uint64_t>(st.st_size);
  s.modifiedNs = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  s.changedNs = static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
  return s;
}

const char *kindOf(mode_t mode) {
  if (S_ISFIFO(mode))
    return "a FIFO (named pipe)";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "not a regular file";
}

} // namespace

std::string descriptorPath(int fd) {
  std::string link = "/proc/self/fd/" + std::to_string(fd);
  std::vector<char> buffer(PATH_MAX + 1);
  ssize_t n = ::readlink(link.c_str(), buffer.data(), buffer.size());
  if (n <= 0 || static_cast<size_t>(n) >= buffer.size())
    return "";
  return std::string(buffer.data(), static_cast<size_t>(n));
}

std::string lexicalPath(const std::string &path) {
  llvm::SmallString<256> abs(path);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::path::remove_dots(abs, /*remove_dot_dot=*/true);
  return std::string(abs.str());
}

bool isInsideDirectory(const std::string &path, const std::string &root) {
  if (root.empty())
    return true;
  if (path == root)
    return true;
  std::string prefix = root.back() == '/' ? root : root + "/";
  return path.rfind(prefix, 0) == 0;
}

OpenedFile::OpenedFile(OpenedFile &&other) noexcept { *this = std::move(other); }

OpenedFile &OpenedFile::operator=(OpenedFile &&other) noexcept {
  if (this != &other) {
    close();
    fd_ = other.fd_;
    regular_ = other.regular_;
    maxBytes_ = other.maxBytes_;
    stamp_ = other.stamp_;
    realPath_ = std::move(other.realPath_);
    other.fd_ = -1;
  }
  return *this;
}

OpenedFile::~OpenedFile() { close(); }

void OpenedFile::close() {
  if (fd_ >= 0)
    ::close(fd_);
  fd_ = -1;
}

bool OpenedFile::open(const std::string &path, const OpenRules &rules, ReadError &error, std::string &message) {
  close();
  maxBytes_ = rules.maxBytes;
  // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting, so it can be refused below.
  int fd;
  do
    fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    int e = errno;
    error = e == ENOENT || e == ENOTDIR ? ReadError::Missing : e == EISDIR ? ReadError::Directory : ReadError::Failed;
    message = std::strerror(e);
    return false;
  }
  fd_ = fd;
  struct stat st;
  if (::fstat(fd_, &st) != 0) {
    error = ReadError::Failed;
    message = std::strerror(errno);
    close();
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    error = ReadError::Directory;
    message = "it is a directory";
    close();
    return false;
  }
  regular_ = S_ISREG(st.st_mode);
  bool stream = S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode);
  if (!regular_ && !(rules.allowStreams && stream)) {
    error = ReadError::NotRegular;
    message = std::string("it is ") + kindOf(st.st_mode) + (S_ISREG(st.st_mode) ? "" : ", not a regular file");
    close();
    return false;
  }
  stamp_ = stampOf(st);
  realPath_ = regular_ ? descriptorPath(fd_) : "";
  if (!rules.root.empty() && (realPath_.empty() || !isInsideDirectory(realPath_, rules.root))) {
    error = ReadError::OutsideRoot;
    message = realPath_.empty() ? "its location cannot be determined"
                                : "it lies outside the project root `" + rules.root + "`, at `" + realPath_ + "`";
    close();
    return false;
  }
  if (regular_ && stamp_.size > maxBytes_) {
    error = ReadError::TooLarge;
    message = "it is larger than the limit of " + std::to_string(maxBytes_) + " bytes";
    close();
    return false;
  }
  if (stream) {
    // A stream the user named is read the ordinary, blocking way.
    int flags = ::fcntl(fd_, F_GETFL);
    if (flags >= 0)
      ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
  }
  error = ReadError::None;
  message.clear();
  return true;
}

void OpenedFile::adopt(int fd, size_t maxBytes) {
  close();
  fd_ = fd;
  maxBytes_ = maxBytes;
  struct stat st;
  regular_ = ::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode);
  stamp_ = regular_ ? stampOf(st) : FileStamp{};
  realPath_.clear();
}

long long OpenedFile::read(char *buffer, size_t size, std::string &message) {
  for (;;) {
    ssize_t n = ::read(fd_, buffer, size);
    if (n >= 0)
      return n;
    if (errno == EINTR)
      continue;
    message = std::strerror(errno);
    return -1;
  }
}

bool OpenedFile::readAll(std::string &text, ReadError &error, std::string &message) {
  text.clear();
  if (regular_ && stamp_.size <= maxBytes_)
    text.reserve(static_cast<size_t>(stamp_.size));
  std::vector<char> chunk(1 << 16);
  for (;;) {
    size_t want = chunk.size();
    // Ask for one byte more than the limit allows, so that a longer file is noticed without reading it all.
    if (maxBytes_ != SIZE_MAX && maxBytes_ - std::min(maxBytes_, text.size()) + 1 < want)
      want = maxBytes_ - std::min(maxBytes_, text.size()) + 1;
    long long n = read(chunk.data(), want, message);
    if (n < 0) {
      error = ReadError::Failed;
      return false;
    }
    if (n == 0)
      break;
    text.append(chunk.data(), static_cast<size_t>(n));
    if (text.size() > maxBytes_) {
      text.clear();
      text.shrink_to_fit();
      error = ReadError::TooLarge;
      message = "it is larger than the limit of " + std::to_string(maxBytes_) + " bytes";
      return false;
    }
  }
  error = ReadError::None;
  return true;
}

bool readFileSafely(const std::string &path, const OpenRules &rules, std::string &text, ReadError &error,
                    std::string &message, FileStamp *stamp) {
  OpenedFile file;
  if (!file.open(path, rules, error, message) || !file.readAll(text, error, message))
    return false;
  if (stamp)
    *stamp = file.stamp();
  return true;
}

bool readDescriptor(int fd, size_t maxBytes, std::string &text, ReadError &error, std::string &message) {
  int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0); // closed with `file`; standard input itself stays open
  if (copy < 0) {
    error = ReadError::Failed;
    message = std::strerror(errno);
    return false;
  }
  OpenedFile file;
  file.adopt(copy, maxBytes);
  return file.readAll(text, error, message);
}

std::string nonRegularKind(const std::string &path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode))
    return "";
  return S_ISDIR(st.st_mode) ? "it is a directory" : std::string("it is ") + kindOf(st.st_mode);
}

bool statFile(const std::string &path, FileStamp &stamp) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    return false;
  stamp = stampOf(st);
  return true;
}

} // namespace vdc
