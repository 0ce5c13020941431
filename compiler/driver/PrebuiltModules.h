// PrebuiltModules.h — the stdlib's syntax trees, parsed when vdc is built, used instead of parsing the same text again.
#pragma once

#include "ast/Decl.h"
#include "diagnostics/Diagnostic.h"

#include <string_view>
#include <vector>

namespace vdc {

/// One stdlib file as it was when vdc was built: its name, its text, and its serialized syntax tree.
struct PrebuiltModule {
  std::string_view name; ///< The file name (`core.vdesign`).
  std::string_view text;
  std::string_view tree; ///< ast::serializeModule of the parse of `text`, which reported nothing.
};

/// Every prebuilt module (generated at build time by the tool vdc-prebuild-stdlib).
const std::vector<PrebuiltModule> &prebuiltModules();

/// The syntax tree of file `file` of `sources`: taken from a prebuilt module when the file's text is exactly that
/// module's text (the parse of the same text gives the same tree and no diagnostics), else parsed.
/// `usePrebuilt` false always parses (VDC_STDLIB_FROM_SOURCE=1, to compare the two).
ast::Module parseOrPrebuilt(const SourceManager &sources, FileId file, DiagnosticSink &diags, bool usePrebuilt);

} // namespace vdc
