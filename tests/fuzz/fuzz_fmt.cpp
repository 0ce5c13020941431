// fuzz_fmt.cpp — libFuzzer target: `vdc fmt` never crashes, and on what it accepts it is idempotent and its
// output still parses without errors.
#include "FuzzCommon.h"

#include "format/Formatter.h"

#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  vdc::fuzz::maybeClearCache();
  std::string text(reinterpret_cast<const char *>(data), size);
  std::string once, twice;
  std::ostringstream err;
  if (!vdc::formatSource("fuzz.vdesign", text, once, err, false))
    return 0;
  if (!vdc::formatSource("fuzz.vdesign", once, twice, err, false))
    vdc::fuzz::fail("formatted output does not parse");
  if (once != twice)
    vdc::fuzz::fail("fmt is not idempotent");
  return 0;
}
