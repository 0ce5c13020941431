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

/// Writes one DocumentSymbol; `children`, when given, writes the elements of its `children` array.
void writeSymbol(llvm::json::OStream &json, const SourceManager &sm, const std::string &name, const std::string &detail,
                 int kind, SourceRange range, SourceRange selection,
                 llvm::function_ref<void()> children = nullptr) {
  if (!range.valid() || (selection.valid() && (selection.begin < range.begin || selection.end > range.end)))
    range = selection;
  if (!selection.valid())
    selection = range;
  // Keys in sorted order, as every message of the server is printed.
  json.object([&] {
    if (children)
      json.attributeArray("children", children);
    if (!detail.empty())
      json.attribute("detail", detail);
    json.attribute("kind", kind);
    json.attribute("name", name.empty() ? std::string("(unnamed)") : name);
    json.attributeBegin("range");
    writeJsonRange(json, sm, range);
    json.attributeEnd();
    json.attributeBegin("selectionRange");
    writeJsonRange(json, sm, selection);
    json.attributeEnd();
  });
}

} // namespace

void writeDocumentSymbols(llvm::json::OStream &json, const Compilation &c) {
  json.array([&] {
    const ast::Module *m = c.root();
    if (!m)
      return;
    const SourceManager &sm = c.sources();
    for (const ast::Design &d : m->designs)
      writeSymbol(json, sm, d.name.text, d.title, kNamespace, d.range, d.name.range, [&] {
        for (const ast::Entity &e : d.entities)
          writeSymbol(json, sm, e.name.text, ast::entityKindName(e.kind), symbolKind(e.kind), e.range, e.name.range);
        for (const ast::Discharge &dis : d.discharges)
          writeSymbol(json, sm, dis.assumption.text + " for " + dis.target.text, dis.dispute ? "dispute" : "discharge",
                      kProperty, dis.range, dis.assumption.range);
      });
    for (const ast::AssumptionDecl &a : m->assumptions)
      writeSymbol(json, sm, a.name.text, "assumption", kInterface, a.range, a.name.range);
    for (const ast::StrategyDecl &s : m->strategies)
      writeSymbol(json, sm, s.name.text, "strategy", kStruct, s.range, s.name.range);
    for (const ast::ProxyKindDecl &p : m->proxyKinds)
      writeSymbol(json, sm, p.name.text, "proxy kind", kTypeParameter, p.range, p.name.range);
    for (const ast::AggregationDecl &g : m->aggregations)
      writeSymbol(json, sm, g.name.text, "aggregation", kOperator, g.range, g.name.range);
  });
}

} // namespace vdc::lsp
