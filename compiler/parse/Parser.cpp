// Parser.cpp — parses one file: the lexical pass with its limits (nesting, list length, declaration size), then
// the parser over one top-level item at a time, each turned into AST and released; also the formatter's tokens.
#include "parse/Parser.h"

#include "parse/AstBuilder.h"
#include "parse/BidiControls.h"
#include "parse/ErrorStrategy.h"
#include "parse/ParseInput.h"
#include "parse/TokenDescriptions.h"
#include "source/Utf8.h"

#include <algorithm>

namespace vdc {

using namespace parse;

ast::Module parseModule(const SourceManager &sources, FileId file, DiagnosticSink &diags, const ParseLimits &limits) {
  ast::Module empty;
  empty.file = file;
  std::string_view text = sources.text(file);
  size_t bad = findInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    diags.report<DiagKind::InvalidUtf8>(SourceRange{file, static_cast<uint32_t>(bad), static_cast<uint32_t>(bad + 1)},
                                        static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    return empty;
  }
  try {
    InputStream input(text);
    const OffsetMap &offsets = input.offsets();
    VDesignLexer lexer(&input);
    lexer.removeErrorListeners();
    QuietListener quiet;
    lexer.addErrorListener(&quiet);

    // Lexical problems are reported here, once each, and repaired so the parser sees a clean stream.
    std::vector<std::unique_ptr<antlr4::Token>> kept;
    std::vector<size_t> lexicalErrorTokens;
    std::vector<SourceRange> comments;
    BidiControlWarnings bidi;
    unsigned depth = 0;
    unsigned notRun = 0;
    bool tooDeep = false;
    // Separators counted per open bracket (the file's top level first), to bound the length of a list.
    std::vector<size_t> separators{0};
    bool tooLong = false;
    // Tokens of the current top-level item, to bound the parse tree held while it is parsed.
    size_t itemTokens = 0;
    SourceRange itemStart{file, 0, 0};
    for (;;) {
      std::unique_ptr<antlr4::Token> token = lexer.nextToken();
      size_t type = token->getType();
      if (type == antlr4::Token::EOF) {
        kept.push_back(std::move(token));
        bidi.finish(diags);
        break;
      }
      SourceRange r{file, offsets.byteOffset(token->getStartIndex()), offsets.byteOffset(token->getStopIndex() + 1)};
      if (type == VDesignLexer::ERROR_CHAR) {
        std::string shown = token->getText();
        if (shown == "\t" || shown == "\r" || shown.empty() || static_cast<unsigned char>(shown[0]) < 0x20)
          shown = fmt::format("\\x{:02X}", static_cast<unsigned>(static_cast<unsigned char>(shown.empty() ? 0 : shown[0])));
        diags.report<DiagKind::UnexpectedCharacter>(r, shown);
        lexicalErrorTokens.push_back(kept.size());
        continue;
      }
      if (type == VDesignLexer::STRING || type == VDesignLexer::UNTERMINATED_STRING)
        bidi.scan(diags, text, r, /*inString=*/true);
      else if (type == VDesignLexer::DOC_COMMENT || type == VDesignLexer::BLOCK_COMMENT ||
               type == VDesignLexer::UNTERMINATED_COMMENT)
        bidi.scan(diags, text, r, /*inString=*/false);
      if (type == VDesignLexer::UNTERMINATED_STRING) {
        diags.report<DiagKind::UnterminatedString>(r).help = "add a closing `\"`";
        lexicalErrorTokens.push_back(kept.size());
        if (auto *common = dynamic_cast<antlr4::CommonToken *>(token.get()))
          common->setType(VDesignLexer::STRING);
      }
      if (type == VDesignLexer::UNTERMINATED_COMMENT) {
        diags.report<DiagKind::UnterminatedComment>(SourceRange{file, r.begin, r.begin + 2}).help = "add `*/`";
      }
      if (type == VDesignLexer::DOC_COMMENT || type == VDesignLexer::BLOCK_COMMENT)
        comments.push_back(r);
      if (type == VDesignLexer::WS)
        continue; // the parser never sees whitespace; doc comments read the source text between tokens
      if (type == VDesignLexer::NOT) {
        // `not` nests as a prefix; a run of them ends at the next ordinary token.
        if (++notRun > limits.maxNesting && !tooDeep) {
          diags.report<DiagKind::NestingTooDeep>(r, limits.maxNesting);
          tooDeep = true;
        }
      } else if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
        notRun = 0;
      }
      if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
        if (depth == 0 && (startsTopDecl(type) || type == VDesignLexer::IMPORT)) {
          itemTokens = 0;
          itemStart = r;
        }
        if (++itemTokens > limits.maxDeclarationTokens) {
          diags.report<DiagKind::DeclarationTooLarge>(itemStart, limits.maxDeclarationTokens).help =
              "split it into several designs, or move theory into a module of its own";
          return empty;
        }
      }
      if (opensNesting(type)) {
        if (++depth > limits.maxNesting && !tooDeep) {
          diags.report<DiagKind::NestingTooDeep>(r, limits.maxNesting);
          tooDeep = true;
        }
        separators.push_back(0);
      } else if (closesNesting(type) && depth > 0) {
        --depth;
        separators.pop_back();
      } else if (type == VDesignLexer::COLON) {
        separators.back() = 0; // a new `key:` in a block starts a new run of values
      } else if (type == VDesignLexer::COMMA && ++separators.back() >= limits.maxListElements && !tooLong) {
        diags.report<DiagKind::ListTooLong>(r, limits.maxListElements);
        tooLong = true;
      }
      if (tooDeep || tooLong)
        return empty; // stop at once: the rest of the file may be as large again
      kept.push_back(std::move(token));
    }

