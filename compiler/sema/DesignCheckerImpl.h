// DesignCheckerImpl.h — the state of checking one design, shared by the files that implement each phase (internal to sema).
#pragma once

#include "sema/DesignChecker.h"
#include "sema/DesignScope.h"

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringRef.h>

#include <functional>
#include <map>
#include <tuple>

namespace vdc {

/// Checks one design in the order of LANGUAGE.md Section 5; each phase lives in its own file.
class DesignChecker {
public:
  DesignChecker(const ast::Design &design, FileId file, const Theory &theory, Policy policy, DiagnosticSink &diags,
                const CheckEnvironment *checks);

  CheckedDesign run();

private:
  // Declarations.cpp: attributes, proxy clauses, the proxy graph.
  void checkEntities();
  void checkAttributes(const ast::Entity &entity);
  void checkProxyClause(const ast::Entity &entity);
  void checkProxyCycles();

  // Studies.cpp: strategy fields, parameters, covariates, emergence.
  void checkStudies();
  StudyFacts checkStudy(const ast::Entity &study);
  /// Checks one strategy argument (type, range, references); false after reporting a problem.
  bool checkArgument(const StudyFacts &facts, const ast::Param &param, const ast::Value &value);
  void checkEmergence(const StudyFacts &facts);

  // ClaimForms.cpp: the form of each claim (LANGUAGE.md Section 14) and its resolved estimand.
  /// A claim's estimand with its declarations resolved: what `connect` must reach.
  struct Estimand {
    ClaimForm form = ClaimForm::Effect;
    std::vector<const ast::Entity *> treatments; ///< Effect and trend: one; ranking: the ranked ones; prediction: none.
    const ast::Entity *comparator = nullptr;     ///< `vs C`, or null.
    const ast::Entity *outcome = nullptr;
    const ast::Entity *target = nullptr;         ///< For a trend: the listed recipe of the chain being built.
  };
  /// Reads the claim's form into `claim` and resolves its estimand; false (after reporting) when it cannot be checked.
  bool readClaimForm(const ast::Entity &decl, Claim &claim, Estimand &estimand);
  /// Warns when the recipes of a trend differ in a declared attribute besides the trend's own (VD2046).
  void warnTrendConfounders(const Claim &claim, const ast::Value &trend);
  /// The estimand of a checked claim from its names (for a trend, at recipe `point`); false when one is unknown.
  bool estimandOf(const Claim &claim, Estimand &estimand, const std::string &point = "") const;

  // Chains.cpp: claims, chains and the obligations they generate.
  void checkClaims();
  void buildChains(const ast::Entity &claimDecl, Claim &claim, const Estimand &estimand);
  /// How a study reaches a claim's estimand (LANGUAGE.md Sections 4.4 and 14): the proxy hops of each field (the
  /// treatment hops of every arm used, and of the comparator), whether a population reaches a recipe by aggregation,
  /// and what does not connect (the declaration it starts from, if any, and the words for a message: "applies
  /// treatment `x`, which is not a proxy of `t`"; and the first declaration of a `proxy of` link that points the
  /// other way, if there is one). `needsVs` says why the study supports only `vs` claims.
  struct Mismatch {
    const ast::Entity *from = nullptr;
    std::string what;
    const ast::Entity *reversed = nullptr;
  };
  struct Connection {
    std::vector<const ast::Entity *> treatmentHops, outcomeHops, recipeHops;
    bool aggregateRecipes = false;
    std::vector<Mismatch> mismatches;
    std::string needsVs;
    /// A level study for an effect, or a study of an effect for a prediction (VD2043): what the study estimates.
    std::string levelMismatch;

