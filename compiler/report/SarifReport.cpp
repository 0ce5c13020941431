// SarifReport.cpp — SARIF 2.1.0 rendering with llvm::json.
#include "report/SarifReport.h"

#include "report/RepositoryPath.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/xxhash.h>

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
  json::Object physical{{"artifactLocation", json::Object{{"uri", repositoryRelativePath(sources.name(range.file))}}}};
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

const char *levelOf(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
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
  for (const DiagInfo &info : allDiagnostics()) {
    std::string text = info.format;
    addRule(info.code, json::Object{
                           {"name", info.name},
                           {"shortDescription", json::Object{{"text", std::string(info.name)}}},
                           {"fullDescription", json::Object{{"text", text}}},
                           {"help", json::Object{{"text", std::string("vdc explain ") + info.code +
                                                              " describes this diagnostic with an example."},
                                                 {"markdown", std::string("Run `vdc explain ") + info.code +
                                                                  "` for a description and an example."}}},
                           {"defaultConfiguration", json::Object{{"level", levelOf(info.severity)}}},
                           {"properties", json::Object{{"tags", json::Array{"vdesign", "diagnostic"}}}},
                       });
  }
  // One rule per assumption of the theories of this run (the stdlib's and the user's).
  for (const Compilation *c : input.compilations) {
    for (const auto &[name, a] : c->theory().assumptions) {
      std::string help = a.explain;
      if (!a.hint.empty())
        help += (help.empty() ? "" : " ") + std::string("To settle it: ") + a.hint;
      if (help.empty())
        help = a.title;
      std::string markdown = "**" + (a.title.empty() ? name : a.title) + "**";
      if (!a.formula.empty())
        markdown += "\n\n`" + a.formula + "`";
      if (!a.explain.empty())
        markdown += "\n\n" + a.explain;
      if (!a.hint.empty())
        markdown += "\n\n*To settle it:* " + a.hint;
      if (!a.source.empty())
        markdown += "\n\nSource: " + a.source;
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
  for (const Compilation *c : input.compilations) {
    const SourceManager &sources = c->sources();
    for (const Diagnostic &d : c->diagnostics().all()) {
      std::string message = d.message;
      if (!d.help.empty())
        message += " (" + d.help + ")";
      json::Object result{{"ruleId", d.code()},
                          {"ruleIndex", static_cast<int64_t>(ruleIndex[d.code()])},
                          {"level", levelOf(d.severity)},
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
        LineColumn at = sources.start(d.range);
        result["partialFingerprints"] =
            json::Object{{"vdesign/v1", fingerprint({d.code(), repositoryRelativePath(sources.name(d.range.file)),
                                                     d.message, std::to_string(at.column)})}};
      }
      results.push_back(std::move(result));
    }
    for (const CheckedDesign &design : c->designs()) {
      for (const Obligation &o : design.obligations) {
        if (o.severity == Level::None || o.status == Status::Discharged)
          continue;
        const char *level = denies(input.policy, o) ? "error" : isOpen(o.status) ? "warning" : "note";
        std::string claims;
        for (const auto &n : o.claims)
          claims += (claims.empty() ? "" : ", ") + n;
        std::string message = fmt::format("{} obligation `{}` is {} at `{}` ({}); claims: {}", levelName(o.severity),
                                          o.assumption->name, statusName(o.status), o.attachedTo, o.step, claims);
        if (o.status == Status::Assumed && o.evidence)
          message += fmt::format(". Argued: {}", o.evidence->text);
        else if (!o.assumption->hint.empty())
          message += ". To settle it: " + o.assumption->hint;
        results.push_back(json::Object{
            {"ruleId", o.assumption->name},
            {"ruleIndex", static_cast<int64_t>(ruleIndex[o.assumption->name])},
            {"level", level},
            {"message", json::Object{{"text", message}}},
            {"locations", json::Array{location(sources, o.location)}},
            {"partialFingerprints",
             json::Object{{"vdesign/v1", fingerprint({o.assumption->name, repositoryRelativePath(sources.name(design.file)),
                                                      design.name, o.attachedTo, o.step})}}},
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
                   {"results", std::move(results)}};
  json::Object root{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", json::Array{std::move(run)}}};
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::formatv("{0:2}", json::Value(std::move(root)));
  os.flush();
  out << text << "\n";
}

} // namespace vdc
