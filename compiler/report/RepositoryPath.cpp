// RepositoryPath.cpp — finding the repository root and relativising paths to it.
#include "report/RepositoryPath.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace vdc {

std::string repositoryRelativePath(const std::string &file) {
  llvm::SmallString<256> abs(file);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::path::remove_dots(abs, true);
  llvm::SmallString<256> cwd;
  llvm::sys::fs::current_path(cwd);
  std::string root(cwd.str());
  for (llvm::StringRef dir = cwd.str(); !dir.empty(); dir = llvm::sys::path::parent_path(dir)) {
    llvm::SmallString<256> git(dir);
    llvm::sys::path::append(git, ".git");
    if (llvm::sys::fs::exists(git)) {
      root = dir.str();
      break;
    }
  }
  llvm::StringRef path = abs.str();
  if (path.startswith(root + "/"))
    return path.substr(root.size() + 1).str();
  return path.str();
}

} // namespace vdc