    antlr4::ListTokenSource source(std::move(kept));
    antlr4::CommonTokenStream tokens(&source);
    VDesignParser parser(&tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(&quiet);
    auto strategy = std::make_shared<ErrorStrategy>(sources, file, offsets, diags, std::move(lexicalErrorTokens));
    parser.setErrorHandler(strategy);
    strategy->topLevel = true;
    // The grammar's `file` rule, one top-level item at a time: each item's parse tree is turned into AST and
    // released before the next is parsed, so memory holds the tokens and one declaration's tree, not the
    // whole file's. The choice below is the `file` rule's own (one token of lookahead).
    AstBuilder builder(text, file, offsets, tokens, diags, strategy->errorOffsets);
    auto bail = std::make_shared<antlr4::BailErrorStrategy>();
    auto *simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
    auto parseItem = [&](size_t next) -> antlr4::ParserRuleContext * {
      if (next == VDesignLexer::IMPORT)
        return parser.importDecl();
      if (startsTopDecl(next))
        return parser.topDecl();
      return parser.stray();
    };
    while (tokens.LA(1) != antlr4::Token::EOF) {
      size_t next = tokens.LA(1);
      size_t before = tokens.index();
      builder.beginItem();
      // Two stages, as ANTLR advises: SLL prediction with an error strategy that gives up at the first error,
      // which is faster and right for every item without a syntax error; only an item where it gives up is parsed
      // again from its start with full LL prediction and the strategy that reports errors and recovers.
      antlr4::ParserRuleContext *item = nullptr;
      parser.setErrorHandler(bail);
      simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
      try {
        item = parseItem(next);
      } catch (const antlr4::ParseCancellationException &) {
        parser.getTreeTracker().reset();
        tokens.seek(before);
        parser.setErrorHandler(strategy);
        simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
        item = parseItem(next);
      }
      builder.add(item);
      parser.getTreeTracker().reset();
      if (tokens.index() == before)
        tokens.consume(); // never loop on a token no rule would take
    }
    ast::Module module = builder.take();
    module.comments = std::move(comments);
    return module;
  } catch (const std::exception &e) {
    diags.report<DiagKind::SyntaxError>(SourceRange{file, 0, 0}, "a readable file",
                                        std::string("an internal parser failure: ") + e.what());
    return empty;
  } catch (...) {
    diags.report<DiagKind::SyntaxError>(SourceRange{file, 0, 0}, "a readable file", "an internal parser failure");
    return empty;
  }
}

void clearParserCache() {
  antlr4::ANTLRInputStream input("");
  VDesignLexer lexer(&input);
  lexer.getInterpreter<antlr4::atn::LexerATNSimulator>()->clearDFA();
  antlr4::CommonTokenStream tokens(&lexer);
  VDesignParser parser(&tokens);
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->clearDFA();
}

} // namespace vdc
