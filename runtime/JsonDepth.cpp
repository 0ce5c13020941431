// JsonDepth.cpp — scans JSON text for the depth of its arrays and objects, skipping strings.
#include "runtime/JsonDepth.h"

namespace vdc::rt {

std::optional<size_t> jsonNestingExceeded(llvm::StringRef text, unsigned maxDepth) {
  size_t depth = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i; // the escaped character cannot end the string
      else if (c == '"')
        inString = false;
      continue;
    }
    switch (c) {
    case '"':
      inString = true;
      break;
    case '[':
    case '{':
      if (++depth > maxDepth)
        return i;
      break;
    case ']':
    case '}':
      if (depth > 0)
        --depth;
      break;
    default:
      break;
    }
  }
  return std::nullopt;
}

} // namespace vdc::rt
