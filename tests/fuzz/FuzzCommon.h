// FuzzCommon.h — what every fuzz target shares: compile options that find the source stdlib, and a hard stop.
#pragma once

#include "driver/Compilation.h"
#include "parse/Parser.h"

#include <cstdio>
#include <cstdlib>

namespace vdc::fuzz {

/// Options for every run: the source stdlib, parsed once per process (as the language server does), so that
/// runs spend their time on the input rather than on parsing `core` again.
inline CompileOptions options() {
  static const std::shared_ptr<ModuleCache> cache = std::make_shared<ModuleCache>();
  CompileOptions o;
  o.searchPath.push_back(VDC_SOURCE_STDLIB_DIR);
  o.readLock = false;
  o.moduleCache = cache;
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
