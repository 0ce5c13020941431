// Decl.h — the declarations of a vdesign file: design-layer entities and discharges, theory declarations, modules.
#pragma once

#include "ast/Value.h"

#include <memory>
#include <optional>

namespace vdc::ast {

/// The sort of a design-level declaration.
enum class EntityKind { Recipe, Treatment, Outcome, Population, Covariate, Study, Claim };

/// The keyword of an entity kind (`recipe`, `study`, ...).
const char *entityKindName(EntityKind kind);

/// `proxy of TARGET via KIND`.
struct ProxyClause {
  Name target;
  Name kind;
  SourceRange range;
};

/// A recipe, treatment, outcome, population, covariate, study or claim.
struct Entity {
  EntityKind kind;
  Name name;
  std::string description;
  std::optional<ProxyClause> proxy;
  std::vector<Attribute> attributes;
  SourceRange range;
  std::string doc; ///< The doc comment directly above, without comment markers.
  bool malformed = false; ///< A syntax error inside it was reported; the checker does not look further.
};

/// `discharge ASSUMPTION for NAME by EVIDENCE "text" cite "..."`, or `dispute ...` of the same form: evidence
/// against the assumption (LANGUAGE.md Section 12.3).
struct Discharge {
  Name assumption;
  Name target;
  Name evidence;
  std::string text;
  std::string cite;
  Name checkName;                    ///< Section 11: `by check NAME { ... }`.
  std::vector<Attribute> checkArgs;
  Name study;                        ///< Section 12.1: `by study NAME`.
  SourceRange range;
  bool malformed = false; ///< A syntax error inside it was reported; the checker does not look further.
  bool dispute = false;   ///< Written `dispute`: evidence against the assumption.
};

/// A `design NAME "title" { ... }` block.
struct Design {
  Name name;
  std::string title;
  std::vector<std::string> cites;
  std::vector<Entity> entities;
  std::vector<Discharge> discharges;
  SourceRange range;
  std::string doc;
};

/// A parameter type of a strategy.
struct TypeExpr {
  enum class Kind { Int, Number, Bool, String, Ref, List, Enum, Invalid };
  Kind kind = Kind::Invalid;
  std::vector<TypeExpr> element;     ///< List: one element type.
  std::vector<std::string> members;  ///< Enum.
  SourceRange range;

  /// The type as written (`list<ref>`, `enum(a, b)`).
  std::string spelling() const;
};

/// `param NAME: TYPE = DEFAULT`.
struct Param {
  Name name;
  TypeExpr type;
  std::optional<Value> defaultValue;
  SourceRange range;
};

/// A condition over strategy parameters.
struct Condition {
  enum class Kind { Not, And, Or, Compare, Truth };
  Kind kind = Kind::Truth;
  std::vector<Condition> operands; ///< Not: 1; And/Or: 2.
  Name param;                      ///< Compare and Truth.
  std::string op;                  ///< Compare: == != < <= > >=.
  Value literal;                   ///< Compare.
  SourceRange range;
  /// Compare: further terms multiplied with `param` (`runs_per_arm * configurations < 5`, LANGUAGE.md Section 15).
  /// A term is a parameter or a dotted size of a proxy hop's end (`proxy.params`).
  std::vector<Name> factors;
};

/// `requires A severity S (when|unless COND)?`.
struct Requirement {
  Name assumption;
  Name severity;
  std::optional<Condition> condition;
  bool negated = false; ///< `unless` rather than `when`.
  SourceRange range;
  std::string hint; ///< `hint "..."`: how to settle obligations of this line (LANGUAGE.md Section 15); "" if none.
};

/// The condition of a `satisfies` line (`satisfies A, B unless differs_in`); no condition means always.
struct SatisfiesGuard {
  std::optional<Condition> condition;
  bool negated = false; ///< `unless` rather than `when`.
};

/// `forbid when COND "message"` in a strategy: the condition is an error at the study (LANGUAGE.md Section 15).
struct Forbid {
  Condition condition;
  bool negated = false; ///< `unless` rather than `when`.
  std::string message;
  SourceRange range;
};

/// `assumption QNAME "title" { ... }`.
struct AssumptionDecl {
  Name name;
  std::string title;
  std::vector<Attribute> attributes;
  SourceRange range;
  std::string doc;
};

/// `strategy NAME "description" { ... }`.
struct StrategyDecl {
  Name name;
  std::string description;
  std::vector<Param> params;
  std::vector<Name> satisfies;
  std::vector<Requirement> requirements;
  std::vector<Attribute> attributes; ///< e.g. `estimand: average_over_units`.
  SourceRange range;
  std::string doc;
  /// One per entry of `satisfies`, in order: the condition of the line that names it.
  std::vector<SatisfiesGuard> satisfiesGuards;
  std::vector<Forbid> forbids;
};

/// `proxy NAME for recipe|treatment|outcome "description" { requires ... }`.
struct ProxyKindDecl {
  Name name;
  EntityKind appliesTo = EntityKind::Recipe;
  SourceRange appliesToRange;
  std::string description;
  std::vector<Requirement> requirements;
  SourceRange range;
  std::string doc;
  /// Further sorts it applies to (`proxy annotation for treatment, outcome`, LANGUAGE.md Section 15).
  std::vector<EntityKind> alsoAppliesTo;

  /// True when the kind can stand in for a declaration of this sort.
  bool appliesToKind(EntityKind kind) const;
  /// The sorts, plural, for messages: "recipes", "treatments and outcomes".
  std::string sortsText() const;
};

/// `aggregation NAME "description" { requires ... }`.
struct AggregationDecl {
  Name name;
  std::string description;
  std::vector<Requirement> requirements;
  SourceRange range;
  std::string doc;
};

/// `import "path"`.
struct Import {
  std::string path;
  SourceRange range;
};

/// The syntax tree of one file.
struct Module {
  FileId file = 0;
  std::vector<Import> imports;
  std::vector<Design> designs;
  std::vector<AssumptionDecl> assumptions;
  std::vector<StrategyDecl> strategies;
  std::vector<ProxyKindDecl> proxyKinds;
  std::vector<AggregationDecl> aggregations;
  /// Comments with their ranges, in order (kept for the formatter).
  std::vector<SourceRange> comments;
};

} // namespace vdc::ast
