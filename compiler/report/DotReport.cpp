// DotReport.cpp — the design graph in DOT: shapes by kind, edges that carry open obligations coloured by their worst severity.
#include "report/DotReport.h"

#include "source/Escape.h"

#include <algorithm>

namespace vdc {

namespace {
const char *shapeOf(ast::EntityKind kind) {
  switch (kind) {
  case ast::EntityKind::Recipe:
    return "box";
  case ast::EntityKind::Treatment:
    return "ellipse";
  case ast::EntityKind::Outcome:
    return "hexagon";
  case ast::EntityKind::Population:
    return "box3d";
  case ast::EntityKind::Covariate:
    return "octagon";
  case ast::EntityKind::Study:
    return "component";
  case ast::EntityKind::Claim:
    return "note";
  }
  return "box";
}

/// A node id, unique in the graph: the file's position on the command line keeps two files with a design of
/// the same name apart.
std::string nodeId(size_t file, const std::string &design, const std::string &name) {
  return "\"f" + std::to_string(file) + "." + escapeDot(design + "." + name) + "\"";
}
/// The obligations an edge carries that are still open (open, stale or contested) and threats, in id order.
std::vector<const Obligation *> openThreats(const CheckedDesign &d, const std::vector<int> &ids) {
  std::vector<const Obligation *> out;
  for (int id : ids) {
    const Obligation &o = d.obligation(id);
    if (o.isThreat() && isOpen(o.status))
      out.push_back(&o);
  }
  return out;
}

/// The edge attributes for what it carries: the colour and width of the worst severity, and a label line per
/// obligation ("external.proxy_recipe (key, open)").
std::string carrying(const std::string &label, const std::vector<const Obligation *> &open, const char *quiet) {
  Level worst = Level::None;
  std::string text = label;
  for (const Obligation *o : open) {
    worst = std::max(worst, o->severity);
    text += "\n" + o->assumption->name + " (" + levelName(o->severity) + ", " + statusName(o->status) + ")";
  }
  std::string out = "label=\"" + escapeDot(text) + "\", ";
  if (open.empty())
    return out + quiet;
  return out + "color=\"" + severityColour(worst) + "\", fontcolor=\"" + severityColour(worst) +
         "\", penwidth=" + (worst == Level::Key ? "3" : "2");
}

void writeDesignBody(std::ostream &out, size_t file, const CheckedDesign &d, const char *indent) {
  auto id = [&](const std::string &name) { return nodeId(file, d.name, name); };
  for (const Declaration &decl : d.declarations) {
    std::string label = std::string(ast::entityKindName(decl.kind)) + " " + decl.name;
    if (!decl.description.empty())
      label += "\n" + decl.description;
    out << indent << id(decl.name) << " [shape=" << shapeOf(decl.kind) << ", label=\"" << escapeDot(label) << "\"];\n";
  }
  // A proxy edge carries the obligations attached to the proxy by its proxy step.
  for (const Declaration &decl : d.declarations) {
    if (decl.proxyOf.empty())
      continue;
    std::vector<int> ids;
    for (const Obligation &o : d.obligations)
      if (o.attachedTo == decl.name && o.step.rfind("proxy ", 0) == 0)
        ids.push_back(o.id);
    out << indent << id(decl.name) << " -> " << id(decl.proxyOf) << " ["
        << carrying("proxy via " + decl.proxyKind, openThreats(d, ids), "color=gray40") << ", style=dashed];\n";
  }
  for (const StudySummary &s : d.studies) {
    out << indent << id(s.name) << " -> " << id(s.treatment) << " [label=\"treatment\", arrowhead=none, color=gray50];\n";
    out << indent << id(s.name) << " -> " << id(s.outcome) << " [label=\"outcome\", arrowhead=none, color=gray50];\n";
    out << indent << id(s.name) << " -> " << id(s.target) << " [label=\""
        << (s.targetIsPopulation ? "population" : "recipe") << "\", arrowhead=none, color=gray50];\n";
  }
  // A chain carries every open obligation it counts, its own and those taken over from study evidence.
  for (const Claim &claim : d.claims)
    for (const Chain &chain : claim.chains)
      out << indent << id(chain.study) << " -> " << id(claim.name) << " ["
          << carrying("supports", openThreats(d, chain.allObligations()),
                      chain.holds ? "color=\"#009E73\", penwidth=2" : "color=gray40")
          << "];\n";
}
} // namespace

const char *severityColour(Level level) {
  switch (level) {
  case Level::Key:
    return "#D55E00";
  case Level::Careful:
    return "#E69F00";
  case Level::None:
    return "#009E73";
  }
  return "#009E73";
}

void writeDesignDot(std::ostream &out, size_t file, const CheckedDesign &d) {
  std::string graphId = "f" + std::to_string(file) + "-" + d.name;
  out << "digraph vdesign {\n  id=\"" << escapeDot(graphId) << "\";\n  rankdir=BT;\n  graph [fontname=\"Helvetica\"];\n"
      << "  node [fontname=\"Helvetica\", fontsize=11];\n  edge [fontname=\"Helvetica\", fontsize=9];\n";
  writeDesignBody(out, file, d, "  ");
  out << "}\n";
}

void writeDotReport(std::ostream &out, const ReportInput &input) {
  out << "digraph vdesign {\n  rankdir=BT;\n  graph [fontname=\"Helvetica\"];\n  node [fontname=\"Helvetica\", fontsize=11];\n"
         "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  int cluster = 0;
  for (size_t file = 1; file <= input.compilations.size(); ++file) {
    for (const CheckedDesign &d : input.compilations[file - 1]->designs()) {
      out << "  subgraph cluster_" << cluster++ << " {\n    label=\"" << escapeDot("design " + d.name);
      if (!d.title.empty())
        out << "\\n" << escapeDot(d.title);
      out << "\";\n";
      writeDesignBody(out, file, d, "    ");
      out << "  }\n";
    }
  }
  out << "}\n";
}

} // namespace vdc
