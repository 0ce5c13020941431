// Decl.cpp — spellings of entity kinds, parameter types and the sorts of proxy kinds.
#include "ast/Decl.h"

#include <llvm/ADT/StringExtras.h>
#include <algorithm>

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

bool ProxyKindDecl::appliesToKind(EntityKind kind) const {
  return appliesTo == kind || std::find(alsoAppliesTo.begin(), alsoAppliesTo.end(), kind) != alsoAppliesTo.end();
}

std::string ProxyKindDecl::sortsText() const {
  std::string out = std::string(entityKindName(appliesTo)) + "s";
  for (size_t i = 0; i < alsoAppliesTo.size(); ++i)
    out += std::string(i + 1 == alsoAppliesTo.size() ? " and " : ", ") + entityKindName(alsoAppliesTo[i]) + "s";
  return out;
}

} // namespace vdc::ast
