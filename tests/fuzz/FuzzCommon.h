// FuzzCommon.h — what every fuzz target shares: compile options that find the source stdlib, and a hard stop.
#pragma once

#include "driver/Compilation.h"
#include "parse/Parser.h"

#include <cstdio>
#include <cstdlib>

namespace vdc::fuzz {

inline CompileOptions options() {
  CompileOptions o;
  o.searchPath.push_back(VDC_SOURCE_STDLIB_DIR);
  o.readLock = false;
  return o;
}

/// A property the fuzzer found broken: print it and abort so libFuzzer records the input.
[[noreturn]] inline void fail(const char *what) {
  std::fprintf(stderr, "fuzz property violated: %s\n", what);
  std::abort();
}

/// Bounded memory over millions of runs (the ANTLR prediction cache grows with new inputs).
inline void maybeClearCache() {
  static unsigned runs = 0;
  if (++runs % 1000 == 0)
    clearParserCache();
}

} // namespace vdc::fuzz
