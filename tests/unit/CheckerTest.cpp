// CheckerTest.cpp — proxy graph, chains, obligations, discharges and profiles, on designs with a theory of their own.
#include "driver/Compilation.h"

#include <catch2/catch.hpp>

using namespace vdc;

namespace {

/// A small theory written in the test, so the checks do not depend on the stdlib's wording.
const char *kTheory = R"(
assumption statistical.finite_sample "n" { testable: true }
assumption internal.exchangeability "e" { testable: false }
assumption external.proxy_recipe "p" { testable: false }
assumption external.across_recipes "a" { testable: false }
assumption external.across_units "u" { testable: false }
assumption construct.proxy_outcome "o" { testable: false }
strategy trial "test strategy" {
  param runs: int = 1
  satisfies internal.exchangeability
  requires statistical.finite_sample severity key when runs < 2
  requires statistical.finite_sample severity careful when runs < 5
}
strategy survey "observational" { param n: int  requires internal.exchangeability severity key }
strategy units_run "within run" { estimand: average_over_units }
proxy shrink for recipe "smaller" { requires external.proxy_recipe severity key }
proxy loss for outcome "loss" { requires construct.proxy_outcome severity key }
aggregation recipes "pool" { requires external.across_recipes severity careful }
aggregation units "units" { requires external.across_units severity careful }
)";

struct Checked {
  std::unique_ptr<Compilation> compilation;
  const CheckedDesign &design() const { return compilation->designs().at(0); }
  const Claim &claim() const { return design().claims.at(0); }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto &d : compilation->diagnostics().all())
      out.push_back(d.code());
    return out;
  }
};

Checked check(const std::string &design, Policy policy = Policy::OpenKey) {
  CompileOptions options;
  options.policy = policy; // no search path: the implicit core is not found, and the test's theory is all there is
  Checked out{std::make_unique<Compilation>(options)};
  out.compilation->compileText("core.vdesign", std::string(kTheory) + design);
  return out;
}

const Obligation *find(const CheckedDesign &d, const std::string &assumption, const std::string &at) {
  for (const Obligation &o : d.obligations)
    if (o.assumption->name == assumption && o.attachedTo == at)
      return &o;
  return nullptr;
}

} // namespace

TEST_CASE("a two-hop proxy chain adds one obligation per hop") {
  auto c = check(R"(design d {
    recipe big { params: 70B }
    recipe mid proxy of big via shrink { params: 7B }
    recipe small proxy of mid via shrink { params: 1B }
    treatment t
    outcome y
    study s { strategy: trial recipe: small treatment: t outcome: y runs: 5 }
    claim c { effect: t on y in big  from: s }
  })");
  REQUIRE(c.codes().empty());
  CHECK(find(c.design(), "external.proxy_recipe", "small"));
  CHECK(find(c.design(), "external.proxy_recipe", "mid"));
  REQUIRE(c.claim().chains.size() == 1);
  CHECK(c.claim().chains[0].steps.size() == 3);
  CHECK(c.claim().profile.inherent[Validity::External] == Level::Key);
  CHECK(c.claim().profile.inherent[Validity::Statistical] == Level::None);
  CHECK_FALSE(c.claim().holds);
}

TEST_CASE("the first applicable requires line wins") {
  auto few = check(R"(design d { recipe r  treatment t  outcome y
    study s { strategy: trial recipe: r treatment: t outcome: y runs: 1 }
    claim c { effect: t on y in r from: s } })");
  auto some = check(R"(design d { recipe r  treatment t  outcome y
    study s { strategy: trial recipe: r treatment: t outcome: y runs: 3 }
    claim c { effect: t on y in r from: s } })");
  auto many = check(R"(design d { recipe r  treatment t  outcome y
    study s { strategy: trial recipe: r treatment: t outcome: y runs: 8 }
    claim c { effect: t on y in r from: s } })");
  CHECK(find(few.design(), "statistical.finite_sample", "s")->severity == Level::Key);
  CHECK(find(some.design(), "statistical.finite_sample", "s")->severity == Level::Careful);
  CHECK(find(many.design(), "statistical.finite_sample", "s") == nullptr);
  // Satisfied by design: recorded, severity none, discharged with evidence "design".
  const Obligation *e = find(many.design(), "internal.exchangeability", "s");
  REQUIRE(e);
  CHECK(e->severity == Level::None);
  CHECK(e->status == Status::Discharged);
  CHECK(e->evidence->kind == "design");
  CHECK(many.claim().holds);
}

