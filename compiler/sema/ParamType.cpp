// ParamType.cpp — shape checks of values against parameter types.
#include "sema/ParamType.h"

#include <algorithm>
#include <llvm/ADT/StringExtras.h>

namespace vdc {

std::string describeType(const ast::TypeExpr &type) {
  using K = ast::TypeExpr::Kind;
  switch (type.kind) {
  case K::Int:
    return "an integer";
  case K::Number:
    return "a number";
  case K::Bool:
    return "`true` or `false`";
  case K::String:
    return "a string";
  case K::Ref:
    return "the name of a declaration";
  case K::List:
    return "a list of " + (type.element.empty() ? std::string("values") : type.element[0].spelling());
  case K::Enum:
    return "one of " + llvm::join(type.members, ", ");
  case K::Invalid:
    return "a value";
  }
  return "a value";
}

bool fitsType(const ast::TypeExpr &type, const ast::Value &value) {
  using K = ast::TypeExpr::Kind;
  using V = ast::Value::Kind;
  switch (type.kind) {
  case K::Int:
    return value.kind == V::Number && value.isInteger;
  case K::Number:
    return value.kind == V::Number;
  case K::Bool:
    return value.kind == V::Bool;
  case K::String:
    return value.kind == V::String;
  case K::Ref:
    return value.kind == V::Name;
  case K::List: {
    if (type.element.empty())
      return false;
    if (value.kind != V::List)
      return fitsType(type.element[0], value);
    return std::all_of(value.items.begin(), value.items.end(),
                       [&](const ast::Value &item) { return fitsType(type.element[0], item); });
  }
  case K::Enum:
    return value.kind == V::Name &&
           std::find(type.members.begin(), type.members.end(), value.name.text) != type.members.end();
  case K::Invalid:
    return true;
  }
  return false;
}

} // namespace vdc
