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

  // Chains.cpp: claims, chains and the obligations they generate.
  void checkClaims();
  void buildChains(const ast::Entity &claimDecl, Claim &claim);
  /// How a study reaches a claim's estimand (LANGUAGE.md Section 4.4): the proxy hops of each field, whether a
  /// population reaches a recipe by aggregation, and what does not connect (the declaration it starts from, if any,
  /// and the words for a message: "applies treatment `x`, which is not a proxy of `t`").
  struct Connection {
    std::vector<const ast::Entity *> treatmentHops, outcomeHops, recipeHops;
    bool aggregateRecipes = false;
    std::vector<std::pair<const ast::Entity *, std::string>> mismatches;
  };
  Connection connect(const StudyFacts &study, const ast::Entity *treatment, const ast::Entity *outcome,
                     const ast::Entity *target) const;
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
  void addRequirements(const std::vector<Requirement> &reqs, const Arguments *args, const std::string &attachedTo,
                       SourceRange location, const std::string &step, const std::string &claim, Chain &chain);

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

/// Longest proxy chain (hops from a declaration to the end of its `proxy of` links) a design may hold
/// (grammar/REFERENCE.md, Limits): real designs have a few; many thousands would only multiply obligations.
constexpr size_t kMaxProxyHops = 1000;

} // namespace vdc
