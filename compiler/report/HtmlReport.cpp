// HtmlReport.cpp — HTML rendering with anchors per design, claim and obligation.
#include "report/HtmlReport.h"

#include "report/Escape.h"

#include <algorithm>

namespace vdc {

namespace {
const char *kStyle = R"(body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}code{font-family:ui-monospace,monospace;font-size:.92em}
.none{color:#2e7d32}.careful{color:#b26a00}.key{color:#c62828}.dot{font-size:1.2em}
.status-open,.status-stale{color:#c62828;font-weight:600}.status-assumed{color:#b26a00}.status-discharged{color:#2e7d32}
.holds{color:#2e7d32;font-weight:600}.fails{color:#c62828;font-weight:600}.muted{color:#666;font-size:.9em}
.formula{font-family:"STIX Two Math","Cambria Math",serif}
@media print{body{margin:0;max-width:none}h2{page-break-before:auto}a{color:inherit;text-decoration:none}})";

std::string e(const std::string &text) { return escapeXml(text); }

std::string anchor(const std::string &design, const std::string &what) {
  std::string out = "d-" + design + "-" + what;
  for (char &c : out)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
      c = '_';
  return out;
}

std::string cell(Level l) {
  return std::string("<td class=\"") + levelName(l) + "\"><span class=\"dot\">●</span> " + levelName(l) + "</td>";
}
} // namespace

void writeHtmlReport(std::ostream &out, const ReportInput &input) {
  RunSummary s = summarize(input);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>vdesign report</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  out << "<h1>vdesign report</h1>\n<p>" << s.claimsHolding << " of " << s.claims << " claims hold under <code>--deny "
      << policyName(input.policy) << "</code>; " << s.open << " open obligations (" << s.openKey << " key threats), "
      << s.assumed << " assumed, " << s.discharged << " discharged.</p>\n";
  out << "<p class=\"muted\"><span class=\"none\">●</span> rather not affected · <span class=\"careful\">●</span> "
         "careful consideration required · <span class=\"key\">●</span> key threat</p>\n";
  for (const Compilation *c : input.compilations) {
    for (const CheckedDesign &d : c->designs()) {
      out << "<section id=\"" << anchor(d.name, "design") << "\">\n<h2>Design <code>" << e(d.name) << "</code>";
      if (!d.title.empty())
        out << " — " << e(d.title);
      out << "</h2>\n<p class=\"muted\">" << e(c->sources().name(d.file)) << "</p>\n";
      for (const std::string &cite : d.cites)
        out << "<p class=\"muted\">Cites " << e(cite) << "</p>\n";
      for (const Claim &claim : d.claims) {
        out << "<h3 id=\"" << anchor(d.name, "claim-" + claim.name) << "\">Claim <code>" << e(claim.name)
            << "</code>: <span class=\"formula\">" << e(estimandNotation(claim)) << "</span> — "
            << (claim.holds ? "<span class=\"holds\">holds</span>" : "<span class=\"fails\">does not hold</span>")
            << "</h3>\n";
        if (!claim.description.empty())
          out << "<p>" << e(claim.description) << "</p>\n";
        out << "<table>\n<tr><th>profile</th><th>statistical</th><th>internal</th><th>external</th><th>construct</th></tr>\n";
        out << "<tr><th>inherent</th>";
        for (Validity v : kAllValidities)
          out << cell(claim.profile.inherent[v]);
        out << "</tr>\n<tr><th>residual</th>";
        for (Validity v : kAllValidities)
          out << cell(claim.profile.residual[v]);
        out << "</tr>\n</table>\n<ol>\n";
        for (const Chain &chain : claim.chains) {
          out << "<li>Chain from study <code>" << e(chain.study) << "</code> ("
              << (chain.holds ? "holds" : "denied by the policy") << "): ";
          for (size_t i = 0; i < chain.steps.size(); ++i)
            out << (i ? " → " : "") << e(chain.steps[i]);
          out << " — obligations ";
          for (size_t i = 0; i < chain.obligations.size(); ++i) {
            int id = chain.obligations[i];
            if (d.obligation(id).severity == Level::None)
              continue;
            out << "<a href=\"#" << anchor(d.name, "obligation-" + std::to_string(id)) << "\">#" << id << "</a> ";
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
        std::string claims;
        for (const auto &n : o.claims)
          claims += (claims.empty() ? "" : ", ") + ("<a href=\"#" + anchor(d.name, "claim-" + n) + "\">" + e(n) + "</a>");
        out << "<tr id=\"" << anchor(d.name, "obligation-" + std::to_string(o.id)) << "\"><td>" << o.id
            << "</td><td><code>" << e(a.name) << "</code><br>" << e(a.title) << "</td>" << cell(o.severity)
            << "<td class=\"status-" << statusName(o.status) << "\">" << statusName(o.status) << "</td><td><code>"
            << e(o.attachedTo) << "</code><br><span class=\"muted\">" << e(o.step) << "</span></td><td>" << claims
            << "</td><td>";
        if (!a.formula.empty())
          out << "<span class=\"formula\">" << e(a.formula) << "</span><br>";
        out << e(a.explain);
        if (o.evidence)
          out << "<br><b>Evidence (" << e(o.evidence->kind) << "):</b> " << e(o.evidence->text)
              << (o.evidence->cite.empty() ? "" : " [" + e(o.evidence->cite) + "]");
        else if (!a.hint.empty())
          out << "<br><b>To settle it:</b> " << e(a.hint);
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
