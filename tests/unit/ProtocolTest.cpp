// ProtocolTest.cpp — the typed LSP messages: decoding names the field at fault, encoding gives the protocol's shape.
#include "lsp/Protocol.h"

#include <catch2/catch.hpp>
#include <llvm/Support/FormatVariadic.h>

using namespace vdc::lsp;

namespace {

/// Decodes `text` as `T`; on failure, `error` holds the message the server would send.
template <typename T> bool decode(const char *text, T &out, std::string &error) {
  auto value = llvm::json::parse(text);
  REQUIRE(bool(value));
  llvm::json::Path::Root root("params");
  if (fromJSON(*value, out, root))
    return true;
  error = llvm::toString(root.getError());
  return false;
}

std::string print(const llvm::json::Value &v) { return llvm::formatv("{0}", v).str(); }

} // namespace

TEST_CASE("a position decodes, and a range round-trips through JSON", "[lsp][protocol]") {
  Range r;
  std::string error;
  REQUIRE(decode(R"({"start": {"line": 3, "character": 4}, "end": {"line": 4000000000, "character": 0}})", r, error));
  CHECK(r.start.line == 3);
  CHECK(r.start.character == 4);
  CHECK(r.end.line == 4000000000u);
  Range again;
  llvm::json::Path::Root root;
  REQUIRE(fromJSON(toJSON(r), again, root));
  CHECK(again.start.line == r.start.line);
  CHECK(again.end.line == r.end.line);
  CHECK(again.end.character == r.end.character);
}

TEST_CASE("a position out of range or of the wrong type names its field", "[lsp][protocol]") {
  TextDocumentPositionParams p;
  std::string error;
  CHECK_FALSE(decode(R"({"textDocument": {"uri": "file:///a"}, "position": {"line": -1, "character": 0}})", p, error));
  CHECK(error == "expected an integer from 0 to 4294967295 at params.position.line");
  CHECK_FALSE(
      decode(R"({"textDocument": {"uri": "file:///a"}, "position": {"line": 1, "character": 4294967296}})", p, error));
  CHECK(error == "expected an integer from 0 to 4294967295 at params.position.character");
  CHECK_FALSE(decode(R"({"textDocument": {"uri": ["file:///a"]}, "position": {"line": 1, "character": 2}})", p, error));
  CHECK(error == "expected string at params.textDocument.uri");
  CHECK_FALSE(decode(R"({"textDocument": {"uri": "file:///a"}})", p, error));
  CHECK(error == "missing value at params.position");
}

TEST_CASE("didOpen and didChange decode, with optional fields", "[lsp][protocol]") {
  DidOpenTextDocumentParams open;
  std::string error;
  REQUIRE(decode(R"({"textDocument": {"uri": "file:///a.vdesign", "text": "design d {}"}})", open, error));
  CHECK(open.textDocument.uri == "file:///a.vdesign");
  CHECK(open.textDocument.version == 0);
  CHECK(open.textDocument.text == "design d {}");

  DidChangeTextDocumentParams change;
  REQUIRE(decode(R"({"textDocument": {"uri": "file:///a", "version": null}, "contentChanges": [{"text": "x"}]})",
                 change, error));
  CHECK_FALSE(change.textDocument.version.hasValue());
  REQUIRE(change.contentChanges.size() == 1);
  CHECK(change.contentChanges[0].text == "x");
  CHECK_FALSE(
      decode(R"({"textDocument": {"uri": "file:///a"}, "contentChanges": [{"text": "x"}, {}]})", change, error));
  CHECK(error == "missing value at params.contentChanges[1].text");
}

TEST_CASE("initialize reads dynamic registration of file watchers", "[lsp][protocol]") {
  InitializeParams p;
  std::string error;
  REQUIRE(
      decode(R"({"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}})", p, error));
  CHECK(p.capabilities.didChangeWatchedFilesDynamicRegistration);
  InitializeParams none;
  REQUIRE(decode(R"({"processId": null, "capabilities": {}})", none, error));
  CHECK_FALSE(none.capabilities.didChangeWatchedFilesDynamicRegistration);
  REQUIRE(decode("null", none, error));
  CHECK_FALSE(
      decode(R"({"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": 1}}}})", p, error));
  CHECK(error == "expected boolean at params.capabilities.workspace.didChangeWatchedFiles.dynamicRegistration");
}

TEST_CASE("completion items and code actions serialize in the protocol's shape", "[lsp][protocol]") {
  CompletionList list{false,
                      {{"recipe", CompletionItemKind::Keyword, ""}, {"big", CompletionItemKind::Variable, "recipe"}}};
  CHECK(print(toJSON(list)) == R"({"isIncomplete":false,"items":[{"kind":14,"label":"recipe"},)"
                               R"({"detail":"recipe","kind":6,"label":"big"}]})");
  CodeAction action{"Replace with `big`", "quickfix", "file:///a", {TextEdit{Range{{1, 2}, {1, 5}}, "big"}}, true};
  CHECK(print(toJSON(action)) ==
        R"({"edit":{"changes":{"file:///a":[{"newText":"big","range":{"end":{"character":5,"line":1},)"
        R"("start":{"character":2,"line":1}}}]}},"isPreferred":true,"kind":"quickfix","title":"Replace with `big`"})");
}
