// Formatter.cpp — the canonical layout: the author's line breaks and comments are kept, everything else is normalised.
//
// The layout is a function of the tokens and of where the author broke lines, never of the old spacing:
// - indentation is two spaces per open `{`, `[` or `(`; a line that continues a statement (a description
//   or `proxy of` clause on its own line, a discharge's or dispute's text or `cite`) is indented one step more;
// - runs of blank lines become one blank line; blank lines at the start and end of the file go away;
// - one space between tokens, none before `, : ) ] .` or after `( [ .`, none inside `list<T>` or before
//   the `(` of `enum(...)`, none after a unary minus; two spaces between attributes written on one line
//   (`{ params: 70B  tokens: 15T }`) and before a comment that ends a line;
// - `;` (accepted and ignored by the language) is dropped, and becomes a line break when a new
//   statement follows it on the same line; trailing spaces are removed; the file ends
//   with one newline;
// - every line ends as the file's first line ends: `\r\n` files stay `\r\n` (a lone `\r` is a line break too).
// Because it keeps the author's line breaks, formatting is idempotent, and the tokens, hence the
// meaning, never change.
#include "format/Formatter.h"

#include "diagnostics/DiagnosticPrinter.h"
#include "parse/Parser.h"
#include "parse/Tokens.h"
#include "source/SourceManager.h"

#include <algorithm>
#include <vector>

namespace vdc {
namespace {

using Kind = Token::Kind;

/// A token as the layout sees it: comments kept, white space reduced to the line breaks before it.
struct LayoutToken {
  Kind kind;
  std::string_view text;
  unsigned newlinesBefore = 0;
};

/// The tokens of `text` (whose line breaks are "\n") for the layout; the rare kinds only a broken file has are
/// punctuation here.
std::vector<LayoutToken> layoutTokens(std::string_view text) {
  std::vector<LayoutToken> out;
  uint32_t previousEnd = 0;
  for (const Token &t : lexTokens(text)) {
    Kind kind = t.kind;
    if (kind != Kind::Name && kind != Kind::Keyword && kind != Kind::Number && kind != Kind::String &&
        kind != Kind::LineComment && kind != Kind::BlockComment)
      kind = Kind::Punct;
    std::string_view tokenText = t.text;
    if (kind == Kind::LineComment)
      while (!tokenText.empty() && (tokenText.back() == ' ' || tokenText.back() == '\t' || tokenText.back() == '\r'))
        tokenText.remove_suffix(1);
    std::string_view gap = text.substr(previousEnd, t.offset - previousEnd);
    out.push_back({kind, tokenText, static_cast<unsigned>(std::count(gap.begin(), gap.end(), '\n'))});
    previousEnd = t.end();
  }
  return out;
}

bool is(const LayoutToken *t, const char *text) { return t && t->kind == Kind::Punct && t->text == text; }

/// Whether `t` is the word that begins a statement: a statement keyword, or a contextual one (`dispute`, a name
/// elsewhere) when the assumption's name follows it (`dispute external.x for ...`, not `dispute by ...`), or
/// `forbid` when its condition follows (`forbid when ...`).
bool isStatementWord(const LayoutToken &t, const LayoutToken *next) {
  if (!isStatementKeyword(t.text))
    return false;
  if (t.text == "forbid")
    return next && (next->text == "when" || next->text == "unless");
  return t.kind == Kind::Keyword || (t.kind == Kind::Name && next && next->kind == Kind::Name);
}

/// Whether a token can end a value, so that a following `key:` starts a new attribute.
bool endsValue(const LayoutToken &t) {
  return t.kind == Kind::Name || t.kind == Kind::Number || t.kind == Kind::String || t.text == "true" ||
         t.text == "false" || (t.kind == Kind::Punct && (t.text == "]" || t.text == "}"));
}

class Layout {
public:
  explicit Layout(const std::vector<LayoutToken> &tokens) : tokens_(tokens) {}

  std::string run() {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const LayoutToken &t = tokens_[i];
      if (is(&t, ";")) {
        pendingNewlines_ = std::max(pendingNewlines_, t.newlinesBefore);
        // `a; b` with b a new statement on the same line: the `;` becomes a line break.
        const LayoutToken *after = i + 1 < tokens_.size() ? &tokens_[i + 1] : nullptr;
        if (after && after->newlinesBefore == 0 && isStatementWord(*after, nextSignificant(i + 1)) &&
            !is(nextSignificant(i + 1), ":"))
          pendingNewlines_ = std::max(pendingNewlines_, 1u);
        continue;
      }
      unsigned newlines = std::max(pendingNewlines_, t.newlinesBefore);
      pendingNewlines_ = 0;
      const LayoutToken *next = nextSignificant(i);
      if (out_.empty()) {
        startLine(t, next);
      } else if (newlines > 0) {
        out_ += newlines >= 2 ? "\n\n" : "\n";
        startLine(t, next);
      } else {
        out_ += spaceBefore(i, t, next);
      }
      out_ += t.text;
      advance(t);
    }
    if (!out_.empty())
      out_ += "\n";
    return out_;
  }

private:
  const LayoutToken *nextSignificant(size_t i) const {
    for (size_t j = i + 1; j < tokens_.size(); ++j)
      if (tokens_[j].kind != Kind::LineComment && tokens_[j].kind != Kind::BlockComment && !is(&tokens_[j], ";"))
        return &tokens_[j];
    return nullptr;
  }

