// Completion.cpp — a small look-behind on the current line decides which names fit; the model supplies them.
#include "lsp/Completion.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace vdc::lsp {

namespace {

/// LSP CompletionItemKind values used here.
enum ItemKind { kField = 5, kVariable = 6, kInterface = 8, kProperty = 10, kKeyword = 14, kStruct = 22, kTypeParameter = 25 };

const char *const kKeywords[] = {"import", "design", "recipe", "treatment", "outcome", "population", "covariate",
                                 "study", "claim", "discharge", "proxy", "of", "via", "by", "cite", "assumption",
                                 "strategy", "param", "requires", "satisfies", "severity", "when", "unless",
                                 "aggregation", "for", "on", "in", "from", "over", "true", "false"};

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

llvm::json::Object item(const std::string &label, int kind, const std::string &detail) {
  llvm::json::Object o{{"label", label}, {"kind", kind}};
  if (!detail.empty())
    o["detail"] = detail;
  return o;
}

/// The words of `s`, split at anything that is not a name character (a `:` is kept as its own word).
std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string current;
  for (char c : s) {
    if (isNameChar(c)) {
      current.push_back(c);
      continue;
    }
    if (!current.empty())
      out.push_back(std::move(current));
    current.clear();
    if (c == ':' || c == '{' || c == '}')
      out.push_back(std::string(1, c));
  }
  if (!current.empty())
    out.push_back(std::move(current));
  return out;
}

bool contains(SourceRange r, uint32_t offset) { return r.valid() && r.begin <= offset && offset <= r.end; }

} // namespace

llvm::json::Array completionItems(const Compilation &c, std::string_view text, uint32_t offset) {
  llvm::json::Array items;
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  lineStart = (lineStart == std::string_view::npos || offset == 0) ? 0 : lineStart + 1;
  uint32_t prefixStart = offset;
  while (prefixStart > lineStart && isNameChar(text[prefixStart - 1]))
    --prefixStart;
  std::vector<std::string> before = words(text.substr(lineStart, prefixStart - lineStart));
  auto last = [&](size_t back) -> std::string {
    return before.size() > back ? before[before.size() - 1 - back] : std::string();
  };

  const Theory &theory = c.theory();
  const ast::Design *design = nullptr;
  if (c.root())
    for (const ast::Design &d : c.root()->designs)
      if (contains(d.range, offset))
        design = &d;

  if (last(0) == "via") {
    // Only kinds that apply to the sort of declaration on this line.
    std::string sort = before.empty() ? "" : before.front();
    for (const auto &[name, kind] : theory.proxyKinds) {
      if (!kind.decl)
        continue;
      std::string appliesTo = ast::entityKindName(kind.decl->appliesTo);
      if (sort == "recipe" || sort == "treatment" || sort == "outcome")
        if (sort != appliesTo)
          continue;
      items.push_back(item(name, kTypeParameter, "proxy for " + appliesTo + ": " + kind.decl->description));
    }
    return items;
  }
  if (last(0) == "discharge") {
    for (const auto &[name, a] : theory.assumptions)
      items.push_back(item(name, kInterface, a.title));
    return items;
  }
  if (last(2) == "discharge" && last(0) == "for" && design) {
    // The declarations that carry an obligation of this assumption; all of them when none does.
    std::set<std::string> carriers;
    for (const CheckedDesign &checked : c.designs())
      if (checked.decl == design)
        for (const Obligation &o : checked.obligations)
          if (o.assumption && o.assumption->name == last(1))
            carriers.insert(o.attachedTo);
    for (const ast::Entity &e : design->entities)
      if (carriers.empty() || carriers.count(e.name.text))
        items.push_back(item(e.name.text, kVariable, ast::entityKindName(e.kind)));
    return items;
  }
  if (last(0) == ":" && last(1) == "strategy") {
    for (const auto &[name, s] : theory.strategies)
      items.push_back(item(name, kStruct, s.decl ? s.decl->description : ""));
    return items;
  }
  // A key at the start of a line inside a study: its fields and its strategy's parameters.
  if (design && before.empty()) {
    for (const ast::Entity &e : design->entities) {
      if (e.kind != ast::EntityKind::Study || !contains(e.range, offset) || offset <= e.name.range.end)
        continue;
      std::set<std::string> given;
      for (const ast::Attribute &a : e.attributes)
        given.insert(a.key.text);
      for (const char *field : {"strategy", "recipe", "population", "treatment", "outcome"})
        if (!given.count(field))
          items.push_back(item(field, kField, "study field"));
      if (const ast::Attribute *s = ast::findAttribute(e.attributes, "strategy"))
        if (const Strategy *strategy = theory.strategy(s->value.name.text); strategy && strategy->decl)
          for (const ast::Param &p : strategy->decl->params)
            if (!given.count(p.name.text))
              items.push_back(item(p.name.text, kProperty,
                                   p.type.spelling() + (p.defaultValue ? "" : " (required)") + " — parameter of " +
                                       strategy->name));
      return items;
    }
  }
  for (const char *k : kKeywords)
    items.push_back(item(k, kKeyword, ""));
  return items;
}

} // namespace vdc::lsp
