// SourceManagerTest.cpp — line/column conversion in code points and UTF-16 units, and UTF-8 validation.
#include "source/SourceManager.h"

#include <catch2/catch.hpp>

using namespace vdc;

TEST_CASE("columns count code points, not bytes") {
  SourceManager sm;
  FileId f = sm.add("x", "ab\nτ(a) ⫫ A\n");
  auto lc = sm.lineColumn(f, 3); // start of line 2
  CHECK(lc.line == 2);
  CHECK(lc.column == 1);
  // "τ" is two bytes; the "(" after it is column 2.
  lc = sm.lineColumn(f, 5);
  CHECK(lc.line == 2);
  CHECK(lc.column == 2);
  CHECK(sm.lineText(f, 2) == "τ(a) ⫫ A");
  CHECK(sm.lineText(f, 9).empty());
}

TEST_CASE("UTF-16 columns count astral characters twice") {
  SourceManager sm;
  FileId f = sm.add("x", "a😀b\n");
  // 'b' is at byte 5: one unit for 'a', two for the emoji.
  CHECK(sm.utf16Column(f, 5) == 3);
  CHECK(sm.offsetOfUtf16(f, 0, 3) == 5);
  CHECK(sm.offsetOfUtf16(f, 0, 99) == 6); // clamped to the end of the line
}

TEST_CASE("invalid UTF-8 is found at its first byte") {
  CHECK(findInvalidUtf8("plain") == std::string_view::npos);
  CHECK(findInvalidUtf8("caf\xc3\xa9") == std::string_view::npos);
  CHECK(findInvalidUtf8("caf\xe9!") == 3);
  CHECK(findInvalidUtf8("\xc0\x80") == 0);           // overlong
  CHECK(findInvalidUtf8("\xed\xa0\x80") == 0);       // surrogate
  CHECK(findInvalidUtf8("ok\xf0\x9f\x98") == 2);     // truncated
}
