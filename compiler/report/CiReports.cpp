// CiReports.cpp — GitHub annotations and JUnit XML.
#include "report/CiReports.h"

#include "report/Escape.h"
#include "report/RepositoryPath.h"

#include <algorithm>

namespace vdc {

namespace {
void annotation(std::ostream &out, const char *kind, const SourceManager &sources, SourceRange range,
                const std::string &title, const std::string &message) {
  out << "::" << kind << " ";
  if (range.valid()) {
    LineColumn begin = sources.lineColumn(range.file, range.begin);
    LineColumn end = sources.lineColumn(range.file, range.end);
    out << "file=" << escapeWorkflowProperty(repositoryRelativePath(sources.name(range.file)))
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
      std::string message = d.message + (d.help.empty() ? "" : "\nhelp: " + d.help);
      annotation(out, kind, c->sources(), d.range, std::string("vdc ") + d.code(), message);
    }
    for (const CheckedDesign &design : c->designs()) {
      for (const Obligation &o : design.obligations) {
        if (o.severity == Level::None || !isOpen(o.status))
          continue;
        const char *kind = denies(input.policy, o) ? "error" : "warning";
        std::string message = fmt::format("{} threat, {}: {} ({})", levelName(o.severity), statusName(o.status),
                                          o.assumption->title.empty() ? o.assumption->name : o.assumption->title,
                                          o.step);
        if (!o.assumption->hint.empty())
          message += "\nTo settle it: " + o.assumption->hint;
        annotation(out, kind, c->sources(), o.location, o.assumption->name, message);
      }
    }
  }
}

void writeJunitReport(std::ostream &out, const ReportInput &input) {
  RunSummary s = summarize(input);
  int cases = s.claims, failures = s.claims - s.claimsHolding;
  int errors = 0;
  for (const Compilation *c : input.compilations)
    if (c->diagnostics().hasErrors())
      ++errors, ++cases;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"vdesign\" tests=\"" << cases << "\" failures=\"" << failures << "\" errors=\"" << errors
      << "\">\n";
  for (const Compilation *c : input.compilations) {
    const SourceManager &sources = c->sources();
    std::string file = repositoryRelativePath(sources.name(c->rootFile()));
    int fileCases = 0, fileFailures = 0;
    for (const CheckedDesign &d : c->designs())
      for (const Claim &claim : d.claims)
        ++fileCases, fileFailures += !claim.holds;
    bool hasErrors = c->diagnostics().hasErrors();
    out << "  <testsuite name=\"" << escapeXml(file) << "\" tests=\"" << fileCases + hasErrors << "\" failures=\""
        << fileFailures << "\" errors=\"" << hasErrors << "\">\n";
    if (hasErrors) {
      out << "    <testcase classname=\"" << escapeXml(file) << "\" name=\"compiles\" file=\"" << escapeXml(file)
          << "\">\n      <error message=\"the design file has errors\">";
      for (const Diagnostic &d : c->diagnostics().all()) {
        if (d.severity != Severity::Error)
          continue;
        LineColumn at = d.range.valid() ? sources.start(d.range) : LineColumn{};
        out << escapeXml(fmt::format("{}:{}:{}: {} [{}]\n", file, at.line, at.column, d.message, d.code()));
      }
      out << "</error>\n    </testcase>\n";
    }
    for (const CheckedDesign &d : c->designs()) {
      for (const Claim &claim : d.claims) {
        LineColumn at = sources.start(claim.range);
        out << "    <testcase classname=\"" << escapeXml(file + "." + d.name) << "\" name=\""
            << escapeXml(claim.name) << "\" file=\"" << escapeXml(file) << "\" line=\"" << at.line << "\">\n";
        if (!claim.holds) {
          std::string detail;
          for (const Chain &chain : claim.chains)
            for (int id : chain.obligations) {
              const Obligation &o = d.obligation(id);
              if (denies(input.policy, o))
                detail += fmt::format("chain from {}: {} {} {} at {} ({})\n", chain.study, levelName(o.severity),
                                      statusName(o.status), o.assumption->name, o.attachedTo, o.step);
            }
          if (claim.chains.empty())
            detail = "no study connects to this claim\n";
          out << "      <failure message=\""
              << escapeXml(fmt::format("claim {} does not hold under --deny {}", claim.name, policyName(input.policy)))
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
