// Diagnostics.cpp — maps vdc diagnostics and obligations onto LSP diagnostics.
#include "lsp/Diagnostics.h"

#include "lsp/Occurrences.h"
#include "lsp/Positions.h"

#include <fmt/format.h>

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

llvm::json::Object compilerDiagnostic(const Compilation &c, const Diagnostic &d, const KnownUri &root) {
  const SourceManager &sm = c.sources();
  std::string message = d.message;
  SourceRange range = d.range;
  llvm::json::Array related;
  if (range.valid() && range.file != c.rootFile()) {
    // A problem in an imported file: shown at the start of this file, pointing at the real place.
    LineColumn lc = sm.start(range);
    message = fmt::format("in {}:{}:{}: {}", sm.name(range.file), lc.line, lc.column, message);
    related.push_back(llvm::json::Object{{"location", toJsonLocation(sm, range, root)}, {"message", d.message}});
    range = SourceRange{c.rootFile(), 0, 0};
  }
  if (!range.valid())
    range = SourceRange{c.rootFile(), 0, 0};
  if (!d.help.empty())
    message += "\nhelp: " + d.help;
  for (const DiagNote &note : d.notes)
    if (note.range.valid())
      related.push_back(llvm::json::Object{{"location", toJsonLocation(sm, note.range, root)}, {"message", note.message}});
  llvm::json::Object out{{"range", toJsonRange(sm, range)},
                         {"severity", lspSeverity(d.severity)},
                         {"code", d.code()},
                         {"source", "vdc"},
                         {"message", message}};
  if (!related.empty())
    out["relatedInformation"] = std::move(related);
  return out;
}

const char *severityWords(Level l) {
  return l == Level::Key ? "key threat" : l == Level::Careful ? "needs careful consideration" : "not a threat";
}

} // namespace

llvm::json::Array toLspDiagnostics(const Compilation &c, const std::string &uri) {
  KnownUri root{c.rootFile(), uri};
  llvm::json::Array out;
  const SourceManager &sm = c.sources();
  if (c.rootFile() == 0)
    return out;
  for (const Diagnostic &d : c.diagnostics().all())
    if (d.severity != Severity::Note)
      out.push_back(compilerDiagnostic(c, d, root));
  for (const CheckedDesign &design : c.designs()) {
    for (const Obligation &o : design.obligations) {
      if (!isOpen(o.status) || o.severity == Level::None || !o.assumption)
        continue;
      // The name of the attached declaration is the smallest range that shows where the obligation comes from.
      SourceRange range = o.location;
      if (design.decl)
        if (const ast::Entity *e = findEntity(*design.decl, o.attachedTo))
          range = e->name.range;
      if (!range.valid() || range.file != c.rootFile())
        continue;
      std::string title = o.assumption->title.empty() ? "" : " (" + o.assumption->title + ")";
      std::string message = fmt::format("{} obligation `{}`{} on `{}`: {} to {} validity", statusName(o.status),
                                        o.assumption->name, title, o.attachedTo, severityWords(o.severity),
                                        validityName(o.assumption->validity));
      if (!o.step.empty())
        message += "\nstep: " + o.step;
      llvm::json::Array related;
      for (const std::string &claimName : o.claims) {
        const ast::Entity *claim = design.decl ? findEntity(*design.decl, claimName) : nullptr;
        if (claim && claim->name.range.valid())
          related.push_back(llvm::json::Object{{"location", toJsonLocation(sm, claim->name.range, root)},
                                               {"message", fmt::format("claim `{}` depends on it", claimName)}});
      }
      if (o.ruleRange.valid())
        related.push_back(llvm::json::Object{{"location", toJsonLocation(sm, o.ruleRange, root)},
                                             {"message", "required by this rule of the theory"}});
      llvm::json::Object diag{{"range", toJsonRange(sm, range)},
                              {"severity", static_cast<int>(o.severity == Level::Key ? kWarning : kInformation)},
                              {"code", o.assumption->name},
                              {"source", "vdc obligation"},
                              {"message", message}};
      if (!related.empty())
        diag["relatedInformation"] = std::move(related);
      out.push_back(std::move(diag));
    }
  }
  return out;
}

} // namespace vdc::lsp
