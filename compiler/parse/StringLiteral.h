// StringLiteral.h — the value of a string literal: escapes resolved, control characters refused.
#pragma once

#include "diagnostics/Diagnostic.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace vdc::parse {

/// The contents of the string literal `literal` (with its quotes; the closing one may be missing) found at `range`,
/// escapes resolved. Bad escapes and control characters are reported to `diags` unless it is null; a control
/// character or noncharacter becomes U+FFFD.
std::string unescapeString(std::string_view literal, SourceRange range, DiagnosticSink *diags);

/// Control characters (C0 but tab, DEL, C1) and noncharacters have no place in a string a report shows.
bool forbiddenInString(uint32_t cp);

} // namespace vdc::parse
