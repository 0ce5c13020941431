// Outline.cpp — DocumentSymbols from the root module's syntax tree.
#include "lsp/Outline.h"

#include "lsp/Positions.h"

namespace vdc::lsp {

namespace {

/// LSP SymbolKind values used here.
enum LspSymbolKind { kModule = 2, kNamespace = 3, kClass = 5, kProperty = 7, kField = 8, kEnum = 10,
                     kInterface = 11, kFunction = 12, kVariable = 13, kConstant = 14, kEvent = 24,
                     kOperator = 25, kTypeParameter = 26, kStruct = 23 };

int symbolKind(ast::EntityKind k) {
  switch (k) {
  case ast::EntityKind::Recipe:
    return kClass;
  case ast::EntityKind::Treatment:
    return kFunction;
  case ast::EntityKind::Outcome:
    return kField;
  case ast::EntityKind::Population:
    return kEnum;
  case ast::EntityKind::Covariate:
    return kVariable;
  case ast::EntityKind::Study:
    return kEvent;
  case ast::EntityKind::Claim:
    return kConstant;
  }
  return kVariable;
}

llvm::json::Object symbol(const SourceManager &sm, const std::string &name, const std::string &detail, int kind,
                          SourceRange range, SourceRange selection) {
  if (!range.valid() || (selection.valid() && (selection.begin < range.begin || selection.end > range.end)))
    range = selection;
  if (!selection.valid())
    selection = range;
  llvm::json::Object o{{"name", name.empty() ? std::string("(unnamed)") : name},
                       {"kind", kind},
                       {"range", toJsonRange(sm, range)},
                       {"selectionRange", toJsonRange(sm, selection)}};
  if (!detail.empty())
    o["detail"] = detail;
  return o;
}

} // namespace

llvm::json::Array documentSymbols(const Compilation &c) {
  llvm::json::Array out;
  const ast::Module *m = c.root();
  if (!m)
    return out;
  const SourceManager &sm = c.sources();
  for (const ast::Design &d : m->designs) {
    llvm::json::Object design = symbol(sm, d.name.text, d.title, kNamespace, d.range, d.name.range);
    llvm::json::Array children;
    for (const ast::Entity &e : d.entities)
      children.push_back(symbol(sm, e.name.text, ast::entityKindName(e.kind), symbolKind(e.kind), e.range,
                                e.name.range));
    for (const ast::Discharge &dis : d.discharges)
      children.push_back(symbol(sm, dis.assumption.text + " for " + dis.target.text, "discharge", kProperty,
                                dis.range, dis.assumption.range));
    design["children"] = std::move(children);
    out.push_back(std::move(design));
  }
  for (const ast::AssumptionDecl &a : m->assumptions)
    out.push_back(symbol(sm, a.name.text, "assumption", kInterface, a.range, a.name.range));
  for (const ast::StrategyDecl &s : m->strategies)
    out.push_back(symbol(sm, s.name.text, "strategy", kStruct, s.range, s.name.range));
  for (const ast::ProxyKindDecl &p : m->proxyKinds)
    out.push_back(symbol(sm, p.name.text, "proxy kind", kTypeParameter, p.range, p.name.range));
  for (const ast::AggregationDecl &g : m->aggregations)
    out.push_back(symbol(sm, g.name.text, "aggregation", kOperator, g.range, g.name.range));
  return out;
}

} // namespace vdc::lsp
