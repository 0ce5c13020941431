// CheckParams.h — the parameters of a check as vdc passes them to it: the ones a test gives, every other default filled.
#pragma once

#include "runtime/Checks.h"

#include <initializer_list>
#include <string>

namespace vdc::test {

inline llvm::json::Object checkParams(const std::string &check,
                                      std::initializer_list<llvm::json::Object::KV> given) {
  llvm::json::Object all(given);
  for (const rt::CheckParam &p : rt::findCheck(check)->params)
    if (!all.get(p.name))
      all[p.name] = p.defaultValue;
  return all;
}

} // namespace vdc::test
