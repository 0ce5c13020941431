// TempDir.h — a fresh directory for a unit test that touches the file system, removed with its contents at the end.
#pragma once

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace vdc::test {

/// A fresh directory under /tmp (held as its real path, so root checks compare like with like).
struct TempDir {
  std::string path;
  explicit TempDir(const char *prefix = "vdc-test") {
    std::string pattern = std::string("/tmp/") + prefix + "-XXXXXX";
    if (const char *made = ::mkdtemp(pattern.data()))
      path = std::filesystem::canonical(made).string();
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  ~TempDir() {
    std::error_code ignored;
    if (!path.empty())
      std::filesystem::remove_all(path, ignored);
  }
  /// Writes `text` to `name` inside the directory and returns the file's path.
  std::string file(const std::string &name, const std::string &text) const {
    std::string p = path + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
};

} // namespace vdc::test
