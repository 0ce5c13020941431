// DesignScope.cpp — declaration look-up, kind checks and suggestions within a design.
#include "sema/DesignScope.h"

#include "sema/Suggest.h"

#include <algorithm>

namespace vdc {

std::string withArticle(ast::EntityKind kind) {
  std::string name = ast::entityKindName(kind);
  bool vowel = name[0] == 'a' || name[0] == 'e' || name[0] == 'i' || name[0] == 'o' || name[0] == 'u';
  return (vowel ? "an " : "a ") + name;
}

DesignScope::DesignScope(const ast::Design &design, DiagnosticSink &diags) : design_(design), diags_(diags) {
  for (const ast::Entity &entity : design.entities) {
    if (entity.name.empty())
      continue;
    auto [it, fresh] = byName_.emplace(entity.name.text, &entity);
    if (!fresh) {
      auto &d =
          diags_.report<DiagKind::DuplicateName>(entity.name.range, ast::entityKindName(entity.kind), entity.name.text);
      d.notes.push_back({it->second->name.range, "first declared here"});
      d.help = "names are unique within a design";
    }
  }
}

const ast::Entity *DesignScope::find(std::string_view name) const {
  auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : it->second;
}

std::vector<std::string> DesignScope::namesOf(std::initializer_list<ast::EntityKind> kinds) const {
  std::vector<std::string> out;
  for (const ast::Entity &e : design_.entities)
    if (std::find(kinds.begin(), kinds.end(), e.kind) != kinds.end())
      out.push_back(e.name.text);
  return out;
}

std::string DesignScope::suggest(std::string_view name, std::initializer_list<ast::EntityKind> kinds) {
  return suggestions_++ < kMaxSuggestions ? closestName(name, namesOf(kinds)) : "";
}

const ast::Entity *DesignScope::resolve(const ast::Name &name, std::initializer_list<ast::EntityKind> kinds) {
  std::string expected, bare;
  size_t i = 0;
  for (ast::EntityKind k : kinds) {
    const char *sep = i == 0 ? "" : (i + 1 == kinds.size() ? " or " : ", ");
    expected += sep + withArticle(k);
    bare += sep + std::string(ast::entityKindName(k));
    ++i;
  }
  if (name.empty())
    return nullptr;
  const ast::Entity *entity = find(name.text);
  if (!entity) {
    auto &d = diags_.report<DiagKind::UnknownName>(name.range, bare, name.text);
    std::string guess = suggest(name.text, kinds);
    vdc::suggest(d, guess);
    return nullptr;
  }
  if (std::find(kinds.begin(), kinds.end(), entity->kind) == kinds.end()) {
    auto &d = diags_.report<DiagKind::WrongKind>(name.range, name.text, withArticle(entity->kind), expected);
    d.notes.push_back({entity->name.range, fmt::format("`{}` declared here", name.text)});
    return nullptr;
  }
  return entity;
}

const ast::Entity *DesignScope::proxyTarget(const ast::Entity &entity) const {
  auto it = proxyOf_.find(&entity);
  return it == proxyOf_.end() ? nullptr : it->second;
}

} // namespace vdc
