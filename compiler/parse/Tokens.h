// Tokens.h — the vdesign lexer's tokens as plain structs, and the one table of the language's keywords.
//
// Everything outside compiler/parse that needs tokens (the formatter, completion) reads them here, so that there is
// one lexer with one set of rules (grammar/VDesignLexer.g4) and no ANTLR type leaves the parse phase.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vdc {

/// One token of a text, comments included; white space is not a token (the gaps between offsets hold it).
struct Token {
  enum class Kind {
    Keyword,             ///< a reserved word (`design`, `recipe`, `true`, ...)
    Name,                ///< a name; also `and`, `or`, `not` (names outside conditions) and the contextual `dispute`
    Number,              ///< `70B`, `0.5`, `1e-3`
    String,              ///< a closed string, quotes included
    UnterminatedString,  ///< a string that reaches the end of its line (or of the text) without its quote
    Punct,               ///< `{`, `:`, `==`, ...
    LineComment,         ///< `// ...`, without the line break
    BlockComment,        ///< `/* ... */`
    UnterminatedComment, ///< `/* ...` to the end of the text
    Unknown,             ///< a character that cannot start any token
  };
  Kind kind = Kind::Unknown;
  /// The token's text: a view into the text that was lexed.
  std::string_view text;
  /// Byte offset of its first byte.
  uint32_t offset = 0;
  /// 1-based line (lines end at "\n") and 0-based column in code points, as the lexer counts them.
  uint32_t line = 1;
  uint32_t column = 0;

  uint32_t end() const { return offset + static_cast<uint32_t>(text.size()); }
  bool isComment() const {
    return kind == Kind::LineComment || kind == Kind::BlockComment || kind == Kind::UnterminatedComment;
  }
  /// A name or a keyword: anything that can stand where a name is written (every keyword may be a key).
  bool isWord() const { return kind == Kind::Name || kind == Kind::Keyword; }
  bool is(std::string_view punct) const { return kind == Kind::Punct && text == punct; }
};

/// The tokens of `text` (any bytes: a byte that is not valid UTF-8 reads as one unknown character).
std::vector<Token> lexTokens(std::string_view text);

/// The blocks whose statements start with a keyword.
enum class BlockContext {
  File,        ///< top level: imports and declarations
  Design,      ///< inside `design NAME { ... }`
  Strategy,    ///< inside `strategy NAME { ... }`
  ProxyKind,   ///< inside `proxy NAME for KIND { ... }`
  Aggregation, ///< inside `aggregation NAME { ... }`
};

/// The keywords that start a statement in `context`, in the order the language reference lists them.
const std::vector<std::string> &statementKeywords(BlockContext context);

/// Whether `word` starts a statement in some block (the union of `statementKeywords` over all contexts).
bool isStatementKeyword(std::string_view word);

/// Whether `word` is a reserved word of the lexer (a Keyword token; `and`, `or`, `not` and `dispute` are not).
bool isKeyword(std::string_view word);

/// Whether ANTLR token type `type` of the generated lexer is a word: a name or any keyword, the condition
/// operators included. For compiler/parse only, in place of ranges of token numbers.
bool isWordTokenType(size_t type);

} // namespace vdc
