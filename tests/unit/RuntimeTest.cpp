// RuntimeTest.cpp — the evidence runtime (runtime/): CSV parsing, the four checks on data with known answers, and the
// lock format. Known answers are worked by hand or with python's statistics module, as stated at each case.
#include "runtime/Checks.h"
#include "runtime/Csv.h"
#include "runtime/JsonDepth.h"
#include "runtime/Lock.h"

#include "CheckParams.h"

#include <catch2/catch.hpp>

using namespace vdc::rt;

namespace {
CsvTable table(const std::string &text) {
  CsvTable t;
  DataError e;
  REQUIRE(parseCsv("t.csv", text, t, e));
  return t;
}

/// The message and offset of a lock the reader refuses ("", 0 when it accepts it).
std::pair<std::string, size_t> refusal(const std::string &text) {
  std::pair<std::string, size_t> out{"", 0};
  llvm::Expected<Lock> lock = parseLock(text);
  if (!lock)
    llvm::handleAllErrors(lock.takeError(), [&](const LockError &e) { out = {e.message(), e.offset()}; });
  return out;
}

} // namespace

TEST_CASE("CSV: RFC 4180 quoting, CRLF, and a line number for each row", "[runtime]") {
  CsvTable t = table("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",3\r\nz,4");
  REQUIRE(t.header == std::vector<std::string>{"a", "b"});
  REQUIRE(t.rowCount() == 3);
  CHECK(t.cell(0, 0) == "x, y");
  CHECK(t.cell(0, 1) == "say \"hi\"");
  CHECK(t.cell(1, 0) == "multi\nline");
  CHECK(t.rowLines() == std::vector<size_t>{2, 3, 5});
}

TEST_CASE("CSV: fed one byte at a time, keeping only the selected columns", "[runtime]") {
  std::string text = "\xEF\xBB\xBF"
                     "a,b,c\r\n\"x, y\",1,\"q\"\"\"\r\n\"multi\nline\",2,r\r\nz,3,s";
  CsvReader reader("t.csv", std::vector<std::string>{"c", "a", "missing", "c"});
  DataError e;
  for (char c : text)
    REQUIRE(reader.feed(std::string_view(&c, 1), e));
  CsvTable t;
  REQUIRE(reader.finish(t, e));
  CHECK(t.header == std::vector<std::string>{"a", "b", "c"});
  CHECK(t.columns == std::vector<std::string>{"c", "a"});
  CHECK(t.columnList() == "a, b, c");
  REQUIRE(t.rowCount() == 3);
  CHECK(t.cell(0, 0) == "q\"");
  CHECK(t.cell(1, 1) == "multi\nline");
  CHECK(t.cell(2, 0) == "s");
  CHECK(t.rowLines() == std::vector<size_t>{2, 3, 5});
  CHECK_FALSE(t.column("b"));

  CsvReader ragged("t.csv", std::vector<std::string>{"a"});
  CHECK(ragged.feed("a,b\n1,2\n", e));
  CHECK_FALSE(ragged.feed("3\n4,5\n", e));
  CHECK(e.line == 3);
}

TEST_CASE("CSV: malformed input names the line", "[runtime]") {
  CsvTable t;
  DataError e;
  CHECK_FALSE(parseCsv("t.csv", "a,b\n1,2\n3\n", t, e));
  CHECK(e.line == 3);
  CHECK(e.message.find("ragged row: 1 fields, but the header has 2 columns (a, b)") != std::string::npos);
  CHECK_FALSE(parseCsv("t.csv", "a,b\n1,\"2\n", t, e));
  CHECK(e.message.find("not closed") != std::string::npos);
  CHECK_FALSE(parseCsv("t.csv", "a,a\n1,2\n", t, e));
  CHECK(e.message.find("twice") != std::string::npos);
  CHECK_FALSE(parseCsv("t.csv", "", t, e));
}

TEST_CASE("effect_interval: Welch interval worked by hand", "[runtime]") {
  // control 10,12,14,16 and treated 15,17,19,21: means 13 and 18, variances 20/3 (python statistics.variance),
  // se = sqrt(20/3/4*2) = 1.825742, df = 6, t(0.975, 6) = 2.446912 (t table) -> 5 +/- 4.467429.
  CsvTable t = table("arm,y\nc,10\nc,12\nc,14\nc,16\nt,15\nt,17\nt,19\nt,21\n");
  CheckResult r;
  DataError e;
  auto p = vdc::test::checkParams("effect_interval", {{"data", "t.csv"}, {"arm", "arm"}, {"outcome", "y"}, {"control", "c"},
                                      {"treated", "t"}});
  REQUIRE(runCheck(*findCheck("effect_interval"), p, t, r, e));
  CHECK(r.passed);
  CHECK(*r.figures.getNumber("df") == Approx(6.0));
  CHECK(*r.figures.getNumber("lower") == Approx(0.532571).epsilon(1e-5));
  CHECK(*r.figures.getNumber("upper") == Approx(9.467429).epsilon(1e-6));
  // Welch with unequal variances: control 1,2,3 (var 1), treated 2,4,6,8 (var 20/3); by hand
  // se^2 = 1/3 + 5/3 = 2, df = 4 / ((1/3)^2/2 + (5/3)^2/3) = 4 / (1/18 + 25/27) = 4.075472.
  CsvTable u = table("arm,y\nc,1\nc,2\nc,3\nt,2\nt,4\nt,6\nt,8\n");
  REQUIRE(runCheck(*findCheck("effect_interval"), p, u, r, e));
  CHECK(*r.figures.getNumber("df") == Approx(4.075472).epsilon(1e-6));
  CHECK(*r.figures.getNumber("standard_error") == Approx(1.414214).epsilon(1e-6));
  CHECK_FALSE(r.passed); // difference 3, half-width about 2.77 * 1.414 = 3.9 > 3
}

TEST_CASE("effect_interval: zero variance, an empty arm and a non-numeric value are errors", "[runtime]") {
  auto p = vdc::test::checkParams("effect_interval", {{"data", "t.csv"}, {"arm", "arm"}, {"outcome", "y"}, {"control", "c"},
                                      {"treated", "t"}});
  CheckResult r;
  DataError e;
  CHECK_FALSE(runCheck(*findCheck("effect_interval"), p, table("arm,y\nc,1\nc,1\nt,2\nt,2\n"), r, e));
  CHECK(e.message.find("zero variance") != std::string::npos);
  CHECK_FALSE(runCheck(*findCheck("effect_interval"), p, table("arm,y\nc,1\nc,2\n"), r, e));
  CHECK(e.message.find("arm `t` is empty") != std::string::npos);
  CHECK_FALSE(runCheck(*findCheck("effect_interval"), p, table("arm,y\nc,1\nc,x\nt,2\nt,3\n"), r, e));
  CHECK(e.line == 3);
  CHECK(e.message.find("data row 2") != std::string::npos);
}

TEST_CASE("positivity and replicates count by hand", "[runtime]") {
  CsvTable t = table("f,a\nx,1\nx,0\ny,1\ny,1\n");
  CheckResult r;
  DataError e;
  REQUIRE(runCheck(*findCheck("positivity"), vdc::test::checkParams("positivity", {{"data", "d"}, {"treatment", "a"}}), t, r, e));
  CHECK(r.passed); // overall: level 0 once, level 1 three times
  REQUIRE(runCheck(*findCheck("positivity"),
                   vdc::test::checkParams("positivity", {{"data", "d"}, {"treatment", "a"}, {"strata", llvm::json::Array{"f"}}}), t, r,
                   e));
  CHECK_FALSE(r.passed); // stratum y has no row with a = 0
  CHECK(r.figures.getArray("violations")->size() == 1);
  REQUIRE(runCheck(*findCheck("replicates"), vdc::test::checkParams("replicates", {{"data", "d"}, {"arm", "f"}, {"min_per_arm", 2}}),
                   t, r, e));
  CHECK(r.passed);
  CHECK_FALSE(runCheck(*findCheck("replicates"), vdc::test::checkParams("replicates", {{"data", "d"}, {"arm", "g"}, {"min_per_arm", 2}}),
                       t, r, e));
  CHECK(e.message == "no column `g` (named by `arm:`); the columns are: f, a");
  CHECK_FALSE(runCheck(*findCheck("replicates"), vdc::test::checkParams("replicates", {{"data", "d"}, {"arm", "f"}, {"min_per_arm", 2}}),
                       table("f\nx\n"), r, e));
  CHECK(e.message.find("fewer than two data rows") != std::string::npos);
}

TEST_CASE("power_law_fit recovers an exact power law", "[runtime]") {
  // y = 3 x^2 on x = 1, 2, 4; held out x = 8, y = 192 (by hand).
  CheckResult r;
  DataError e;
  auto p = vdc::test::checkParams("power_law_fit", {{"data", "d"}, {"x", "x"}, {"y", "y"}});
  REQUIRE(runCheck(*findCheck("power_law_fit"), p, table("x,y\n1,3\n2,12\n4,48\n8,192\n"), r, e));
  CHECK(r.passed);
  CHECK(*r.figures.getNumber("a") == Approx(3.0));
  CHECK(*r.figures.getNumber("b") == Approx(2.0));
  // 10% off at the held-out point fails the default 5% tolerance.
  REQUIRE(runCheck(*findCheck("power_law_fit"), p, table("x,y\n1,3\n2,12\n4,48\n8,211.2\n"), r, e));
  CHECK_FALSE(r.passed);
  CHECK(*r.figures.getNumber("max_relative_error") == Approx(19.2 / 211.2));
  CHECK_FALSE(runCheck(*findCheck("power_law_fit"), p, table("x,y\n1,3\n2,0\n8,192\n"), r, e));
  CHECK(e.message.find("positive") != std::string::npos);
}

TEST_CASE("checks state what they discharge; none discharges external validity", "[runtime]") {
  for (const CheckSpec &s : checkCatalog())
    for (const std::string &a : s.discharges)
      CHECK(a.rfind("external.", 0) != 0);
  CHECK(findCheck("positivity")->canDischarge("internal.conditional_positivity"));
  CHECK_FALSE(findCheck("replicates")->canDischarge("internal.positivity"));
}

TEST_CASE("lock: round trip with sorted keys, and corrupt or foreign locks are refused", "[runtime]") {
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Lock lock;
  LockEntry e;
  e.design = "d";
  e.assumption = "statistical.finite_sample";
  e.target = "s";
  e.check = "replicates";
  e.params = llvm::json::Object{{"min_per_arm", 2}, {"arm", "a"}, {"data", "x.csv"}};
  e.data["x.csv"] = sha256Hex("abc");
  e.passed = true;
  lock.entries.push_back(e);
  std::string text = serializeLock(lock, "9.9");
  CHECK(text.find("\"arm\": \"a\",\n        \"data\": \"x.csv\",\n        \"min_per_arm\": 2") != std::string::npos);
  llvm::Expected<Lock> back = parseLock(text);
  REQUIRE(static_cast<bool>(back));
  REQUIRE(back->find("d", "statistical.finite_sample", "s"));
  CHECK(canonicalJson(llvm::json::Value(llvm::json::Object(back->entries[0].params))) ==
        "{\"arm\":\"a\",\"data\":\"x.csv\",\"min_per_arm\":2}");
  CHECK(serializeLock(*back, "9.9") == text);
  CHECK(refusal("{\"schema\": \"vdesign-lock/1\", \"checks\": [").first.find("not valid JSON") == 0);
  CHECK(refusal("{\"schema\": \"vdesign-lock/2\", \"checks\": []}").first.find("vdesign-lock/2") != std::string::npos);
}

TEST_CASE("JSON nesting is bounded before parsing, brackets in strings aside", "[runtime][lock]") {
  CHECK_FALSE(jsonNestingExceeded("[[{\"a\": [1]}]]", 4));
  CHECK(jsonNestingExceeded("[[{\"a\": [1]}]]", 3) == size_t(8));
  CHECK_FALSE(jsonNestingExceeded("[\"[[[[\\\"[[[\", \"{{\"]", 1));     // brackets and an escaped quote in strings
  CHECK(jsonNestingExceeded("[\"\\\\\", [[]]]", 2) == size_t(8));     // an escaped backslash ends before the quote
  CHECK_FALSE(jsonNestingExceeded("]]]]][", 1));                       // closers never make the depth negative
  CHECK_FALSE(jsonNestingExceeded("", 0));
  std::string deep = "{\"schema\": \"vdesign-lock/1\", \"checks\": " + std::string(100000, '[');
  auto [error, offset] = refusal(deep);
  CHECK(error == "it is nested deeper than 128 levels (a lock file has about 5)");
  CHECK(offset == 39 + kMaxLockNesting - 1); // the `{` is the first level
}
