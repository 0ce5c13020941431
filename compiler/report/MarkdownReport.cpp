// MarkdownReport.cpp — GitHub-flavoured Markdown rendering of the checked model.
#include "report/MarkdownReport.h"

#include <algorithm>

namespace vdc {

std::string escapeMarkdown(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']': case '(': case ')':
    case '#': case '+': case '!': case '|': case '~': case '>': case '$':
      out += '\\';
      out += c;
      break;
    case '<':
      out += "&lt;";
      break;
    case '&':
      out += "&amp;";
      break;
    case '\n':
      out += "<br>";
      break;
    case '\r':
      break;
    default:
      out += c;
    }
  }
  return out;
}

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

std::string code(std::string_view text) { return "`" + std::string(text) + "`"; }

void claimSection(std::ostream &out, const CheckedDesign &d, const Claim &claim) {
  out << "### Claim " << code(claim.name) << " — " << (claim.holds ? "✅ holds" : "❌ does not hold") << "\n\n";
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
    out << "- chain from study " << code(chain.study) << (chain.holds ? " (holds)" : " (denied by policy)") << ": ";
    for (size_t i = 0; i < chain.steps.size(); ++i)
      out << (i ? " → " : "") << chain.steps[i]; // steps are built from identifiers only
    out << "\n";
  }
  std::vector<const Obligation *> rows;
  for (const Obligation &o : d.obligations)
    if (o.severity != Level::None && o.status != Status::Discharged &&
        std::find(o.claims.begin(), o.claims.end(), claim.name) != o.claims.end())
      rows.push_back(&o);
  if (rows.empty()) {
    out << "\nEvery obligation of this claim is discharged.\n\n";
    return;
  }
  out << "\n| # | assumption | validity | severity | status | at | what would settle it |\n"
         "|---|---|---|---|---|---|---|\n";
  for (const Obligation *o : rows) {
    std::string settle = o->status == Status::Assumed && o->evidence
                             ? "argued: " + o->evidence->text
                             : o->assumption->hint;
    out << "| " << o->id << " | " << code(o->assumption->name) << " | " << validityName(o->assumption->validity)
        << " | " << bullet(o->severity) << " | " << statusName(o->status) << " | " << code(o->attachedTo)
        << " | " << escapeMarkdown(settle) << " |\n";
  }
  out << "\n";
}

} // namespace

void writeMarkdownReport(std::ostream &out, const ReportInput &input) {
  RunSummary s = summarize(input);
  out << "## vdesign report\n\n";
  auto count = [](int n, const char *one, const char *many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  out << "**" << s.claimsHolding << " of " << count(s.claims, "claim", "claims") << (s.claimsHolding == 1 ? " holds" : " hold")
      << "** under `--deny " << policyName(input.policy) << "`; " << count(s.open, "open obligation", "open obligations")
      << " (" << count(s.openKey, "key threat", "key threats") << "), " << s.assumed << " assumed, " << s.discharged
      << " discharged";
  if (s.errors || s.warnings)
    out << "; " << count(s.errors, "error", "errors") << ", " << count(s.warnings, "warning", "warnings");
  out << ".\n\n";
  for (const Compilation *c : input.compilations) {
    for (const CheckedDesign &d : c->designs()) {
      out << "## Design " << code(d.name);
      if (!d.title.empty())
        out << " — " << escapeMarkdown(d.title);
      out << "\n\n<sub>" << escapeMarkdown(c->sources().name(d.file)) << "</sub>\n\n";
      for (const Claim &claim : d.claims)
        claimSection(out, d, claim);
    }
  }
}

} // namespace vdc
