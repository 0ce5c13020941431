// Completion.cpp — the language's lexer reads the text before the cursor to find the context; the model supplies the names.
#include "lsp/Completion.h"

#include "ast/Keys.h"
#include "parse/Tokens.h"
#include "runtime/CheckCatalog.h"

#include <llvm/ADT/STLExtras.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vdc::lsp {

namespace {

using Kind = CompletionItemKind;
constexpr Kind kField = Kind::Field, kVariable = Kind::Variable, kInterface = Kind::Interface,
               kProperty = Kind::Property, kValue = Kind::Value, kEnumMember = Kind::EnumMember,
               kKeyword = Kind::Keyword, kStruct = Kind::Struct, kOperator = Kind::Operator,
               kTypeParameter = Kind::TypeParameter;

/// One token before the cursor as completion reads it. A run of names, numbers and dots written without a space
/// (`external.proxy_recipe`, `70B`, a name being typed after a dot) is one Word; strings are one token; comments
/// are dropped.
struct Lexeme {
  enum Kind { Word, String, Punct } kind = Word;
  std::string_view text;
  /// A line break separates it from the previous token (or it is the first token).
  bool firstOnLine = false;
};

/// The tokens of `text[begin, end)`, and whether `end` lies inside a string or a comment.
struct Lexed {
  std::vector<Lexeme> tokens;
  bool inStringOrComment = false;
  /// A line break follows the last token (the cursor starts a line, but for white space and a typed prefix).
  bool lineBreakAtEnd = true;
};

bool wordPiece(const Token &t) { return t.isWord() || t.kind == Token::Kind::Number || t.is("."); }

/// Reads the text before the cursor with the language's lexer. The text after the cursor is not read, so a string
/// or comment that holds the cursor is unterminated there; one that is closed before it is not.
Lexed lexBefore(std::string_view text, size_t begin, size_t end) {
  Lexed out;
  std::string_view before = text.substr(begin, end - begin);
  end -= begin;
  bool lineBreak = true;
  uint32_t previousEnd = 0;
  bool previousWordPiece = false;
  for (const Token &t : lexTokens(before)) {
    if (before.substr(previousEnd, t.offset - previousEnd).find_first_of("\r\n") != std::string_view::npos)
      lineBreak = true;
    bool adjacent = t.offset == previousEnd && !out.tokens.empty();
    previousEnd = t.end();
    bool reachesCursor = t.end() == end;
    switch (t.kind) {
    case Token::Kind::LineComment:
    case Token::Kind::UnterminatedComment:
    case Token::Kind::UnterminatedString:
      // The cursor is in the comment or string when it reaches the cursor (a line comment at its end too: typing
      // goes on with the comment).
      if (reachesCursor) {
        out.inStringOrComment = true;
        return out;
      }
      break;
    default:
      break;
    }
    if (t.isComment()) {
      previousWordPiece = false;
      continue;
    }
    if (wordPiece(t) && adjacent && previousWordPiece) {
      Lexeme &word = out.tokens.back();
      word.text = std::string_view(word.text.data(), t.end() - (word.text.data() - before.data()));
      continue;
    }
    previousWordPiece = wordPiece(t);
    Lexeme::Kind kind = previousWordPiece ? Lexeme::Word
                        : t.kind == Token::Kind::String || t.kind == Token::Kind::UnterminatedString
                            ? Lexeme::String
                            : Lexeme::Punct;
    out.tokens.push_back({kind, t.text, lineBreak});
    lineBreak = false;
  }
  if (before.substr(previousEnd).find_first_of("\r\n") != std::string_view::npos)
    lineBreak = true;
  out.lineBreakAtEnd = lineBreak;
  return out;
}

bool isPunct(const Lexeme *t, char c) {
  return t && t->kind == Lexeme::Punct && t->text.size() == 1 && t->text[0] == c;
}
bool isWord(const Lexeme *t, std::string_view w) { return t && t->kind == Lexeme::Word && t->text == w; }

/// The block whose statements start with keywords, by the keyword that opened it ("" for the file).
std::optional<BlockContext> blockOf(const std::string &owner) {
  if (owner.empty())
    return BlockContext::File;
  if (owner == "design")
    return BlockContext::Design;
  if (owner == "strategy")
    return BlockContext::Strategy;
  if (owner == "proxy")
    return BlockContext::ProxyKind;
  if (owner == "aggregation")
    return BlockContext::Aggregation;
  return std::nullopt;
}

bool startsStatementIn(BlockContext block, std::string_view word) {
  const std::vector<std::string> &keywords = statementKeywords(block);
  return std::find(keywords.begin(), keywords.end(), word) != keywords.end();
}

/// One block the cursor is inside: the file itself, a design, a declaration's `{ ... }`, a check's arguments.
struct Frame {
  /// The keyword of the statement that opened the block ("" for the file; "check" for a check's arguments).
  std::string owner;
  /// The keyword of the statement the cursor is in, and the index of the token after it.
  std::string keyword;
  size_t afterKeyword = 0;
  /// The key of the attribute the cursor is in ("" for none), and the index of the token after its `:`.
  std::string key;
  size_t afterColon = 0;
  /// The keys written in this block so far, and the value of `strategy:`.
  std::set<std::string> keys;
  std::string strategy;
  /// In a check's arguments: the check's name (`by check NAME {`).
  std::string check;
};

bool startsStatement(const Frame &f, const std::vector<Lexeme> &tokens, size_t i) {
  const Lexeme &t = tokens[i];
  auto block = blockOf(f.owner);
  if (t.kind != Lexeme::Word || !block || !startsStatementIn(*block, t.text))
    return false;
  const Lexeme *next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
  if (*block == BlockContext::File)
    return !(t.text == "proxy" && isWord(next, "of"));
  if (*block == BlockContext::Design) // `cite` and `by study S` continue a discharge or dispute
    return !(t.text == "cite" && (f.keyword == "discharge" || f.keyword == "dispute")) &&
           !(i > 0 && isWord(&tokens[i - 1], "by"));
  return true;
}

/// Walks the tokens, keeping the stack of open blocks with the statement and attribute the cursor is in.
std::vector<Frame> frames(const std::vector<Lexeme> &tokens, bool inDesign) {
  std::vector<Frame> stack(1);
  if (inDesign) {
    stack[0].keyword = "design";
    stack.emplace_back().owner = "design";
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    Frame &f = stack.back();
    const Lexeme &t = tokens[i];
    const Lexeme *prev = i > 0 ? &tokens[i - 1] : nullptr;
    if (isPunct(&t, '{')) {
      Frame inner;
      inner.owner = f.keyword == "discharge" ? "check" : f.keyword;
      if (inner.owner == "check" && i >= 2 && isWord(&tokens[i - 2], "check") && tokens[i - 1].kind == Lexeme::Word)
        inner.check = std::string(tokens[i - 1].text);
      stack.push_back(std::move(inner));
      continue;
    }
    if (isPunct(&t, '}')) {
      if (stack.size() > 1)
        stack.pop_back();
      Frame &outer = stack.back();
      outer.keyword.clear();
      outer.key.clear();
      continue;
    }
    // `key:` (any word, keywords included), except a parameter's name in `param n: int`.
    if (t.kind == Lexeme::Word && i + 1 < tokens.size() && isPunct(&tokens[i + 1], ':') && !isWord(prev, "param") &&
        !f.owner.empty() && f.owner != "design") {
      f.key = std::string(t.text);
      f.keys.insert(f.key);
      f.afterColon = i + 2;
      if (f.key == "strategy" && i + 2 < tokens.size() && tokens[i + 2].kind == Lexeme::Word)
        f.strategy = std::string(tokens[i + 2].text);
      ++i;
      continue;
    }
    if (startsStatement(f, tokens, i)) {
      f.keyword = std::string(t.text);
      f.afterKeyword = i + 1;
      f.key.clear();
    }
  }
  return stack;
}

bool contains(SourceRange r, uint32_t offset) { return r.valid() && r.begin <= offset && offset <= r.end; }

std::optional<ast::EntityKind> entityKind(std::string_view keyword) {
  for (ast::EntityKind k : {ast::EntityKind::Recipe, ast::EntityKind::Treatment, ast::EntityKind::Outcome,
                            ast::EntityKind::Population, ast::EntityKind::Covariate, ast::EntityKind::Study,
                            ast::EntityKind::Claim})
    if (keyword == ast::entityKindName(k))
      return k;
  return std::nullopt;
}

/// Builds the items of one context.
class Items {
public:
  Items(const Compilation &c, const ast::Design *design) : c_(c), design_(design) {}

