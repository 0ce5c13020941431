// CiReports.cpp — GitHub annotations and JUnit XML, flagging obligations and claims as the policy decides.
#include "report/CiReports.h"

#include "report/RepositoryPath.h"
#include "source/Escape.h"

#include <algorithm>

namespace vdc {

namespace {
void annotation(std::ostream &out, const char *kind, const SourceManager &sources, SourceRange range,
                const std::string &title, const std::string &message) {
  out << "::" << kind << " ";
  if (range.valid()) {
    LineColumn begin = sources.lineColumn(range.file, range.begin);
    LineColumn end = sources.lineColumn(range.file, range.end);
    out << "file=" << escapeWorkflowProperty(escapeLine(repositoryRelativePath(sources.name(range.file))))
        << ",line=" << begin.line << ",col=" << begin.column;
    if (end.line == begin.line && end.column > begin.column)
      out << ",endColumn=" << end.column;
    out << ",";
  }
  out << "title=" << escapeWorkflowProperty(title) << "::" << escapeWorkflowData(message) << "\n";
}
} // namespace

void writeGithubAnnotations(std::ostream &out, const ReportInput &input) {
  for (const Compilation *c : input.compilations) {
    for (const Diagnostic &d : c->diagnostics().all()) {
      const char *kind = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "notice";
      // User text inside a message stays on its line (a line break shows as `\n`): the lines are vdc's own.
      std::string message = escapeLine(d.message) + (d.help.empty() ? "" : "\nhelp: " + escapeLine(d.help));
      annotation(out, kind, c->sources(), d.range, std::string("vdc ") + d.code(), message);
    }
    for (const CheckedDesign &design : c->designs()) {
      for (const Obligation &o : design.obligations) {
        Finding finding = obligationFinding(input.policy, o); // the same decision as the SARIF level
        if (finding == Finding::None)
          continue;
        const char *kind = finding == Finding::Error ? "error" : finding == Finding::Warning ? "warning" : "notice";
        std::string message = fmt::format("{} threat, {}{}: {} ({})", levelName(o.severity), statusName(o.status),
                                          finding == Finding::Error ? " and denied by the policy" : "",
                                          escapeLine(o.assumption->title.empty() ? o.assumption->name : o.assumption->title),
                                          escapeLine(o.step));
        if (o.status == Status::Assumed && o.evidence)
          message += "\nArgued: " + escapeLine(o.evidence->text) +
                     (o.evidence->cite.empty() ? "" : " [" + escapeLine(o.evidence->cite) + "]");
        for (const Evidence &against : o.disputes)
          message += "\nDisputed by " + escapeLine(evidenceLine(against));
        if (o.status == Status::Contested && o.evidence)
          message += "\nDischarged by " + escapeLine(evidenceLine(*o.evidence));
        if (o.status == Status::Stale)
          message += "\nThe check was not verified on the current data and parameters: run vdc verify.";
        else if (!o.settleHint().empty())
          message += "\nTo settle it: " + escapeLine(o.settleHint());
        annotation(out, kind, c->sources(), o.location, o.assumption->name, message);
      }
      // One annotation per checked claim: which chain decides, and each chain's profile and blocking obligations.
      for (const Claim &claim : design.claims) {
        ClaimState state = claimState(*c, claim);
        if (state == ClaimState::NotChecked)
          continue;
        std::string message = fmt::format("claim {} {} under --deny {}", claim.name,
                                          state == ClaimState::Holds ? "holds" : "does not hold",
                                          policyName(input.policy));
        for (size_t i = 0; i < claim.chains.size(); ++i)
          message += "\n" + escapeLine(chainSummary(design, claim, i));
        annotation(out, state == ClaimState::Holds ? "notice" : "error", c->sources(), claim.range,
                   "claim " + claim.name, message);
      }
    }
  }
}

namespace {
/// Test-case counts of one file: a claim that does not hold fails; the claims of a file with errors are skipped
/// and the file gets one erroring test case of its own.
struct JunitCounts {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
};

JunitCounts junitCounts(const Compilation &c) {
  JunitCounts n;
  n.errors = c.diagnostics().hasErrors() ? 1 : 0;
  n.tests = n.errors;
  for (const CheckedDesign &d : c.designs())
    for (const Claim &claim : d.claims) {
      ++n.tests;
      ClaimState state = claimState(c, claim);
      n.failures += state == ClaimState::Fails;
      n.skipped += state == ClaimState::NotChecked;
    }
  return n;
}

std::string countAttributes(const JunitCounts &n) {
  return fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"", n.tests, n.failures, n.errors,
                     n.skipped);
}
} // namespace

