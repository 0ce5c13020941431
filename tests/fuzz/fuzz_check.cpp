// fuzz_check.cpp — libFuzzer target: parse and check one file, then write its JSON and SARIF reports,
// which must parse as JSON.
#include "FuzzCommon.h"

#include "report/JsonReport.h"
#include "report/SarifReport.h"

#include <llvm/Support/JSON.h>

#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  vdc::fuzz::maybeClearCache();
  vdc::Compilation c(vdc::fuzz::options());
  c.compileText("fuzz.vdesign", std::string(reinterpret_cast<const char *>(data), size));
  vdc::ReportInput input;
  input.compilations.push_back(&c);
  std::ostringstream json, sarif;
  vdc::writeJsonReport(json, input);
  vdc::writeSarifReport(sarif, input);
  if (!llvm::json::parse(json.str()))
    vdc::fuzz::fail("the JSON report does not parse");
  if (!llvm::json::parse(sarif.str()))
    vdc::fuzz::fail("the SARIF report does not parse");
  return 0;
}
