// ParamType.h — whether a written value fits a strategy parameter's declared type.
#pragma once

#include "ast/Decl.h"

#include <string>

namespace vdc {

/// The type in words for messages ("an integer", "one of naive, did, rdd").
std::string describeType(const ast::TypeExpr &type);

/// True when `value` has the shape of `type`; names for `ref` are resolved later by the design checker.
/// A single value is accepted where a list is expected, as a list of one.
bool fitsType(const ast::TypeExpr &type, const ast::Value &value);

} // namespace vdc
