// CheckCatalogTest.cpp — the catalog of executable checks names each check once, and the table of checks in
// grammar/REFERENCE.md Section 8a lists exactly the catalog's checks with their parameters in order.
#include "runtime/CheckCatalog.h"

#include <catch2/catch.hpp>

#include <llvm/ADT/StringExtras.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

using namespace vdc::rt;

TEST_CASE("each check is named once and found by its name", "[runtime]") {
  std::set<std::string> names;
  std::set<int> kinds;
  for (const CheckSpec &spec : checkCatalog()) {
    INFO(spec.name);
    CHECK(names.insert(spec.name).second);
    CHECK(kinds.insert(static_cast<int>(spec.kind)).second);
    CHECK(findCheck(spec.name) == &spec);
    CHECK_FALSE(spec.description.empty());
    CHECK_FALSE(spec.discharges.empty());
  }
  CHECK(findCheck("no_such_check") == nullptr);
}

TEST_CASE("the reference's table of checks matches the catalog", "[runtime]") {
  std::ifstream in(std::string(VDC_TEST_SOURCE_DIR) + "/grammar/REFERENCE.md");
  REQUIRE(in);
  // | `positivity` | data, treatment, strata (`[]`), min_count (1) | internal.positivity, ... |
  std::regex row("^\\| `([a-z_]+)` \\| ([^|]+) \\| ([^|]+) \\|$");
  std::map<std::string, std::string> documented;
  std::string line;
  bool inSection = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0)
      inSection = line == "## 8a. Executable checks and lock files";
    std::smatch m;
    if (inSection && std::regex_match(line, m, row))
      documented[m[1]] = std::regex_replace(m[2].str(), std::regex(" \\([^)]*\\)"), "");
  }
  REQUIRE(documented.size() == checkCatalog().size());
  for (const CheckSpec &spec : checkCatalog()) {
    INFO(spec.name);
    std::vector<std::string> params;
    for (const CheckParam &p : spec.params)
      params.push_back(p.name);
    CHECK(documented[spec.name] == llvm::join(params, ", "));
  }
}
