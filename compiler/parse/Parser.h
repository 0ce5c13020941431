// Parser.h — turns the text of one file into its syntax tree; the only interface to the ANTLR-generated parser.
#pragma once

#include "ast/Decl.h"
#include "diagnostics/Diagnostic.h"

namespace vdc {

/// Limits that keep parsing safe on hostile input (documented in grammar/REFERENCE.md).
struct ParseLimits {
  /// Deepest nesting of brackets, braces, parentheses and `not`.
  unsigned maxNesting = 64;
  /// Most values in one list (or after one `key:`).
  size_t maxListElements = 10000;
  /// Most tokens in one top-level declaration (a design is parsed whole; about 40,000 lines of design).
  size_t maxDeclarationTokens = 400000;
};

/// Parses the file `file` of `sources`, reporting syntax errors to `diags`.
/// Never throws: every problem becomes a diagnostic, and as much of the tree as could be recovered is returned.
ast::Module parseModule(const SourceManager &sources, FileId file, DiagnosticSink &diags,
                        const ParseLimits &limits = {});

/// Releases the parser's shared prediction cache (call in long-lived processes when it grows).
void clearParserCache();

} // namespace vdc
