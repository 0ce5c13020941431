// CsvColumnTest.cpp — how a kept CSV column is stored (runtime/CsvColumn.*): a dictionary while it has few distinct
// values, then numbers or text; every cell reads back exactly as written, whatever the storage, and the checks get
// the same figures from every storage.
#include "runtime/Checks.h"
#include "runtime/Csv.h"
#include "runtime/CsvColumn.h"
#include "runtime/Statistics.h"

#include "CheckParams.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

using namespace vdc::rt;
using Storage = CsvColumn::Storage;

namespace {

/// Fills a column with `cells` and checks that each reads back as written, also through equals().
void fillAndReadBack(CsvColumn &column, const std::vector<std::string> &cells) {
  for (const std::string &cell : cells)
    REQUIRE(column.push_back(cell));
  REQUIRE(column.size() == cells.size());
  for (size_t row = 0; row < cells.size(); ++row) {
    INFO("row " << row << ": " << cells[row]);
    CHECK(column.text(row) == cells[row]);
    CHECK(column.equals(row, cells[row]));
    CHECK_FALSE(column.equals(row, cells[row] + "x"));
  }
}

/// The bits of a double, so that "the same figure" means the same to the last bit.
uint64_t bits(double v) {
  uint64_t out = 0;
  std::memcpy(&out, &v, sizeof out);
  return out;
}

} // namespace

TEST_CASE("CSV column: parseNumber is the one rule for numbers", "[runtime][csv]") {
  double v = 0;
  CHECK(parseNumber(" 3.5\t", v) == NumberStatus::Ok);
  CHECK(v == 3.5);
  CHECK(parseNumber("-0", v) == NumberStatus::Ok);
  CHECK(std::signbit(v));
  CHECK(parseNumber("5e-324", v) == NumberStatus::Ok); // subnormal numbers are kept
  CHECK(parseNumber("", v) == NumberStatus::NotNumber);
  CHECK(parseNumber("  ", v) == NumberStatus::NotNumber);
  CHECK(parseNumber("3 4", v) == NumberStatus::NotNumber);
  CHECK(parseNumber("nan", v) == NumberStatus::NotNumber);
  CHECK(parseNumber("inf", v) == NumberStatus::TooLarge);
  CHECK(parseNumber("1e999", v) == NumberStatus::TooLarge);
  CHECK(parseNumber("1e-999", v) == NumberStatus::TooSmall);
}

TEST_CASE("CSV column: a few distinct values stay a dictionary, empty cells included", "[runtime][csv]") {
  CsvColumn arm;
  std::vector<std::string> cells;
  for (int i = 0; i < 10000; ++i)
    cells.push_back(i % 3 == 0 ? "control" : i % 3 == 1 ? "" : "treated, with a comma");
  fillAndReadBack(arm, cells);
  CHECK(arm.storage() == Storage::Dictionary);
  CHECK_FALSE(arm.number(0));

  // 256 distinct values fit one byte a row; numbers among them are read once, when first seen.
  CsvColumn y;
  std::vector<std::string> values;
  for (int i = 0; i < 256; ++i)
    values.push_back(i == 7 ? "n/a" : i == 8 ? "3.50" : std::to_string(i) + ".25");
  fillAndReadBack(y, values);
  CHECK(y.storage() == Storage::Dictionary);
  CHECK(*y.number(0) == 0.25);
  CHECK_FALSE(y.number(7));
  CHECK(*y.number(8) == 3.5);
}

TEST_CASE("CSV column: the 257th distinct value turns numbers into a column of doubles", "[runtime][csv]") {
  CsvColumn y;
  std::vector<std::string> cells;
  for (int i = 0; i < 3000; ++i) {
    // Mostly numbers that print back as written; some whose text must be kept: a trailing 0, spaces, a word, an
    // empty cell, numbers too large or too small for a double, a number written with an exponent.
    const char *odd[] = {"3.50", " 7", "n/a", "", "1e999", "1e-999", "2E3", "-0"};
    cells.push_back(i % 50 == 49 ? odd[(i / 50) % 8] : std::to_string(i % 1000) + "." + std::to_string(i % 9 + 1));
  }
  fillAndReadBack(y, cells);
  CHECK(y.storage() == Storage::Numbers);
  for (size_t row = 0; row < cells.size(); ++row) {
    double expected = 0;
    bool isNumber = parseNumber(cells[row], expected) == NumberStatus::Ok;
    INFO("row " << row << ": `" << cells[row] << "`");
    REQUIRE(y.number(row).has_value() == isNumber);
    if (isNumber)
      CHECK(bits(*y.number(row)) == bits(expected));
  }
}

TEST_CASE("CSV column: many distinct words turn a dictionary into text in blocks", "[runtime][csv]") {
  CsvColumn names;
  std::vector<std::string> cells;
  for (int i = 0; i < 5000; ++i) {
    if (i % 100 == 0)
      cells.push_back(""); // an empty cell, also at a block's start
    else if (i % 100 == 1)
      cells.push_back("line one\nline two, \"quoted\"");
    else
      cells.push_back("participant-" + std::to_string(i) + std::string(static_cast<size_t>(i % 700), 'x'));
  }
  cells.push_back(std::string(3 << 20, 'L')); // longer than a block: a block of its own
  cells.push_back("after the long cell");
  fillAndReadBack(names, cells);
  CHECK(names.storage() == Storage::Text);
  CHECK_FALSE(names.number(0));
}

