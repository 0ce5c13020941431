// MarkdownReport.cpp — GitHub-flavoured Markdown rendering of the checked model.
#include "report/MarkdownReport.h"

#include <algorithm>

namespace vdc {

namespace {

const char *bullet(Level l) {
  switch (l) {
  case Level::None:
    return "🟢 none";
  case Level::Careful:
    return "🟡 careful";
  case Level::Key:
    return "🔴 key";
  }
  return "";
}

/// A name as a code span (names and estimands hold no `|`, so this is also safe in a table cell).
std::string code(std::string_view text) { return markdownCode(text); }

/// What the table says would settle an obligation: the hint for an open one, the argument given and the hint
/// for an assumed one, `vdc verify` for a stale check.
std::string settleText(const Obligation &o) {
  const std::string &hint = o.assumption->hint;
  std::string cite = o.evidence && !o.evidence->cite.empty() ? " [" + o.evidence->cite + "]" : "";
  if (o.status == Status::Stale) // the evidence says which check and why it is stale
    return "run `vdc verify`: " + escapeMarkdown(o.evidence ? o.evidence->text : "the check is stale");
  if (o.status == Status::Assumed && o.evidence)
    return escapeMarkdown("argued: " + o.evidence->text + cite + (hint.empty() ? "" : "; to settle it: " + hint));
  return escapeMarkdown(hint);
}

const char *stateText(ClaimState state) {
  switch (state) {
  case ClaimState::Holds:
    return "✅ holds";
  case ClaimState::Fails:
    return "❌ does not hold";
  case ClaimState::NotChecked:
    return "⚠️ not checked (the file has errors)";
  }
  return "";
}

void claimSection(std::ostream &out, const Compilation &c, const Claim &claim,
                  const std::vector<const Obligation *> &obligations) {
  ClaimState state = claimState(c, claim);
  out << "### Claim " << code(claim.name) << " — " << stateText(state) << "\n\n";
  out << "Estimand: " << code(estimandNotation(claim));
  if (!claim.description.empty())
    out << " — " << escapeMarkdown(claim.description);
  out << "\n\n";
  out << "| profile | statistical | internal | external | construct |\n|---|---|---|---|---|\n";
  for (auto [name, profile] : {std::pair<const char *, const Profile *>{"inherent", &claim.profile.inherent},
                               {"residual", &claim.profile.residual}}) {
    out << "| " << name;
    for (Validity v : kAllValidities)
      out << " | " << bullet((*profile)[v]);
    out << " |\n";
  }
  out << "\n";
  for (const Chain &chain : claim.chains) {
    out << "- chain from study " << code(chain.study)
        << (state == ClaimState::NotChecked ? "" : chain.holds ? " (holds)" : " (denied by policy)") << ": ";
    for (size_t i = 0; i < chain.steps.size(); ++i)
      out << (i ? " → " : "") << escapeMarkdownNames(chain.steps[i]); // steps show attribute values as written
    out << "\n";
  }
  std::vector<const Obligation *> rows;
  for (const Obligation *o : obligations)
    if (o->severity != Level::None && o->status != Status::Discharged)
      rows.push_back(o);
  if (rows.empty()) {
    out << (state == ClaimState::NotChecked ? "\nNo open obligation was found, but the file has errors.\n\n"
                                            : "\nEvery obligation of this claim is discharged.\n\n");
    return;
  }
  out << "\n| # | assumption | validity | severity | status | at | what would settle it |\n"
         "|---|---|---|---|---|---|---|\n";
  for (const Obligation *o : rows) {
    std::string settle = settleText(*o);
    out << "| " << o->id << " | " << code(o->assumption->name) << " | " << validityName(o->assumption->validity)
        << " | " << bullet(o->severity) << " | " << statusName(o->status) << " | " << code(o->attachedTo)
        << " | " << settle << " |\n";
  }
  out << "\n";
}

/// The errors and warnings of one file, before its designs: a file with errors has its claims not checked.
void diagnosticList(std::ostream &out, const Compilation &c) {
  const SourceManager &sources = c.sources();
  size_t errors = c.diagnostics().count(Severity::Error), warnings = c.diagnostics().count(Severity::Warning);
  if (errors + warnings == 0)
    return;
  out << "**" << escapeMarkdown(sources.name(c.rootFile())) << "** has " << countOf(static_cast<long>(errors), "error") << " and "
      << countOf(static_cast<long>(warnings), "warning") << (errors ? "; its claims were not checked" : "") << ":\n\n";
  for (const Diagnostic &d : c.diagnostics().all()) {
    if (d.severity == Severity::Note)
      continue;
    std::string where = sources.name(d.range.valid() ? d.range.file : c.rootFile());
    if (d.range.valid()) {
      LineColumn at = sources.start(d.range);
      where += ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    }
    out << "- " << (d.severity == Severity::Error ? "error" : "warning") << " " << d.code() << " at "
        << escapeMarkdown(where) << ": " << escapeMarkdown(d.message) << "\n";
  }
  out << "\n";
}

} // namespace

void writeMarkdownReport(std::ostream &out, const ReportInput &input) {
  RunSummary s = summarize(input);
  out << "## vdesign report\n\n";
  out << "**" << countOf(s.claims, "claim") << ", " << s.claimsHolding << " holding"
      << "** under `--deny " << policyName(input.policy) << "`; " << countOf(s.open, "open obligation")
      << " (" << countOf(s.openKey, "key threat") << "), " << s.assumed << " assumed, " << s.discharged
      << " discharged";
  if (s.errors || s.warnings)
    out << "; " << countOf(s.errors, "error") << ", " << countOf(s.warnings, "warning");
  out << ".\n\n";
  for (const Compilation *c : input.compilations) {
    diagnosticList(out, *c);
    for (const CheckedDesign &d : c->designs()) {
      out << "## Design " << code(d.name);
      if (!d.title.empty())
        out << " — " << escapeMarkdown(d.title);
      out << "\n\n<sub>" << escapeMarkdown(c->sources().name(d.file)) << "</sub>\n\n";
      const auto byClaim = obligationsByClaim(d);
      const std::vector<const Obligation *> none;
      for (const Claim &claim : d.claims) {
        auto found = byClaim.find(claim.name);
        claimSection(out, *c, claim, found == byClaim.end() ? none : found->second);
      }
    }
  }
}

} // namespace vdc
