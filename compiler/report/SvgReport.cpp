// SvgReport.cpp — Graphviz in-process: DOT text read with agmemread, laid out with gvLayout, rendered with gvRenderData.
#include "report/SvgReport.h"

#include "report/DotReport.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <sstream>

namespace vdc {

namespace {
/// Graphviz reports problems through a callback, one piece of a message at a time.
std::string graphvizMessages;
int collectMessage(char *text) {
  graphvizMessages += text;
  return 0;
}

std::string firstLine(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  size_t end = text.find('\n');
  return end == std::string::npos ? text : text.substr(0, end);
}

size_t nodeCount(const CheckedDesign &d) { return d.declarations.size(); }

/// The `<svg>` element of a rendered SVG file: the XML declaration, the document type and Graphviz's comment
/// before it are dropped, so the element can stand inside an HTML page or another document.
std::string svgElement(const std::string &svg) {
  size_t start = svg.find("<svg");
  return start == std::string::npos ? svg : svg.substr(start);
}
} // namespace

/// The one Graphviz context of the process, made on first use and never freed. Graphviz (2.42, 2.43) keeps
/// pointers into a context's font table in the text-layout plugin after the context is freed, so a second context
/// would read freed memory (AddressSanitizer shows it); one context for every picture avoids that.
GVC_t *graphvizContext() {
  static GVC_t *const gvc = gvContext();
  return gvc;
}

Picture renderDot(const std::string &dot, const char *format) {
  Picture picture;
  graphvizMessages.clear();
  agseterr(AGERR);
  agseterrf(collectMessage);
  GVC_t *gvc = graphvizContext();
  if (!gvc)
    return {"", "Graphviz could not start"};
  Agraph_t *graph = agmemread(dot.c_str());
  if (!graph) {
    picture.error = "Graphviz could not read the graph: " + firstLine(graphvizMessages);
  } else if (gvLayout(gvc, graph, "dot") != 0) {
    picture.error = "Graphviz could not lay out the graph: " + firstLine(graphvizMessages);
  } else {
    char *data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, graph, format, &data, &length) != 0 || !data)
      picture.error = std::string("Graphviz could not render ") + format + ": " + firstLine(graphvizMessages);
    else
      picture.data.assign(data, length);
    gvFreeRenderData(data);
    gvFreeLayout(gvc, graph);
  }
  if (graph)
    agclose(graph);
  agseterrf(nullptr);
  if (!picture.ok() && picture.error.back() == ' ')
    picture.error += "no reason given";
  return picture;
}

Picture designSvg(size_t file, const CheckedDesign &d) {
  if (nodeCount(d) > kMaxPictureNodes)
    return {"", "design `" + d.name + "` has " + std::to_string(nodeCount(d)) + " declarations, more than the " +
                    std::to_string(kMaxPictureNodes) + " a picture lays out"};
  std::ostringstream dot;
  writeDesignDot(dot, file, d);
  Picture picture = renderDot(dot.str(), "svg");
  if (picture.ok())
    picture.data = svgElement(picture.data);
  return picture;
}

Picture reportPicture(const ReportInput &input, const char *format) {
  size_t nodes = 0;
  for (const Compilation *c : input.compilations)
    for (const CheckedDesign &d : c->designs())
      nodes += nodeCount(d);
  if (nodes > kMaxPictureNodes)
    return {"", "the designs have " + std::to_string(nodes) + " declarations, more than the " +
                    std::to_string(kMaxPictureNodes) + " a picture lays out"};
  std::ostringstream dot;
  writeDotReport(dot, input);
  return renderDot(dot.str(), format);
}

void writeSvgReport(std::ostream &out, const ReportInput &input) {
  Picture picture = reportPicture(input, "svg");
  if (!picture.ok())
    throw ReportFailure("the picture could not be drawn: " + picture.error);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" << svgElement(picture.data);
}

} // namespace vdc

namespace vdc {

void writePdfReport(std::ostream &out, const ReportInput &input) {
  Picture picture = reportPicture(input, "pdf");
  if (!picture.ok())
    throw ReportFailure("the picture could not be drawn: " + picture.error);
  out << picture.data;
}

} // namespace vdc
