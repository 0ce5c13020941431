// Hover.cpp — renders hover text from the checked model and the theory, in the spirit of `vdc explain`.
#include "lsp/Hover.h"

#include "sema/Condition.h"
#include "source/Escape.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>

namespace vdc::lsp {

namespace {

/// A string as the language writes it, on one line: `"a \"b\"\n"` (a code block or span shows it literally).
std::string stringLiteral(const std::string &text) {
  std::string out = "\"";
  for (char c : text)
    out += c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\t' ? "\\t" : std::string(1, c);
  return replaceControls(out + "\"");
}

std::string valueText(const ast::Value &v) {
  switch (v.kind) {
  case ast::Value::Kind::String:
    return stringLiteral(v.text);
  case ast::Value::Kind::Bool:
    return v.boolean ? "true" : "false";
  case ast::Value::Kind::Name:
    return v.name.text;
  case ast::Value::Kind::List:
    return "[" + llvm::join(llvm::map_range(v.items, valueText), ", ") + "]";
  default:
    return v.text;
  }
}

// Hover text is Markdown, and every string in it that comes from a file (descriptions, titles, doc comments,
// attribute values, a theory's texts, paths) is escaped: none becomes a link, an image, a heading or HTML.

/// A doc comment for Markdown: the parser keeps the third slash of `///` comments, so drop a leading `/` per line.
std::string docText(const std::string &doc) {
  std::string out;
  size_t pos = 0;
  while (pos <= doc.size()) {
    size_t nl = doc.find('\n', pos);
    std::string line = doc.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!line.empty() && line[0] == '/')
      line.erase(0, line.find_first_not_of('/'));
    if (!line.empty() && line[0] == ' ')
      line.erase(0, 1);
    out += (out.empty() ? "" : "\n") + line;
    if (nl == std::string::npos)
      break;
    pos = nl + 1;
  }
  return escapeMarkdownParagraph(out);
}

std::string paramLine(const ast::Param &p) {
  std::string out = p.name.text + ": " + p.type.spelling();
  if (p.defaultValue)
    return markdownCode(out + " = " + valueText(*p.defaultValue));
  return markdownCode(out) + " (required)";
}

std::string requirementLines(const std::vector<Requirement> &reqs) {
  std::string out;
  for (const Requirement &r : reqs) {
    if (!r.assumption)
      continue;
    out += fmt::format("- requires `{}` severity {}", r.assumption->name, levelName(r.severity));
    if (r.decl && r.decl->condition)
      out += std::string(r.decl->negated ? " unless " : " when ") + markdownCode(conditionText(*r.decl->condition));
    out += "\n";
  }
  return out;
}

std::string obligationLine(const Obligation &o) {
  std::string out = fmt::format("- `{}` — {}, **{}**", o.assumption ? o.assumption->name : "?", levelName(o.severity),
                                statusName(o.status));
  if (o.evidence)
    out += o.evidence->kind == "study" ? fmt::format(" by study `{}`", o.evidence->study)
                                       : fmt::format(" by {}", o.evidence->kind);
  for (const Evidence &against : o.disputes) // what makes it contested (LANGUAGE.md Section 12.3)
    out += fmt::format(", disputed by {}", against.kind == "study" ? "study `" + against.study + "`" : against.kind);
  if (!o.step.empty())
    out += fmt::format(" ({})", escapeMarkdown(o.step));
  return out + "\n";
}

/// The verdict of a claim and its chains: which one decides, what blocks each, and the obligations a chain takes
/// over from study evidence, with the study they come `via` (LANGUAGE.md Sections 12.1 and 13).
std::string claimVerdict(const CheckedDesign &design, const Claim &claim) {
  if (!claim.complete)
    return "\nThe claim is **not checked**: a line of its evidence could not be turned into a chain.\n";
  std::string out =
      fmt::format("\nThe claim **{}** under the policy.\n", claim.holds ? "holds" : "does not hold");
  if (claim.chains.empty())
    return out;
  out += "\nChains:\n\n";
  for (const Chain &chain : claim.chains) {
    out += fmt::format("- from study `{}`{}: ", chain.study, chain.deciding ? " (**deciding**)" : "");
    if (chain.blocking.empty()) {
      out += "holds\n";
    } else {
      std::vector<std::string> names;
      for (int id : chain.blocking)
        names.push_back(fmt::format("#{} `{}`", id, design.obligation(id).assumption
                                                     ? design.obligation(id).assumption->name
                                                     : "?"));
      out += "blocked by " + llvm::join(names, ", ") + "\n";
    }
    for (const InheritedObligation &in : chain.inherited) {
      const Obligation &ob = design.obligation(in.id);
      if (ob.severity == Level::None)
        continue; // satisfied by the evidence study's design: nothing to settle
      out += fmt::format("  - via study `{}`: `{}` — {}, **{}**\n", in.via,
                         ob.assumption ? ob.assumption->name : "?", levelName(ob.severity), statusName(ob.status));
    }
  }
  return out;
}

std::string entityHover(const Compilation &c, const Occurrence &o) {
  if (!o.design)
    return "";
  const ast::Entity *e = findEntity(*o.design, o.name);
  if (!e)
    return "";
  std::string out = fmt::format("```vdesign\n{} {}\n```\n", ast::entityKindName(e->kind), e->name.text);
  if (!e->description.empty())
    out += "\n" + escapeMarkdownParagraph(e->description) + "\n";
  if (!e->doc.empty())
    out += "\n" + docText(e->doc) + "\n";
  const CheckedDesign *design = checkedDesign(c, o.design);
  if (e->proxy)
    out += fmt::format("\nProxy of `{}` via `{}`\n", e->proxy->target.text, e->proxy->kind.text);
  std::vector<std::string> proxies;
  for (const ast::Entity &other : o.design->entities)
    if (other.proxy && other.proxy->target.text == e->name.text)
      proxies.push_back(fmt::format("`{}` (via `{}`)", other.name.text, other.proxy->kind.text));
  if (!proxies.empty())
    out += "\nProxies for it: " + llvm::join(proxies, ", ") + "\n";
  if (e->kind == ast::EntityKind::Study)
    if (const ast::Attribute *s = ast::findAttribute(e->attributes, "strategy"))
      out += "\nStrategy: " + markdownCode(valueText(s->value)) + "\n";
  if (design) {
    std::string lines;
    for (const Obligation &ob : design->obligations)
      if (ob.attachedTo == e->name.text && ob.severity != Level::None)
        lines += obligationLine(ob);
    if (!lines.empty())
      out += "\nObligations attached here:\n\n" + lines;
    if (e->kind == ast::EntityKind::Claim)
      for (const Claim &claim : design->claims)
        if (claim.name == e->name.text)
          out += claimVerdict(*design, claim);
  }
  return out;
}

std::string assumptionHover(const Compilation &c, const Occurrence &o) {
  const Assumption *a = c.theory().assumption(o.name);
  if (!a)
    return "";
  std::string out = fmt::format("**{}** `{}`\n\n{} validity · {}\n", escapeMarkdown(a->title.empty() ? a->name : a->title), a->name,
                                validityName(a->validity), a->testable ? "testable" : "not testable");
  if (!a->formula.empty())
    out += "\n" + markdownCode(a->formula) + "\n";
  if (!a->source.empty())
    out += "\n*" + escapeMarkdown(a->source) + "*\n";
  if (!a->explain.empty())
    out += "\n" + escapeMarkdownParagraph(a->explain) + "\n";
  if (!a->hint.empty())
    out += "\n**How to settle it:** " + escapeMarkdown(a->hint) + "\n";
  if (o.discharge && o.design) {
    std::string lines;
    if (const CheckedDesign *design = checkedDesign(c, o.design))
      for (const Obligation &ob : design->obligations)
        if (ob.assumption == a && ob.attachedTo == o.discharge->target.text)
          lines += obligationLine(ob);
    out += fmt::format("\nObligations of `{}` on `{}`:\n\n", a->name, o.discharge->target.text);
    out += lines.empty() ? fmt::format("- none: this {} is stale\n", o.discharge->dispute ? "dispute" : "discharge")
                         : lines;
  }
  return out;
}

std::string strategyHover(const Compilation &c, const Occurrence &o) {
  const Strategy *s = c.theory().strategy(o.name);
  if (!s || !s->decl)
    return "";
  std::string out = fmt::format("```vdesign\nstrategy {}\n```\n\n{}\n", s->name, escapeMarkdownParagraph(s->decl->description));
  if (!s->decl->doc.empty())
    out += "\n" + docText(s->decl->doc) + "\n";
  out += "\nParameters:\n\n";
  if (s->decl->params.empty())
    out += "- (none)\n";
  for (const ast::Param &p : s->decl->params)
    out += "- " + paramLine(p) + "\n";
  if (s->unitAverage)
    out += "\nEstimand: an average over within-run units\n";
  if (!s->satisfies.empty()) {
    out += "\nSatisfies by design:";
    for (size_t i = 0; i < s->satisfies.size(); ++i) {
      out += " `" + s->satisfies[i]->name + "`";
      const ast::SatisfiesGuard *g = i < s->satisfiesGuards.size() ? s->satisfiesGuards[i] : nullptr;
      if (g && g->condition)
        out += fmt::format(" ({} `{}`)", g->negated ? "unless" : "when", conditionText(*g->condition));
    }
    out += "\n";
  }
  if (!s->requirements.empty())
    out += "\n" + requirementLines(s->requirements);
  return out;
}

/// An import: the file it names and what that module declares.
std::string importHover(const Compilation &c, const ast::Import &import) {
  std::string out = fmt::format("```vdesign\nimport {}\n```\n\n", stringLiteral(import.path));
  std::string path = c.importedPath(import);
  FileId file = c.importedFile(import);
  if (path.empty())
    return out + "Not found (a path starting with `./` or `../` is relative to this file; other names are "
                 "searched in the stdlib path).\n";
  out += markdownCode(path) + "\n";
  for (const auto &m : c.modules())
    if (file != 0 && m->file == file) {
      auto count = [](size_t n, const char *one, const char *many) {
        return fmt::format("{} {}", n, n == 1 ? one : many);
      };
      out += fmt::format("\nDeclares {}, {}, {} and {}.\n", count(m->assumptions.size(), "assumption", "assumptions"),
                         count(m->strategies.size(), "strategy", "strategies"),
                         count(m->proxyKinds.size(), "proxy kind", "proxy kinds"),
                         count(m->aggregations.size(), "aggregation", "aggregations"));
    }
  return out;
}

} // namespace