  void keywords(std::initializer_list<const char *> words) {
    for (const char *k : words)
      add(k, kKeyword, "");
  }

  /// The keywords that start a statement in `block`.
  void keywords(BlockContext block) {
    for (const std::string &k : statementKeywords(block))
      add(k, kKeyword, "");
  }

  /// The declarations of the design of the given kinds, except `except`.
  void entities(std::initializer_list<ast::EntityKind> kinds, std::string_view except = {}) {
    if (!design_)
      return;
    for (const ast::Entity &e : design_->entities)
      if (std::find(kinds.begin(), kinds.end(), e.kind) != kinds.end() && e.name.text != except &&
          !e.name.text.empty())
        add(e.name.text, kVariable, ast::entityKindName(e.kind));
  }

  void allEntities() {
    if (design_)
      for (const ast::Entity &e : design_->entities)
        if (!e.name.text.empty())
          add(e.name.text, kVariable, ast::entityKindName(e.kind));
  }

  void assumptions() {
    for (const auto &[name, a] : c_.theory().assumptions)
      add(name, kInterface, a.title);
  }

  void strategies() {
    for (const auto &[name, s] : c_.theory().strategies)
      add(name, kStruct, s.decl ? s.decl->description : "");
  }

  void aggregations() {
    for (const auto &[name, g] : c_.theory().aggregations)
      add(name, kOperator, g.decl ? g.decl->description : "");
  }

