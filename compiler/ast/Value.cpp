// Value.cpp — descriptions and look-ups of source values.
#include "ast/Value.h"

namespace vdc::ast {

std::string Value::describe() const {
  switch (kind) {
  case Kind::Number:
    return "the number " + text;
  case Kind::String:
    return "a string";
  case Kind::Bool:
    return boolean ? "`true`" : "`false`";
  case Kind::Name:
    return "the name `" + name.text + "`";
  case Kind::List:
    return "a list";
  case Kind::Effect:
    return "an effect";
  }
  return "a value";
}

const Attribute *findAttribute(const std::vector<Attribute> &attrs, std::string_view key) {
  for (const Attribute &attr : attrs)
    if (attr.key.text == key)
      return &attr;
  return nullptr;
}

} // namespace vdc::ast
