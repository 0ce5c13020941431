// JsonReport.cpp — builds the Section 10 JSON document from the checked model with llvm::json.
#include "report/JsonReport.h"

#include "source/Escape.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

namespace vdc {

namespace {
namespace json = llvm::json;

/// A position in a file, the file named as Compilation::reportName says (the stdlib as `<stdlib>/core.vdesign`).
json::Value location(const Compilation &files, SourceRange range) {
  if (!range.valid())
    return nullptr;
  LineColumn at = files.sources().start(range);
  return json::Object{{"file", files.reportName(range.file)}, {"line", at.line}, {"column", at.column}};
}

json::Object profile(const Profile &p) {
  json::Object out;
  for (Validity v : kAllValidities)
    out[validityName(v)] = levelName(p[v]);
  return out;
}

json::Object profilePair(const ProfilePair &p) {
  return json::Object{{"inherent", profile(p.inherent)}, {"residual", profile(p.residual)}};
}

json::Object evidence(const Compilation &files, const Evidence &evidence) {
  json::Object e{{"kind", evidence.kind}, {"text", evidence.text}, {"verified", evidence.verified}};
  if (evidence.kind == "study")
    e["study"] = evidence.study;
  e["cite"] = evidence.cite.empty() ? json::Value(nullptr) : json::Value(evidence.cite);
  e["location"] = location(files, evidence.range);
  return e;
}

json::Value evidence(const Compilation &files, const Obligation &o) {
  if (!o.evidence)
    return nullptr;
  return evidence(files, *o.evidence);
}

/// Every declaration of the design with its attributes as written (`params: 70B`), known keys and others alike.
json::Array declarations(const Compilation &files, const CheckedDesign &d) {
  json::Array out;
  for (const Declaration &decl : d.declarations) {
    json::Object attributes;
    for (const auto &[key, value] : decl.attributes)
      attributes.try_emplace(key, value); // a repeated key keeps its first value
    out.push_back(json::Object{{"name", decl.name},
                               {"kind", ast::entityKindName(decl.kind)},
                               {"description", decl.description},
                               {"proxy_of", decl.proxyOf.empty() ? json::Value(nullptr) : json::Value(decl.proxyOf)},
                               {"via", decl.proxyOf.empty() ? json::Value(nullptr) : json::Value(decl.proxyKind)},
                               {"attributes", std::move(attributes)},
                               {"location", location(files, decl.range)}});
  }
  return out;
}

json::Object design(const Compilation &compilation, const CheckedDesign &d) {
  json::Array claims;
  for (const Claim &c : d.claims) {
    // A claim of a file with errors was checked against an incomplete model: it does not hold, and says so.
    bool checked = claimState(compilation, c) != ClaimState::NotChecked;
    json::Array chains;
    for (const Chain &ch : c.chains) {
      json::Array ids, blocking, inherited, steps;
      for (int id : ch.obligations)
        ids.push_back(id);
      for (int id : ch.blocking)
        blocking.push_back(id);
      for (const InheritedObligation &i : ch.inherited)
        inherited.push_back(json::Object{{"id", i.id}, {"via", i.via}});
      for (const auto &s : ch.steps)
        steps.push_back(s);
      // A claim that was not checked shows no profile and no verdict of its chains (LANGUAGE.md Section 13).
      chains.push_back(json::Object{{"study", ch.study},
                                    {"obligations", std::move(ids)},
                                    {"inherited", std::move(inherited)},
                                    {"steps", std::move(steps)},
                                    {"holds", checked && ch.holds},
                                    {"deciding", checked && ch.deciding},
                                    {"blocking", checked ? json::Value(std::move(blocking)) : json::Value(nullptr)},
                                    {"profile", checked ? json::Value(profilePair(ch.profile)) : nullptr}});
      if (!ch.point.empty()) // a trend's chain: the listed recipe it reaches (LANGUAGE.md Section 14)
        chains.back().getAsObject()->try_emplace("point", ch.point);
    }
    json::Object estimand{{"treatment", c.treatment}, {"outcome", c.outcome}, {"target", c.target}};
    estimand["over"] = c.overUnits ? json::Value("units") : json::Value(nullptr);
    estimand["target_kind"] = c.targetIsPopulation ? "population" : "recipe";
    estimand["notation"] = estimandNotation(c);
    // The claim form and its parts (LANGUAGE.md Section 14); fields a form does not use are null.
    estimand["form"] = claimFormName(c.form);
    estimand["meaning"] = estimandMeaning(c);
    estimand["comparator"] = c.comparator.empty() ? json::Value(nullptr) : json::Value(c.comparator);
    auto names = [](const std::vector<std::string> &list) {
      json::Array out;
      for (const std::string &n : list)
        out.push_back(n);
      return out;
    };
    estimand["treatments"] = c.form == ClaimForm::Ranking ? json::Value(names(c.treatments)) : json::Value(nullptr);
    estimand["attribute"] = c.form == ClaimForm::Trend ? json::Value(c.trendAttribute) : json::Value(nullptr);
    estimand["recipes"] = c.form == ClaimForm::Trend ? json::Value(names(c.trendRecipes)) : json::Value(nullptr);
    claims.push_back(json::Object{{"name", c.name},
                                  {"description", c.description},
                                  {"estimand", std::move(estimand)},
                                  {"holds", claimState(compilation, c) == ClaimState::Holds},
                                  {"checked", checked},
                                  {"chains", std::move(chains)},
                                  {"profile", checked ? json::Value(profilePair(c.profile)) : nullptr},
                                  {"location", location(compilation, c.range)}});
  }
  json::Array obligations;
  for (const Obligation &o : d.obligations) {
    json::Array claimNames;
    for (const auto &n : o.claims)
      claimNames.push_back(n);
    json::Object obligation{{"id", o.id},
                                       {"assumption", o.assumption->name},
                                       {"validity", validityName(o.assumption->validity)},
                                       {"severity", levelName(o.severity)},
                                       {"status", statusName(o.status)},
                                       {"attached_to", o.attachedTo},
                                       {"step", o.step},
                                       {"location", location(compilation, o.location)},
                                       {"claims", std::move(claimNames)},
                                       {"evidence", evidence(compilation, o)}};
    if (!o.disputes.empty()) { // evidence against it (LANGUAGE.md Section 12.3); `evidence` keeps any discharge
      json::Array disputes;
      for (const Evidence &against : o.disputes)
        disputes.push_back(evidence(compilation, against));
      obligation["disputes"] = std::move(disputes);
    }
    if (!o.unmeasuredConfounders.empty()) { // covariates declared `observed: false` (LANGUAGE.md Section 16)
      json::Array names;
      for (const std::string &name : o.unmeasuredConfounders)
        names.push_back(name);
      obligation["unmeasured_confounders"] = std::move(names);
    }
    obligations.push_back(std::move(obligation));
  }
  json::Array cites;
  for (const auto &c : d.cites)
    cites.push_back(c);
  return json::Object{{"name", d.name},
                      {"file", compilation.reportName(d.file)},
                      {"title", d.title},
                      {"cites", std::move(cites)},
                      {"claims", std::move(claims)},
                      {"obligations", std::move(obligations)},
                      {"declarations", declarations(compilation, d)}};
}

} // namespace

void writeJsonReport(std::ostream &out, const ReportInput &input) {
  json::Array files, designs, diagnostics;
  for (const Compilation *c : input.compilations) {
    files.push_back(c->reportName(c->rootFile()));
    for (const CheckedDesign &d : c->designs())
      designs.push_back(design(*c, d));
    for (const Diagnostic &diag : c->diagnostics().all()) {
      json::Array notes;
      for (const DiagNote &n : diag.notes)
        notes.push_back(json::Object{{"message", n.message}, {"location", location(*c, n.range)}});
      json::Object o{{"severity", severityName(diag.severity)},
                     {"code", diag.code()},
                     {"message", diag.message},
                     {"location", location(*c, diag.range)},
                     {"notes", std::move(notes)}};
      if (!diag.help.empty())
        o["help"] = diag.help;
      diagnostics.push_back(std::move(o));
    }
  }
  RunSummary s = summarize(input);
  json::Object root{{"schema", "vdesign-report/2"},
                    {"files", std::move(files)},
                    {"designs", std::move(designs)},
                    {"diagnostics", std::move(diagnostics)},
                    {"summary", json::Object{{"claims", s.claims},
                                             {"claims_holding", s.claimsHolding},
                                             {"open", s.open},
                                             {"open_key", s.openKey},
                                             {"stale", s.stale},
                                             {"assumed", s.assumed},
                                             {"contested", s.contested},
                                             {"discharged", s.discharged},
                                             {"by_design", s.byDesign},
                                             {"errors", s.errors},
                                             {"warnings", s.warnings}}},
                    {"policy", json::Object{{"deny", policyName(input.policy)}, {"violated", s.policyViolated}}}};
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::formatv("{0:2}", json::Value(std::move(root)));
  os.flush();
  out << jsonWithVisibleBidi(std::move(text)) << "\n"; // bidi controls as `\u202E`
}

} // namespace vdc
