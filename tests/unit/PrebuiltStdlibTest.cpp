// PrebuiltStdlibTest.cpp — the stdlib trees built into vdc equal a parse of the stdlib's text, locations included.
#include "ast/Serialize.h"
#include "driver/PrebuiltModules.h"
#include "parse/Parser.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace vdc;

namespace {

// A field-by-field comparison written from ast/Decl.h, independently of ast/Serialize.cpp, so that a field the
// serializer forgets shows up here.
void same(const SourceRange &a, const SourceRange &b) {
  CHECK(a.file == b.file);
  CHECK(a.begin == b.begin);
  CHECK(a.end == b.end);
}
void same(const std::string &a, const std::string &b) { CHECK(a == b); }
void same(const ast::Value &a, const ast::Value &b);
void same(const ast::Attribute &a, const ast::Attribute &b);
void same(const ast::ProxyClause &a, const ast::ProxyClause &b);
void same(const ast::Entity &a, const ast::Entity &b);
void same(const ast::Discharge &a, const ast::Discharge &b);
void same(const ast::TypeExpr &a, const ast::TypeExpr &b);
void same(const ast::Param &a, const ast::Param &b);
void same(const ast::Condition &a, const ast::Condition &b);
void same(const ast::Requirement &a, const ast::Requirement &b);
void same(const ast::Name &a, const ast::Name &b);
void same(const ast::Design &a, const ast::Design &b);
void same(const ast::Import &a, const ast::Import &b);
void same(const ast::AssumptionDecl &a, const ast::AssumptionDecl &b);
void same(const ast::StrategyDecl &a, const ast::StrategyDecl &b);
void same(const ast::ProxyKindDecl &a, const ast::ProxyKindDecl &b);
void same(const ast::AggregationDecl &a, const ast::AggregationDecl &b);
template <class T> void same(const std::vector<T> &a, const std::vector<T> &b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i)
    same(a[i], b[i]);
}
template <class T> void same(const std::optional<T> &a, const std::optional<T> &b) {
  REQUIRE(a.has_value() == b.has_value());
  if (a)
    same(*a, *b);
}
void same(const ast::Name &a, const ast::Name &b) {
  CHECK(a.text == b.text);
  same(a.range, b.range);
}
void same(const ast::Value &a, const ast::Value &b) {
  CHECK(a.kind == b.kind);
  same(a.range, b.range);
  CHECK(a.number == b.number);
  CHECK(a.isInteger == b.isInteger);
  CHECK(a.text == b.text);
  CHECK(a.boolean == b.boolean);
  same(a.name, b.name);
  same(a.items, b.items);
  same(a.effectTreatment, b.effectTreatment);
  same(a.effectOutcome, b.effectOutcome);
  same(a.effectTarget, b.effectTarget);
  same(a.effectComparator, b.effectComparator);
  same(a.trendAttribute, b.trendAttribute);
  CHECK(a.rankedTreatments.size() == b.rankedTreatments.size());
  CHECK(a.trendRecipes.size() == b.trendRecipes.size());
}
void same(const ast::Attribute &a, const ast::Attribute &b) {
  same(a.key, b.key);
  same(a.value, b.value);
  same(a.range, b.range);
}
void same(const ast::ProxyClause &a, const ast::ProxyClause &b) {
  same(a.target, b.target);
  same(a.kind, b.kind);
  same(a.range, b.range);
}
void same(const ast::Entity &a, const ast::Entity &b) {
  CHECK(a.kind == b.kind);
  same(a.name, b.name);
  CHECK(a.description == b.description);
  same(a.proxy, b.proxy);
  same(a.attributes, b.attributes);
  same(a.range, b.range);
  CHECK(a.doc == b.doc);
  CHECK(a.malformed == b.malformed);
}
void same(const ast::Discharge &a, const ast::Discharge &b) {
  same(a.assumption, b.assumption);
  same(a.target, b.target);
  same(a.evidence, b.evidence);
  CHECK(a.text == b.text);
  CHECK(a.cite == b.cite);
  same(a.checkName, b.checkName);
  same(a.checkArgs, b.checkArgs);
  same(a.range, b.range);
  CHECK(a.malformed == b.malformed);
}
void same(const ast::Design &a, const ast::Design &b) {
  same(a.name, b.name);
  CHECK(a.title == b.title);
  same(a.cites, b.cites);
  same(a.entities, b.entities);
  same(a.discharges, b.discharges);
  same(a.range, b.range);
  CHECK(a.doc == b.doc);
}
void same(const ast::TypeExpr &a, const ast::TypeExpr &b) {
  CHECK(a.kind == b.kind);
  same(a.element, b.element);
  same(a.members, b.members);
  same(a.range, b.range);
}
void same(const ast::Param &a, const ast::Param &b) {
  same(a.name, b.name);
  same(a.type, b.type);
  same(a.defaultValue, b.defaultValue);
  same(a.range, b.range);
}
void same(const ast::Condition &a, const ast::Condition &b) {
  CHECK(a.kind == b.kind);
  same(a.operands, b.operands);
  same(a.param, b.param);
  CHECK(a.op == b.op);
  same(a.literal, b.literal);
  same(a.range, b.range);
}
void same(const ast::Requirement &a, const ast::Requirement &b) {
  same(a.assumption, b.assumption);
  same(a.severity, b.severity);
  same(a.condition, b.condition);
  CHECK(a.negated == b.negated);
  same(a.range, b.range);
}
void same(const ast::AssumptionDecl &a, const ast::AssumptionDecl &b) {
  same(a.name, b.name);
  CHECK(a.title == b.title);
  same(a.attributes, b.attributes);
  same(a.range, b.range);
  CHECK(a.doc == b.doc);
}
void same(const ast::StrategyDecl &a, const ast::StrategyDecl &b) {
  same(a.name, b.name);
  CHECK(a.description == b.description);
  same(a.params, b.params);
  same(a.satisfies, b.satisfies);
  same(a.requirements, b.requirements);
  same(a.attributes, b.attributes);
  same(a.range, b.range);
  CHECK(a.doc == b.doc);
}
void same(const ast::ProxyKindDecl &a, const ast::ProxyKindDecl &b) {
  same(a.name, b.name);
  CHECK(a.appliesTo == b.appliesTo);
  same(a.appliesToRange, b.appliesToRange);
  CHECK(a.description == b.description);
  same(a.requirements, b.requirements);
  same(a.range, b.range);
  CHECK(a.doc == b.doc);
}
void same(const ast::AggregationDecl &a, const ast::AggregationDecl &b) {
  same(a.name, b.name);
  CHECK(a.description == b.description);
  same(a.requirements, b.requirements);
  same(a.range, b.range);
  CHECK(a.doc == b.doc);
}
void same(const ast::Import &a, const ast::Import &b) {
  CHECK(a.path == b.path);
  same(a.range, b.range);
}
void same(const ast::Module &a, const ast::Module &b) {
  CHECK(a.file == b.file);
  same(a.imports, b.imports);
  same(a.designs, b.designs);
  same(a.assumptions, b.assumptions);
  same(a.strategies, b.strategies);
  same(a.proxyKinds, b.proxyKinds);
  same(a.aggregations, b.aggregations);
  same(a.comments, b.comments);
}