std::string hoverMarkdown(const Compilation &c, const Occurrence &o) {
  const Theory &t = c.theory();
  switch (o.kind) {
  case SymbolKind::Design:
    if (!o.design)
      return "";
    return fmt::format("```vdesign\ndesign {}\n```\n\n{}\n{}", o.design->name.text, escapeMarkdownParagraph(o.design->title),
                       o.design->doc.empty() ? "" : "\n" + docText(o.design->doc) + "\n");
  case SymbolKind::Entity:
    return entityHover(c, o);
  case SymbolKind::Assumption:
    return assumptionHover(c, o);
  case SymbolKind::Strategy:
    return strategyHover(c, o);
  case SymbolKind::ProxyKind: {
    const ProxyKind *p = t.proxyKind(o.name);
    if (!p || !p->decl)
      return "";
    return fmt::format("```vdesign\nproxy {} for {}\n```\n\n{}\n\nEach `proxy of X via {}` hop:\n\n{}", p->name,
                       ast::entityKindName(p->decl->appliesTo), escapeMarkdownParagraph(p->decl->description), p->name,
                       requirementLines(p->requirements));
  }
  case SymbolKind::Aggregation: {
    const Aggregation *g = t.aggregation(o.name);
    if (!g || !g->decl)
      return "";
    return fmt::format("```vdesign\naggregation {}\n```\n\n{}\n\n{}", g->name, escapeMarkdownParagraph(g->decl->description),
                       requirementLines(g->requirements));
  }
  case SymbolKind::Import:
    return o.import ? importHover(c, *o.import) : "";
  case SymbolKind::Param: {
    const Strategy *s = t.strategy(o.strategy);
    const ast::Param *p = s ? s->param(o.name) : nullptr;
    if (!p)
      return "";
    return fmt::format("{} — parameter of strategy `{}`\n", paramLine(*p), s->name);
  }
  }
  return "";
}

} // namespace vdc::lsp
