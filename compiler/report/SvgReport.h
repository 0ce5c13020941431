// SvgReport.h — the design graph laid out by Graphviz's library inside vdc and rendered to SVG (or PDF).
#pragma once

#include "report/ReportFormats.h"

namespace vdc {

/// A picture Graphviz drew, or why it could not: `data` is the rendered file, `error` says what went wrong.
struct Picture {
  std::string data;
  std::string error;
  bool ok() const { return error.empty(); }
};

/// The most nodes a picture lays out: Graphviz's layout grows faster than the graph, so a larger design would
/// keep vdc busy for minutes; its report says so instead.
constexpr size_t kMaxPictureNodes = 600;

/// Lays out DOT text with Graphviz's `dot` layout (the library, not the program) and renders it in `format`
/// ("svg", "pdf"). Graphviz's own messages become the error.
Picture renderDot(const std::string &dot, const char *format);

/// One design as an `<svg>` element, without XML declaration, to place inside an HTML page.
Picture designSvg(size_t file, const CheckedDesign &design);

/// The picture of every design of the run (the DOT report, one cluster per design) in `format`.
Picture reportPicture(const ReportInput &input, const char *format);

/// Writes one SVG document with every design of the run; throws ReportFailure when Graphviz cannot draw it.
void writeSvgReport(std::ostream &out, const ReportInput &input);

/// Writes the same picture as a PDF file, for `\includegraphics` in a LaTeX document (pdflatex reads PDF, not SVG).
void writePdfReport(std::ostream &out, const ReportInput &input);

} // namespace vdc
