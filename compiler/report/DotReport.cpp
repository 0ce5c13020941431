// DotReport.cpp — Graphviz rendering: shapes by kind, proxy edges labelled by kind, obligations coloured by status.
#include "report/DotReport.h"

#include "source/Escape.h"

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

const char *fillOf(const Obligation &o) {
  if (o.status == Status::Discharged)
    return "#b7e1b0";
  if (o.status == Status::Assumed)
    return "#fbe49a";
  return o.severity == Level::Key ? "#f4a6a6" : "#fcc98f";
}

/// A node id, unique in the graph: the file's position on the command line keeps two files with a design of
/// the same name apart.
std::string nodeId(size_t file, const std::string &design, const std::string &name) {
  return "\"f" + std::to_string(file) + "." + escapeDot(design + "." + name) + "\"";
}
} // namespace

void writeDotReport(std::ostream &out, const ReportInput &input) {
  out << "digraph vdesign {\n  rankdir=BT;\n  node [fontname=\"Helvetica\", fontsize=11];\n"
         "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  int cluster = 0;
  for (size_t file = 1; file <= input.compilations.size(); ++file) {
    for (const CheckedDesign &d : input.compilations[file - 1]->designs()) {
      auto id = [&](const std::string &design, const std::string &name) { return nodeId(file, design, name); };
      out << "  subgraph cluster_" << cluster++ << " {\n    label=\"" << escapeDot("design " + d.name);
      if (!d.title.empty())
        out << "\\n" << escapeDot(d.title);
      out << "\";\n";
      for (const Declaration &decl : d.declarations) {
        std::string label = std::string(ast::entityKindName(decl.kind)) + " " + decl.name;
        if (!decl.description.empty())
          label += "\n" + decl.description;
        out << "    " << id(d.name, decl.name) << " [shape=" << shapeOf(decl.kind) << ", label=\"" << escapeDot(label)
            << "\"];\n";
        if (!decl.proxyOf.empty())
          out << "    " << id(d.name, decl.name) << " -> " << id(d.name, decl.proxyOf) << " [label=\""
              << escapeDot("proxy via " + decl.proxyKind) << "\", style=dashed];\n";
      }
      for (const StudySummary &s : d.studies) {
        out << "    " << id(d.name, s.name) << " -> " << id(d.name, s.treatment)
            << " [label=\"treatment\", arrowhead=none, color=gray50];\n";
        out << "    " << id(d.name, s.name) << " -> " << id(d.name, s.outcome)
            << " [label=\"outcome\", arrowhead=none, color=gray50];\n";
        out << "    " << id(d.name, s.name) << " -> " << id(d.name, s.target) << " [label=\""
            << (s.targetIsPopulation ? "population" : "recipe") << "\", arrowhead=none, color=gray50];\n";
      }
      for (const Claim &claim : d.claims)
        for (const Chain &chain : claim.chains)
          out << "    " << id(d.name, chain.study) << " -> " << id(d.name, claim.name) << " [label=\"supports\", penwidth="
              << (chain.holds ? "2" : "1") << ", color=\"" << (chain.holds ? "#2e7d32" : "#c62828") << "\"];\n";
      for (const Obligation &o : d.obligations) {
        if (o.severity == Level::None)
          continue;
        std::string label = o.assumption->name + "\n" + levelName(o.severity) + ", " + statusName(o.status);
        std::string node = id(d.name, "#" + std::to_string(o.id));
        out << "    " << node << " [shape=box, style=\"rounded,filled\", fillcolor=\"" << fillOf(o)
            << "\", fontsize=9, label=\"" << escapeDot(label) << "\"];\n";
        out << "    " << node << " -> " << id(d.name, o.attachedTo) << " [style=dotted, arrowhead=none];\n";
      }
      out << "  }\n";
    }
  }
  out << "}\n";
}

} // namespace vdc