TEST_CASE("CSV column: a column of numbers whose text mostly must be kept becomes text", "[runtime][csv]") {
  CsvColumn y;
  std::vector<std::string> cells;
  for (int i = 0; i < 400; ++i)
    cells.push_back(std::to_string(i) + ".5"); // prints back: a column of doubles at the 257th value
  for (int i = 0; i < 800; ++i)
    cells.push_back(std::to_string(i) + ".50"); // does not: more than half the rows keep their text
  fillAndReadBack(y, cells);
  CHECK(y.storage() == Storage::Text);
  CHECK(*y.number(3) == 3.5);
  CHECK(*y.number(400 + 3) == 3.5);
}

TEST_CASE("CSV table: a dictionary, a numbers and a text column read in chunks, quoted line breaks included",
          "[runtime][csv]") {
  std::string text = "arm,y,note,unused\n";
  for (int i = 0; i < 600; ++i)
    text += std::string(i % 2 ? "t" : "c") + "," + std::to_string(i) + ".25," +
            (i % 3 ? "\"n " + std::to_string(i) + "\nsecond line\"" : std::string()) + ",u\n";
  CsvReader reader("t.csv", std::vector<std::string>{"arm", "y", "note"});
  DataError e;
  for (size_t at = 0; at < text.size(); at += 7)
    REQUIRE(reader.feed(std::string_view(text).substr(at, 7), e));
  CsvTable t;
  REQUIRE(reader.finish(t, e));
  REQUIRE(t.rowCount() == 600);
  CHECK(t.storage(0) == Storage::Dictionary);
  CHECK(t.storage(1) == Storage::Numbers);
  CHECK(t.storage(2) == Storage::Text);
  CHECK(t.cell(4, 0) == "c");
  CHECK(t.cellIs(5, 0, "t"));
  CHECK(t.cell(5, 1) == "5.25");
  CHECK(*t.number(5, 1) == 5.25);
  CHECK(t.cell(3, 2).empty());
  CHECK(t.cell(4, 2) == "n 4\nsecond line");
  // Rows after a quoted line break start two lines on: row 0 at line 2, row 1 (one line) at 3, row 2 at 5, ...
  CHECK(t.rowLine(0) == 2);
  CHECK(t.rowLine(1) == 3);
  CHECK(t.rowLine(2) == 5);
  CHECK(t.rowLine(3) == 7);
}

TEST_CASE("effect_interval: the same figures to the last bit from every storage of the outcome", "[runtime][csv]") {
  // The figures of a summary of copied values (the computation before columns were stored compactly) against the
  // check on a dictionary column (few values), a numbers column (many) and a text column (many, kept as text).
  auto p = vdc::test::checkParams("effect_interval", {{"data", "t.csv"}, {"arm", "arm"}, {"outcome", "y"},
                                                      {"control", "c"}, {"treated", "t"}});
  for (int kind = 0; kind < 3; ++kind) {
    std::string text = "arm,y\n";
    std::vector<double> control, treated;
    for (int i = 0; i < 2000; ++i) {
      int value = kind == 0 ? i % 13 : i * 7919 % 100000;
      std::string cell = fmt::format("{}.{:05d}", value % 10, value) + (kind == 2 ? "0" : "");
      std::string arm = i % 3 == 0 ? "c" : i % 3 == 1 ? "t" : "other";
      text += arm + "," + cell + "\n";
      double v = std::strtod(cell.c_str(), nullptr);
      if (arm == "c")
        control.push_back(v);
      else if (arm == "t")
        treated.push_back(v);
    }
    CsvTable t;
    DataError e;
    REQUIRE(parseCsv("t.csv", text, t, e));
    CHECK(t.storage(1) == (kind == 0 ? Storage::Dictionary : kind == 1 ? Storage::Numbers : Storage::Text));
    CheckResult r;
    REQUIRE(runCheck(*findCheck("effect_interval"), p, t, r, e));
    ArmSummary cs, ts;
    std::string why;
    REQUIRE(summarizeArm(control, cs, why));
    REQUIRE(summarizeArm(treated, ts, why));
    INFO("storage kind " << kind);
    CHECK(bits(*r.figures.getObject("control")->getNumber("mean")) == bits(cs.mean));
    CHECK(bits(*r.figures.getObject("control")->getNumber("sd")) == bits(cs.sd));
    CHECK(bits(*r.figures.getObject("treated")->getNumber("mean")) == bits(ts.mean));
    CHECK(bits(*r.figures.getObject("treated")->getNumber("sd")) == bits(ts.sd));
    CHECK(*r.figures.getObject("control")->getInteger("n") == static_cast<int64_t>(control.size()));
  }
}