void writeJunitReport(std::ostream &out, const ReportInput &input) {
  JunitCounts total;
  for (const Compilation *c : input.compilations) {
    JunitCounts n = junitCounts(*c);
    total.tests += n.tests, total.failures += n.failures, total.errors += n.errors, total.skipped += n.skipped;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"vdesign\" " << countAttributes(total) << ">\n";
  for (const Compilation *c : input.compilations) {
    const SourceManager &sources = c->sources();
    std::string file = repositoryRelativePath(sources.name(c->rootFile()));
    bool hasErrors = c->diagnostics().hasErrors();
    out << "  <testsuite name=\"" << escapeXmlAttribute(file) << "\" " << countAttributes(junitCounts(*c)) << ">\n";
    if (hasErrors) {
      out << "    <testcase classname=\"" << escapeXmlAttribute(file) << "\" name=\"compiles\" file=\""
          << escapeXmlAttribute(file) << "\">\n      <error message=\"the design file has errors\">";
      for (const Diagnostic &d : c->diagnostics().all()) {
        if (d.severity != Severity::Error)
          continue;
        LineColumn at = d.range.valid() ? sources.start(d.range) : LineColumn{};
        out << escapeXml(fmt::format("{}:{}:{}: {} [{}]\n", escapeLine(file), at.line, at.column, escapeLine(d.message),
                                     d.code()));
      }
      out << "</error>\n    </testcase>\n";
    }
    for (const CheckedDesign &d : c->designs()) {
      for (const Claim &claim : d.claims) {
        LineColumn at = sources.start(claim.range);
        out << "    <testcase classname=\"" << escapeXmlAttribute(file + "." + d.name) << "\" name=\""
            << escapeXmlAttribute(claim.name) << "\" file=\"" << escapeXmlAttribute(file) << "\" line=\"" << at.line
            << "\">\n      <properties>\n        <property name=\"estimand\" value=\""
            << escapeXmlAttribute(estimandNotation(claim)) << "\"/>\n";
        if (!claim.description.empty())
          out << "        <property name=\"description\" value=\"" << escapeXmlAttribute(claim.description) << "\"/>\n";
        ClaimState state = claimState(*c, claim);
        if (state != ClaimState::NotChecked) { // a claim that was not checked shows no profile
          out << "        <property name=\"residual\" value=\"" << escapeXmlAttribute(profileWords(claim.profile.residual))
              << "\"/>\n";
          for (size_t i = 0; i < claim.chains.size(); ++i)
            out << "        <property name=\"chain " << (i + 1) << "\" value=\""
                << escapeXmlAttribute(chainSummary(d, claim, i)) << "\"/>\n";
        }
        out << "      </properties>\n";
        if (state == ClaimState::NotChecked)
          out << "      <skipped message=\"not checked: the design file has errors\"/>\n";
        if (state == ClaimState::Fails) {
          std::string detail;
          for (const Chain &chain : claim.chains)
            for (int id : chain.blocking) {
              const Obligation &o = d.obligation(id);
              detail +=
                  fmt::format("chain from {}: {} {} {} at {} ({}){}\n", chain.study, levelName(o.severity),
                              statusName(o.status), o.assumption->name, o.attachedTo, escapeLine(o.step),
                              o.status == Status::Assumed && o.evidence ? "; argued: " + escapeLine(o.evidence->text)
                              : o.status == Status::Contested           ? "; " + escapeLine(disputesLine(o))
                                                                        : std::string());
            }
          if (claim.chains.empty())
            detail = "no study connects to this claim\n";
          out << "      <failure message=\""
              << escapeXmlAttribute(fmt::format("claim {} does not hold under --deny {}", claim.name, policyName(input.policy)))
              << "\" type=\"policy\">" << escapeXml(detail) << "</failure>\n";
        }
        out << "    </testcase>\n";
      }
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

} // namespace vdc
