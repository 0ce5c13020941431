// Explain.cpp — look-up and rendering for `vdc explain`, reading the theory the stdlib declares.
#include "driver/Explain.h"

#include "diagnostics/DiagnosticPrinter.h"

#include "sema/Condition.h"
#include "sema/Suggest.h"

#include <algorithm>
#include <cstring>

namespace vdc {

const std::vector<Explanation> &allExplanations() {
  static const std::vector<Explanation> table = {
#define EXPLAIN(Code, Title, Text, Wrong, Fixed) {Code, Title, Text, Wrong, Fixed},
#include "diagnostics/Explanations.def"
#undef EXPLAIN
  };
  return table;
}

namespace {

std::string requirementText(const Requirement &r) {
  std::string out = std::string(levelName(r.severity));
  if (r.decl && r.decl->condition)
    out += std::string(r.decl->negated ? " unless " : " when ") + conditionText(*r.decl->condition);
  return out;
}

/// `text` wrapped at 78 columns (counting code points), for paragraphs of prose.
std::string wrapParagraph(const std::string &text) {
  std::string out, line;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t space = text.find(' ', pos);
    std::string word = text.substr(pos, space == std::string::npos ? std::string::npos : space - pos);
    if (!line.empty() && countCodePoints(line) + 1 + countCodePoints(word) > 78) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    if (space == std::string::npos)
      break;
    pos = space + 1;
  }
  return out + line;
}

void indentBlock(std::ostream &out, std::string text) {
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    out << "    " << text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos) << "\n";
    if (nl == std::string::npos)
      break;
    pos = nl + 1;
  }
}

void explainAssumption(const Theory &theory, const Assumption &a, std::ostream &out) {
  out << a.name << " — " << (a.title.empty() ? a.name : a.title) << "\n\n";
  out << "  validity:  " << validityName(a.validity) << "\n";
  out << "  testable:  " << (a.testable ? "yes (a `check` discharge is allowed)" : "no (no `check` can settle it)")
      << "\n";
  if (!a.formula.empty())
    out << "  formula:   " << a.formula << "\n";
  if (!a.source.empty())
    out << "  source:    " << a.source << "\n";
  if (!a.explain.empty())
    out << "\n" << wrapParagraph(a.explain) << "\n";
  if (!a.hint.empty())
    out << "\n" << wrapParagraph("How to settle it: " + a.hint) << "\n";
  std::vector<std::string> introduced, satisfied;
  for (const auto &[name, s] : theory.strategies) {
    for (const Requirement &r : s.requirements)
      if (r.assumption == &a)
        introduced.push_back("strategy " + name + ": " + requirementText(r));
    if (std::find(s.satisfies.begin(), s.satisfies.end(), &a) != s.satisfies.end())
      satisfied.push_back(name);
  }
  for (const auto &[name, p] : theory.proxyKinds)
    for (const Requirement &r : p.requirements)
      if (r.assumption == &a)
        introduced.push_back(std::string("proxy kind ") + name + " (" + ast::entityKindName(p.decl->appliesTo) +
                             "): " + requirementText(r));
  for (const auto &[name, g] : theory.aggregations)
    for (const Requirement &r : g.requirements)
      if (r.assumption == &a)
        introduced.push_back("aggregation " + name + ": " + requirementText(r));
  out << "\nIntroduced by:\n";
  if (introduced.empty())
    out << "  nothing in the loaded theory\n";
  for (const auto &line : introduced)
    out << "  " << line << "\n";
  if (!satisfied.empty()) {
    out << "Satisfied by the design of:";
    for (const auto &s : satisfied)
      out << " " << s;
    out << "\n";
  }
}

void explainRequirements(const std::vector<Requirement> &reqs, std::ostream &out) {
  for (const Requirement &r : reqs)
    out << "  requires " << r.assumption->name << " severity " << requirementText(r) << "\n";
}

void explainStrategy(const Strategy &s, std::ostream &out) {
  out << "strategy " << s.name << " — " << s.decl->description << "\n\n";
  if (!s.decl->doc.empty())
    out << s.decl->doc << "\n\n";
  if (s.target)
    out << "Runs on: " << (*s.target == ast::EntityKind::Population ? "a population of recipes (`population:`)"
                                                                    : "a single recipe (`recipe:`)")
        << "\n\n";
  out << "Parameters:\n";
  if (s.decl->params.empty())
    out << "  (none)\n";
  for (const ast::Param &p : s.decl->params) {
    out << "  " << p.name.text << ": " << p.type.spelling();
    if (p.defaultValue)
      out << " = " << (p.defaultValue->kind == ast::Value::Kind::String ? "\"" + p.defaultValue->text + "\""
                       : p.defaultValue->kind == ast::Value::Kind::List  ? std::string("[]")
                       : p.defaultValue->kind == ast::Value::Kind::Name  ? p.defaultValue->name.text
                       : p.defaultValue->kind == ast::Value::Kind::Bool  ? (p.defaultValue->boolean ? "true" : "false")
                                                                         : p.defaultValue->text);
    else
      out << " (required)";
    if (auto kind = s.refKinds.find(p.name.text); kind != s.refKinds.end())
      out << "; names " << ast::entityKindName(kind->second) << "s";
    if (auto bound = s.bounds.find(p.name.text); bound != s.bounds.end())
      out << "; " << bound->second.describe();
    out << "\n";
  }
  if (s.unitAverage)
    out << "Estimand: an average over within-run units\n";
  out << "Obligations:\n";
  for (size_t i = 0; i < s.satisfies.size(); ++i) {
    out << "  satisfies " << s.satisfies[i]->name;
    const ast::SatisfiesGuard *g = i < s.satisfiesGuards.size() ? s.satisfiesGuards[i] : nullptr;
    if (g && g->condition)
      out << (g->negated ? " unless " : " when ") << conditionText(*g->condition);
    out << "\n";
  }
  explainRequirements(s.requirements, out);
}

} // namespace

