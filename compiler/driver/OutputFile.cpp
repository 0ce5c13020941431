// OutputFile.cpp — atomic file replacement through llvm::sys::fs.
#include "driver/OutputFile.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

namespace vdc {

std::string writeFileAtomically(const std::string &path, const std::string &contents) {
  llvm::SmallString<256> model(path);
  model += ".tmp-%%%%%%";
  int fd = -1;
  llvm::SmallString<256> temp;
  if (auto ec = llvm::sys::fs::createUniqueFile(model, fd, temp))
    return "cannot create a file beside `" + path + "`: " + ec.message();
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << contents;
    out.flush();
    if (out.has_error()) {
      std::string message = out.error().message();
      out.clear_error();
      llvm::sys::fs::remove(temp);
      return "cannot write `" + path + "`: " + message;
    }
  }
  if (auto ec = llvm::sys::fs::rename(temp, path)) {
    llvm::sys::fs::remove(temp);
    return "cannot replace `" + path + "`: " + ec.message();
  }
  return "";
}

} // namespace vdc
