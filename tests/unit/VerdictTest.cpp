// VerdictTest.cpp — the verdict of a check re-derived from the figures a lock records (runtime/Verdict.cpp), the
// numerically careful Welch interval (runtime/Statistics.cpp), and the lock writer's guard against non-finite figures.
#include "runtime/Checks.h"
#include "runtime/Csv.h"
#include "runtime/Lock.h"
#include "runtime/Statistics.h"

#include "CheckParams.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace vdc::rt;

namespace {
/// Runs `check` on `csv` and returns its figures after a round trip through the lock's JSON text.
CheckResult run(const std::string &check, const llvm::json::Object &p, const std::string &csv) {
  CsvTable t;
  DataError e;
  REQUIRE(parseCsv("t.csv", csv, t, e));
  CheckResult r;
  REQUIRE(runCheck(*findCheck(check), p, t, r, e));
  Lock lock;
  LockEntry entry;
  entry.design = "d";
  entry.assumption = "a";
  entry.target = "t";
  entry.check = check;
  entry.params = p;
  entry.passed = r.passed;
  entry.figures = r.figures;
  lock.entries.push_back(entry);
  llvm::Expected<Lock> back = parseLock(serializeLock(lock, "9.9"));
  REQUIRE(static_cast<bool>(back));
  r.figures = back->entries[0].figures;
  return r;
}

std::optional<bool> verdict(const std::string &check, const llvm::json::Object &p, const llvm::json::Object &f,
                            std::string &why) {
  return verdictFromFigures(check, p, f, why);
}
} // namespace

TEST_CASE("verdictFromFigures agrees with every check it re-derives, passing or failing", "[runtime][verdict]") {
  std::string why;
  struct Case {
    std::string check;
    llvm::json::Object params;
    std::string csv;
  };
  std::vector<Case> cases;
  cases.push_back({"positivity",
                   vdc::test::checkParams("positivity", {{"treatment", "arm"}, {"strata", llvm::json::Array{"f"}}, {"min_count", 2}}),
                   "arm,f\nyes,a\nno,a\nyes,a\nno,a\nyes,b\nno,b\nyes,b\nno,b\n"});
  cases.push_back(
      {"positivity", vdc::test::checkParams("positivity", {{"treatment", "arm"}, {"min_count", 2}}), "arm\nyes\nno\nyes\n"});
  cases.push_back({"positivity", vdc::test::checkParams("positivity", {{"treatment", "arm"}}), "arm\nyes\nyes\n"});
  cases.push_back({"replicates", vdc::test::checkParams("replicates", {{"arm", "arm"}, {"min_per_arm", 2}}), "arm\na\nb\na\nb\n"});
  cases.push_back({"replicates", vdc::test::checkParams("replicates", {{"arm", "arm"}, {"min_per_arm", 2}}), "arm\na\nb\na\n"});
  llvm::json::Object welch =
      vdc::test::checkParams("effect_interval", {{"arm", "arm"}, {"outcome", "y"}, {"control", "c"}, {"treated", "t"}});
  cases.push_back({"effect_interval", welch, "arm,y\nc,10\nc,14\nc,12\nc,16\nt,15\nt,19\nt,17\nt,21\n"});
  cases.push_back({"effect_interval", welch, "arm,y\nc,10\nc,14\nc,12\nt,11\nt,15\nt,13\n"});
  cases.push_back({"effect_interval", welch, "arm,y\nc,1e300\nc,-1e300\nt,1e300\nt,-1e300\n"});
  cases.push_back({"effect_interval", welch, "arm,y\nc,1e-160\nc,1.1e-160\nt,5e-160\nt,5.1e-160\n"});
  llvm::json::Object law = vdc::test::checkParams("power_law_fit", {{"x", "x"}, {"y", "y"}, {"tolerance", 0.001}});
  cases.push_back({"power_law_fit", law, "x,y\n1,3\n2,12\n4,48\n8,192\n"});
  cases.push_back({"power_law_fit", law, "x,y\n1,3\n2,12\n4,48\n8,100\n"});
  bool sawPass = false, sawFail = false;
  for (const Case &c : cases) {
    CAPTURE(c.check, c.csv);
    CheckResult r = run(c.check, c.params, c.csv);
    std::optional<bool> v = verdict(c.check, c.params, r.figures, why);
    CAPTURE(why);
    REQUIRE(v);
    CHECK(*v == r.passed);
    (r.passed ? sawPass : sawFail) = true;
  }
  CHECK(sawPass);
  CHECK(sawFail);
}