TEST_CASE("population studies reach recipe claims through the recipes aggregation") {
  auto c = check(R"(design d { population p  recipe r  treatment t  outcome y
    study s { strategy: survey population: p treatment: t outcome: y n: 50 }
    claim onRecipe { effect: t on y in r from: s }
    claim onPopulation { effect: t on y in p from: s } })");
  REQUIRE(c.codes().empty());
  const auto &claims = c.design().claims;
  CHECK(claims[0].profile.inherent[Validity::External] == Level::Careful);
  CHECK(claims[1].profile.inherent[Validity::External] == Level::None);
  const Obligation *pool = find(c.design(), "external.across_recipes", "s");
  REQUIRE(pool);
  CHECK(pool->claims == std::vector<std::string>{"onRecipe"});
}

TEST_CASE("unit averages need the units aggregation unless the claim is over units") {
  auto c = check(R"(design d { recipe r  treatment t  outcome y
    study s { strategy: units_run recipe: r treatment: t outcome: y }
    claim effect { effect: t on y in r from: s }
    claim average { effect: t on y in r over: units from: s } })");
  REQUIRE(c.codes().empty());
  CHECK(c.design().claims[0].profile.inherent[Validity::External] == Level::Careful);
  CHECK(c.design().claims[1].profile.inherent[Validity::External] == Level::None);
}

TEST_CASE("discharges change status and the residual profile; policy decides holding") {
  const char *design = R"(design d {
    recipe big  recipe small proxy of big via shrink  treatment t  outcome y
    study s { strategy: trial recipe: small treatment: t outcome: y runs: 3 }
    claim c { effect: t on y in big from: s }
    discharge external.proxy_recipe for small by argument "same family" })";
  auto openKey = check(design, Policy::OpenKey);
  REQUIRE(openKey.codes().empty());
  CHECK(find(openKey.design(), "external.proxy_recipe", "small")->status == Status::Assumed);
  CHECK(openKey.claim().profile.residual[Validity::External] == Level::None);
  CHECK(openKey.claim().profile.inherent[Validity::External] == Level::Key);
  CHECK(openKey.claim().holds);
  CHECK_FALSE(check(design, Policy::Open).claim().holds);     // finite_sample careful is open
  CHECK_FALSE(check(design, Policy::Assumed).claim().holds);  // the argument counts against it
  CHECK(check(design, Policy::None).claim().holds);
}

TEST_CASE("a claim holds when any one chain holds") {
  auto c = check(R"(design d {
    recipe big  recipe small proxy of big via shrink  treatment t  outcome y
    study proxy_run { strategy: trial recipe: small treatment: t outcome: y runs: 5 }
    study target_run { strategy: trial recipe: big treatment: t outcome: y runs: 5 }
    claim c { effect: t on y in big from: proxy_run, target_run } })");
  REQUIRE(c.claim().chains.size() == 2);
  CHECK_FALSE(c.claim().chains[0].holds);
  CHECK(c.claim().chains[1].holds);
  CHECK(c.claim().holds);
  CHECK(c.claim().profile.inherent[Validity::External] == Level::Key);
}

TEST_CASE("proxy cycles are reported once and do not hang chain building") {
  auto c = check(R"(design d {
    recipe a proxy of b via shrink  recipe b proxy of a via shrink  treatment t  outcome y
    study s { strategy: trial recipe: a treatment: t outcome: y runs: 5 }
    claim c { effect: t on y in b from: s } })");
  auto codes = c.codes();
  CHECK(std::count(codes.begin(), codes.end(), std::string("VD2007")) == 1);
}

