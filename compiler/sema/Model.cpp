// Model.cpp — names of the model's enumerations, profile arithmetic, and the policy test.
#include "sema/Model.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

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

const char *claimFormName(ClaimForm form) {
  switch (form) {
  case ClaimForm::Effect:
    return "effect";
  case ClaimForm::Ranking:
    return "ranking";
  case ClaimForm::Trend:
    return "trend";
  case ClaimForm::Prediction:
    return "prediction";
  }
  return "?";
}

std::optional<ClaimForm> parseClaimForm(std::string_view text) {
  for (ClaimForm f : {ClaimForm::Effect, ClaimForm::Ranking, ClaimForm::Trend, ClaimForm::Prediction})
    if (text == claimFormName(f))
      return f;
  return std::nullopt;
}

const char *statusName(Status s) {
  switch (s) {
  case Status::Open:
    return "open";
  case Status::Stale:
    return "stale";
  case Status::Contested:
    return "contested";
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
  case Policy::AssumedKey:
    return "assumed-key";
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
  for (Policy p : {Policy::OpenKey, Policy::AssumedKey, Policy::Open, Policy::Assumed, Policy::None})
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
  case Policy::AssumedKey: // an argument alone does not settle a key threat
    return (isOpen(o.status) || o.status == Status::Assumed) && o.severity == Level::Key;
  case Policy::Open:
    return isOpen(o.status);
  case Policy::Assumed:
    return isOpen(o.status) || o.status == Status::Assumed;
  case Policy::None:
    return false;
  }
  return false;
}

std::vector<int> Chain::allObligations() const {
  std::vector<int> ids = obligations;
  for (const InheritedObligation &i : inherited)
    if (std::find(ids.begin(), ids.end(), i.id) == ids.end())
      ids.push_back(i.id);
  return ids;
}

namespace {
/// What ranks chains when a claim's deciding chain is chosen.
struct ChainCounts {
  int open = 0, openCareful = 0, openKey = 0;
};

ChainCounts countOpen(const Chain &chain, const CheckedDesign &design) {
  ChainCounts n;
  for (int id : chain.allObligations()) {
    const Obligation &o = design.obligation(id);
    if (!o.isThreat() || !isOpen(o.status))
      continue;
    ++n.open;
    n.openCareful += o.severity == Level::Careful;
    n.openKey += o.severity == Level::Key;
  }
  return n;
}
} // namespace

void decideClaim(Claim &claim, const CheckedDesign &design) {
  claim.holds = false;
  claim.deciding = -1;
  claim.profile = {};
  // Holding chains first (fewest open, then fewest open careful); else fewest blocking, then fewest open key.
  // Ties go to the first chain in `from:`.
  auto rank = [&](const Chain &chain) {
    ChainCounts n = countOpen(chain, design);
    if (chain.holds)
      return std::make_tuple(0, n.open, n.openCareful);
    return std::make_tuple(1, static_cast<int>(chain.blocking.size()), n.openKey);
  };
  // The deciding chain among those reaching `point` (every chain when the claim is not a trend), or -1.
  auto decide = [&](const std::string *point) {
    std::optional<std::tuple<int, int, int>> best;
    int pick = -1;
    for (size_t i = 0; i < claim.chains.size(); ++i) {
      const Chain &chain = claim.chains[i];
      if (point && chain.point != *point)
        continue;
      auto r = rank(chain);
      if (!best || r < *best) {
        best = r;
        pick = static_cast<int>(i);
      }
    }
    return pick;
  };
  for (Chain &chain : claim.chains) {
    chain.deciding = false;
    claim.profile.inherent.merge(chain.profile.inherent);
  }
  if (claim.form == ClaimForm::Trend) {
    // A trend needs all its points (LANGUAGE.md Section 14): each listed recipe is decided by its own chains, the
    // claim holds when every recipe has a holding chain, and its residual profile joins the deciding chains'.
    claim.holds = !claim.trendRecipes.empty();
    for (const std::string &point : claim.trendRecipes) {
      int pick = decide(&point);
      if (pick < 0) {
        claim.holds = false;
        continue;
      }
      Chain &chain = claim.chains[static_cast<size_t>(pick)];
      chain.deciding = true;
      claim.holds = claim.holds && chain.holds;
      claim.profile.residual.merge(chain.profile.residual);
      if (claim.deciding < 0)
        claim.deciding = pick;
    }
    return;
  }
  for (const Chain &chain : claim.chains)
    claim.holds = claim.holds || chain.holds;
  claim.deciding = decide(nullptr);
  if (Chain *chain = claim.deciding < 0 ? nullptr : &claim.chains[static_cast<size_t>(claim.deciding)]) {
    chain->deciding = true;
    claim.profile.residual = chain->profile.residual;
  }
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