  /// Proxy kinds that apply to declarations of `kind` (all of them when it is unknown).
  void proxyKinds(std::optional<ast::EntityKind> kind) {
    for (const auto &[name, p] : c_.theory().proxyKinds) {
      if (!p.decl || (kind && !p.decl->appliesToKind(*kind)))
        continue;
      std::string appliesTo = ast::entityKindName(p.decl->appliesTo);
      for (ast::EntityKind more : p.decl->alsoAppliesTo)
        appliesTo += std::string(", ") + ast::entityKindName(more);
      add(name, kTypeParameter, "proxy for " + appliesTo + ": " + p.decl->description);
    }
  }

  void add(const std::string &label, Kind kind, const std::string &detail) {
    if (seen_.insert(label).second)
      items_.push_back(CompletionItem{label, kind, detail});
  }

  std::vector<CompletionItem> take() { return std::move(items_); }

private:
  const Compilation &c_;
  const ast::Design *design_;
  std::set<std::string> seen_;
  std::vector<CompletionItem> items_;
};

/// The study declared around `offset` in the syntax tree, if the parser kept it.
const ast::Entity *enclosingEntity(const ast::Design *design, uint32_t offset) {
  if (!design)
    return nullptr;
  for (const ast::Entity &e : design->entities)
    if (contains(e.range, offset) && offset > e.name.range.end)
      return &e;
  return nullptr;
}

/// Where reading the text may start instead of the file's start, and whether a design is open there.
struct Restart {
  uint32_t offset = 0;
  bool inDesign = false;
};

/// The last declaration (at top level, or in a design) that starts before `cursor` at the start of its line, in
/// text the parser read without a syntax error up to there: the blocks open at its start are known (the file, or
/// the file and its design), so the text before it need not be read again. Reading a 2,000-line design from its
/// start costs the lexer about 20 ms; from the declaration the cursor is in, a fraction of a millisecond.
Restart restartPoint(const Compilation &c, std::string_view text, uint32_t cursor) {
  Restart best;
  FileId root = c.rootFile();
  if (root == 0 || !c.root() || c.sources().text(root) != text)
    return best;
  uint32_t firstSyntaxError = cursor;
  for (const Diagnostic &d : c.diagnostics().all())
    if (d.range.file == root && d.severity == Severity::Error && std::string_view(d.code()).compare(0, 3, "VD2") < 0)
      firstSyntaxError = std::min(firstSyntaxError, d.range.begin);
  auto consider = [&](SourceRange r, bool inDesign) {
    if (!r.valid() || r.file != root || r.begin < best.offset || r.begin >= firstSyntaxError || r.begin >= cursor)
      return;
    // Only blanks before it on its line, and a keyword that starts a statement.
    size_t lineStart = text.find_last_of("\r\n", r.begin == 0 ? 0 : r.begin - 1);
    lineStart = r.begin == 0 || lineStart == std::string_view::npos ? 0 : lineStart + 1;
    if (text.substr(lineStart, r.begin - lineStart).find_first_not_of(" \t\f") != std::string_view::npos)
      return;
    // The keyword must end before the cursor: a keyword being typed is the prefix, and its context comes before it.
    size_t wordEnd = text.find_first_not_of("abcdefghijklmnopqrstuvwxyz_", r.begin);
    if (wordEnd == std::string_view::npos || wordEnd >= cursor ||
        !isStatementKeyword(text.substr(r.begin, wordEnd - r.begin)))
      return;
    best = Restart{r.begin, inDesign};
  };
  const ast::Module &m = *c.root();
  for (const ast::Import &i : m.imports)
    consider(i.range, false);
  for (const ast::AssumptionDecl &a : m.assumptions)
    consider(a.range, false);
  for (const ast::StrategyDecl &d : m.strategies)
    consider(d.range, false);
  for (const ast::ProxyKindDecl &d : m.proxyKinds)
    consider(d.range, false);
  for (const ast::AggregationDecl &d : m.aggregations)
    consider(d.range, false);
  for (const ast::Design &d : m.designs) {
    consider(d.range, false);
    if (!d.range.valid() || d.range.begin >= cursor)
      continue;
    for (const ast::Entity &e : d.entities)
      consider(e.range, true);
    for (const ast::Discharge &dis : d.discharges)
      consider(dis.range, true);
  }
  return best;
}

} // namespace

