// ReportFormatsTest.cpp — every registered report format writes a report, names are unique, an unknown name's message
// lists the registry, and the documentation's tables of formats name exactly the registered ones.
#include "driver/Compilation.h"
#include "report/ReportFormats.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace vdc;

namespace {

/// The format names in the first column of the Markdown table under `heading` in a file of the repository.
std::set<std::string> documentedFormats(const std::string &file, const std::string &heading) {
  std::ifstream in(std::string(VDC_TEST_SOURCE_DIR) + "/" + file);
  REQUIRE(in);
  std::set<std::string> names;
  std::string line;
  bool inSection = false;
  std::regex row("^\\| `([a-z]+)` \\|");
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0)
      inSection = line == heading;
    std::smatch m;
    if (inSection && std::regex_search(line, m, row))
      names.insert(m[1]);
  }
  return names;
}

} // namespace

TEST_CASE("every registered report format writes a report of a design", "[report]") {
  CompileOptions options;
  options.searchPath.push_back(VDC_SOURCE_STDLIB_DIR);
  Compilation c(options);
  c.compileFile(std::string(VDC_TEST_SOURCE_DIR) + "/examples/proxy_models.vdesign");
  REQUIRE_FALSE(c.diagnostics().hasErrors());
  ReportInput input;
  input.compilations.push_back(&c);
  std::set<std::string> names;
  for (const ReportFormat &f : reportFormats()) {
    INFO(f.name);
    CHECK(names.insert(f.name).second);
    CHECK(findReportFormat(f.name) == &f);
    CHECK(std::string(f.extension).rfind(".", 0) == 0);
    CHECK(std::string(f.description).size() > 0);
    std::ostringstream out;
    f.write(out, input);
    CHECK(out.str().size() > 100);
  }
  CHECK(reportFormats().front().name == std::string("text"));
}

TEST_CASE("an unknown report format's message lists every registered format", "[report]") {
  CHECK(findReportFormat("docx") == nullptr);
  CHECK(findReportFormat("") == nullptr);
  std::string message = unknownReportFormat("docx");
  CHECK(message.rfind("unknown format `docx` (available: text, json, ", 0) == 0);
  for (const ReportFormat &f : reportFormats())
    CHECK(message.find(std::string(" ") + f.name) != std::string::npos);
}

TEST_CASE("the documentation's tables of report formats name the registered formats", "[report]") {
  std::set<std::string> registered;
  for (const ReportFormat &f : reportFormats())
    registered.insert(f.name);
  CHECK(documentedFormats("README.md", "## Report formats") == registered);
  // Section 9a lists every format but the JSON report, which Section 9 describes.
  std::set<std::string> other = registered;
  other.erase("json");
  CHECK(documentedFormats("grammar/REFERENCE.md", "## 9a. The other report formats") == other);
}