std::string readText(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

TEST_CASE("every stdlib file is prebuilt, from its current text, and the tree equals the parse of that text") {
  const auto &prebuilt = prebuiltModules();
  REQUIRE(!prebuilt.empty());
  bool hasCore = false;
  for (const PrebuiltModule &m : prebuilt) {
    INFO(std::string(m.name));
    hasCore = hasCore || m.name == "core.vdesign";
    std::string text = readText(std::string(VDC_TEST_SOURCE_DIR) + "/stdlib/" + std::string(m.name));
    CHECK(m.text == text);
    SourceManager sources;
    sources.add("other.vdesign", "// a file before, so that the stdlib's file id is not 1\n");
    FileId file = sources.add(std::string(m.name), text);
    DiagnosticSink parseDiags;
    ast::Module parsed = parseModule(sources, file, parseDiags);
    CHECK(parseDiags.all().empty());
    ast::Module loaded;
    REQUIRE(ast::deserializeModule(m.tree, file, loaded));
    same(parsed, loaded);
    // The same through the driver's choice, which reports nothing for a prebuilt module.
    DiagnosticSink diags;
    same(parsed, parseOrPrebuilt(sources, file, diags, true));
    CHECK(diags.all().empty());
  }
  CHECK(hasCore);
}

TEST_CASE("a module whose text differs from the stdlib's by one character is parsed") {
  const PrebuiltModule &core = prebuiltModules().at(0);
  std::string text(core.text);
  text += "assumption statistical.extra \"added by a user\" { validity: statistical }\n";
  SourceManager sources;
  FileId file = sources.add("core.vdesign", text);
  DiagnosticSink diags;
  ast::Module module = parseOrPrebuilt(sources, file, diags, true);
  REQUIRE(!module.assumptions.empty());
  CHECK(module.assumptions.back().name.text == "statistical.extra");
}

TEST_CASE("serialized trees round-trip for every example design, and truncated input is refused") {
  for (const char *example : {"proxy_models", "observational", "verified_checks", "user_strategy", "did_within_run"}) {
    INFO(example);
    SourceManager sources;
    FileId file = sources.add(example, readText(std::string(VDC_TEST_SOURCE_DIR) + "/examples/" + example +
                                                ".vdesign"));
    DiagnosticSink diags;
    ast::Module parsed = parseModule(sources, file, diags);
    REQUIRE(!parsed.designs.empty());
    std::string bytes;
    REQUIRE(ast::serializeModule(parsed, bytes));
    ast::Module loaded;
    REQUIRE(ast::deserializeModule(bytes, file, loaded));
    same(parsed, loaded);
    ast::Module partial;
    CHECK_FALSE(ast::deserializeModule(std::string_view(bytes).substr(0, bytes.size() / 2), file, partial));
  }
}