    bool connects() const { return mismatches.empty() && needsVs.empty() && levelMismatch.empty(); }
  };
  Connection connect(const StudyFacts &study, const Estimand &estimand) const;
  /// When `to` reaches `from` through `proxy of` links (the arrow the other way round, LANGUAGE.md Section 16): the
  /// words to append to a mismatch, with `link` set to the first declaration of that path; else "".
  std::string reversedLink(const ast::Entity *from, const ast::Entity *to, const ast::Entity *&link) const;
  /// The treatment part of `connect`: arms, comparator and ranked treatments.
  void connectTreatments(const StudyFacts &study, const Estimand &estimand, Connection &c) const;
  /// Builds the chain from a study that connects to a claim (`connection` has no mismatch), adding its obligations;
  /// false when a step was lost to an error already reported (the chain then lacks it).
  bool chainFor(const ast::Entity &studyDecl, const StudyFacts &study, const Connection &connection,
                const Claim &claim, const ast::Entity &target, Chain &chain);
  /// True when a proxy link from `from` passes a declaration damaged by a syntax error: a mismatch is a cascade.
  bool lostToSyntaxError(const ast::Entity *from) const;
  /// Walks proxy links from `from` up to `to`; returns the declarations whose proxy clause is used, or false.
  bool proxyPath(const ast::Entity *from, const ast::Entity *to, std::vector<const ast::Entity *> &hops) const;
  int addObligation(const Requirement &req, const std::string &attachedTo, SourceRange location,
                    const std::string &step, const std::string &claim);
  /// True when a `requires` line's condition holds for these values (no condition: always).
  static bool applies(const Requirement &req, const Arguments *args);
  /// Adds the obligations of the `requires` lines that apply; conditions see `args` and the claim's form as `claim`.
  void addRequirements(const std::vector<Requirement> &reqs, const Arguments *args, const std::string &attachedTo,
                       SourceRange location, const std::string &step, const Claim &claim, Chain &chain);

  // StudyEvidence.cpp: chains inherit the obligations of the studies that discharge their steps.
  void inheritStudyEvidence();
  /// A loop of study evidence: the discharges in it, in order, and a claim whose chains it runs through.
  void reportEvidenceCycle(const std::vector<size_t> &loop, const std::string &claim,
                           const std::function<const ast::Discharge &(size_t)> &discharge);

  // Discharges.cpp: matching discharges to obligations.
  void applyDischarges();
  /// Obligations by (assumption, declaration), each in id order.
  using ObligationIndex = llvm::DenseMap<std::pair<const Assumption *, llvm::StringRef>, std::vector<Obligation *>>;
  /// Makes the obligations a `dispute` names contested, or reports why it cannot (LANGUAGE.md Section 12.3).
  void applyDispute(const ast::Discharge &dis, const Assumption &assumption, const ast::Entity &target,
                    const ObligationIndex &byKey);
  /// For `discharge ... by study S`: whether S connects to every claim that uses the matched obligations (the rules
  /// of `from:`, LANGUAGE.md Section 12.1); reports what does not connect.
  bool studyConnects(const ast::Discharge &dis, const std::vector<Obligation *> &matches);
  /// A discharge or dispute that names no obligation of its declaration (not reported when claims were not built).
  void reportStale(const ast::Discharge &dis, const Assumption &assumption, const ast::Entity &target);

  // CheckDischarges.cpp: `by check NAME { ... }` — parameters, data paths, and the lock.
  /// Checks the named check, its parameters and data; null after reporting a problem.
  std::optional<CheckRun> resolveCheck(const ast::Discharge &dis, const Assumption &assumption);
  /// The status the lock gives a resolved check, with its evidence; reports stale and failed checks.
  Status lockStatus(const ast::Discharge &dis, const CheckRun &run, Evidence &evidence);

  // Unused.cpp: declarations no claim's chain uses (LANGUAGE.md Section 16).
  void reportUnused();
  // Confounders.cpp: covariates declared `observed: false`, beside each study's exchangeability obligations.
  void listUnmeasuredConfounders();

  // Profiles: computed last, from statuses.
  void computeProfiles();

  const ast::Design &design_;
  FileId file_;
  const Theory &theory_;
  Policy policy_;
  DiagnosticSink &diags_;
  const CheckEnvironment *checks_;
  DesignScope scope_;
  CheckedDesign out_;
  std::map<const ast::Entity *, StudyFacts> studies_;
  /// Obligation ids by (assumption, attached declaration, step).
  std::map<std::tuple<std::string, std::string, std::string>, int> obligationIndex_;
  /// True when a claim or study could not be checked, so missing obligations may explain an unmatched discharge.
  bool incomplete_ = false;
  /// True when a proxy chain is longer than kMaxProxyHops; claims are then not connected to studies.
  bool proxyChainTooLong_ = false;
};

/// The words for a claim form in messages ("an effect", "a ranking").
std::string claimFormArticle(ClaimForm form);

/// Longest proxy chain (hops from a declaration to the end of its `proxy of` links) a design may hold
/// (grammar/REFERENCE.md, Limits): real designs have a few; many thousands would only multiply obligations.
constexpr size_t kMaxProxyHops = 1000;

} // namespace vdc
