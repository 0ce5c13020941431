// OutputFileTest.cpp — files a repository decides (locks): replaced, never written through a link or in place, and
// refused outside the root, in a FIFO or over a directory.
#include "driver/OutputFile.h"

#include "TempDir.h"

#include <catch2/catch.hpp>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace vdc;
using vdc::test::TempDir;

namespace {


std::string contents(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Number of entries in a directory (to see that no temporary file is left).
int entries(const std::string &dir) {
  std::string cmd = "test $(ls -A '" + dir + "' | wc -l) -eq ";
  for (int n = 0; n < 20; ++n)
    if (std::system((cmd + std::to_string(n)).c_str()) == 0)
      return n;
  return -1;
}

} // namespace

TEST_CASE("a lock that is a symbolic link is replaced by a regular file; its target is untouched") {
  TempDir root, outside;
  std::string target = outside.file("bashrc", "alias ls=ls\n");
  std::string lock = root.path + "/d.vdesign.lock";
  REQUIRE(::symlink(target.c_str(), lock.c_str()) == 0);
  ReplaceResult r = replaceFileInProject(lock, "{}\n", root.path);
  REQUIRE(r.error.empty());
  struct stat st;
  REQUIRE(::lstat(lock.c_str(), &st) == 0);
  CHECK(S_ISREG(st.st_mode));
  CHECK(contents(lock) == "{}\n");
  CHECK(contents(target) == "alias ls=ls\n");
  CHECK(entries(root.path) == 1);
}

TEST_CASE("a hard-linked lock is replaced, so the other name keeps its text") {
  TempDir root, outside;
  std::string target = outside.file("profile", "export A=1\n");
  std::string lock = root.path + "/d.vdesign.lock";
  REQUIRE(::link(target.c_str(), lock.c_str()) == 0);
  REQUIRE(replaceFileInProject(lock, "{}\n", root.path).error.empty());
  CHECK(contents(target) == "export A=1\n");
  CHECK(contents(lock) == "{}\n");
}

TEST_CASE("a lock whose directory lies outside the root is refused and nothing is written") {
  TempDir root, outside;
  std::string lock = outside.path + "/d.vdesign.lock";
  ReplaceResult r = replaceFileInProject(lock, "{}\n", root.path);
  CHECK(r.outsideRoot);
  CHECK(r.directory == outside.path);
  CHECK(entries(outside.path) == 0);
  // Also when the path runs through a link inside the root that leads out of it.
  std::string link = root.path + "/shared";
  REQUIRE(::symlink(outside.path.c_str(), link.c_str()) == 0);
  r = replaceFileInProject(link + "/d.vdesign.lock", "{}\n", root.path);
  CHECK(r.outsideRoot);
  CHECK(entries(outside.path) == 0);
  // With no root (--allow-outside-root) it is written.
  CHECK(replaceFileInProject(lock, "{}\n", "").error.empty());
  CHECK(contents(lock) == "{}\n");
}

TEST_CASE("a FIFO or a directory at the lock's path is refused without blocking") {
  TempDir root;
  std::string fifo = root.path + "/a.lock", dir = root.path + "/b.lock";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
  ReplaceResult r = replaceFileInProject(fifo, "{}\n", root.path);
  CHECK(r.error.find("it is a FIFO, not a regular file") != std::string::npos);
  CHECK(!r.outsideRoot);
  CHECK(!replaceFileInProject(dir, "{}\n", root.path).error.empty());
  struct stat st;
  REQUIRE(::lstat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  CHECK(entries(root.path) == 2);
}

TEST_CASE("an existing lock keeps its permission bits") {
  TempDir root;
  std::string lock = root.file("d.vdesign.lock", "old\n");
  REQUIRE(::chmod(lock.c_str(), 0640) == 0);
  REQUIRE(replaceFileInProject(lock, "new\n", root.path).error.empty());
  struct stat st;
  REQUIRE(::stat(lock.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(contents(lock) == "new\n");
}
