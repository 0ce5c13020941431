// DesignScope.h — the declarations of one design by name, with proxy links and study facts resolved (internal to sema).
#pragma once

#include "diagnostics/Diagnostic.h"
#include "sema/Condition.h"
#include "sema/Model.h"

#include <map>

namespace vdc {

/// A study after its fields have been resolved.
struct StudyFacts {
  const ast::Entity *decl = nullptr;
  const Strategy *strategy = nullptr;
  const ast::Entity *treatment = nullptr; ///< The first arm; null for a study without a treatment (a level study).
  std::vector<const ast::Entity *> arms;  ///< `treatment: T` (one arm) or `treatments: [A, B, ...]` (LANGUAGE.md 14).
  const ast::Entity *control = nullptr;   ///< `control: C`, or null: the control is "no treatment".
  const ast::Entity *outcome = nullptr;
  const ast::Entity *recipe = nullptr;     ///< Exactly one of recipe and population is set when valid.
  const ast::Entity *population = nullptr;
  Arguments args;
  bool valid = false;
};

/// Name resolution inside one design.
class DesignScope {
public:
  DesignScope(const ast::Design &design, DiagnosticSink &diags);

  /// The declaration named `name`, or null.
  const ast::Entity *find(std::string_view name) const;

  /// Resolves a reference that must name a declaration of one of `kinds`; reports unknown names and wrong kinds.
  const ast::Entity *resolve(const ast::Name &name, std::initializer_list<ast::EntityKind> kinds);

  /// The declaration a proxy clause points at (already checked), or null.
  const ast::Entity *proxyTarget(const ast::Entity &entity) const;

  /// Records a checked proxy link.
  void setProxyTarget(const ast::Entity &entity, const ast::Entity *target) { proxyOf_[&entity] = target; }

  /// All declarations in source order.
  const std::vector<ast::Entity> &entities() const { return design_.entities; }

  /// Names of declarations of the given kinds (for suggestions).
  std::vector<std::string> namesOf(std::initializer_list<ast::EntityKind> kinds) const;
  /// The closest declared name of one of `kinds` for "did you mean", or "" (also once kMaxSuggestions searches
  /// have been made for this design).
  std::string suggest(std::string_view name, std::initializer_list<ast::EntityKind> kinds);

private:
  const ast::Design &design_;
  DiagnosticSink &diags_;
  std::map<std::string, const ast::Entity *, std::less<>> byName_;
  std::map<const ast::Entity *, const ast::Entity *> proxyOf_;
  /// "Did you mean" searches done so far; past kMaxSuggestions an unknown name gets none (each search reads
  /// every declaration, so a file full of unknown names would take quadratic time).
  unsigned suggestions_ = 0;
  static constexpr unsigned kMaxSuggestions = 100;
};

/// An article and a kind ("a recipe", "an outcome").
std::string withArticle(ast::EntityKind kind);

} // namespace vdc
