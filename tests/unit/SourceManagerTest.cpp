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

TEST_CASE("a line ends at \\r\\n, \\n or a lone \\r, as LSP 3.17 counts") {
  SourceManager sm;
  // Lines: "a" (CRLF), "b" (LF), "c" (lone CR), "dé", then an empty last line.
  FileId f = sm.add("x", "a\r\nb\nc\rd\xc3\xa9\r");
  CHECK(sm.lineCount(f) == 5);
  CHECK(sm.lineColumn(f, 3).line == 2);   // "b"
  CHECK(sm.lineColumn(f, 5).line == 3);   // "c"
  CHECK(sm.lineColumn(f, 7).line == 4);   // "d" after the lone CR
  CHECK(sm.lineColumn(f, 7).column == 1);
  CHECK(sm.lineText(f, 1) == "a");
  CHECK(sm.lineText(f, 3) == "c");
  CHECK(sm.lineText(f, 4) == "d\xc3\xa9");
  CHECK(sm.utf16Column(f, 10) == 2);      // after "dé"
  CHECK(sm.offsetOfUtf16(f, 3, 0) == 7);
  CHECK(sm.offsetOfUtf16(f, 0, 9) == 1);  // clamped before the CRLF
  CHECK(sm.offsetOfUtf16(f, 2, 9) == 6);  // clamped before the lone CR
  CHECK(sm.lineBegin(f, 8) == 7);
  CHECK(sm.lineEnd(f, 7) == 10);
  CHECK(sm.offsetOfUtf16(f, 4, 0) == 11); // the empty line after the final CR
}

TEST_CASE("columns of ASCII lines are byte differences, other lines are counted") {
  SourceManager sm;
  FileId f = sm.add("x", "abc\n\xce\xb1\xce\xb2" "c\n");
  CHECK(sm.utf16Column(f, 2) == 2);
  CHECK(sm.utf16Column(f, 8) == 2);       // after "αβ"
  CHECK(sm.lineColumn(f, 8).column == 3);
  CHECK(sm.offsetOfUtf16(f, 1, 2) == 8);
}

TEST_CASE("a text's line break is its first one, and can be rewritten everywhere") {
  CHECK(lineBreakOf("a\r\nb\n") == "\r\n");
  CHECK(lineBreakOf("a\nb\r\n") == "\n");
  CHECK(lineBreakOf("a\rb") == "\r");
  CHECK(lineBreakOf("no break") == "\n");
  CHECK(withLineBreaks("a\r\nb\nc\rd", "\r\n") == "a\r\nb\r\nc\r\nd");
  CHECK(withLineBreaks("a\r\nb\nc\r", "\n") == "a\nb\nc\n");
  SourceManager sm;
  FileId f = sm.add("x", "ab\r\ncd\ref");
  CHECK(sm.nextLineBegin(f, 1) == 4);
  CHECK(sm.nextLineBegin(f, 4) == 7);
  CHECK(sm.nextLineBegin(f, 8) == 9);
}
