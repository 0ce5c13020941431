// Occurrences.cpp — a walk over the root module's syntax tree that records each name with what it refers to.
#include "lsp/Occurrences.h"

#include <cctype>
#include <string_view>
#include <utility>

namespace vdc::lsp {

namespace {

class Collector {
public:
  explicit Collector(std::vector<Occurrence> &out) : out_(out) {}

  void add(SymbolKind kind, const ast::Name &name, const ast::Design *design = nullptr) {
    if (name.empty() || !name.range.valid())
      return;
    Occurrence o;
    o.kind = kind;
    o.name = name.text;
    o.range = name.range;
    o.design = design;
    out_.push_back(std::move(o));
  }

  /// A name used as a value inside a design: a reference to an entity when the design declares one so called.
  void value(const ast::Value &v, const ast::Design &design) {
    switch (v.kind) {
    case ast::Value::Kind::Name:
      if (findEntity(design, v.name.text))
        add(SymbolKind::Entity, v.name, &design);
      break;
    case ast::Value::Kind::List:
      for (const ast::Value &item : v.items)
        value(item, design);
      break;
    case ast::Value::Kind::Effect:
    case ast::Value::Kind::Ranking:
    case ast::Value::Kind::Trend:
    case ast::Value::Kind::Prediction:
      // The claim forms (LANGUAGE.md Section 14); a form leaves the fields it does not use empty.
      for (const ast::Name *n : {&v.effectTreatment, &v.effectComparator, &v.effectOutcome, &v.effectTarget})
        if (!n->empty())
          add(SymbolKind::Entity, *n, &design);
      for (const std::vector<ast::Name> *names : {&v.rankedTreatments, &v.trendRecipes})
        for (const ast::Name &n : *names)
          add(SymbolKind::Entity, n, &design);
      break;
    default:
      break;
    }
  }

  void entity(const ast::Entity &e, const ast::Design &design) {
    add(SymbolKind::Entity, e.name, &design);
    if (e.proxy) {
      add(SymbolKind::Entity, e.proxy->target, &design);
      add(SymbolKind::ProxyKind, e.proxy->kind, &design);
    }
    std::string strategy;
    if (e.kind == ast::EntityKind::Study)
      if (const ast::Attribute *s = ast::findAttribute(e.attributes, "strategy"))
        if (s->value.kind == ast::Value::Kind::Name)
          strategy = s->value.name.text;
    for (const ast::Attribute &a : e.attributes) {
      if (e.kind == ast::EntityKind::Study && a.key.text == "strategy" && a.value.kind == ast::Value::Kind::Name) {
        add(SymbolKind::Strategy, a.value.name, &design);
        continue;
      }
      if (e.kind == ast::EntityKind::Claim && a.key.text == "over" && a.value.kind == ast::Value::Kind::Name) {
        add(SymbolKind::Aggregation, a.value.name, &design); // `over: units` names an aggregation of the theory
        continue;
      }
      if (!strategy.empty() && a.key.text != "recipe" && a.key.text != "population" && a.key.text != "treatment" &&
          a.key.text != "outcome") {
        add(SymbolKind::Param, a.key, &design);
        out_.back().strategy = strategy;
      }
      value(a.value, design);
    }
  }

  void requirements(const std::vector<ast::Requirement> &reqs) {
    for (const ast::Requirement &r : reqs)
      add(SymbolKind::Assumption, r.assumption);
  }

  /// The path of an import as written: the string (or name) after `import`.
  void import(const ast::Import &i, std::string_view text) {
    if (!i.range.valid() || i.range.end > text.size())
      return;
    uint32_t begin = i.range.begin;
    if (text.substr(begin, 6) == "import")
      begin += 6;
    while (begin < i.range.end && std::isspace(static_cast<unsigned char>(text[begin])))
      ++begin;
    if (begin >= i.range.end)
      return;
    Occurrence o;
    o.kind = SymbolKind::Import;
    o.name = i.path;
    o.range = SourceRange{i.range.file, begin, i.range.end};
    o.import = &i;
    out_.push_back(std::move(o));
  }

