// Declarations.cpp — checks of declaration attributes, proxy clauses and the proxy graph.
#include "sema/DesignCheckerImpl.h"
#include "sema/Suggest.h"

#include <llvm/ADT/StringExtras.h>

#include <algorithm>
#include <llvm/ADT/StringExtras.h>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace vdc {

namespace {
bool isNumber(const ast::Value &v) { return v.kind == ast::Value::Kind::Number; }
} // namespace

void DesignChecker::checkEntities() {
  for (const ast::Entity &entity : design_.entities) {
    if (entity.malformed) {
      incomplete_ = true; // its syntax error is reported; guessing at the rest would only add noise
      continue;
    }
    checkAttributes(entity);
    if (entity.proxy)
      checkProxyClause(entity);
  }
}

void DesignChecker::checkAttributes(const ast::Entity &entity) {
  using K = ast::EntityKind;
  for (const ast::Attribute &attr : entity.attributes) {
    const std::string &key = attr.key.text;
    const ast::Value &v = attr.value;
    auto expect = [&](bool ok, const char *what) {
      if (!ok)
        diags_.report<DiagKind::AttributeType>(v.range, key, what, v.describe());
    };
    switch (entity.kind) {
    case K::Recipe:
      if (key == "params" || key == "tokens" || key == "compute")
        expect(isNumber(v) && v.number >= 0, "a non-negative number");
      else if (key == "family")
        expect(v.kind == ast::Value::Kind::Name || v.kind == ast::Value::Kind::String, "a name or a string");
      break;
    case K::Outcome:
      if (key == "emergent_at")
        expect(isNumber(v) && v.number >= 0, "a parameter count");
      break;
    case K::Covariate:
      if (key == "observed")
        expect(v.kind == ast::Value::Kind::Bool, "`true` or `false`");
      break;
    default:
      break; // studies and claims are checked with their own rules; other keys are kept for reports
    }
  }
}

void DesignChecker::checkProxyClause(const ast::Entity &entity) {
  const ast::ProxyClause &clause = *entity.proxy;
  using K = ast::EntityKind;
  bool canBeProxy = entity.kind == K::Recipe || entity.kind == K::Treatment || entity.kind == K::Outcome ||
                    entity.kind == K::Population;
  const ProxyKind *kind = theory_.proxyKind(clause.kind.text);
  std::vector<std::string> names; // the proxy kinds that fit this sort of declaration
  for (const auto &[n, p] : theory_.proxyKinds)
    if (p.decl->appliesToKind(entity.kind))
      names.push_back(n);
  if (!kind) {
    auto &d = diags_.report<DiagKind::UnknownName>(clause.kind.range, "proxy kind", clause.kind.text);
    std::string guess = closestName(clause.kind.text, names);
    if (!guess.empty()) {
      suggest(d, guess);
    } else if (!names.empty()) {
      d.help = fmt::format("proxy kinds for {}s: {}", ast::entityKindName(entity.kind), llvm::join(names, ", "));
    }
  } else if (!canBeProxy || !kind->decl->appliesToKind(entity.kind)) {
    auto &d = diags_.report<DiagKind::ProxyKindMismatch>(clause.kind.range, kind->name, kind->decl->sortsText(),
                                                         ast::entityKindName(entity.kind), entity.name.text);
    d.notes.push_back({kind->decl->range, "proxy kind declared here"});
    // LANGUAGE.md Section 16: list the kinds that fit, and say that a design may declare its own.
    std::string sort = ast::entityKindName(entity.kind);
    std::string own = fmt::format("a design may declare its own: `proxy NAME for {} {{ requires ... }}`", sort);
    if (!canBeProxy)
      d.help = fmt::format("a {} cannot stand in for another declaration", sort);
    else if (names.empty())
      d.help = fmt::format("the theory declares no proxy kind for {}s; {}", sort, own);
    else
      d.help = fmt::format("proxy kinds for {}s: {}; {}", sort, llvm::join(names, ", "), own);
  }
  if (!canBeProxy) {
    incomplete_ = true;
    return;
  }
  const ast::Entity *target = scope_.resolve(clause.target, {entity.kind});
  if (target == &entity) {
    diags_.report<DiagKind::ProxyCycle>(clause.target.range, entity.name.text + " -> " + entity.name.text);
    target = nullptr;
  }
  scope_.setProxyTarget(entity, target);
  if (!target || !kind)
    incomplete_ = true;
}

void DesignChecker::checkProxyCycles() {
  // Each entity is walked once: a walk stops at an entity an earlier walk already finished, so a long chain
  // costs linear time, not quadratic.
  // `hops` holds, for each finished entity, the number of proxy hops from it to the end of its chain.
  std::unordered_map<const ast::Entity *, size_t> hops;
  for (const ast::Entity &start : design_.entities) {
    std::vector<const ast::Entity *> path;
    std::unordered_set<const ast::Entity *> onPath;
    const ast::Entity *e = &start;
    while (e && !onPath.count(e) && !hops.count(e)) {
      onPath.insert(e);
      path.push_back(e);
      e = scope_.proxyTarget(*e);
    }
    bool closesCycle = e && onPath.count(e);
    size_t below = !e || closesCycle ? 0 : hops[e] + 1;
    for (size_t i = path.size(); i-- > 0;) {
      size_t n = below + (path.size() - 1 - i);
      hops[path[i]] = n;
      if (n > kMaxProxyHops && !proxyChainTooLong_ && !closesCycle) {
        auto &d = diags_.report<DiagKind::ProxyChainTooLong>(path[i]->proxy->range, path[i]->name.text, kMaxProxyHops);
        d.help = "claims of this design are not checked; a chain of proxies this long is almost certainly generated "
                 "by mistake";
        proxyChainTooLong_ = true;
        incomplete_ = true;
      }
    }
    if (!closesCycle)
      continue;
    // `e` closes a cycle: report it once, at its first member in source order.
    auto it = std::find(path.begin(), path.end(), e);
    std::vector<const ast::Entity *> cycle(it, path.end());
    std::string text;
    for (const ast::Entity *m : cycle)
      text += m->name.text + " -> ";
    text += e->name.text;
    auto &d = diags_.report<DiagKind::ProxyCycle>(e->proxy->range, text);
    for (const ast::Entity *m : cycle)
      if (m != e)
        d.notes.push_back({m->proxy->range, fmt::format("`{}` is a proxy of `{}` here", m->name.text,
                                                        m->proxy->target.text)});
    // Break the cycle so later walks terminate.
    for (const ast::Entity *m : cycle)
      scope_.setProxyTarget(*m, nullptr);
    incomplete_ = true;
  }
}

} // namespace vdc
