// Diagnostic.h — one diagnostic (kind, location, message, notes) and the sink that collects them.
#pragma once

#include "source/SourceManager.h"

#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>

namespace vdc {

/// How serious a diagnostic is.
enum class Severity { Error, Warning, Note };

/// The word every writer uses for a severity: "error", "warning" or "note".
const char *severityName(Severity severity);

/// Every diagnostic kind, generated from Diagnostics.def.
enum class DiagKind {
#define DIAGNOSTIC(Name, Sev, Code, Format) Name,
#include "diagnostics/Diagnostics.def"
#undef DIAGNOSTIC
};

/// The message format of every kind, indexed by kind, as constant expressions so that each call to
/// DiagnosticSink::report is checked against its kind's format when the code compiles.
inline constexpr std::string_view kDiagFormats[] = {
#define DIAGNOSTIC(Name, Sev, Code, Format) Format,
#include "diagnostics/Diagnostics.def"
#undef DIAGNOSTIC
};

/// The number of `{}` fields in a message format (`{{` and `}}` are literal braces). fmt itself rejects too few
/// arguments when the code compiles but not too many, so report() compares this count as well.
constexpr size_t diagArgCount(std::string_view format) {
  size_t count = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '{' && i + 1 < format.size() && format[i + 1] == '{')
      ++i;
    else if (format[i] == '{')
      ++count;
  }
  return count;
}

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

/// How sure a suggested replacement is (as rustc grades its suggestions): a machine-applicable one is what the
/// author meant (`via` for `:`), a maybe-incorrect one is a guess (the closest known name to a misspelt one).
enum class Applicability { MachineApplicable, MaybeIncorrect };

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
  /// How sure `replacement` is; an editor applies a machine-applicable one as the preferred fix.
  Applicability applicability = Applicability::MachineApplicable;

  const char *code() const { return diagInfo(kind).code; }
};

/// Collects diagnostics in the order they are found.
class DiagnosticSink {
public:
  /// Reports a diagnostic of kind `K` at `range`, formatting its message with `args`. The kind is a template
  /// argument so that the number and the types of `args` are checked against the kind's format when the code
  /// compiles: a call with one argument too many or too few does not build.
  template <DiagKind K, typename... Args> Diagnostic &report(SourceRange range, const Args &...args) {
    static_assert(diagArgCount(kDiagFormats[static_cast<size_t>(K)]) == sizeof...(Args),
                  "the number of arguments differs from the number of `{}` in the kind's format (Diagnostics.def)");
    std::string message = fmt::format(FMT_STRING(kDiagFormats[static_cast<size_t>(K)]), args...);
    diags_.push_back(
        Diagnostic{K, diagInfo(K).severity, range, std::move(message), {}, {}, {}, Applicability::MachineApplicable});
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