TEST_CASE("a user's theory works exactly like the stdlib's") {
  auto c = check(R"(
    assumption construct.judge_agreement "judge agreement" { testable: true }
    proxy llm_judge for outcome "graded by a model" { requires construct.judge_agreement severity careful }
    design d { recipe r  treatment t  outcome human  outcome judged proxy of human via llm_judge
      study s { strategy: trial recipe: r treatment: t outcome: judged runs: 5 }
      claim c { effect: t on human in r from: s }
      discharge construct.judge_agreement for judged by check "kappa 0.8 on 200 items" })");
  // A check described in words still discharges, with a warning that vdc did not run it (LANGUAGE.md 12.2).
  REQUIRE(c.codes() == std::vector<std::string>{"VD2030"});
  const Obligation *o = find(c.design(), "construct.judge_agreement", "judged");
  REQUIRE(o);
  CHECK(o->severity == Level::Careful);
  CHECK(o->status == Status::Discharged);
  CHECK(o->evidence->kind == "check");
  CHECK(o->evidence->described);
  CHECK_FALSE(o->evidence->verified);
}

TEST_CASE("severity none: satisfied by design and open-but-not-a-threat are told apart, and no policy denies them") {
  auto design = [](Policy policy) {
    return check(R"(
      assumption internal.consistency "c" { testable: false }
      strategy noted "records consistency without calling it a threat" {
        satisfies internal.exchangeability
        requires internal.consistency severity none
      }
      design d { recipe r  treatment t  outcome y
        study s { strategy: noted recipe: r treatment: t outcome: y }
        claim c { effect: t on y in r from: s } })",
                 policy);
  };
  for (Policy policy : {Policy::OpenKey, Policy::Open, Policy::Assumed, Policy::None}) {
    auto c = design(policy);
    REQUIRE(c.codes().empty());
    CHECK(c.claim().holds);
    const Obligation *byDesign = find(c.design(), "internal.exchangeability", "s");
    const Obligation *recorded = find(c.design(), "internal.consistency", "s");
    REQUIRE(byDesign);
    REQUIRE(recorded);
    CHECK(byDesign->satisfiedByDesign());
    CHECK_FALSE(byDesign->openButNotThreat());
    CHECK_FALSE(byDesign->isThreat());
    CHECK(recorded->status == Status::Open);
    CHECK(recorded->openButNotThreat());
    CHECK_FALSE(recorded->satisfiedByDesign());
    CHECK_FALSE(denies(policy, *recorded));
  }
}

TEST_CASE("strategies declare their target, covariate parameters and positive counts") {
  auto c = check(R"(
    assumption internal.conditional_exchangeability "ce" { testable: false }
    strategy adjusted "adjusted comparison" {
      target: "population"
      param n: int
      param adjust_for: list<ref> = []
      positive: n
      covariates: adjust_for
      requires internal.conditional_exchangeability severity key when adjust_for
    }
    design d { population p  recipe r  treatment t  outcome y  covariate age { observed: true }
      study ok { strategy: adjusted population: p treatment: t outcome: y n: 3 adjust_for: age }
      study zero { strategy: adjusted population: p treatment: t outcome: y n: 0 }
      study onRecipe { strategy: adjusted recipe: r treatment: t outcome: y n: 3 }
      study outcomeAdjusted { strategy: adjusted population: p treatment: t outcome: y n: 3 adjust_for: y }
      claim c { effect: t on y in p from: ok, zero, onRecipe, outcomeAdjusted } })");
  const Strategy *s = c.compilation->theory().strategy("adjusted");
  REQUIRE(s);
  CHECK(s->target == ast::EntityKind::Population);
  CHECK(s->refKinds.at("adjust_for") == ast::EntityKind::Covariate);
  CHECK(s->bounds.at("n").min == 1);
  CHECK(c.codes() == std::vector<std::string>{"VD2028", "VD2029", "VD2005"});
  // Only the valid study gives a chain; the others would carry obligations they may not have.
  REQUIRE(c.claim().chains.size() == 1);
  CHECK(c.claim().chains[0].study == "ok");
}

TEST_CASE("declarations keep every attribute as written") {
  auto c = check(R"(design d { recipe r { params: 70B  note: "kept"  shift: -0.5  langs: [en, de]  open: true } })");
  REQUIRE(c.codes().empty());
  const Declaration &r = c.design().declarations.at(0);
  using Pair = std::pair<std::string, std::string>;
  CHECK(r.attributes == std::vector<Pair>{{"params", "70B"}, {"note", "kept"}, {"shift", "-0.5"},
                                          {"langs", "[en, de]"}, {"open", "true"}});
}
