// Condition.cpp — evaluation of conditions over strategy parameters.
#include "sema/Condition.h"

namespace vdc {

bool isTruthy(const ast::Value &value) {
  switch (value.kind) {
  case ast::Value::Kind::Number:
    return value.number != 0;
  case ast::Value::Kind::String:
    return !value.text.empty();
  case ast::Value::Kind::Bool:
    return value.boolean;
  case ast::Value::Kind::List:
    return !value.items.empty();
  case ast::Value::Kind::Name:
  case ast::Value::Kind::Effect:
  case ast::Value::Kind::Ranking:
  case ast::Value::Kind::Trend:
  case ast::Value::Kind::Prediction:
    return true;
  }
  return false;
}

template <typename T> static bool compare(const T &a, const T &b, const std::string &op) {
  if (op == "==")
    return a == b;
  if (op == "!=")
    return !(a == b);
  if (op == "<")
    return a < b;
  if (op == "<=")
    return a < b || a == b;
  if (op == ">")
    return b < a;
  if (op == ">=")
    return b < a || a == b;
  return false;
}

static bool compareValues(const ast::Value &actual, const std::string &op, const ast::Value &literal) {
  using K = ast::Value::Kind;
  if (actual.kind == K::Number && literal.kind == K::Number)
    return compare(actual.number, literal.number, op);
  if (actual.kind == K::String && literal.kind == K::String)
    return compare(actual.text, literal.text, op);
  if (actual.kind == K::Bool && literal.kind == K::Bool)
    return compare(actual.boolean, literal.boolean, op);
  if (actual.kind == K::Name && literal.kind == K::Name)
    return compare(actual.name.text, literal.name.text, op);
  if (actual.kind == K::List && literal.kind == K::Number)
    return compare(static_cast<double>(actual.items.size()), literal.number, op);
  // Values of different kinds are never equal.
  return op == "!=";
}

bool evaluate(const ast::Condition &condition, const Arguments &args) {
  switch (condition.kind) {
  case ast::Condition::Kind::Not:
    return !evaluate(condition.operands[0], args);
  case ast::Condition::Kind::And:
    return evaluate(condition.operands[0], args) && evaluate(condition.operands[1], args);
  case ast::Condition::Kind::Or:
    return evaluate(condition.operands[0], args) || evaluate(condition.operands[1], args);
  case ast::Condition::Kind::Truth: {
    auto it = args.find(condition.param.text);
    return it != args.end() && it->second && isTruthy(*it->second);
  }
  case ast::Condition::Kind::Compare: {
    auto it = args.find(condition.param.text);
    if (it == args.end() || !it->second)
      return false; // an absent value makes a comparison false (LANGUAGE.md Section 15)
    if (condition.factors.empty())
      return compareValues(*it->second, condition.op, condition.literal);
    // A product of numeric terms (`runs_per_arm * configurations < 5`).
    if (it->second->kind != ast::Value::Kind::Number || condition.literal.kind != ast::Value::Kind::Number)
      return false;
    double product = it->second->number;
    for (const ast::Name &factor : condition.factors) {
      auto f = args.find(factor.text);
      if (f == args.end() || !f->second || f->second->kind != ast::Value::Kind::Number)
        return false;
      product *= f->second->number;
    }
    return compare(product, condition.literal.number, condition.op);
  }
  }
  return false;
}

} // namespace vdc

namespace vdc {

static std::string literalText(const ast::Value &v) {
  switch (v.kind) {
  case ast::Value::Kind::String:
    return "\"" + v.text + "\"";
  case ast::Value::Kind::Number:
    return v.text;
  case ast::Value::Kind::Bool:
    return v.boolean ? "true" : "false";
  case ast::Value::Kind::Name:
    return v.name.text;
  default:
    return v.describe();
  }
}

std::string conditionText(const ast::Condition &c) {
  auto operand = [&](const ast::Condition &o) {
    bool compound = o.kind == ast::Condition::Kind::And || o.kind == ast::Condition::Kind::Or;
    return compound ? "(" + conditionText(o) + ")" : conditionText(o);
  };
  switch (c.kind) {
  case ast::Condition::Kind::Not:
    return "not " + operand(c.operands[0]);
  case ast::Condition::Kind::And:
    return operand(c.operands[0]) + " and " + operand(c.operands[1]);
  case ast::Condition::Kind::Or:
    return operand(c.operands[0]) + " or " + operand(c.operands[1]);
  case ast::Condition::Kind::Compare: {
    std::string terms = c.param.text;
    for (const ast::Name &factor : c.factors)
      terms += " * " + factor.text;
    return terms + " " + c.op + " " + literalText(c.literal);
  }
  case ast::Condition::Kind::Truth:
    return c.param.text;
  }
  return "";
}

} // namespace vdc
