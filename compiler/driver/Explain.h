// Explain.h — `vdc explain NAME`: the long description of an assumption, a theory declaration or a diagnostic code.
#pragma once

#include "driver/Compilation.h"

#include <ostream>

namespace vdc {

/// One diagnostic code's long explanation with a wrong and a fixed example ("" where a file cannot show it).
struct Explanation {
  const char *code;
  const char *title;
  const char *text;
  const char *wrong;
  const char *fixed;
};

/// Every explanation, in code order.
const std::vector<Explanation> &allExplanations();

/// Writes the explanation of `name` (an assumption, possibly without its validity prefix, a strategy, a proxy kind,
/// an aggregation, or a code like VD2003). With a `file` (not ""), the theory is the one that file declares or
/// imports, besides the stdlib (LANGUAGE.md Section 16); its errors are written to `err` first. Returns false, after
/// writing a suggestion to `err`, when nothing matches.
bool explain(const std::string &name, const std::string &file, const CompileOptions &options, std::ostream &out,
             std::ostream &err);

} // namespace vdc
