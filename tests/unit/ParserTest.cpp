// ParserTest.cpp — the parser's own logic: doc comments, items parsed one at a time, and recovery between them.
#include "parse/Parser.h"

#include <catch2/catch.hpp>

using namespace vdc;

namespace {

struct Parsed {
  SourceManager sources;
  DiagnosticSink diags;
  ast::Module module;
  explicit Parsed(const std::string &text) {
    FileId file = sources.add("test.vdesign", text);
    module = parseModule(sources, file, diags);
  }
  const ast::Entity &entity(size_t i) const { return module.designs.at(0).entities.at(i); }
};

} // namespace

TEST_CASE("doc comments: `//` runs and block comments directly above, on lines of their own") {
  Parsed p(R"(// The design.
design d {
  // first line
  /// second line
  recipe a

  // separated by a blank line

  recipe b
  recipe c // trailing: belongs to c's line, not to d
  recipe d
  /* A block
   * comment, with stars.
   */
  recipe e
  /** Short. */
  recipe f
}
)");
  REQUIRE_FALSE(p.diags.hasErrors());
  CHECK(p.module.designs.at(0).doc == "The design.");
  CHECK(p.entity(0).doc == "first line\nsecond line");
  CHECK(p.entity(1).doc.empty());
  CHECK(p.entity(2).doc.empty());
  CHECK(p.entity(3).doc.empty());
  CHECK(p.entity(4).doc == "A block\ncomment, with stars.");
  CHECK(p.entity(5).doc == "Short.");
}

TEST_CASE("top-level items are parsed one at a time, in order, with recovery between them") {
  Parsed p(R"(import "core"
design one { recipe a }
recipe stray
design two { recipe b { params: } recipe c }
strategy s "x" { param n: int }
design three { recipe d }
)");
  REQUIRE(p.module.imports.size() == 1);
  REQUIRE(p.module.designs.size() == 3);
  CHECK(p.module.designs[0].name.text == "one");
  CHECK(p.module.designs[1].name.text == "two");
  CHECK(p.module.designs[2].name.text == "three");
  CHECK(p.module.designs[1].entities.size() == 2);
  CHECK(p.module.strategies.size() == 1);
  std::vector<std::string> codes;
  for (const auto &d : p.diags.all())
    codes.push_back(d.code());
  // The stray `recipe` at the top level, and the missing value: nothing else.
  CHECK(codes == std::vector<std::string>{"VD1012", "VD1001"});
}

TEST_CASE("limits stop the lexer before the parser builds anything") {
  ParseLimits limits;
  limits.maxListElements = 3;
  limits.maxDeclarationTokens = 50;
  SourceManager sources;
  DiagnosticSink diags;
  FileId list = sources.add("list.vdesign", "design d { recipe r { k: [a, b, c, d] } }");
  CHECK(parseModule(sources, list, diags, limits).designs.empty());
  REQUIRE(diags.all().size() == 1);
  CHECK(std::string(diags.all()[0].code()) == "VD1014");
  std::string big = "design small { recipe r }\ndesign big {";
  for (int i = 0; i < 30; ++i)
    big += " recipe r" + std::to_string(i);
  big += " }";
  FileId decl = sources.add("decl.vdesign", big);
  CHECK(parseModule(sources, decl, diags, limits).designs.empty());
  REQUIRE(diags.all().size() == 2);
  CHECK(std::string(diags.all()[1].code()) == "VD1015");
}
