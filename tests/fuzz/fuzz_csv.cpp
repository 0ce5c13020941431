// fuzz_csv.cpp — libFuzzer target: the CSV reader of the executable checks on arbitrary bytes (invalid UTF-8,
// unclosed quotes, ragged rows). It must accept or refuse each input without crashing; a refusal has a message and
// names a line the input has, and every column of an accepted header can be found by its name.
#include "FuzzCommon.h"

#include "runtime/Csv.h"

#include <algorithm>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  vdc::rt::CsvTable table;
  vdc::rt::DataError error;
  if (!vdc::rt::parseCsv("fuzz.csv", text, table, error)) {
    if (error.message.empty())
      vdc::fuzz::fail("a refused CSV has no message");
    size_t breaks = std::count(text.begin(), text.end(), '\n') + std::count(text.begin(), text.end(), '\r');
    if (error.line > breaks + 1)
      vdc::fuzz::fail("a refused CSV names a line past its end");
    return 0;
  }
  for (const std::string &name : table.header)
    if (!table.column(name))
      vdc::fuzz::fail("a header column cannot be found by its name");
  return 0;
}
