// ErrorStrategy.h — turns ANTLR's error reports into vdc diagnostics ("expected X, found Y", "missing `}`") and
// recovers so that one slip gives one error: skipping to the next declaration or `key:`, ending a block whose `}` is
// missing. Private to the parse phase.
#pragma once

#include "parse/ParseInput.h"

#include "diagnostics/Diagnostic.h"

#include <optional>
#include <vector>

namespace vdc::parse {

/// Rewrites ANTLR's error reports into vdc diagnostics ("expected X, found Y", "missing `}`").
class ErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  ErrorStrategy(const SourceManager &sources, FileId file, const OffsetMap &offsets, DiagnosticSink &diags,
                std::vector<size_t> lexicalErrorTokens)
      : sources_(sources), file_(file), offsets_(offsets), diags_(diags),
        lexicalErrorTokens_(std::move(lexicalErrorTokens)) {}

  /// Byte offsets of every syntax and lexical error, so the AST builder can mark what they damaged.
  std::vector<uint32_t> errorOffsets;
  /// Set when top-level items are parsed one at a time (each as a start rule): then any token may follow
  /// an item, as in the grammar's `file` rule, so recovery never consumes past the end of one.
  bool topLevel = false;

  /// ANTLR may drop one unexpected token when the next one fits; never a closing bracket, which ends a block the
  /// author wrote (`params: } recipe c` would otherwise read `recipe` as the value and run on past the block).
  antlr4::Token *singleTokenDeletion(antlr4::Parser *parser) override;

  antlr4::misc::IntervalSet getErrorRecoverySet(antlr4::Parser *parser) override;

  SourceRange rangeOf(const antlr4::Token *token) const;

  /// Inside a design block, input that cannot start a declaration is reported once and skipped, with
  /// nested braces, up to the next declaration or the block's `}`, so the rest of the block is parsed
  /// as a design (ANTLR's default would leave the block and read its contents as top-level input).
  /// The same holds for an attribute block: input that cannot start `key:` is skipped to the next
  /// `key:` or the block's `}`.
  void sync(antlr4::Parser *parser) override;

protected:
  void reportNoViableAlternative(antlr4::Parser *parser, const antlr4::NoViableAltException &e) override;
  void reportInputMismatch(antlr4::Parser *parser, const antlr4::InputMismatchException &e) override;
  void reportFailedPredicate(antlr4::Parser *parser, const antlr4::FailedPredicateException &e) override;
  void reportUnwantedToken(antlr4::Parser *parser) override;
  void reportMissingToken(antlr4::Parser *parser) override;

private:
  void report(antlr4::Parser *parser, antlr4::Token *found, const antlr4::misc::IntervalSet &expected,
              bool alreadyBegun = false);

  /// "missing `}`" at `found` for the innermost open block; false when no block is open.
  bool reportMissingCloseBrace(antlr4::Parser *parser, antlr4::Token *found);

  /// Whether the next tokens have the shape of a declaration rather than of an attribute whose `:` is missing:
  /// a declaration keyword, then a name followed by its title, its `{`, `proxy`, `for` or a `.` (`treatment t "t"`,
  /// `discharge a.b for ...`), or a string (`import "..."`, `cite "..."`).
  static bool startsDeclaration(antlr4::TokenStream *input);

  static bool isWord(size_t t);
  /// The type of the token the parser sees after `token` (comments aside).
  static size_t nextTokenType(antlr4::Parser *parser, antlr4::Token *token);

  /// Whether an error at `found` is most likely a consequence of one already reported: it follows a
  /// syntax error within two tokens, or it is the first syntax error after a lexical error (an
  /// unclosed string swallows the `{` after it) in the same top-level declaration.
  bool isCascade(antlr4::Parser *parser, antlr4::Token *found);

  /// The `{` of the innermost block the parser is inside, if any.
  antlr4::Token *innermostBrace(antlr4::Parser *parser) const;

  const SourceManager &sources_;
  FileId file_;
  const OffsetMap &offsets_;
  DiagnosticSink &diags_;
  std::vector<size_t> lexicalErrorTokens_; ///< Indexes of the tokens at or after each lexical error.
  std::optional<size_t> lastSyntaxError_;
};

/// Silences ANTLR's default console output; the error strategy reports everything.
class QuietListener : public antlr4::BaseErrorListener {};

} // namespace vdc::parse