  /// Whether `t`, first on its line, begins a statement (else it continues the previous one).
  bool startsStatement(const LayoutToken &t, const LayoutToken *next) const {
    if (t.kind == Kind::LineComment || t.kind == Kind::BlockComment)
      return true;
    if (t.kind == Kind::Punct)
      return t.text == "}" || t.text == "]" || t.text == ")" || t.text == "{";
    if (is(next, ":"))
      return true; // an attribute key or a parameter
    if (t.text == "proxy")
      return !(next && next->text == "of");
    if (t.text == "cite")
      return statement_ != "discharge" && statement_ != "dispute";
    return isStatementWord(t, next);
  }

  /// The indentation of `t` when it is first on its line, and whether it begins a statement there.
  std::pair<int, bool> lineIndent(const LayoutToken &t, const LayoutToken *next) const {
    int braces = braces_, groups = groups_;
    if (is(&t, "}"))
      --braces;
    if (is(&t, "]") || is(&t, ")"))
      --groups;
    bool starts = startsStatement(t, next) || groups_ > 0;
    return {2 * std::max(0, braces) + 2 * std::max(0, groups) + (starts ? 0 : 2), starts};
  }

  void startLine(const LayoutToken &t, const LayoutToken *next) {
    int indent = 0;
    if (t.kind == Kind::LineComment || t.kind == Kind::BlockComment) {
      // A comment line is indented like the line it precedes (a continuation line, a key), except before a
      // closing bracket, where it stays with the block's contents.
      if (next && !is(next, "}") && !is(next, "]") && !is(next, ")")) {
        const LayoutToken *after = nextSignificant(static_cast<size_t>(next - tokens_.data()));
        indent = lineIndent(*next, after).first;
      } else {
        indent = 2 * std::max(0, braces_) + 2 * std::max(0, groups_);
      }
    } else {
      auto [tokenIndent, starts] = lineIndent(t, next);
      indent = tokenIndent;
      if (starts && t.kind != Kind::Punct)
        statement_ = std::string(t.text);
    }
    out_ += std::string(static_cast<size_t>(indent), ' ');
  }

  std::string spaceBefore(size_t i, const LayoutToken &t, const LayoutToken *next) const {
    // Two spaces before a comment that ends the line, one before a block comment inside it.
    if (t.kind == Kind::LineComment)
      return "  ";
    if (t.kind == Kind::BlockComment)
      return i + 1 >= tokens_.size() || tokens_[i + 1].newlinesBefore > 0 ? "  " : " ";
    if (t.kind == Kind::Punct && (t.text == "," || t.text == ":" || t.text == ")" || t.text == "]" || t.text == "."))
      return "";
    // After a comment (`/* c */ import`), one space; `prev_` is the last token that is not a comment.
    if (afterComment_)
      return " ";
    if (!prev_)
      return "";
    const LayoutToken &p = *prev_;
    if (is(&p, "(") || is(&p, "[") || is(&p, ".") || afterUnaryMinus_)
      return "";
    if (genericDepth_ > 0 || (is(&t, "<") && p.text == "list"))
      return "";
    if (is(&t, "(") && p.text == "enum")
      return "";
    if ((t.kind == Kind::Name || t.kind == Kind::Keyword) && is(next, ":") && endsValue(p) && braces_ > 0)
      return "  ";
    return " ";
  }

  void advance(const LayoutToken &t) {
    afterComment_ = t.kind == Kind::LineComment || t.kind == Kind::BlockComment;
    if (afterComment_)
      return;
    afterUnaryMinus_ = is(&t, "-") && (!prev_ || !endsValue(*prev_));
    if (is(&t, "{"))
      ++braces_;
    else if (is(&t, "}"))
      --braces_;
    else if (is(&t, "[") || is(&t, "("))
      ++groups_;
    else if (is(&t, "]") || is(&t, ")"))
      --groups_;
    else if (is(&t, "<") && prev_ && prev_->text == "list")
      ++genericDepth_;
    else if (is(&t, ">") && genericDepth_ > 0)
      --genericDepth_;
    prev_ = &t;
  }

  const std::vector<LayoutToken> &tokens_;
  std::string out_;
  const LayoutToken *prev_ = nullptr;
  std::string statement_;
  int braces_ = 0, groups_ = 0, genericDepth_ = 0;
  unsigned pendingNewlines_ = 0;
  bool afterUnaryMinus_ = false;
  bool afterComment_ = false;
};

} // namespace

bool formatSource(const std::string &name, const std::string &text, std::string &formatted, std::ostream &err,
                  bool color) {
  SourceManager sources;
  FileId file = sources.add(name, text);
  DiagnosticSink diags;
  parseModule(sources, file, diags);
  if (diags.hasErrors()) {
    diags.sort();
    for (const Diagnostic &d : diags.all())
      printDiagnostic(err, sources, d, color);
    err << name << ": not formatted: fix the errors above first\n";
    return false;
  }
  // Lines end as the file's first line break does (CRLF stays CRLF); the layout itself works on "\n", so a lone
  // "\r" counts as a line break here as it does for the lexer and for editors.
  std::string_view lineBreak = lineBreakOf(text);
  std::string normalised = withLineBreaks(text, "\n");
  std::vector<LayoutToken> tokens = layoutTokens(normalised);
  formatted = Layout(tokens).run();
  if (lineBreak != "\n")
    formatted = withLineBreaks(formatted, lineBreak);
  return true;
}

} // namespace vdc