bool explain(const std::string &name, const std::string &file, const CompileOptions &options, std::ostream &out,
             std::ostream &err) {
  for (const Explanation &e : allExplanations()) {
    if (name != e.code)
      continue;
    const DiagInfo *info = nullptr;
    for (const DiagInfo &d : allDiagnostics())
      if (name == d.code)
        info = &d;
    out << e.code << " — " << e.title << " (" << (info ? severityName(info->severity) : "error") << ")\n\n"
        << wrapParagraph(e.text) << "\n";
    // An example is a design file, or a session: `$ ` commands, then the files they read (Explanations.def).
    auto isSession = [](const char *example) { return example[0] == '$' && example[1] == ' '; };
    if (*e.wrong) {
      out << (isSession(e.wrong) ? "\nFor example, this is refused (the commands, then the files they read):\n\n"
                                 : "\nFor example, this design is refused:\n\n");
      indentBlock(out, e.wrong);
      bool sameFiles = isSession(e.fixed) && !std::strstr(e.fixed, "\n-- ");
      out << (!isSession(e.fixed) ? "\nand this one is accepted:\n\n"
              : sameFiles         ? "\nand this is accepted, with the same files:\n\n"
                                  : "\nand this is accepted:\n\n");
      indentBlock(out, e.fixed);
    }
    return true;
  }
  Compilation c(options);
  if (file.empty()) {
    c.compileText("<explain>.vdesign", "");
  } else {
    c.compileFile(file);
    // What cannot be read or checked is said first; the theory that was read is still explained.
    for (const Diagnostic &d : c.diagnostics().all())
      if (d.severity == Severity::Error)
        printDiagnostic(err, c.sources(), d, false);
  }
  const Theory &theory = c.theory();
  std::vector<const Assumption *> matches;
  for (const auto &[qualified, a] : theory.assumptions) {
    if (qualified == name)
      matches = {&a};
    if (matches.size() == 1 && matches[0]->name == name)
      break;
    if (qualified.size() > name.size() && qualified.compare(qualified.size() - name.size(), name.size(), name) == 0 &&
        qualified[qualified.size() - name.size() - 1] == '.')
      matches.push_back(&a);
  }
  if (matches.size() == 1) {
    explainAssumption(theory, *matches[0], out);
    return true;
  }
  if (matches.size() > 1) {
    err << "vdc: `" << name << "` could mean:";
    for (const Assumption *a : matches)
      err << " " << a->name;
    err << "\n";
    return false;
  }
  if (const Strategy *s = theory.strategy(name)) {
    explainStrategy(*s, out);
    return true;
  }
  if (const ProxyKind *p = theory.proxyKind(name)) {
    out << "proxy kind " << p->name << " — for " << ast::entityKindName(p->decl->appliesTo) << "s: "
        << p->decl->description << "\n\n";
    if (!p->decl->doc.empty())
      out << p->decl->doc << "\n\n";
    out << "Obligations of each `proxy of X via " << p->name << "` hop:\n";
    explainRequirements(p->requirements, out);
    return true;
  }
  if (const Aggregation *g = theory.aggregation(name)) {
    out << "aggregation " << g->name << " — " << g->decl->description << "\n\n";
    if (!g->decl->doc.empty())
      out << g->decl->doc << "\n\n";
    out << "Obligations:\n";
    explainRequirements(g->requirements, out);
    return true;
  }
  std::vector<std::string> names;
  for (const auto &[n, _] : theory.assumptions)
    names.push_back(n);
  for (const auto &[n, _] : theory.strategies)
    names.push_back(n);
  for (const auto &[n, _] : theory.proxyKinds)
    names.push_back(n);
  for (const auto &[n, _] : theory.aggregations)
    names.push_back(n);
  for (const Explanation &e : allExplanations())
    names.push_back(e.code);
  err << "vdc: nothing is called `" << name << "`";
  std::string guess = closestName(name, names);
  if (!guess.empty())
    err << "; " << didYouMean(guess);
  err << "\n";
  return false;
}

} // namespace vdc
