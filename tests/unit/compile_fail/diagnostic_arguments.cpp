// diagnostic_arguments.cpp — calls to DiagnosticSink::report that must not build (ctest compiles each case).
// WRONG=0 is the correct call, which must build, so that the failing cases fail for the reason they name.
#include "diagnostics/Diagnostic.h"

void reportOne(vdc::DiagnosticSink &sink, vdc::SourceRange range) {
#if WRONG == 1
  sink.report<vdc::DiagKind::UnknownName>(range, "strategy"); // one argument too few
#elif WRONG == 2
  sink.report<vdc::DiagKind::UnknownName>(range, "strategy", "iv", "extra"); // one argument too many
#elif WRONG == 3
  sink.report<vdc::DiagKind::InvalidUtf8>(range, "0x80"); // `{:02X}` given a string
#else
  sink.report<vdc::DiagKind::UnknownName>(range, "strategy", "iv");
#endif
}
