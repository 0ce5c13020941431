// Diagnostic.h — one diagnostic (kind, location, message, notes) and the sink that collects them.
#pragma once

#include "source/SourceManager.h"

#include <fmt/format.h>
#include <string>
#include <vector>

namespace vdc {

/// How serious a diagnostic is.
enum class Severity { Error, Warning, Note };

/// Every diagnostic kind, generated from Diagnostics.def.
enum class DiagKind {
#define DIAGNOSTIC(Name, Sev, Code, Format) Name,
#include "diagnostics/Diagnostics.def"
#undef DIAGNOSTIC
};

/// The static description of a diagnostic kind.
struct DiagInfo {
  DiagKind kind;
  const char *name;
  Severity severity;
  const char *code;
  const char *format;
};

/// The description of one kind.
const DiagInfo &diagInfo(DiagKind kind);

/// All kinds, in declaration order.
const std::vector<DiagInfo> &allDiagnostics();

/// A secondary location with its own message ("obligation introduced here").
struct DiagNote {
  SourceRange range;
  std::string message;
};

/// One reported problem.
struct Diagnostic {
  DiagKind kind;
  Severity severity;
  SourceRange range;
  std::string message;
  std::vector<DiagNote> notes;
  /// A suggested fix in words, shown as `help:`.
  std::string help;
  /// Replacement text for the primary range when the fix is mechanical (a "did you mean").
  std::string replacement;

  const char *code() const { return diagInfo(kind).code; }
};

/// Collects diagnostics in the order they are found.
class DiagnosticSink {
public:
  /// Reports a diagnostic of `kind` at `range`, formatting its message with `args`.
  template <typename... Args>
  Diagnostic &report(DiagKind kind, SourceRange range, const Args &...args) {
    const DiagInfo &info = diagInfo(kind);
    Diagnostic diag{kind, info.severity, range, fmt::format(fmt::runtime(info.format), args...), {}, {}, {}};
    diags_.push_back(std::move(diag));
    return diags_.back();
  }

  const std::vector<Diagnostic> &all() const { return diags_; }
  std::vector<Diagnostic> &all() { return diags_; }

  /// Number of diagnostics with the given severity.
  size_t count(Severity severity) const;

  /// True when any error was reported.
  bool hasErrors() const { return count(Severity::Error) > 0; }

  /// Sorts diagnostics by file and position, keeping the order of equal positions.
  void sort();

private:
  std::vector<Diagnostic> diags_;
};

} // namespace vdc