TEST_CASE("verdictFromFigures refuses missing, malformed and inconsistent figures", "[runtime][verdict]") {
  std::string why;
  llvm::json::Object welch =
      vdc::test::checkParams("effect_interval", {{"arm", "arm"}, {"outcome", "y"}, {"control", "c"}, {"treated", "t"}});
  CheckResult r = run("effect_interval", welch, "arm,y\nc,10\nc,14\nc,12\nt,11\nt,15\nt,13\n");
  REQUIRE_FALSE(r.passed);
  CHECK(verdict("effect_interval", welch, r.figures, why) == false);
  CHECK(why == "the 95% interval [-3.534, 5.534] includes 0");

  llvm::json::Object moved = r.figures;
  moved["lower"] = 0.5;
  CHECK_FALSE(verdict("effect_interval", welch, moved, why));
  CHECK(why.find("does not follow from the recorded arms") != std::string::npos);

  llvm::json::Object noLower = r.figures;
  noLower.erase("lower");
  CHECK_FALSE(verdict("effect_interval", welch, noLower, why));
  CHECK(why == "`lower` is missing");

  llvm::json::Object wrongType = r.figures;
  wrongType["upper"] = "5";
  CHECK_FALSE(verdict("effect_interval", welch, wrongType, why));
  CHECK(why == "`upper` is not a finite number");

  llvm::json::Object otherLevel = welch;
  otherLevel["level"] = 0.9;
  CHECK_FALSE(verdict("effect_interval", otherLevel, r.figures, why));
  CHECK(why.find("the figures record level 0.95, but the parameters say 0.9") != std::string::npos);

  CHECK_FALSE(verdict("effect_interval", welch, llvm::json::Object{}, why));
  CHECK_FALSE(verdict("no_such_check", welch, r.figures, why));

  llvm::json::Object reps = vdc::test::checkParams("replicates", {{"arm", "arm"}, {"min_per_arm", 2}});
  for (llvm::json::Value bad : {llvm::json::Value(-1), llvm::json::Value(2.5), llvm::json::Value(1e300),
                                llvm::json::Value("2"), llvm::json::Value(nullptr)}) {
    llvm::json::Object f{{"counts", llvm::json::Object{{"a", 3}, {"b", std::move(bad)}}}, {"min_per_arm", 2}};
    CHECK_FALSE(verdict("replicates", reps, f, why));
  }
  CHECK_FALSE(verdict("replicates", reps, llvm::json::Object{{"counts", llvm::json::Object{}}}, why));

  llvm::json::Object pos = vdc::test::checkParams("positivity", {{"treatment", "arm"}, {"min_count", 1}});
  CheckResult p = run("positivity", pos, "arm\nyes\nno\nyes\n");
  REQUIRE(p.passed);
  llvm::json::Object extra = p.figures;
  extra["rows"] = 4;
  CHECK_FALSE(verdict("positivity", pos, extra, why));
  CHECK(why == "the counts add up to 3 rows, but `rows` is 4");

  llvm::json::Object law = vdc::test::checkParams("power_law_fit", {{"x", "x"}, {"y", "y"}, {"tolerance", 0.001}});
  CheckResult l = run("power_law_fit", law, "x,y\n1,3\n2,12\n4,48\n8,100\n");
  REQUIRE_FALSE(l.passed);
  llvm::json::Object lowered = l.figures;
  (*lowered.getArray("held_out"))[0].getAsObject()->operator[]("relative_error") = 0.0001;
  CHECK_FALSE(verdict("power_law_fit", law, lowered, why));
  CHECK(why.find("does not have the recorded relative error 0.0001") != std::string::npos);
}

TEST_CASE("Welch interval: scaling by 2^k scales the interval and keeps the degrees of freedom", "[runtime][verdict]") {
  ArmSummary c{4, 13, std::sqrt(20.0 / 3)}, t{4, 18, std::sqrt(20.0 / 3)};
  WelchInterval w;
  std::string why;
  REQUIRE(welchInterval(c, t, 0.95, w, why) == WelchFailure::None);
  CHECK(w.df == Approx(6));
  CHECK(w.lower == Approx(0.5325706));
  for (int k : {-1000, -600, 900, 1000}) {
    CAPTURE(k);
    ArmSummary cs{4, std::ldexp(13.0, k), std::ldexp(c.sd, k)}, ts{4, std::ldexp(18.0, k), std::ldexp(t.sd, k)};
    WelchInterval s;
    REQUIRE(welchInterval(cs, ts, 0.95, s, why) == WelchFailure::None);
    CHECK(s.df == Approx(6));
    CHECK(std::ldexp(s.lower, -k) == Approx(w.lower).epsilon(1e-6));
    CHECK(std::ldexp(s.upper, -k) == Approx(w.upper).epsilon(1e-6));
  }
  ArmSummary big{2, -1.7e308, 1e307}, bigT{2, 1.7e308, 1e307};
  CHECK(welchInterval(big, bigT, 0.95, w, why) == WelchFailure::Overflow);
  CHECK(why.find("difference of the means") != std::string::npos);
  ArmSummary flat{3, 1, 0};
  CHECK(welchInterval(flat, flat, 0.95, w, why) == WelchFailure::ZeroVariance);
  CHECK(welchInterval(c, t, 0.9999999999999999, w, why) == WelchFailure::None);
  CHECK(std::isfinite(w.upper));
}

TEST_CASE("lock: a non-finite figure is written as null, named, and never passes", "[runtime][verdict]") {
  Lock lock;
  LockEntry e;
  e.design = "d";
  e.assumption = "statistical.functional_form";
  e.target = "s";
  e.check = "power_law_fit";
  e.params = llvm::json::Object{{"tolerance", 0.05}};
  e.passed = true;
  e.figures = llvm::json::Object{
      {"a", std::numeric_limits<double>::infinity()},
      {"held_out", llvm::json::Array{llvm::json::Object{{"predicted", std::numeric_limits<double>::quiet_NaN()}}}}};
  lock.entries.push_back(e);
  std::string text = serializeLock(lock, "9.9");
  CHECK(text.find("inf") == std::string::npos);
  CHECK(text.find("nan") == std::string::npos);
  CHECK(text.find("\"a\": null") != std::string::npos);
  llvm::Expected<Lock> back = parseLock(text);
  REQUIRE(static_cast<bool>(back));
  CHECK_FALSE(back->entries[0].passed);
  CHECK(text.find("\"unrepresentable_figures\": [\n        \"a\",\n        \"held_out[0].predicted\"\n      ]") !=
        std::string::npos);
  CHECK(nonFiniteNumbers(llvm::json::Value(llvm::json::Object(e.figures))) ==
        std::vector<std::string>{"a", "held_out[0].predicted"});
}
