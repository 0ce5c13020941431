// Diagnostics.cpp — maps vdc diagnostics and obligations onto LSP diagnostics, and writes them out.
#include "lsp/Diagnostics.h"

#include "source/Escape.h"

#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

namespace vdc::lsp {

namespace {

/// LSP DiagnosticSeverity.
enum LspSeverity { kError = 1, kWarning = 2, kInformation = 3 };

int lspSeverity(Severity s) {
  switch (s) {
  case Severity::Error:
    return kError;
  case Severity::Warning:
    return kWarning;
  case Severity::Note:
    return kInformation;
  }
  return kError;
}

LspDiagnostic compilerDiagnostic(const Compilation &c, const Diagnostic &d) {
  const SourceManager &sm = c.sources();
  LspDiagnostic out;
  out.message = d.message;
  out.range = d.range;
  if (out.range.valid() && out.range.file != c.rootFile()) {
    // A problem in an imported file: shown at the start of this file, pointing at the real place.
    LineColumn lc = sm.start(out.range);
    out.message = fmt::format("in {}:{}:{}: {}", sm.name(out.range.file), lc.line, lc.column, d.message);
    out.related.push_back({out.range, d.message});
    out.range = SourceRange{c.rootFile(), 0, 0};
  }
  if (!out.range.valid())
    out.range = SourceRange{c.rootFile(), 0, 0};
  if (!d.help.empty())
    out.message += "\nhelp: " + d.help;
  for (const DiagNote &note : d.notes)
    if (note.range.valid())
      out.related.push_back({note.range, note.message});
  out.severity = lspSeverity(d.severity);
  out.code = d.code();
  out.source = "vdc";
  return out;
}

const char *severityWords(Level l) {
  return l == Level::Key ? "key threat" : l == Level::Careful ? "needs careful consideration" : "not a threat";
}

} // namespace

std::vector<LspDiagnostic> lspDiagnostics(const Compilation &c, size_t limit) {
  std::vector<LspDiagnostic> out;
  if (c.rootFile() == 0)
    return out;
  size_t dropped = 0;
  auto room = [&] {
    if (out.size() < limit)
      return true;
    ++dropped;
    return false;
  };
  for (const Diagnostic &d : c.diagnostics().all())
    if (d.severity != Severity::Note && room())
      out.push_back(compilerDiagnostic(c, d));
  for (const CheckedDesign &design : c.designs()) {
    // The design's declarations by name, for the attached declarations and the claims.
    std::unordered_map<std::string_view, const ast::Entity *> entities;
    if (design.decl)
      for (const ast::Entity &e : design.decl->entities)
        entities.emplace(e.name.text, &e);
    auto entity = [&](const std::string &name) -> const ast::Entity * {
      auto it = entities.find(name);
      return it == entities.end() ? nullptr : it->second;
    };
    for (const Obligation &o : design.obligations) {
      if (!isOpen(o.status) || o.severity == Level::None || !o.assumption)
        continue;
      // The name of the attached declaration is the smallest range that shows where the obligation comes from.
      SourceRange range = o.location;
      if (const ast::Entity *e = entity(o.attachedTo))
        range = e->name.range;
      if (!range.valid() || range.file != c.rootFile() || !room())
        continue;
      LspDiagnostic diag;
      diag.range = range;
      diag.severity = o.severity == Level::Key ? kWarning : kInformation;
      diag.code = o.assumption->name;
      diag.source = "vdc obligation";
      std::string title = o.assumption->title.empty() ? "" : " (" + o.assumption->title + ")";
      diag.message = fmt::format("{} obligation `{}`{} on `{}`: {} to {} validity", statusName(o.status),
                                 o.assumption->name, title, o.attachedTo, severityWords(o.severity),
                                 validityName(o.assumption->validity));
      if (!o.step.empty())
        diag.message += "\nstep: " + o.step;
      for (const std::string &claimName : o.claims)
        if (const ast::Entity *claim = entity(claimName); claim && claim->name.range.valid())
          diag.related.push_back({claim->name.range, fmt::format("claim `{}` depends on it", claimName)});
      if (o.ruleRange.valid())
        diag.related.push_back({o.ruleRange, "required by this rule of the theory"});
      out.push_back(std::move(diag));
    }
  }
  if (dropped > 0) {
    LspDiagnostic more;
    more.range = SourceRange{c.rootFile(), 0, 0};
    more.severity = kInformation;
    more.source = "vdc";
    more.message = fmt::format("{} more diagnostics are not shown: only the first {} are published "
                               "(`vdc check` lists them all)",
                               dropped, limit);
    out.push_back(std::move(more));
  }
  return out;
}

void writeLspDiagnostics(llvm::json::OStream &json, const SourceManager &sources, const KnownUri &root,
                         const std::vector<LspDiagnostic> &diagnostics) {
  // Keys in sorted order, as every message of the server is printed.
  json.array([&] {
    for (const LspDiagnostic &d : diagnostics)
      json.object([&] {
        if (!d.code.empty())
          json.attribute("code", d.code);
        json.attribute("message", replaceControls(d.message)); // a file's strings: controls and bidi visible
        json.attributeBegin("range");
        writeJsonRange(json, sources, d.range);
        json.attributeEnd();
        if (!d.related.empty())
          json.attributeArray("relatedInformation", [&] {
            for (const LspDiagnostic::Related &r : d.related)
              json.object([&] {
                json.attributeBegin("location");
                writeJsonLocation(json, sources, r.range, root);
                json.attributeEnd();
                json.attribute("message", replaceControls(r.message));
              });
          });
        json.attribute("severity", d.severity);
        json.attribute("source", d.source);
      });
  });
}

} // namespace vdc::lsp