  void module(const ast::Module &m, std::string_view text) {
    for (const ast::Import &i : m.imports)
      import(i, text);
    for (const ast::Design &d : m.designs) {
      add(SymbolKind::Design, d.name, &d);
      for (const ast::Entity &e : d.entities)
        entity(e, d);
      for (const ast::Discharge &dis : d.discharges) {
        add(SymbolKind::Assumption, dis.assumption, &d);
        if (!dis.assumption.empty() && dis.assumption.range.valid())
          out_.back().discharge = &dis;
        add(SymbolKind::Entity, dis.target, &d);
        if (!dis.study.empty())
          add(SymbolKind::Entity, dis.study, &d);
      }
    }
    for (const ast::AssumptionDecl &a : m.assumptions)
      add(SymbolKind::Assumption, a.name);
    for (const ast::StrategyDecl &s : m.strategies) {
      add(SymbolKind::Strategy, s.name);
      for (const ast::Param &p : s.params) {
        add(SymbolKind::Param, p.name);
        if (!p.name.empty() && p.name.range.valid())
          out_.back().strategy = s.name.text;
      }
      for (const ast::Name &n : s.satisfies)
        add(SymbolKind::Assumption, n);
      requirements(s.requirements);
    }
    for (const ast::ProxyKindDecl &p : m.proxyKinds) {
      add(SymbolKind::ProxyKind, p.name);
      requirements(p.requirements);
    }
    for (const ast::AggregationDecl &g : m.aggregations) {
      add(SymbolKind::Aggregation, g.name);
      requirements(g.requirements);
    }
  }

private:
  std::vector<Occurrence> &out_;
};

} // namespace

const ast::Entity *findEntity(const ast::Design &design, const std::string &name) {
  for (const ast::Entity &e : design.entities)
    if (e.name.text == name)
      return &e;
  return nullptr;
}

const CheckedDesign *checkedDesign(const Compilation &c, const ast::Design *design) {
  for (const CheckedDesign &d : c.designs())
    if (d.decl == design)
      return &d;
  return nullptr;
}

std::vector<Occurrence> collectOccurrences(const Compilation &c) {
  std::vector<Occurrence> out;
  if (c.root())
    Collector(out).module(*c.root(), c.sources().text(c.root()->file));
  return out;
}

std::optional<Occurrence> occurrenceAt(const Compilation &c, uint32_t offset) {
  std::optional<Occurrence> best;
  for (Occurrence &o : collectOccurrences(c)) {
    if (o.range.file != c.rootFile() || offset < o.range.begin || offset > o.range.end)
      continue;
    // Prefer a range the cursor is strictly inside, then the innermost (shortest) one.
    auto score = [offset](const Occurrence &x) {
      return std::make_pair(offset < x.range.end ? 0 : 1, x.range.end - x.range.begin);
    };
    if (!best || score(o) < score(*best))
      best = std::move(o);
  }
  return best;
}

SourceRange definitionOf(const Compilation &c, const Occurrence &o) {
  const Theory &t = c.theory();
  switch (o.kind) {
  case SymbolKind::Design:
    return o.design ? o.design->name.range : SourceRange{};
  case SymbolKind::Entity:
    if (o.design)
      if (const ast::Entity *e = findEntity(*o.design, o.name))
        return e->name.range;
    return {};
  case SymbolKind::Assumption:
    if (const Assumption *a = t.assumption(o.name); a && a->decl)
      return a->decl->name.range;
    return {};
  case SymbolKind::Strategy:
    if (const Strategy *s = t.strategy(o.name); s && s->decl)
      return s->decl->name.range;
    return {};
  case SymbolKind::ProxyKind:
    if (const ProxyKind *p = t.proxyKind(o.name); p && p->decl)
      return p->decl->name.range;
    return {};
  case SymbolKind::Aggregation:
    if (const Aggregation *g = t.aggregation(o.name); g && g->decl)
      return g->decl->name.range;
    return {};
  case SymbolKind::Param:
    if (const Strategy *s = t.strategy(o.strategy))
      if (const ast::Param *p = s->param(o.name))
        return p->name.range;
    return {};
  case SymbolKind::Import:
    if (FileId file = o.import ? c.importedFile(*o.import) : 0)
      return SourceRange{file, 0, 0};
    return {};
  }
  return {};
}

} // namespace vdc::lsp
