// CodeActions.cpp — quick fixes offered by the language server: "did you mean", stale discharges, discharge stubs.
#include "lsp/CodeActions.h"

#include "lsp/Occurrences.h"
#include "lsp/Positions.h"

#include <fmt/format.h>

#include <set>

namespace vdc::lsp {
namespace {

bool overlaps(SourceRange r, uint32_t begin, uint32_t end) { return r.begin <= end && begin <= r.end; }

llvm::json::Object action(const std::string &title, const std::string &uri, llvm::json::Array edits,
                          bool preferred) {
  llvm::json::Object changes;
  changes[uri] = std::move(edits);
  llvm::json::Object out{{"title", title},
                         {"kind", "quickfix"},
                         {"edit", llvm::json::Object{{"changes", std::move(changes)}}}};
  if (preferred)
    out["isPreferred"] = true;
  return out;
}

llvm::json::Object textEdit(const SourceManager &sm, SourceRange range, const std::string &text) {
  return llvm::json::Object{{"range", toJsonRange(sm, range)}, {"newText", text}};
}

/// The whole lines spanned by `r`, including the final line break.
SourceRange wholeLines(const SourceManager &sm, SourceRange r) {
  std::string_view text = sm.text(r.file);
  size_t begin = text.rfind('\n', r.begin == 0 ? 0 : r.begin - 1);
  begin = (begin == std::string_view::npos || r.begin == 0) ? 0 : begin + 1;
  size_t end = text.find('\n', r.end);
  end = end == std::string_view::npos ? text.size() : end + 1;
  return {r.file, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

} // namespace

llvm::json::Array codeActions(const Compilation &c, const std::string &uri, uint32_t begin, uint32_t end) {
  llvm::json::Array out;
  const SourceManager &sm = c.sources();
  FileId root = c.rootFile();
  if (root == 0 || !c.root())
    return out;
  std::set<const ast::Discharge *> removed;
  for (const Diagnostic &d : c.diagnostics().all()) {
    if (d.range.file != root || !overlaps(d.range, begin, end))
      continue;
    if (!d.replacement.empty()) {
      llvm::json::Array edits;
      edits.push_back(textEdit(sm, d.range, d.replacement));
      out.push_back(action(fmt::format("Replace with `{}`", d.replacement), uri, std::move(edits), true));
    }
    std::string code = d.code();
    if (code == "VD2018" || code == "VD2019" || code == "VD2022") {
      for (const ast::Design &design : c.root()->designs)
        for (const ast::Discharge &dis : design.discharges)
          if (dis.range.begin <= d.range.begin && d.range.end <= dis.range.end && removed.insert(&dis).second) {
            llvm::json::Array edits;
            edits.push_back(textEdit(sm, wholeLines(sm, dis.range), ""));
            out.push_back(action(code == "VD2018" ? "Remove the stale discharge" : "Remove this discharge", uri,
                                 std::move(edits), code == "VD2018"));
          }
    }
  }
  for (const ast::Design &design : c.root()->designs) {
    const CheckedDesign *checked = checkedDesign(c, &design);
    if (!checked)
      continue;
    std::set<std::pair<std::string, std::string>> offered;
    for (const Obligation &o : checked->obligations) {
      if (!isOpen(o.status) || o.severity == Level::None || !o.assumption)
        continue;
      const ast::Entity *e = findEntity(design, o.attachedTo);
      if (!e || e->range.file != root || !overlaps(e->range, begin, end))
        continue;
      if (!offered.insert({o.assumption->name, o.attachedTo}).second)
        continue;
      // Insert the stub on its own line just before the design's closing brace.
      uint32_t close = design.range.end > 0 ? design.range.end - 1 : 0;
      SourceRange at = wholeLines(sm, SourceRange{root, close, close});
      at.end = at.begin;
      std::string stub = fmt::format("  discharge {} for {} by argument \"TODO: why this holds\"\n",
                                     o.assumption->name, o.attachedTo);
      llvm::json::Array edits;
      edits.push_back(textEdit(sm, at, stub));
      out.push_back(action(fmt::format("Add a discharge for `{}` on `{}`", o.assumption->name, o.attachedTo), uri,
                           std::move(edits), false));
    }
  }
  return out;
}

} // namespace vdc::lsp
