// Decl.cpp — spellings of entity kinds and parameter types.
#include "ast/Decl.h"

#include <llvm/ADT/StringExtras.h>

namespace vdc::ast {

const char *entityKindName(EntityKind kind) {
  switch (kind) {
  case EntityKind::Recipe:
    return "recipe";
  case EntityKind::Treatment:
    return "treatment";
  case EntityKind::Outcome:
    return "outcome";
  case EntityKind::Population:
    return "population";
  case EntityKind::Covariate:
    return "covariate";
  case EntityKind::Study:
    return "study";
  case EntityKind::Claim:
    return "claim";
  }
  return "declaration";
}

std::string TypeExpr::spelling() const {
  switch (kind) {
  case Kind::Int:
    return "int";
  case Kind::Number:
    return "number";
  case Kind::Bool:
    return "bool";
  case Kind::String:
    return "string";
  case Kind::Ref:
    return "ref";
  case Kind::List:
    return "list<" + (element.empty() ? std::string("?") : element[0].spelling()) + ">";
  case Kind::Enum:
    return "enum(" + llvm::join(members, ", ") + ")";
  case Kind::Invalid:
    return "?";
  }
  return "?";
}

} // namespace vdc::ast
