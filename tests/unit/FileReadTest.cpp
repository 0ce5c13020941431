// FileReadTest.cpp — safe reads: FIFOs refused without blocking, bounded reads of endless devices, the root checked
// on the opened file (through symbolic links), stamps that change with the file.
#include "source/FileRead.h"

#include "TempDir.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <climits>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace vdc;
using vdc::test::TempDir;

TEST_CASE("a regular file inside the root is read whole, with its stamp") {
  TempDir dir;
  std::string p = dir.file("a.csv", "x,y\n1,2\n");
  OpenRules rules;
  rules.root = dir.path;
  std::string text, message;
  ReadError error = ReadError::Failed;
  FileStamp stamp;
  REQUIRE(readFileSafely(p, rules, text, error, message, &stamp));
  CHECK(text == "x,y\n1,2\n");
  CHECK(error == ReadError::None);
  CHECK(stamp.size == 8);
  FileStamp again;
  REQUIRE(statFile(p, again));
  CHECK(again == stamp);
  dir.file("a.csv", "x,y\n1,3\n4,5\n");
  REQUIRE(statFile(p, again));
  CHECK(again != stamp);
}

TEST_CASE("a FIFO a repository names is refused at once, without waiting for a writer") {
  TempDir dir;
  std::string fifo = dir.path + "/data.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string text, message;
  ReadError error = ReadError::None;
  CHECK_FALSE(readFileSafely(fifo, OpenRules{}, text, error, message));
  CHECK(error == ReadError::NotRegular);
  CHECK(message == "it is a FIFO (named pipe), not a regular file");
}

TEST_CASE("an endless device is read only up to the limit") {
  OpenRules rules;
  rules.allowStreams = true;
  rules.maxBytes = 1000;
  std::string text, message;
  ReadError error = ReadError::None;
  CHECK_FALSE(readFileSafely("/dev/zero", rules, text, error, message));
  CHECK(error == ReadError::TooLarge);
  CHECK(text.empty());
  // Without allowStreams a device is refused before it is read.
  CHECK_FALSE(readFileSafely("/dev/zero", OpenRules{}, text, error, message));
  CHECK(error == ReadError::NotRegular);
}

TEST_CASE("a symbolic link out of the root is refused on the opened file") {
  TempDir outside, root;
  std::string secret = outside.file("secret.txt", "password\n");
  std::string link = root.path + "/data.csv";
  REQUIRE(::symlink(secret.c_str(), link.c_str()) == 0);
  OpenRules rules;
  rules.root = root.path;
  std::string text, message;
  ReadError error = ReadError::None;
  CHECK_FALSE(readFileSafely(link, rules, text, error, message));
  CHECK(error == ReadError::OutsideRoot);
  CHECK(text.empty());
  // A link that stays inside the root is fine.
  std::string inside = root.file("real.csv", "a\n");
  std::string link2 = root.path + "/alias.csv";
  REQUIRE(::symlink(inside.c_str(), link2.c_str()) == 0);
  CHECK(readFileSafely(link2, rules, text, error, message));
  CHECK(text == "a\n");
}

TEST_CASE("a regular file over the limit is refused from its size") {
  TempDir dir;
  std::string p = dir.file("big.vdesign", std::string(5000, 'x'));
  OpenRules rules;
  rules.maxBytes = 4096;
  std::string text, message;
  ReadError error = ReadError::None;
  CHECK_FALSE(readFileSafely(p, rules, text, error, message));
  CHECK(error == ReadError::TooLarge);
}

TEST_CASE("whole path components decide whether a path is inside a directory") {
  CHECK(isInsideDirectory("/a/b/c", "/a/b"));
  CHECK(isInsideDirectory("/a/b", "/a/b"));
  CHECK_FALSE(isInsideDirectory("/a/bc", "/a/b"));
  CHECK_FALSE(isInsideDirectory("/etc/passwd", "/a/b"));
  CHECK(isInsideDirectory("/anything", ""));
}
