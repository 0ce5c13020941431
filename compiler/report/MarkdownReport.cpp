// MarkdownReport.cpp — GitHub-flavoured Markdown rendering of the checked model.
#include "report/MarkdownReport.h"

#include <llvm/ADT/StringExtras.h>

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
  const std::string &hint = o.settleHint();
  std::string cite = o.evidence && !o.evidence->cite.empty() ? " [" + o.evidence->cite + "]" : "";
  if (o.status == Status::Stale) // the evidence says which check and why it is stale
    return "run `vdc verify`: " + escapeMarkdown(o.evidence ? o.evidence->text : "the check is stale");
  if (o.status == Status::Contested) // both sides: the evidence against, and what a discharge brought for it
    return escapeMarkdown(disputesLine(o) + (o.evidence ? "; discharged by " + evidenceLine(*o.evidence) : "") +
                          (hint.empty() ? "" : "; to settle it: " + hint));
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

/// The evidence that settled the claim's obligations (LANGUAGE.md Section 13: discharged evidence is shown, not
/// only open threats), with its kind, so that a reviewer can weigh a sentence against a verified check.
void evidenceTable(std::ostream &out, const std::vector<const Obligation *> &obligations) {
  std::vector<const Obligation *> rows;
  for (const Obligation *o : obligations)
    if (o->status == Status::Discharged && o->evidence && !o->satisfiedByDesign())
      rows.push_back(o);
  if (rows.empty())
    return;
  out << "\n| # | discharged assumption | severity | at | evidence | citation |\n|---|---|---|---|---|---|\n";
  for (const Obligation *o : rows)
    out << "| " << o->id << " | " << code(o->assumption->name) << " | " << bullet(o->severity) << " | "
        << code(o->attachedTo) << " | " << escapeMarkdown(evidenceKind(*o->evidence)) << ": "
        << escapeMarkdown(o->evidence->text) << " | " << escapeMarkdown(o->evidence->cite) << " |\n";
}

void claimSection(std::ostream &out, const Compilation &c, const CheckedDesign &d, const Claim &claim,
                  const std::vector<const Obligation *> &obligations) {
  ClaimState state = claimState(c, claim);
  out << "### Claim " << code(claim.name) << " — " << stateText(state) << "\n\n";
  out << "Estimand: " << code(estimandNotation(claim));
  if (!claim.description.empty())
    out << " — " << escapeMarkdown(claim.description);
  out << "\n\n";
  if (state != ClaimState::NotChecked) { // a claim that was not checked shows no profile (LANGUAGE.md Section 13)
    const Chain *deciding = claim.decidingChain();
    std::string residual = deciding ? "residual (deciding chain " +
                                          std::to_string(deciding - claim.chains.data() + 1) + ")"
                                    : std::string("residual");
    out << "| profile | statistical | internal | external | construct |\n|---|---|---|---|---|\n";
    auto row = [&](const std::string &name, const Profile &profile) {
      out << "| " << name;
      for (Validity v : kAllValidities)
        out << " | " << bullet(profile[v]);
      out << " |\n";
    };
    row("inherent (all chains)", claim.profile.inherent);
    row(residual, claim.profile.residual);
    for (size_t i = 0; i < claim.chains.size(); ++i) {
      std::string name = "chain " + std::to_string(i + 1) + " " + code(claim.chains[i].study);
      row(name + " inherent", claim.chains[i].profile.inherent);
      row(name + " residual", claim.chains[i].profile.residual);
    }
    out << "\n";
  }
  for (size_t i = 0; i < claim.chains.size(); ++i) {
    const Chain &chain = claim.chains[i];
    out << "- chain " << (i + 1) << " from study " << code(chain.study);
    if (state != ClaimState::NotChecked)
      out << " (" << (chain.deciding ? "**" + chainVerdict(chain) + "**" : chainVerdict(chain))
          << "; blocking: " << escapeMarkdownNames(blockingList(d, chain)) << ")";
    out << ": ";
    for (size_t i = 0; i < chain.steps.size(); ++i)
      out << (i ? " → " : "") << escapeMarkdownNames(chain.steps[i]); // steps show attribute values as written
    for (const std::string &line : inheritedLines(d, chain))
      out << "; inherits " << escapeMarkdownNames(line);
    out << "\n";
  }
  evidenceTable(out, obligations);
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
    if (!o->unmeasuredConfounders.empty()) { // covariates declared `observed: false` (LANGUAGE.md Section 16)
      std::vector<std::string> names;
      for (const std::string &name : o->unmeasuredConfounders)
        names.push_back(code(name));
      settle = "known unmeasured confounders: " + llvm::join(names, ", ") + (settle.empty() ? "" : "; " + settle);
    }
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
    out << "- " << severityName(d.severity) << " " << d.code() << " at " << escapeMarkdown(where) << ": "
        << escapeMarkdown(d.message) << "\n";
  }
  out << "\n";
}

} // namespace

void writeMarkdownReport(std::ostream &out, const ReportInput &input) {
  RunSummary s = summarize(input);
  out << "## vdesign report\n\n";
  out << "**" << countOf(s.claims, "claim") << ", " << s.claimsHolding << " holding"
      << "** under `--deny " << policyName(input.policy) << "`; " << countOf(s.open, "open obligation")
      << " (" << countOf(s.openKey, "key threat") << (s.contested ? ", " + std::to_string(s.contested) + " contested" : "")
      << "), " << s.assumed << " assumed, " << s.discharged << " discharged, " << s.byDesign
      << " satisfied by design";
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
        claimSection(out, *c, d, claim, found == byClaim.end() ? none : found->second);
      }
    }
  }
}

} // namespace vdc
