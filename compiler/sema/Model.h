// Model.h — the checked model: theory, designs, claims, chains, obligations and profiles that every report reads.
#pragma once

#include "ast/Decl.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vdc {

/// The four validity types of the paper (Section 2), in report order.
enum class Validity { Statistical, Internal, External, Construct };
constexpr std::array<Validity, 4> kAllValidities = {Validity::Statistical, Validity::Internal, Validity::External,
                                                    Validity::Construct};
const char *validityName(Validity v);
std::optional<Validity> parseValidity(std::string_view text);

/// How strongly a step threatens a validity type: the paper's three bullet colours.
enum class Level { None, Careful, Key };
const char *levelName(Level l);
std::optional<Level> parseLevel(std::string_view text);

/// Where an obligation stands. `Contested` is an obligation with evidence against it (LANGUAGE.md Section 12.3);
/// like `Stale`, it counts as open.
enum class Status { Open, Stale, Contested, Assumed, Discharged };
const char *statusName(Status s);

/// True for statuses that count as open in profiles and policies.
inline bool isOpen(Status s) { return s == Status::Open || s == Status::Stale || s == Status::Contested; }

// ---------------------------------------------------------------- theory

/// A named assumption of the theory (`assumption internal.exchangeability { ... }`).
struct Assumption {
  std::string name;
  Validity validity = Validity::Statistical;
  std::string title, formula, source, explain, hint;
  bool testable = false;
  const ast::AssumptionDecl *decl = nullptr;
  /// `accepts: [experiment, study]` (LANGUAGE.md Section 15): the only evidence kinds that may discharge it.
  std::vector<std::string> accepts;
  bool acceptsRestricted = false; ///< True when `accepts:` is declared.
};

/// One `requires` line, resolved.
struct Requirement {
  const Assumption *assumption = nullptr;
  Level severity = Level::None;
  const ast::Requirement *decl = nullptr;
};

/// The lowest value a numeric strategy parameter accepts (`positive: n`, `non_negative: n`).
struct ParamBound {
  double min = 0;
  bool exclusive = false; ///< True when `min` itself is refused (`positive` on a `number`).
  std::string word;       ///< The attribute that declared it: `positive` or `non_negative`.
  SourceRange range;      ///< That attribute.

  /// What the bound asks, for messages ("must be at least 1", "must be greater than 0").
  std::string describe() const;
};

/// A research strategy a study can follow.
struct Strategy {
  std::string name;
  const ast::StrategyDecl *decl = nullptr;
  std::vector<const Assumption *> satisfies;
  /// One per entry of `satisfies`: the condition of its line, or null (LANGUAGE.md Section 15).
  std::vector<const ast::SatisfiesGuard *> satisfiesGuards;
  std::vector<Requirement> requirements;
  /// True for `estimand: average_over_units`.
  bool unitAverage = false;
  /// True for `estimand: level`: its studies measure the level of an outcome and have no treatment; they support
  /// `prediction:` claims only (LANGUAGE.md Section 14).
  bool level = false;
  /// `target: "recipe"` or `target: "population"`: the key a study of this strategy must use; unset accepts either.
  std::optional<ast::EntityKind> target;
  SourceRange targetRange; ///< The `target:` attribute.
  /// `covariates: adjust_for` (or `recipes:`, `outcomes:`, ...): the kind of declaration a `ref` parameter names.
  std::map<std::string, ast::EntityKind> refKinds;
  /// `positive: n`, `non_negative: n`: lower bounds of numeric parameters.
  std::map<std::string, ParamBound> bounds;

  const ast::Param *param(std::string_view name) const;
};

/// A way one declaration can stand in for another (`proxy scale for recipe`).
struct ProxyKind {
  std::string name;
  const ast::ProxyKindDecl *decl = nullptr;
  std::vector<Requirement> requirements;
};

/// A pooling step (`aggregation recipes`).
struct Aggregation {
  std::string name;
  const ast::AggregationDecl *decl = nullptr;
  std::vector<Requirement> requirements;
};

/// Every theory declaration visible in a compilation, by name.
struct Theory {
  std::map<std::string, Assumption> assumptions;
  std::map<std::string, Strategy> strategies;
  std::map<std::string, ProxyKind> proxyKinds;
  std::map<std::string, Aggregation> aggregations;

  const Assumption *assumption(std::string_view name) const;
  const Strategy *strategy(std::string_view name) const;
  const ProxyKind *proxyKind(std::string_view name) const;
  const Aggregation *aggregation(std::string_view name) const;
};

