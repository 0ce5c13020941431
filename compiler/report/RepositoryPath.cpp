// RepositoryPath.cpp — finding a file's repository root, relativising paths to it and spelling them as URIs.
#include "report/RepositoryPath.h"

#include <fmt/format.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace vdc {

namespace {
std::string absolutePath(const std::string &file) {
  llvm::SmallString<256> abs(file);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::path::remove_dots(abs, true);
  return std::string(abs.str());
}
} // namespace

std::string repositoryRootOf(const std::string &file) {
  std::string dir = llvm::sys::path::parent_path(absolutePath(file)).str();
  while (!dir.empty()) {
    llvm::SmallString<256> git(dir);
    llvm::sys::path::append(git, ".git");
    if (llvm::sys::fs::exists(git))
      return dir;
    std::string parent = llvm::sys::path::parent_path(dir).str();
    if (parent == dir)
      break;
    dir = parent;
  }
  return "";
}

std::string repositoryRelativePath(const std::string &file) {
  if (file == "<stdin>")
    return file;
  std::string path = absolutePath(file);
  std::string root = repositoryRootOf(file);
  if (!root.empty()) {
    std::string prefix = root.back() == '/' ? root : root + "/";
    if (path.compare(0, prefix.size(), prefix) == 0)
      return path.substr(prefix.size());
  }
  return path;
}

std::string percentEncodePath(const std::string &path) {
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/')
      out += ch;
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string artifactUri(const std::string &file) {
  std::string path = repositoryRelativePath(file);
  if (!path.empty() && path.front() == '/')
    return "file://" + percentEncodePath(path);
  return percentEncodePath(path);
}

} // namespace vdc
