// HtmlReport.cpp — HTML rendering with anchors per design, claim and obligation, unique across the files of a report.
#include "report/HtmlReport.h"

#include "report/DotReport.h"
#include "report/SvgReport.h"
#include "source/Escape.h"

#include <algorithm>
#include <llvm/ADT/StringExtras.h>

namespace vdc {

namespace {
const char *kStyle = R"(body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}code{font-family:ui-monospace,monospace;font-size:.92em}
.none{color:#2e7d32}.careful{color:#b26a00}.key{color:#c62828}.dot{font-size:1.2em}
.status-open,.status-stale,.status-contested{color:#c62828;font-weight:600}.status-assumed{color:#b26a00}.status-discharged{color:#2e7d32}
.holds{color:#2e7d32;font-weight:600}.fails{color:#c62828;font-weight:600}.muted{color:#666;font-size:.9em}
.formula{font-family:"STIX Two Math","Cambria Math",serif}.text{white-space:pre-line}
figure.picture{margin:1rem 0;overflow-x:auto}figure.picture svg{max-width:100%;height:auto}
.diagnostics li.error{color:#c62828}.diagnostics li.warning{color:#b26a00}.notchecked{color:#b26a00;font-weight:600}
@media print{body{margin:0;max-width:none}h2{page-break-before:auto}a{color:inherit;text-decoration:none}})";

std::string e(const std::string &text) { return escapeXml(text); }

/// User text that may hold line breaks: shown as written (CSS `white-space: pre-line`).
std::string text(const std::string &value) { return "<span class=\"text\">" + escapeXml(value) + "</span>"; }

/// Generated text that quotes names in backticks (chain steps, diagnostics): escaped, each `name` as <code>.
std::string withCode(const std::string &text) {
  std::string escaped = escapeXml(text), out;
  size_t pos = 0;
  while (true) {
    size_t open = escaped.find('`', pos);
    size_t close = open == std::string::npos ? std::string::npos : escaped.find('`', open + 1);
    if (close == std::string::npos) {
      out += escaped.substr(pos);
      return out;
    }
    out += escaped.substr(pos, open - pos) + "<code>" + escaped.substr(open + 1, close - open - 1) + "</code>";
    pos = close + 1;
  }
}

/// An element id, unique in the page: the file's position on the command line (f1, f2, ...) keeps two files
/// with a design of the same name apart.
std::string elementId(size_t file, const std::string &design, const std::string &what) {
  std::string out = "f" + std::to_string(file) + "-d-" + design + "-" + what;
  for (char &c : out)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
      c = '_';
  return out;
}

std::string cell(Level l) {
  return std::string("<td class=\"") + levelName(l) + "\"><span class=\"dot\">●</span> " + levelName(l) + "</td>";
}
/// The errors and warnings of one file, before its designs: a file with errors has its claims not checked.
void diagnosticList(std::ostream &out, const Compilation &c) {
  const SourceManager &sources = c.sources();
  size_t errors = c.diagnostics().count(Severity::Error), warnings = c.diagnostics().count(Severity::Warning);
  if (errors + warnings == 0)
    return;
  out << "<section class=\"diagnostics\">\n<p><b>" << e(sources.name(c.rootFile())) << "</b> has "
      << countOf(static_cast<long>(errors), "error") << " and " << countOf(static_cast<long>(warnings), "warning")
      << (errors ? "; its claims were not checked" : "") << ":</p>\n<ul>\n";
  for (const Diagnostic &d : c.diagnostics().all()) {
    if (d.severity == Severity::Note)
      continue;
    const char *kind = severityName(d.severity);
    std::string where = sources.name(d.range.valid() ? d.range.file : c.rootFile());
    if (d.range.valid()) {
      LineColumn at = sources.start(d.range);
      where += ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    }
    out << "<li class=\"" << kind << "\">" << kind << " " << d.code() << " at <code>" << e(where) << "</code>: "
        << withCode(d.message) << "</li>\n";
  }
  out << "</ul>\n</section>\n";
}

} // namespace

void writeHtmlReport(std::ostream &out, const ReportInput &input) {
  RunSummary s = summarize(input);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>vdesign report</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  out << "<h1>vdesign report</h1>\n<p>" << countOf(s.claims, "claim") << ", " << s.claimsHolding
      << " holding under <code>--deny " << policyName(input.policy) << "</code>; " << countOf(s.open, "open obligation")
      << " (" << countOf(s.openKey, "key threat") << (s.contested ? ", " + std::to_string(s.contested) + " contested" : "")
      << "), " << s.assumed << " assumed, " << s.discharged << " discharged, " << s.byDesign << " satisfied by design"
      << (s.errors ? "; " + countOf(s.errors, "error") +
                         ", so the claims of those files were not checked"
                   : std::string())
      << ".</p>\n";
  out << "<p class=\"muted\"><span class=\"none\">●</span> rather not affected · <span class=\"careful\">●</span> "
         "careful consideration required · <span class=\"key\">●</span> key threat</p>\n";
  for (size_t index = 0; index < input.compilations.size(); ++index) {
    const Compilation *c = input.compilations[index];
    size_t file = index + 1;
    diagnosticList(out, *c);
    for (const CheckedDesign &d : c->designs()) {
      auto anchor = [&](const std::string &what) { return elementId(file, d.name, what); };
      out << "<section id=\"" << anchor("design") << "\">\n<h2>Design <code>" << e(d.name) << "</code>";
      if (!d.title.empty())
        out << " — " << text(d.title);
      out << "</h2>\n<p class=\"muted\">" << e(c->sources().name(d.file)) << "</p>\n";
      for (const std::string &cite : d.cites)
        out << "<p class=\"muted\">Cites " << text(cite) << "</p>\n";
      // The same picture as `--format svg`, drawn for this design alone and placed inline (no external file).
      if (Picture picture = designSvg(file, d); picture.ok())
        out << "<figure class=\"picture\" id=\"" << anchor("picture") << "\">\n" << picture.data
            << "<figcaption class=\"muted\">An edge that carries open obligations is coloured by the worst: "
               "<span style=\"color:" << severityColour(Level::Key) << "\">key</span>, <span style=\"color:"
            << severityColour(Level::Careful) << "\">careful</span>; a chain that holds is <span style=\"color:"
            << severityColour(Level::None) << "\">green</span>.</figcaption>\n</figure>\n";
      else
        out << "<p class=\"muted\">No picture: " << e(picture.error) << ".</p>\n";
      for (const Claim &claim : d.claims) {
        ClaimState state = claimState(*c, claim);
        out << "<h3 id=\"" << anchor("claim-" + claim.name) << "\">Claim <code>" << e(claim.name)
            << "</code>: <span class=\"formula\">" << e(estimandNotation(claim)) << "</span> — "
            << (state == ClaimState::Holds   ? "<span class=\"holds\">holds</span>"
                : state == ClaimState::Fails ? "<span class=\"fails\">does not hold</span>"
                                             : "<span class=\"notchecked\">not checked (the file has errors)</span>")
            << "</h3>\n";
        if (!claim.description.empty())
          out << "<p class=\"description\">" << text(claim.description) << "</p>\n";
        if (state != ClaimState::NotChecked) { // no profile for a claim that was not checked (Section 13)
          const Chain *deciding = claim.decidingChain();
          out << "<table>\n<tr><th>profile</th><th>statistical</th><th>internal</th><th>external</th><th>construct</th>"
                 "</tr>\n";
          auto row = [&](const std::string &name, const Profile &profile) {
            out << "<tr><th>" << name << "</th>";
            for (Validity v : kAllValidities)
              out << cell(profile[v]);
            out << "</tr>\n";
          };
          row("inherent (all chains)", claim.profile.inherent);
          row(deciding ? "residual (deciding chain " + std::to_string(deciding - claim.chains.data() + 1) + ")"
                       : std::string("residual"),
              claim.profile.residual);
          for (size_t i = 0; i < claim.chains.size(); ++i) {
            std::string name = "chain " + std::to_string(i + 1) + " <code>" + e(claim.chains[i].study) + "</code>";
            row(name + " inherent", claim.chains[i].profile.inherent);
            row(name + " residual", claim.chains[i].profile.residual);
          }
          out << "</table>\n";
        }
        out << "<ol>\n";
        auto link = [&](int id) {
          return "<a href=\"#" + anchor("obligation-" + std::to_string(id)) + "\">#" + std::to_string(id) + "</a>";
        };
        for (const Chain &chain : claim.chains) {
          out << "<li" << (chain.deciding && state != ClaimState::NotChecked ? " class=\"deciding\"" : "")
              << ">Chain from study <code>" << e(chain.study) << "</code>";
          if (state != ClaimState::NotChecked)
            out << " (" << (chain.deciding ? "<b>" + chainVerdict(chain) + "</b>" : chainVerdict(chain)) << ")";
          out << ": ";
          for (size_t i = 0; i < chain.steps.size(); ++i)
            out << (i ? " → " : "") << withCode(chain.steps[i]);
          out << " — obligations ";
          for (size_t i = 0; i < chain.obligations.size(); ++i) {
            int id = chain.obligations[i];
            if (d.obligation(id).severity == Level::None)
              continue;
            out << link(id) << " ";
          }
          for (const InheritedObligation &inherited : chain.inherited)
            out << link(inherited.id) << " (via <code>" << e(inherited.via) << "</code>) ";
          if (state != ClaimState::NotChecked) {
            out << "— blocking: ";
            if (chain.blocking.empty())
              out << "none";
            for (int id : chain.blocking)
              out << link(id) << " <code>" << e(d.obligation(id).assumption->name) << "</code> ";
          }
          out << "</li>\n";
        }
        out << "</ol>\n";
      }
      out << "<h3>Obligations</h3>\n<table>\n<tr><th>#</th><th>assumption</th><th>severity</th><th>status</th>"
             "<th>at</th><th>claims</th><th>explanation</th></tr>\n";
      for (const Obligation &o : d.obligations) {
        if (o.severity == Level::None)
          continue;
        const Assumption &a = *o.assumption;
        std::string claims =
            llvm::join(llvm::map_range(o.claims,
                                       [&](const std::string &n) {
                                         return "<a href=\"#" + anchor("claim-" + n) + "\">" + e(n) + "</a>";
                                       }),
                       ", ");
        out << "<tr id=\"" << anchor("obligation-" + std::to_string(o.id)) << "\"><td>" << o.id
            << "</td><td><code>" << e(a.name) << "</code><br>" << e(a.title) << "</td>" << cell(o.severity)
            << "<td class=\"status-" << statusName(o.status) << "\">" << statusName(o.status) << "</td><td><code>"
            << e(o.attachedTo) << "</code><br><span class=\"muted\">" << withCode(o.step) << "</span></td><td>" << claims
            << "</td><td>";
        if (!a.formula.empty())
          out << "<span class=\"formula\">" << e(a.formula) << "</span><br>";
        out << text(a.explain);
        if (o.evidence)
          out << "<br><b>Evidence (" << e(evidenceKind(*o.evidence)) << "):</b> <span class=\"evidence\">"
              << text(o.evidence->text) << "</span>"
              << (o.evidence->cite.empty() ? "" : " [<span class=\"cite\">" + text(o.evidence->cite) + "</span>]");
        for (const Evidence &against : o.disputes)
          out << "<br><b>Disputed (" << e(evidenceKind(against)) << "):</b> <span class=\"evidence\">"
              << text(against.text) << "</span>"
              << (against.cite.empty() ? "" : " [<span class=\"cite\">" + text(against.cite) + "</span>]");
        if (o.status == Status::Stale)
          out << "<br><b>Stale:</b> the check was not verified on the current data and parameters; run "
                 "<code>vdc verify</code>.";
        else if (!o.settleHint().empty() && o.status != Status::Discharged)
          out << "<br><b>To settle it:</b> " << text(o.settleHint());
        if (!a.source.empty())
          out << "<br><span class=\"muted\">" << e(a.source) << "</span>";
        out << "</td></tr>\n";
      }
      out << "</table>\n</section>\n";
    }
  }
  out << "</body>\n</html>\n";
}

} // namespace vdc
