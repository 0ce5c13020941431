// Occurrences.h — which theory or design name sits at a source offset, and where that name is declared.
#pragma once

#include "driver/Compilation.h"

#include <optional>
#include <string>
#include <vector>

namespace vdc::lsp {

/// The sort of thing a name refers to.
enum class SymbolKind { Design, Entity, Assumption, Strategy, ProxyKind, Aggregation, Param, Import };

/// One occurrence of a name in the root file: a declaration or a reference.
struct Occurrence {
  SymbolKind kind = SymbolKind::Entity;
  /// The name referred to (qualified for assumptions).
  std::string name;
  /// Where the occurrence is written.
  SourceRange range;
  /// The design the name lives in (entities, designs), or the design the occurrence is written in.
  const ast::Design *design = nullptr;
  /// Param: the strategy the parameter belongs to.
  std::string strategy;
  /// Assumption named by a discharge: that discharge (hover shows the status of its obligations).
  const ast::Discharge *discharge = nullptr;
  /// Import: the import whose path this is (the occurrence is the path, as written).
  const ast::Import *import = nullptr;
};

/// Every name occurrence of the compilation's root file, in source order.
std::vector<Occurrence> collectOccurrences(const Compilation &c);

/// The occurrence whose range contains `offset` (end inclusive, so a cursor just after a name finds it).
std::optional<Occurrence> occurrenceAt(const Compilation &c, uint32_t offset);

/// Where the name of an occurrence is declared (possibly in the stdlib), or for an import path the start of the
/// imported file; invalid when it is unknown.
SourceRange definitionOf(const Compilation &c, const Occurrence &occurrence);

/// The entity called `name` in `design`, or null.
const ast::Entity *findEntity(const ast::Design &design, const std::string &name);

/// The checked form of a design, or null.
const CheckedDesign *checkedDesign(const Compilation &c, const ast::Design *design);

} // namespace vdc::lsp
