// TokensTest.cpp — the lexer's tokens as plain structs (offsets in bytes across multi-byte text) and the keyword table.
#include "parse/Tokens.h"

#include <catch2/catch.hpp>

using namespace vdc;
using Kind = Token::Kind;

TEST_CASE("tokens carry kind, text, byte offset, line and column", "[parse][tokens]") {
  std::string text = "design d \"\xc3\xa9t\\\"e\" {\n  recipe big { params: 1e+5B }  // note\n}";
  std::vector<Token> t = lexTokens(text);
  REQUIRE(t.size() == 13);
  CHECK(t[0].kind == Kind::Keyword);
  CHECK(t[0].text == "design");
  CHECK(t[1].kind == Kind::Name);
  CHECK(t[2].kind == Kind::String);
  CHECK(t[2].text == "\"\xc3\xa9t\\\"e\"");
  CHECK(t[2].offset == 9);
  CHECK(t[3].is("{"));
  CHECK(t[3].offset == 18); // the two bytes of é count as bytes
  CHECK(t[3].column == 17); // and as one character in the column
  CHECK(t[4].text == "recipe");
  CHECK(t[4].line == 2);
  CHECK(t[4].column == 2);
  CHECK(t[9].kind == Kind::Number);
  CHECK(t[9].text == "1e+5B");
  CHECK(t[11].kind == Kind::LineComment);
  CHECK(t[11].text == "// note");
  CHECK(t[12].is("}"));
  CHECK(t[12].end() == text.size());
}

TEST_CASE("unterminated strings and comments, unknown characters and bad UTF-8 are tokens too", "[parse][tokens]") {
  std::vector<Token> t = lexTokens("\"open\n@ and \xff /* to the end");
  REQUIRE(t.size() == 5);
  CHECK(t[0].kind == Kind::UnterminatedString);
  CHECK(t[0].text == "\"open");
  CHECK(t[1].kind == Kind::Unknown);
  CHECK(t[2].kind == Kind::Name); // `and` is a name outside conditions
  CHECK(t[3].kind == Kind::Unknown);
  CHECK(t[3].text == "\xff");
  CHECK(t[4].kind == Kind::UnterminatedComment);
  CHECK(t[4].text == "/* to the end");
}

TEST_CASE("the keyword table comes from the lexer's vocabulary", "[parse][tokens]") {
  CHECK(statementKeywords(BlockContext::File) ==
        std::vector<std::string>{"import", "design", "assumption", "strategy", "proxy", "aggregation"});
  CHECK(statementKeywords(BlockContext::Design) == std::vector<std::string>{"recipe", "treatment", "outcome",
                                                                            "population", "covariate", "study",
                                                                            "claim", "discharge", "dispute",
                                                                            "cite"});
  CHECK(statementKeywords(BlockContext::Strategy) == std::vector<std::string>{"param", "satisfies", "requires",
                                                                              "forbid"});
  CHECK(statementKeywords(BlockContext::ProxyKind) == std::vector<std::string>{"requires"});
  CHECK(isStatementKeyword("cite"));
  CHECK_FALSE(isStatementKeyword("via"));
  CHECK(isKeyword("via"));
  CHECK(isKeyword("false"));
  CHECK_FALSE(isKeyword("and"));
  CHECK_FALSE(isKeyword("controlled"));
  // `dispute` is contextual (LANGUAGE.md Part II): it starts a statement in a design, but is not reserved and lexes
  // as a name, like the condition operators.
  CHECK(isStatementKeyword("dispute"));
  CHECK_FALSE(isKeyword("dispute"));
  // So are `forbid` and `hint` of theory declarations (LANGUAGE.md Section 15).
  CHECK(isStatementKeyword("forbid"));
  CHECK_FALSE(isKeyword("forbid"));
  CHECK_FALSE(isKeyword("hint"));
  // Every other keyword the table knows lexes as a Keyword token.
  for (BlockContext b : {BlockContext::File, BlockContext::Design, BlockContext::Strategy, BlockContext::ProxyKind,
                         BlockContext::Aggregation})
    for (const std::string &k : statementKeywords(b)) {
      std::vector<Token> t = lexTokens(k);
      REQUIRE(t.size() == 1);
      CHECK(t[0].kind == (k == "dispute" || k == "forbid" ? Kind::Name : Kind::Keyword));
    }
}
