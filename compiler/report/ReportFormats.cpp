// ReportFormats.cpp — the table of report formats.
#include "report/ReportFormats.h"

#include "report/CiReports.h"
#include "report/DotReport.h"
#include "report/HtmlReport.h"
#include "report/JsonReport.h"
#include "report/LatexReport.h"
#include "report/MarkdownReport.h"
#include "report/SarifReport.h"
#include "report/SvgReport.h"
#include "report/TextReport.h"

#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/StringExtras.h>

namespace vdc {

namespace {
const ReportFormat kFormats[] = {
    {"text", writeTextReport, ".txt", "the terminal: 80 columns, colour only on a terminal"},
    {"json", writeJsonReport, ".json", "scripts (schema vdesign-report/2)"},
    {"markdown", writeMarkdownReport, ".md", "pull-request comments"},
    {"latex", writeLatexReport, ".tex", "\\input into a paper (needs xcolor)"},
    {"html", writeHtmlReport, ".html", "one self-contained, printable page"},
    {"sarif", writeSarifReport, ".sarif", "code scanning (SARIF 2.1.0)"},
    {"github", writeGithubAnnotations, ".txt", "annotations in a GitHub Actions log"},
    {"junit", writeJunitReport, ".xml", "CI test views: one test case per claim"},
    {"dot", writeDotReport, ".dot", "the picture as Graphviz source"},
    {"svg", writeSvgReport, ".svg", "the picture of each design, laid out in-process"},
    {"pdf", writePdfReport, ".pdf", "the same picture for \\includegraphics in a paper"},
};
} // namespace

llvm::ArrayRef<ReportFormat> reportFormats() { return kFormats; }

const ReportFormat *findReportFormat(llvm::StringRef name) {
  for (const ReportFormat &format : kFormats)
    if (name == format.name)
      return &format;
  return nullptr;
}

std::string reportFormatNames(llvm::StringRef separator) {
  return llvm::join(llvm::map_range(reportFormats(), [](const ReportFormat &f) { return llvm::StringRef(f.name); }),
                    separator);
}

std::string unknownReportFormat(llvm::StringRef name) {
  return "unknown format `" + name.str() + "` (available: " + reportFormatNames() + ")";
}

} // namespace vdc