std::vector<CompletionItem> completionItems(const Compilation &c, std::string_view text, uint32_t offset) {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  Restart start = restartPoint(c, text, offset);
  Lexed lexed = lexBefore(text, start.offset, offset);
  if (lexed.inStringOrComment)
    return {};
  std::vector<Lexeme> &tokens = lexed.tokens;
  // A name being typed at the cursor is the prefix the client filters by: the context is what comes before it.
  bool prefixFirstOnLine = lexed.lineBreakAtEnd;
  if (!tokens.empty() && tokens.back().kind == Lexeme::Word &&
      tokens.back().text.data() + tokens.back().text.size() == text.data() + offset) {
    prefixFirstOnLine = tokens.back().firstOnLine;
    tokens.pop_back();
  }
  std::vector<Frame> stack = frames(tokens, start.inDesign);
  const Frame &f = stack.back();
  const Lexeme *last = tokens.empty() ? nullptr : &tokens.back();
  const Lexeme *prev = tokens.size() > 1 ? &tokens[tokens.size() - 2] : nullptr;

  // The design the cursor is in: the one whose range holds it, else the last one before it (one being edited).
  const ast::Design *design = nullptr;
  if (c.root())
    for (const ast::Design &d : c.root()->designs)
      if (contains(d.range, offset) || (d.range.valid() && d.range.begin <= offset && !design))
        design = &d;
  Items items(c, design);
  auto inFrame = [&](size_t from) { return std::vector<Lexeme>(tokens.begin() + static_cast<std::ptrdiff_t>(std::min(from, tokens.size())), tokens.end()); };

  // `via KIND`: the proxy kinds for the declaration's sort.
  if (isWord(last, "via")) {
    items.proxyKinds(entityKind(f.keyword));
    return items.take();
  }
  // `proxy of NAME`: declarations of the same sort (not the one being declared).
  if (isWord(last, "of") && isWord(prev, "proxy")) {
    std::vector<Lexeme> statement = inFrame(f.afterKeyword);
    std::string_view self = !statement.empty() && statement[0].kind == Lexeme::Word ? statement[0].text : "";
    if (auto kind = entityKind(f.keyword))
      items.entities({*kind}, self);
    return items.take();
  }
  // `discharge A for X by EVIDENCE`, and `dispute` of the same form (which also takes `by study S`).
  if (f.owner == "design" && (f.keyword == "discharge" || f.keyword == "dispute")) {
    std::vector<Lexeme> s = inFrame(f.afterKeyword);
    if (s.empty()) {
      items.assumptions();
    } else if (s.size() == 2 && isWord(&s[1], "for") && design) {
      // The declarations that carry an obligation of this assumption; all of them when none does.
      std::set<std::string> carriers;
      for (const CheckedDesign &checked : c.designs())
        if (checked.decl == design)
          for (const Obligation &o : checked.obligations)
            if (o.assumption && o.assumption->name == s[0].text)
              carriers.insert(o.attachedTo);
      for (const ast::Entity &e : design->entities)
        if (carriers.empty() || carriers.count(e.name.text))
          items.add(e.name.text, kVariable, ast::entityKindName(e.kind));
    } else if (s.size() == 4 && isWord(&s[3], "by")) {
      for (llvm::StringRef evidence : ast::evidenceKinds())
        items.add(evidence.str(), kValue, "evidence");
      items.add("study", kValue, "evidence");
    } else if (s.size() == 5 && isWord(&s[4], "check")) {
      for (const rt::CheckSpec &check : rt::checkCatalog()) // the runtime's catalog (LANGUAGE.md Section 11)
        items.add(check.name, kValue, check.description);
    } else if (s.size() == 5 && isWord(&s[4], "study") && design) {
      for (const ast::Entity &e : design->entities)
        if (e.kind == ast::EntityKind::Study)
          items.add(e.name.text, kVariable, "study");
    }
    return items.take();
  }
  // Inside a theory declaration: assumptions after `requires` and `satisfies`, severities after `severity`.
  if (f.owner == "strategy" || f.owner == "proxy" || f.owner == "aggregation") {
    if (isWord(last, "requires") || (f.keyword == "satisfies" && (isWord(last, "satisfies") || isPunct(last, ','))))
      items.assumptions();
    else if (isWord(last, "severity"))
      for (Level l : {Level::None, Level::Careful, Level::Key})
        items.add(levelName(l), kValue, "severity");
    else if (!last || isPunct(last, '{') || isPunct(last, '}') || prefixFirstOnLine) {
      items.keywords(*blockOf(f.owner));
    }
    return items.take();
  }

  // The value of an attribute: which names fit the key.
  const ast::Entity *entity = enclosingEntity(design, offset);
  if (!f.key.empty()) {
    std::vector<Lexeme> value = inFrame(f.afterColon);
    bool slot = value.empty() || isPunct(&value.back(), ',') || isPunct(&value.back(), '[');
    using K = ast::EntityKind;
    if (f.owner == "claim" && f.key == "effect") {
      // `effect: T on O in X`.
      if (value.empty())
        items.entities({K::Treatment});
      else if (value.size() == 2 && isWord(&value[1], "on"))
        items.entities({K::Outcome});
      else if (value.size() == 4 && isWord(&value[3], "in"))
        items.entities({K::Recipe, K::Population});
      if (!value.empty() || !prefixFirstOnLine)
        return items.take();
    } else if (slot && !(value.empty() && prefixFirstOnLine)) {
      if (f.owner == "claim") {
        if (f.key == "from")
          items.entities({K::Study});
        else if (f.key == "over" && value.empty())
          items.aggregations();
      } else if (f.owner == "study") {
        if (f.key == "strategy" && value.empty())
          items.strategies();
        else if (f.key == "recipe" && value.empty())
          items.entities({K::Recipe});
        else if (f.key == "population" && value.empty())
          items.entities({K::Population});
        else if (f.key == "treatment" && value.empty())
          items.entities({K::Treatment});
        else if ((f.key == "control" && value.empty()) || f.key == "treatments")
          items.entities({K::Treatment});
        else if (f.key == "outcome" && value.empty())
          items.entities({K::Outcome});
        else if (f.key == "adjust_for")
          items.entities({K::Covariate});
        else {
          std::string strategyName = f.strategy;
          if (strategyName.empty() && entity)
            if (const ast::Attribute *s = ast::findAttribute(entity->attributes, "strategy"))
              strategyName = s->value.name.text;
          const Strategy *strategy = c.theory().strategy(strategyName);
          const ast::Param *p = strategy ? strategy->param(f.key) : nullptr;
          const ast::TypeExpr *type = p ? &p->type : nullptr;
          if (type && type->kind == ast::TypeExpr::Kind::List && !type->element.empty())
            type = &type->element[0];
          if (type && type->kind == ast::TypeExpr::Kind::Ref)
            items.allEntities();
          else if (type && type->kind == ast::TypeExpr::Kind::Enum && value.empty())
            for (const std::string &m : type->members)
              items.add(m, kEnumMember, "value of " + f.key);
          else if (type && type->kind == ast::TypeExpr::Kind::Bool && value.empty())
            items.keywords({"true", "false"});
        }
      }
      return items.take();
    }
  }

  // Where a declaration or a key can start: the start of a line, or just after `{` or `}`.
  if (!(!last || isPunct(last, '{') || isPunct(last, '}') || prefixFirstOnLine))
    return items.take();
  // The keys already given in this block: before the cursor (read here) and after it (from the syntax tree).
  std::set<std::string> given = f.keys;
  if (entity && f.owner == ast::entityKindName(entity->kind))
    for (const ast::Attribute &a : entity->attributes)
      given.insert(a.key.text);
  if (f.owner.empty() || f.owner == "design") {
    items.keywords(*blockOf(f.owner));
    return items.take();
  }
  // The keys the language gives a meaning to in this block (ast/Keys.h), except those already given.
  // A claim's forms are offered until one is given, and a study has one arm or several (LANGUAGE.md Section 14).
  bool hasForm = f.owner == "claim" && llvm::any_of(ast::claimForms(), [&](llvm::StringRef k) {
                   return given.count(k.str()) > 0;
                 });
  if (const ast::BlockKeys *keys = ast::keysOf(f.owner))
    for (llvm::StringRef key : keys->keys)
      if (!given.count(key.str()) && !(hasForm && llvm::is_contained(ast::claimForms(), key)) &&
          !(key == "treatments" && given.count("treatment")) && !(key == "treatment" && given.count("treatments")))
        items.add(key.str(), kField, keys->detail);
  if (f.owner == "study") {
    // A study's strategy's parameters, except those already given.
    std::string strategyName = f.strategy;
    if (strategyName.empty() && entity)
      if (const ast::Attribute *s = ast::findAttribute(entity->attributes, "strategy"))
        strategyName = s->value.name.text;
    if (const Strategy *strategy = c.theory().strategy(strategyName); strategy && strategy->decl)
      for (const ast::Param &p : strategy->decl->params)
        if (!given.count(p.name.text))
          items.add(p.name.text, kProperty,
                    p.type.spelling() + (p.defaultValue ? "" : " (required)") + " — parameter of " + strategy->name);
  } else if (f.owner == "check") {
    if (const rt::CheckSpec *check = rt::findCheck(f.check))
      for (const rt::CheckParam &p : check->params)
        if (!given.count(p.name))
          items.add(p.name, kProperty,
                    rt::describeParamKind(p.kind) + (p.required ? " (required)" : "") + " — parameter of " +
                        check->name);
  }
  return items.take();
}

} // namespace vdc::lsp