// ---------------------------------------------------------------- designs

/// How an obligation was settled.
struct Evidence {
  std::string kind; ///< experiment, theory, literature, check, argument, study, or design.
  std::string text;
  std::string cite;
  SourceRange range;
  /// True only for a named check whose lock holds a passing result for this data and these parameters.
  bool verified = false;
  /// True for a check written as a sentence (`by check "..."`): vdc did not run it (LANGUAGE.md Section 12.2).
  bool described = false;
  /// Kind `study`: the study of the design that supplies the evidence (LANGUAGE.md Section 12.1).
  std::string study;

  Evidence() = default;
  Evidence(std::string kind, std::string text, std::string cite, SourceRange range)
      : kind(std::move(kind)), text(std::move(text)), cite(std::move(cite)), range(range) {}
};

/// One instance of an assumption that a design relies on.
struct Obligation {
  int id = 0;
  const Assumption *assumption = nullptr;
  Level severity = Level::None;
  Status status = Status::Open;
  std::string attachedTo; ///< The declaration that introduced it.
  std::string step;       ///< e.g. "proxy scale: llama1b -> llama70b".
  std::string hint;       ///< The `hint` of the `requires` line, in place of the assumption's (Section 15); or "".
  SourceRange location;   ///< Where it was introduced (the attached declaration).
  SourceRange ruleRange;  ///< The `requires`/`satisfies` line of the theory that produced it.
  std::vector<std::string> claims;
  std::optional<Evidence> evidence;
  /// Evidence against it (`dispute`, LANGUAGE.md Section 12.3), in source order; any makes the status `contested`,
  /// and `evidence` keeps what a discharge brought, if one did.
  std::vector<Evidence> disputes;
  /// For an exchangeability obligation of a study: the design's covariates declared `observed: false`, known
  /// confounders nobody measured (LANGUAGE.md Section 16), in source order.
  std::vector<std::string> unmeasuredConfounders;

  /// How to settle it: the `hint` of its `requires` line, else the assumption's generic hint.
  const std::string &settleHint() const { return hint.empty() ? assumption->hint : hint; }
  /// True for severity careful or key. Obligations of severity none are recorded but are not threats
  /// (LANGUAGE.md Section 6): reports do not list them as threats and no policy denies them.
  bool isThreat() const { return severity != Level::None; }
  /// True for an assumption the study's strategy `satisfies`: status discharged, evidence `design`.
  bool satisfiedByDesign() const { return evidence && evidence->kind == "design"; }
  /// True for a severity-none obligation that nothing settled (`requires A severity none`): recorded, open,
  /// but not a threat. Reports should not count it as "satisfied by design".
  bool openButNotThreat() const { return !isThreat() && !satisfiedByDesign() && isOpen(status); }
};

/// The worst level per validity type.
struct Profile {
  std::array<Level, 4> levels{Level::None, Level::None, Level::None, Level::None};
  Level &operator[](Validity v) { return levels[static_cast<size_t>(v)]; }
  Level operator[](Validity v) const { return levels[static_cast<size_t>(v)]; }
  void raise(Validity v, Level l);
  void merge(const Profile &other);
  bool operator==(const Profile &other) const { return levels == other.levels; }
};

/// A profile counting every obligation (inherent) and only open ones (residual).
struct ProfilePair {
  Profile inherent, residual;
};

/// An obligation a chain takes over from the study that discharges one of its steps (`by study S`, Section 12.1).
struct InheritedObligation {
  int id = 0;
  std::string via; ///< The study whose chain it comes from.
};

/// The path from one study's estimand to a claim's estimand.
struct Chain {
  std::string study;
  std::string point; ///< Trend claims: the listed recipe this chain reaches (one chain per study and recipe).
  std::vector<std::string> steps; ///< Human-readable steps, in order.
  std::vector<int> obligations;   ///< Obligation ids of the chain's own steps.
  std::vector<InheritedObligation> inherited; ///< Obligations of study evidence; they count like the chain's own.
  ProfilePair profile;
  std::vector<int> blocking; ///< Ids of the obligations (own or inherited) the policy denies (Section 13).
  bool holds = false;        ///< No obligation blocks it.
  bool deciding = false;     ///< The chain that decides the claim's verdict and residual profile.

  /// Every obligation id that counts for the chain: its own, then the inherited ones.
  std::vector<int> allObligations() const;
};

