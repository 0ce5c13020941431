// SarifReport.cpp — SARIF 2.1.0 rendering with llvm::json.
#include "report/SarifReport.h"

#include "driver/Explain.h"
#include "report/RepositoryPath.h"
#include "source/Escape.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/xxhash.h>

#include <cctype>
#include <map>

namespace vdc {

namespace {
namespace json = llvm::json;

json::Value region(const SourceManager &sources, SourceRange range) {
  LineColumn begin = sources.lineColumn(range.file, range.begin);
  LineColumn end = sources.lineColumn(range.file, std::max(range.end, range.begin));
  json::Object r{{"startLine", begin.line}, {"startColumn", begin.column}};
  if (end.line > begin.line || end.column > begin.column) {
    r["endLine"] = end.line;
    r["endColumn"] = end.column;
  }
  return r;
}

json::Value location(const SourceManager &sources, SourceRange range, const std::string &message = "") {
  json::Object physical{{"artifactLocation", json::Object{{"uri", artifactUri(sources.name(range.file))}}}};
  if (range.valid())
    physical["region"] = region(sources, range);
  json::Object loc{{"physicalLocation", std::move(physical)}};
  if (!message.empty())
    loc["message"] = json::Object{{"text", message}};
  return loc;
}

std::string fingerprint(std::initializer_list<std::string> parts) {
  std::string joined;
  for (const auto &p : parts)
    joined += p + '\x1f';
  return fmt::format("{:016x}", llvm::xxHash64(joined));
}

/// A message without anything that moves with the text around it: `:12` and `:12:5` (positions) and `line 12`
/// lose their numbers, and runs of white space become one space.
std::string normalizedMessage(const std::string &message) {
  std::string out;
  for (size_t i = 0; i < message.size(); ++i) {
    char c = message[i];
    bool afterColon = c == ':' && i + 1 < message.size() && std::isdigit(static_cast<unsigned char>(message[i + 1]));
    bool afterLine = message.compare(i, 5, "line ") == 0 && i + 5 < message.size() &&
                     std::isdigit(static_cast<unsigned char>(message[i + 5]));
    if (afterColon || afterLine) {
      out += afterColon ? ":#" : "line #";
      i += afterColon ? 1 : 5;
      while (i < message.size() && std::isdigit(static_cast<unsigned char>(message[i])))
        ++i;
      --i;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ')
        out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

bool contains(SourceRange outer, SourceRange inner) {
  return outer.valid() && outer.file == inner.file && outer.begin <= inner.begin && inner.begin <= outer.end;
}

/// The design and the declaration or discharge of it that a diagnostic points into ("" for none), so that a
/// fingerprint can name them instead of a line number.
std::string enclosingNames(const Compilation &c, SourceRange range) {
  for (const CheckedDesign &d : c.designs()) {
    if (!d.decl || !contains(d.decl->range, range))
      continue;
    for (const ast::Entity &e : d.decl->entities)
      if (contains(e.range, range))
        return d.name + "/" + ast::entityKindName(e.kind) + " " + e.name.text;
    for (const ast::Discharge &x : d.decl->discharges)
      if (contains(x.range, range))
        return d.name + "/discharge " + x.assumption.text + " for " + x.target.text;
    return d.name;
  }
  return "";
}

const Explanation *explanationOf(const std::string &code) {
  for (const Explanation &e : allExplanations())
    if (code == e.code)
      return &e;
  return nullptr;
}

/// A rule for a diagnostic code, described by its `vdc explain` entry (Explanations.def).
json::Object diagnosticRule(const DiagInfo &info) {
  const Explanation *e = explanationOf(info.code);
  std::string title = e ? e->title : info.name;
  std::string text = e ? e->text : std::string("vdc reports ") + info.name + " with code " + info.code + ".";
  std::string helpText = text + " `vdc explain " + info.code + "` shows this with an example.";
  std::string markdown = "**" + title + "**\n\n" + text;
  if (e && *e->wrong) {
    markdown += "\n\nRefused:\n\n```\n" + std::string(e->wrong) + "```\n\nAccepted:\n\n```\n" + e->fixed + "```";
    helpText += "\n\nRefused:\n" + std::string(e->wrong) + "\nAccepted:\n" + e->fixed;
  }
  markdown += "\n\nRun `vdc explain " + std::string(info.code) + "` for this explanation in the terminal.";
  return json::Object{
      {"name", info.name},
      {"shortDescription", json::Object{{"text", title}}},
      {"fullDescription", json::Object{{"text", text}}},
      {"help", json::Object{{"text", helpText}, {"markdown", markdown}}},
      {"defaultConfiguration", json::Object{{"level", severityName(info.severity)}}},
      {"properties", json::Object{{"tags", json::Array{"vdesign", "diagnostic"}}}},
  };
}

} // namespace

namespace {
/// Per claim, its verdict and per chain its profile, blocking obligations and whether it decides (LANGUAGE.md
/// Section 13), in the run's property bag: SARIF results are findings, and a chain is not one. A claim that was not
/// checked has no profile and no chain verdicts.
json::Array claimVerdicts(const ReportInput &input) {
  json::Array claims;
  for (const Compilation *c : input.compilations)
    for (const CheckedDesign &d : c->designs())
      for (const Claim &claim : d.claims) {
        ClaimState state = claimState(*c, claim);
        bool checked = state != ClaimState::NotChecked;
        json::Array chains;
        for (size_t i = 0; i < claim.chains.size(); ++i) {
          const Chain &chain = claim.chains[i];
          json::Object o{{"study", chain.study}};
          if (checked) {
            json::Array blocking;
            for (int id : chain.blocking)
              blocking.push_back(d.obligation(id).assumption->name + " at " + d.obligation(id).attachedTo);
            o["deciding"] = chain.deciding;
            o["holds"] = chain.holds;
            o["blocking"] = std::move(blocking);
            o["summary"] = chainSummary(d, claim, i);
          }
          chains.push_back(std::move(o));
        }
        json::Object entry{{"design", d.name},
                           {"claim", claim.name},
                           {"state", state == ClaimState::Holds   ? "holds"
                                     : state == ClaimState::Fails ? "does not hold"
                                                                  : "not checked"},
                           {"chains", std::move(chains)}};
        if (checked)
          entry["residual"] = profileWords(claim.profile.residual);
        claims.push_back(std::move(entry));
      }
  return claims;
}
} // namespace

void writeSarifReport(std::ostream &out, const ReportInput &input) {
  json::Array rules;
  std::map<std::string, size_t> ruleIndex;
  auto addRule = [&](const std::string &id, json::Object rule) {
    if (ruleIndex.count(id))
      return;
    ruleIndex[id] = rules.size();
    rule["id"] = id;
    rules.push_back(std::move(rule));
  };
  for (const DiagInfo &info : allDiagnostics())
    addRule(info.code, diagnosticRule(info));
  // One rule per assumption of the theories of this run (the stdlib's and the user's).
  for (const Compilation *c : input.compilations) {
    for (const auto &[name, a] : c->theory().assumptions) {
      std::string help = a.explain;
      if (!a.hint.empty())
        help += (help.empty() ? "" : " ") + std::string("To settle it: ") + a.hint;
      if (help.empty())
        help = a.title;
      // A theory may come from the repository: its strings are escaped, so none becomes a link, an image,
      // a heading or HTML in the code-scanning view.
      std::string markdown = "**" + escapeMarkdown(a.title.empty() ? name : a.title) + "**";
      if (!a.formula.empty())
        markdown += "\n\n" + markdownCode(a.formula);
      if (!a.explain.empty())
        markdown += "\n\n" + escapeMarkdownParagraph(a.explain);
      if (!a.hint.empty())
        markdown += "\n\n*To settle it:* " + escapeMarkdown(a.hint);
      if (!a.source.empty())
        markdown += "\n\nSource: " + escapeMarkdown(a.source);
      addRule(name, json::Object{
                        {"name", name},
                        {"shortDescription", json::Object{{"text", a.title.empty() ? name : a.title}}},
                        {"fullDescription", json::Object{{"text", a.explain.empty() ? name : a.explain}}},
                        {"help", json::Object{{"text", help}, {"markdown", markdown}}},
                        {"defaultConfiguration", json::Object{{"level", "warning"}}},
                        {"properties", json::Object{{"tags", json::Array{"vdesign", "assumption",
                                                                          validityName(a.validity)}}}},
                    });
    }
  }

  json::Array results;
  // Fingerprints (grammar/REFERENCE.md, "SARIF fingerprints") name what a result is about, never where it is:
  // the same finding keeps its fingerprint when lines are inserted above it. Identical ones get ":2", ":3", ...
  std::map<std::string, int> seen;
  auto unique = [&](std::string print) {
    int n = ++seen[print];
    return n == 1 ? print : print + ":" + std::to_string(n);
  };
  for (const Compilation *c : input.compilations) {
    const SourceManager &sources = c->sources();
    for (const Diagnostic &d : c->diagnostics().all()) {
      std::string message = d.message;
      if (!d.help.empty())
        message += " (" + d.help + ")";
      json::Object result{{"ruleId", d.code()},
                          {"ruleIndex", static_cast<int64_t>(ruleIndex[d.code()])},
                          {"level", severityName(d.severity)},
                          {"message", json::Object{{"text", message}}}};
      if (d.range.valid()) {
        result["locations"] = json::Array{location(sources, d.range)};
        json::Array related;
        int id = 0;
        for (const DiagNote &n : d.notes) {
          if (!n.range.valid())
            continue;
          json::Value loc = location(sources, n.range, n.message);
          loc.getAsObject()->try_emplace("id", id++);
          related.push_back(std::move(loc));
        }
        if (!related.empty())
          result["relatedLocations"] = std::move(related);
        result["partialFingerprints"] = json::Object{
            {"vdesign/v2", unique(fingerprint({d.code(), repositoryRelativePath(sources.name(d.range.file)),
                                               enclosingNames(*c, d.range), normalizedMessage(d.message)}))}};
      }
      results.push_back(std::move(result));
    }
    for (const CheckedDesign &design : c->designs()) {
      for (const Obligation &o : design.obligations) {
        if (o.severity == Level::None || o.status == Status::Discharged)
          continue;
        Finding finding = obligationFinding(input.policy, o); // the same decision as the GitHub annotations
        const char *level = finding == Finding::Error ? "error" : finding == Finding::Warning ? "warning" : "note";
        std::string message =
            fmt::format("{} obligation `{}` is {} at `{}` ({}); claims: {}", levelName(o.severity), o.assumption->name,
                        statusName(o.status), o.attachedTo, o.step, llvm::join(o.claims, ", "));
        if (o.status == Status::Assumed && o.evidence)
          message += fmt::format(". Argued: {}", o.evidence->text);
        else if (o.status == Status::Contested && !o.disputes.empty())
          message +=
              ". D" + disputesLine(o).substr(1) + (o.evidence ? "; discharged by " + evidenceLine(*o.evidence) : "");
        else if (!o.assumption->hint.empty())
          message += ". To settle it: " + o.assumption->hint;
        results.push_back(json::Object{
            {"ruleId", o.assumption->name},
            {"ruleIndex", static_cast<int64_t>(ruleIndex[o.assumption->name])},
            {"level", level},
            {"message", json::Object{{"text", message}}},
            {"locations", json::Array{location(sources, o.location)}},
            {"partialFingerprints",
             json::Object{{"vdesign/v2", unique(fingerprint({o.assumption->name,
                                                             repositoryRelativePath(sources.name(design.file)),
                                                             design.name, o.attachedTo, normalizedMessage(o.step)}))}}},
            {"properties", json::Object{{"design", design.name},
                                        {"severity", levelName(o.severity)},
                                        {"status", statusName(o.status)},
                                        {"validity", validityName(o.assumption->validity)}}},
        });
      }
    }
  }

  json::Object driver{{"name", "vdc"},
                      {"version", VDC_VERSION},
                      {"semanticVersion", VDC_VERSION},
                      {"rules", std::move(rules)}};
  json::Object run{{"tool", json::Object{{"driver", std::move(driver)}}},
                   {"columnKind", "unicodeCodePoints"},
                   {"results", std::move(results)},
                   {"properties", json::Object{{"claims", claimVerdicts(input)}}}};
  json::Object root{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", json::Array{std::move(run)}}};
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::formatv("{0:2}", json::Value(std::move(root)));
  os.flush();
  out << jsonWithVisibleBidi(std::move(text)) << "\n"; // bidi controls as `\u202E`
}

} // namespace vdc
