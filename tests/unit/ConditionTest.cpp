// ConditionTest.cpp — evaluation of `when`/`unless` conditions over strategy parameters.
#include "sema/Condition.h"

#include <catch2/catch.hpp>

using namespace vdc;

namespace {
ast::Value number(double v) {
  ast::Value out;
  out.kind = ast::Value::Kind::Number;
  out.number = v;
  return out;
}
ast::Value name(const std::string &n) {
  ast::Value out;
  out.kind = ast::Value::Kind::Name;
  out.name.text = n;
  return out;
}
ast::Condition compare(const std::string &param, const std::string &op, ast::Value literal) {
  ast::Condition c;
  c.kind = ast::Condition::Kind::Compare;
  c.param.text = param;
  c.op = op;
  c.literal = std::move(literal);
  return c;
}
ast::Condition truth(const std::string &param) {
  ast::Condition c;
  c.kind = ast::Condition::Kind::Truth;
  c.param.text = param;
  return c;
}
ast::Condition combine(ast::Condition::Kind kind, ast::Condition a, ast::Condition b) {
  ast::Condition c;
  c.kind = kind;
  c.operands = {std::move(a), std::move(b)};
  return c;
}
} // namespace

TEST_CASE("numeric comparisons") {
  ast::Value three = number(3);
  Arguments args{{"runs_per_arm", &three}};
  CHECK(evaluate(compare("runs_per_arm", "<", number(5)), args));
  CHECK_FALSE(evaluate(compare("runs_per_arm", "<", number(2)), args));
  CHECK(evaluate(compare("runs_per_arm", "<=", number(3)), args));
  CHECK(evaluate(compare("runs_per_arm", ">=", number(3)), args));
  CHECK_FALSE(evaluate(compare("runs_per_arm", ">", number(3)), args));
  CHECK(evaluate(compare("runs_per_arm", "!=", number(4)), args));
}

TEST_CASE("enum values compare by name") {
  ast::Value did = name("did");
  Arguments args{{"design", &did}};
  CHECK(evaluate(compare("design", "==", name("did")), args));
  CHECK_FALSE(evaluate(compare("design", "==", name("rdd")), args));
}

TEST_CASE("a list tests true when it is not empty") {
  ast::Value empty;
  empty.kind = ast::Value::Kind::List;
  ast::Value one = empty;
  one.items.push_back(name("release_date"));
  CHECK_FALSE(evaluate(truth("adjust_for"), {{"adjust_for", &empty}}));
  CHECK(evaluate(truth("adjust_for"), {{"adjust_for", &one}}));
}

TEST_CASE("and, or, not and missing parameters") {
  ast::Value two = number(2);
  ast::Value yes;
  yes.kind = ast::Value::Kind::Bool;
  yes.boolean = true;
  Arguments args{{"n", &two}, {"flag", &yes}};
  CHECK(evaluate(combine(ast::Condition::Kind::And, compare("n", "<", number(10)), truth("flag")), args));
  CHECK_FALSE(evaluate(combine(ast::Condition::Kind::And, compare("n", ">", number(10)), truth("flag")), args));
  CHECK(evaluate(combine(ast::Condition::Kind::Or, compare("n", ">", number(10)), truth("flag")), args));
  ast::Condition negated;
  negated.kind = ast::Condition::Kind::Not;
  negated.operands.push_back(truth("flag"));
  CHECK_FALSE(evaluate(negated, args));
  // A parameter with no value never satisfies a comparison.
  CHECK_FALSE(evaluate(compare("missing", "==", number(0)), args));
  CHECK_FALSE(evaluate(truth("missing"), args));
}
