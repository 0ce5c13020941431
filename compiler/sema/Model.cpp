// Model.cpp — names of the model's enumerations, profile arithmetic, and the policy test.
#include "sema/Model.h"

#include <fmt/format.h>

namespace vdc {

const char *validityName(Validity v) {
  switch (v) {
  case Validity::Statistical:
    return "statistical";
  case Validity::Internal:
    return "internal";
  case Validity::External:
    return "external";
  case Validity::Construct:
    return "construct";
  }
  return "?";
}

std::optional<Validity> parseValidity(std::string_view text) {
  for (Validity v : kAllValidities)
    if (text == validityName(v))
      return v;
  return std::nullopt;
}

const char *levelName(Level l) {
  switch (l) {
  case Level::None:
    return "none";
  case Level::Careful:
    return "careful";
  case Level::Key:
    return "key";
  }
  return "?";
}

std::optional<Level> parseLevel(std::string_view text) {
  for (Level l : {Level::None, Level::Careful, Level::Key})
    if (text == levelName(l))
      return l;
  return std::nullopt;
}

const char *statusName(Status s) {
  switch (s) {
  case Status::Open:
    return "open";
  case Status::Stale:
    return "stale";
  case Status::Assumed:
    return "assumed";
  case Status::Discharged:
    return "discharged";
  }
  return "?";
}

const char *policyName(Policy p) {
  switch (p) {
  case Policy::OpenKey:
    return "open-key";
  case Policy::Open:
    return "open";
  case Policy::Assumed:
    return "assumed";
  case Policy::None:
    return "none";
  }
  return "?";
}

std::optional<Policy> parsePolicy(std::string_view text) {
  for (Policy p : {Policy::OpenKey, Policy::Open, Policy::Assumed, Policy::None})
    if (text == policyName(p))
      return p;
  return std::nullopt;
}

bool denies(Policy policy, const Obligation &o) {
  if (o.severity == Level::None)
    return false;
  switch (policy) {
  case Policy::OpenKey:
    return isOpen(o.status) && o.severity == Level::Key;
  case Policy::Open:
    return isOpen(o.status);
  case Policy::Assumed:
    return isOpen(o.status) || o.status == Status::Assumed;
  case Policy::None:
    return false;
  }
  return false;
}

void Profile::raise(Validity v, Level l) {
  Level &cell = (*this)[v];
  if (static_cast<int>(l) > static_cast<int>(cell))
    cell = l;
}

void Profile::merge(const Profile &other) {
  for (Validity v : kAllValidities)
    raise(v, other[v]);
}

std::string ParamBound::describe() const {
  std::string number = fmt::format("{}", min);
  return exclusive ? "must be greater than " + number : "must be at least " + number;
}

const ast::Param *Strategy::param(std::string_view name) const {
  for (const ast::Param &p : decl->params)
    if (p.name.text == name)
      return &p;
  return nullptr;
}

template <typename Map> static const typename Map::mapped_type *lookup(const Map &map, std::string_view name) {
  auto it = map.find(std::string(name));
  return it == map.end() ? nullptr : &it->second;
}

const Assumption *Theory::assumption(std::string_view name) const { return lookup(assumptions, name); }
const Strategy *Theory::strategy(std::string_view name) const { return lookup(strategies, name); }
const ProxyKind *Theory::proxyKind(std::string_view name) const { return lookup(proxyKinds, name); }
const Aggregation *Theory::aggregation(std::string_view name) const { return lookup(aggregations, name); }

} // namespace vdc
