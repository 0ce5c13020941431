// CodeActions.cpp — quick fixes offered by the language server: "did you mean", stale discharges, discharge stubs.
#include "lsp/CodeActions.h"

#include "lsp/Occurrences.h"
#include "lsp/Positions.h"

#include <fmt/format.h>

#include <optional>
#include <set>
#include <string_view>

namespace vdc::lsp {
namespace {

bool overlaps(SourceRange r, uint32_t begin, uint32_t end) { return r.begin <= end && begin <= r.end; }

CodeAction action(const std::string &title, const std::string &uri, TextEdit edit, bool preferred) {
  return CodeAction{title, "quickfix", uri, {std::move(edit)}, preferred};
}

TextEdit textEdit(const SourceManager &sm, SourceRange range, const std::string &text) {
  return TextEdit{toRange(sm, range), text};
}

/// The whole lines spanned by `r`, including the final line break.
SourceRange wholeLines(const SourceManager &sm, SourceRange r) {
  return {r.file, sm.lineBegin(r.file, r.begin), sm.nextLineBegin(r.file, r.end)};
}

bool firstOnLine(const SourceManager &sm, FileId file, uint32_t offset);

/// What to delete to remove the statement at `r`: its whole lines when it is alone on them, else the statement and
/// the blanks before it (a discharge inside a one-line design).
SourceRange removal(const SourceManager &sm, SourceRange r) {
  std::string_view text = sm.text(r.file);
  uint32_t lineEnd = sm.lineEnd(r.file, r.end);
  bool aloneAfter = text.substr(r.end, lineEnd - r.end).find_first_not_of(" \t") == std::string_view::npos;
  if (firstOnLine(sm, r.file, r.begin) && aloneAfter)
    return wholeLines(sm, r);
  uint32_t begin = r.begin;
  while (begin > sm.lineBegin(r.file, r.begin) && (text[begin - 1] == ' ' || text[begin - 1] == '\t'))
    --begin;
  return {r.file, begin, r.end};
}

/// The blanks that begin the line holding `offset`.
std::string_view indentationAt(const SourceManager &sm, FileId file, uint32_t offset) {
  std::string_view text = sm.text(file);
  uint32_t begin = sm.lineBegin(file, offset), end = begin;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t'))
    ++end;
  return text.substr(begin, end - begin);
}

/// Whether only blanks come before `offset` on its line.
bool firstOnLine(const SourceManager &sm, FileId file, uint32_t offset) {
  uint32_t begin = sm.lineBegin(file, offset);
  return indentationAt(sm, file, offset).size() == offset - begin;
}

/// The edit that puts `line` (a statement, without indentation or line break) on a line of its own just before the
/// closing `}` of `design`, indented like the design's declarations, in the file's line break; null when the
/// design has no closing brace (it did not parse).
std::optional<TextEdit> insertBeforeClosingBrace(const SourceManager &sm, FileId file, const ast::Design &design,
                                                 const std::string &line) {
  std::string_view text = sm.text(file);
  if (!design.range.valid() || design.range.end == 0 || design.range.end > text.size() ||
      text[design.range.end - 1] != '}')
    return std::nullopt;
  uint32_t close = design.range.end - 1;
  std::string lineBreak(lineBreakOf(text));
  std::string outer(indentationAt(sm, file, design.range.begin));
  // Indented like the first declaration that starts a line; else one step (two spaces) inside the design.
  std::string inner = outer + "  ";
  for (const ast::Entity &e : design.entities)
    if (e.range.valid() && e.range.file == file && firstOnLine(sm, file, e.range.begin)) {
      inner = std::string(indentationAt(sm, file, e.range.begin));
      break;
    }
  if (firstOnLine(sm, file, close)) {
    // `}` on its own line: a new line just before it.
    uint32_t at = sm.lineBegin(file, close);
    return textEdit(sm, SourceRange{file, at, at}, inner + line + lineBreak);
  }
  // Something precedes `}` on its line (a one-line design): break the line before the brace, which then goes on a
  // line of its own, indented like the design.
  uint32_t blanks = close;
  while (blanks > sm.lineBegin(file, close) && (text[blanks - 1] == ' ' || text[blanks - 1] == '\t'))
    --blanks;
  return textEdit(sm, SourceRange{file, blanks, close}, lineBreak + inner + line + lineBreak + outer);
}

} // namespace

std::vector<CodeAction> codeActions(const Compilation &c, const std::string &uri, uint32_t begin, uint32_t end) {
  std::vector<CodeAction> out;
  const SourceManager &sm = c.sources();
  FileId root = c.rootFile();
  if (root == 0 || !c.root())
    return out;
  std::set<const ast::Discharge *> removed;
  for (const Diagnostic &d : c.diagnostics().all()) {
    if (d.range.file != root || !overlaps(d.range, begin, end))
      continue;
    if (!d.replacement.empty()) {
      // Only a replacement that is surely what the author meant is the preferred fix; a guess is offered too.
      out.push_back(action(fmt::format("Replace with `{}`", d.replacement), uri, textEdit(sm, d.range, d.replacement),
                           d.applicability == Applicability::MachineApplicable));
    }
    std::string code = d.code();
    if (code == "VD2018" || code == "VD2019" || code == "VD2022") {
      for (const ast::Design &design : c.root()->designs)
        for (const ast::Discharge &dis : design.discharges)
          if (dis.range.begin <= d.range.begin && d.range.end <= dis.range.end && removed.insert(&dis).second) {
            out.push_back(action(code == "VD2018"
                                     ? (dis.dispute ? "Remove the stale dispute" : "Remove the stale discharge")
                                     : (dis.dispute ? "Remove this dispute" : "Remove this discharge"),
                                 uri, textEdit(sm, removal(sm, dis.range), ""), code == "VD2018"));
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
      // The stub goes on its own line just before the design's closing brace.
      auto edit = insertBeforeClosingBrace(
          sm, root, design,
          fmt::format("discharge {} for {} by argument \"TODO: why this holds\"", o.assumption->name, o.attachedTo));
      if (!edit)
        continue;
      out.push_back(action(fmt::format("Add a discharge for `{}` on `{}`", o.assumption->name, o.attachedTo), uri,
                           std::move(*edit), false));
    }
  }
  return out;
}

} // namespace vdc::lsp