/// The form of a claim (LANGUAGE.md Section 14); conditions of the theory test it as `claim`.
enum class ClaimForm { Effect, Ranking, Trend, Prediction };
const char *claimFormName(ClaimForm form);
std::optional<ClaimForm> parseClaimForm(std::string_view text);

/// A claim with its chains.
struct Claim {
  std::string name, description;
  ClaimForm form = ClaimForm::Effect;
  /// Effect and trend: the treatment; empty for rankings and predictions. `target` is empty for trends.
  std::string treatment, outcome, target;
  std::string comparator;                  ///< Effect: the `vs` treatment, or "" (no treatment).
  std::vector<std::string> treatments;     ///< Ranking: the ranked treatments, in the order written.
  std::string trendAttribute;              ///< Trend: the recipe attribute the effect changes with.
  std::vector<std::string> trendRecipes;   ///< Trend: the listed recipes, in the order written.
  bool targetIsPopulation = false;
  bool overUnits = false;
  std::vector<Chain> chains;
  /// Inherent: the union over all chains. Residual: the deciding chain's (LANGUAGE.md Section 13).
  ProfilePair profile;
  bool holds = false;
  /// False when a line of evidence in `from:` could not be turned into a chain: the claim is not checked.
  bool complete = true;
  int deciding = -1; ///< Index of the deciding chain, or -1 when there is none.
  SourceRange range;

  const Chain *decidingChain() const {
    return deciding < 0 ? nullptr : &chains[static_cast<size_t>(deciding)];
  }
};

/// A declaration of a design as the reports show it, with its checked proxy link.
struct Declaration {
  ast::EntityKind kind = ast::EntityKind::Recipe;
  std::string name, description;
  std::string proxyOf;   ///< The declaration this one stands in for ("" when none or not resolved).
  std::string proxyKind;
  SourceRange range;
  /// Every attribute as written, in source order: key and value as reports show them (numbers as written,
  /// `70B`; strings without quotes; lists as `[a, b]`). Known and unknown keys alike (LANGUAGE.md Section 4.1).
  std::vector<std::pair<std::string, std::string>> attributes;
};

/// A study's resolved estimand fields.
struct StudySummary {
  /// `treatment` is "" for a study without one (a level study), `[a, b]` for a multi-arm study.
  std::string name, strategy, treatment, outcome, target;
  std::string control; ///< `control:`, or "".
  bool targetIsPopulation = false;
};

/// A resolved `discharge ... by check NAME { ... }` (LANGUAGE.md Section 11), as `vdc verify` runs it.
struct CheckRun {
  std::string design, assumption, target, check;
  std::string params;   ///< Canonical JSON of every parameter, defaults filled.
  std::string dataPath; ///< The `data:` path as written.
  std::string dataFile; ///< The file to read (resolved against the design's directory).
  SourceRange range;    ///< The discharge.
  SourceRange dataRange; ///< The `data:` value, where the figures of a failed check are shown.
};

/// A design after checking.
struct CheckedDesign {
  std::vector<CheckRun> checkRuns;
  std::vector<Declaration> declarations;
  std::vector<StudySummary> studies;
  std::string name, title;
  FileId file = 0;
  std::vector<std::string> cites;
  std::vector<Claim> claims;
  std::vector<Obligation> obligations;
  const ast::Design *decl = nullptr;

  const Obligation &obligation(int id) const { return obligations[static_cast<size_t>(id - 1)]; }
};

/// Which obligations the policy refuses to leave standing (Section 9; `assumed-key`, Section 13).
enum class Policy { OpenKey, AssumedKey, Open, Assumed, None };
const char *policyName(Policy p);
std::optional<Policy> parsePolicy(std::string_view text);

/// True when the policy refuses this obligation.
bool denies(Policy policy, const Obligation &obligation);

/// Picks each claim's deciding chain from the chains' profiles and blocking lists (LANGUAGE.md Section 13), and
/// sets the claim's verdict and profiles from it.
void decideClaim(Claim &claim, const CheckedDesign &design);

/// Counts over a set of designs. `discharged` counts evidence only; `byDesign` counts what the strategies
/// satisfy (LANGUAGE.md Section 12.4). `open` counts every status that counts as open, stale and contested too.
struct Summary {
  int claims = 0, claimsHolding = 0, open = 0, openKey = 0, assumed = 0, discharged = 0, stale = 0, byDesign = 0,
      contested = 0;
};

} // namespace vdc
