// Condition.h — evaluates the `when`/`unless` conditions of `requires` lines against a study's parameters.
#pragma once

#include "ast/Decl.h"

#include <map>
#include <string>

namespace vdc {

/// The values a study gives its strategy's parameters (defaults filled in), by parameter name.
using Arguments = std::map<std::string, const ast::Value *>;

/// True when a value counts as "given": a non-empty list or string, `true`, a non-zero number, any name.
bool isTruthy(const ast::Value &value);

/// Evaluates a condition; a parameter without a value makes a comparison false and a test untrue.
bool evaluate(const ast::Condition &condition, const Arguments &args);

} // namespace vdc

namespace vdc {

/// The condition as it would be written in a theory file (`runs_per_arm < 5 and not adjust_for`).
std::string conditionText(const ast::Condition &condition);

} // namespace vdc
