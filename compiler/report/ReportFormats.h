// ReportFormats.h — the registry of report formats: each format named once, with its writer, file extension and
// description; the command line, its help text and the tests read the list from here.
#pragma once

#include "report/ReportInput.h"

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>

#include <ostream>
#include <stdexcept>
#include <string>

namespace vdc {

/// A report that could not be written (a picture Graphviz cannot draw): the run prints the message as an error
/// and writes nothing.
struct ReportFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Writes one run's report in a format; may throw ReportFailure.
using ReportWriter = void (*)(std::ostream &, const ReportInput &);

struct ReportFormat {
  const char *name;        ///< what `--format` takes
  ReportWriter write;      ///< the writer
  const char *extension;   ///< the usual file name ending, with its dot
  const char *description; ///< what the format is for, in a few words
};

/// Every report format, `text` (the default) first.
llvm::ArrayRef<ReportFormat> reportFormats();

/// The format of a name, or null.
const ReportFormat *findReportFormat(llvm::StringRef name);

/// The formats' names, separated by `separator`.
std::string reportFormatNames(llvm::StringRef separator = ", ");

/// The message for a name no format has: "unknown format `pdf` (available: text, json, ...)".
std::string unknownReportFormat(llvm::StringRef name);

} // namespace vdc
