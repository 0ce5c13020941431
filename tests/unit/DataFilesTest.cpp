// DataFilesTest.cpp — the driver's data files: digests cached while a file's stamp is unchanged (and bounded in
// number), data paths resolved inside the project root, pipes and directories refused without opening them.
#include "driver/DataFiles.h"

#include "runtime/Checks.h"

#include "TempDir.h"

#include <catch2/catch.hpp>

#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace vdc;
using vdc::test::TempDir;

namespace {


OpenRules inside(const std::string &root) {
  OpenRules rules;
  rules.root = root;
  return rules;
}

} // namespace

TEST_CASE("a digest is read once and reused while the file's stamp is unchanged") {
  TempDir dir;
  std::string p = dir.file("a.csv", "x,y\n1,2\n");
  DigestCache cache;
  std::string sha, error;
  REQUIRE(cache.digest(p, inside(dir.path), sha, error));
  CHECK(sha == rt::sha256Hex("x,y\n1,2\n"));
  CHECK(cache.reads() == 1);
  CHECK(cache.hits() == 0);
  std::string again;
  REQUIRE(cache.digest(p, inside(dir.path), again, error));
  CHECK(again == sha);
  CHECK(cache.reads() == 1);
  CHECK(cache.hits() == 1);
  // New content (another size): read again, new digest.
  dir.file("a.csv", "x,y\n1,2\n3,4\n");
  REQUIRE(cache.digest(p, inside(dir.path), again, error));
  CHECK(again == rt::sha256Hex("x,y\n1,2\n3,4\n"));
  CHECK(cache.reads() == 2);
}

TEST_CASE("a file replaced by one of the same size and modification time is read again") {
  TempDir dir;
  std::string p = dir.file("a.csv", "x\n1\n");
  DigestCache cache;
  std::string sha, error;
  REQUIRE(cache.digest(p, inside(dir.path), sha, error));
  struct stat before;
  REQUIRE(::stat(p.c_str(), &before) == 0);
  // Another file renamed over it, with the old modification time restored: its inode and change time differ.
  std::string other = dir.file("b.csv", "x\n2\n");
  struct timespec times[2] = {before.st_atim, before.st_mtim};
  REQUIRE(::utimensat(AT_FDCWD, other.c_str(), times, 0) == 0);
  REQUIRE(::rename(other.c_str(), p.c_str()) == 0);
  std::string now;
  REQUIRE(cache.digest(p, inside(dir.path), now, error));
  CHECK(now == rt::sha256Hex("x\n2\n"));
  CHECK(cache.reads() == 2);
}

TEST_CASE("the digest cache holds a bounded number of files, dropping the least recently used") {
  TempDir dir;
  DigestCache cache(2);
  std::string sha, error;
  std::string a = dir.file("a.csv", "a"), b = dir.file("b.csv", "b"), c = dir.file("c.csv", "c");
  REQUIRE(cache.digest(a, inside(dir.path), sha, error));
  REQUIRE(cache.digest(b, inside(dir.path), sha, error));
  REQUIRE(cache.digest(a, inside(dir.path), sha, error)); // a is now more recent than b
  REQUIRE(cache.digest(c, inside(dir.path), sha, error)); // drops b
  CHECK(cache.size() == 2);
  CHECK(cache.reads() == 3);
  REQUIRE(cache.digest(a, inside(dir.path), sha, error));
  CHECK(cache.reads() == 3);
  REQUIRE(cache.digest(b, inside(dir.path), sha, error));
  CHECK(cache.reads() == 4);
}

TEST_CASE("a digest is refused for a file outside the root or a FIFO") {
  TempDir dir, other;
  std::string outside = other.file("o.csv", "secret");
  DigestCache cache;
  std::string sha, error;
  CHECK_FALSE(cache.digest(outside, inside(dir.path), sha, error));
  CHECK(error.find("outside the project root") != std::string::npos);
  std::string fifo = dir.path + "/f.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(cache.digest(fifo, inside(dir.path), sha, error));
  CHECK(error.find("FIFO") != std::string::npos);
  CHECK(cache.size() == 0);
}

TEST_CASE("data paths resolve against the design's directory and stay inside the root") {
  TempDir dir, other;
  ::mkdir((dir.path + "/sub").c_str(), 0700);
  dir.file("sub/a.csv", "a");
  other.file("o.csv", "secret");
  ::symlink(other.path.c_str(), (dir.path + "/link").c_str());
  ::mkfifo((dir.path + "/pipe.csv").c_str(), 0600);
  DiskDataFiles files(dir.path + "/d.vdesign", dir.path, false, nullptr);
  DataFileLookup ok = files.resolve("sub/a.csv");
  CHECK(ok.state == DataFileLookup::State::Ok);
  CHECK(ok.realPath == dir.path + "/sub/a.csv");
  CHECK(files.resolve("missing.csv").state == DataFileLookup::State::Missing);
  CHECK(files.resolve("../elsewhere.csv").state == DataFileLookup::State::OutsideRoot);
  DataFileLookup linked = files.resolve("link/o.csv");
  CHECK(linked.state == DataFileLookup::State::OutsideRoot);
  CHECK(linked.realPath == other.path + "/o.csv");
  DataFileLookup pipe = files.resolve("pipe.csv");
  CHECK(pipe.state == DataFileLookup::State::NotRegular);
  CHECK(pipe.reason == "it is a FIFO (named pipe)");
  CHECK(files.resolve("sub").state == DataFileLookup::State::NotRegular);
  DiskDataFiles anywhere(dir.path + "/d.vdesign", dir.path, true, nullptr);
  CHECK(anywhere.resolve("link/o.csv").state == DataFileLookup::State::Ok);
}
