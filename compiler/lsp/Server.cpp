// Server.cpp — message dispatch, lifecycle, text synchronisation and the request handlers.
#include "lsp/Server.h"

#include "driver/DataFiles.h"
#include "format/Formatter.h"

#include <algorithm>
#include <sstream>

#include "lsp/CodeActions.h"
#include "lsp/Completion.h"
#include "lsp/Diagnostics.h"
#include "lsp/Hover.h"
#include "lsp/Occurrences.h"
#include "lsp/Outline.h"
#include "lsp/Positions.h"
#include "parse/Parser.h"
#include "runtime/JsonDepth.h"

#include <exception>
#include <iostream>
#include <stdexcept>

namespace vdc::lsp {

namespace {

/// A request that fails with a JSON-RPC error.
struct RequestError : std::runtime_error {
  RequestError(ErrorCode code, const std::string &message) : std::runtime_error(message), code(code) {}
  ErrorCode code;
};

RequestError invalidParams(const std::string &what) { return RequestError(ErrorCode::InvalidParams, what); }

const llvm::json::Object &requireObject(const llvm::json::Object *params, llvm::StringRef key) {
  const llvm::json::Object *o = params ? params->getObject(key) : nullptr;
  if (!o)
    throw invalidParams(("missing object `" + key + "`").str());
  return *o;
}

std::string requireString(const llvm::json::Object &o, llvm::StringRef key) {
  auto s = o.getString(key);
  if (!s)
    throw invalidParams(("missing string `" + key + "`").str());
  return s->str();
}

bool isValidId(const llvm::json::Value &id) {
  if (id.kind() == llvm::json::Value::String)
    return true;
  // getAsInteger accepts a number parsed as an integer, or an integral double within range (`1.0`), but not 1.5.
  return id.kind() == llvm::json::Value::Number && id.getAsInteger().hasValue();
}

std::string describeJson(const llvm::json::Value &v) {
  switch (v.kind()) {
  case llvm::json::Value::Null:
    return "null";
  case llvm::json::Value::Boolean:
    return "a boolean";
  case llvm::json::Value::Number:
    return "a number that is not an integer";
  case llvm::json::Value::String:
    return "a string";
  case llvm::json::Value::Array:
    return "an array";
  case llvm::json::Value::Object:
    return "an object";
  }
  return "a value";
}

} // namespace

Server::Server(Transport &transport, CompileOptions options) : transport_(transport), options_(std::move(options)) {
  // The stdlib and imported modules are parsed once, and again only when their text changes.
  if (!options_.moduleCache)
    options_.moduleCache = std::make_shared<ModuleCache>();
  // A data file is hashed again only when its stamp (size, times, inode) changes, not on every keystroke.
  if (!options_.digestCache)
    options_.digestCache = std::make_shared<DigestCache>();
  // An import that is open in the editor is read from the editor, unsaved changes included.
  options_.readOverlay = [this](const std::string &canonical, std::string &text) {
    for (const auto &[uri, doc] : documents_)
      if (doc.canonical == canonical) {
        text = doc.text;
        return true;
      }
    return false;
  };
}

int Server::run() {
  while (auto raw = transport_.read()) {
    handle(*raw);
    if (exitStatus_)
      return *exitStatus_;
    if (raw->fatal) {
      std::cerr << "vdc lsp: " << raw->framingError
                << "; the server stops, since it cannot tell where the next message starts\n";
      return 1;
    }
  }
  // The input ended without `exit`: the client is gone.
  return shutdown_ ? 0 : 1;
}

void Server::handle(const RawMessage &raw) {
  llvm::json::Value nullId(nullptr);
  if (!raw.framingError.empty()) {
    transport_.replyError(nullId, ErrorCode::ParseError, raw.framingError);
    return;
  }
  if (std::optional<size_t> at = rt::jsonNestingExceeded(raw.body, Transport::kMaxNesting)) {
    transport_.replyError(nullId, ErrorCode::ParseError,
                          fmt::format("the message is nested deeper than {} levels (at byte {})",
                                      Transport::kMaxNesting, *at));
    return;
  }
  auto parsed = llvm::json::parse(raw.body);
  if (!parsed) {
    transport_.replyError(nullId, ErrorCode::ParseError, "invalid JSON: " + llvm::toString(parsed.takeError()));
    return;
  }
  const llvm::json::Object *message = parsed->getAsObject();
  if (!message) {
    transport_.replyError(nullId, ErrorCode::InvalidRequest, "a message must be a JSON object");
    return;
  }
  const llvm::json::Value *id = message->get("id");
  auto method = message->getString("method");
  if (!method) {
    if (!id) // neither request nor notification; a response to us (we send no requests): ignore
      transport_.replyError(nullId, ErrorCode::InvalidRequest, "a message needs a `method`");
    return;
  }
  // A request id is an integer or a string (LSP 3.17; JSON-RPC 2.0 discourages null and fractions). A request
  // whose id is anything else is not executed: it is answered with an error whose id is null, since the id
  // could not be read.
  if (id && !isValidId(*id)) {
    transport_.replyError(nullId, ErrorCode::InvalidRequest,
                          "a request id must be an integer or a string, not " + describeJson(*id));
    return;
  }
  if (message->getString("jsonrpc") != llvm::StringRef("2.0")) {
    transport_.replyError(id ? *id : nullId, ErrorCode::InvalidRequest, "`jsonrpc` must be \"2.0\"");
    return;
  }
  const llvm::json::Value *paramsValue = message->get("params");
  const llvm::json::Object *params = paramsValue ? paramsValue->getAsObject() : nullptr;
  try {
    dispatch(method->str(), id, params);
  } catch (const RequestError &e) {
    if (id)
      transport_.replyError(*id, e.code, e.what());
  } catch (const std::exception &e) {
    if (id)
      transport_.replyError(*id, ErrorCode::InternalError, std::string("internal error: ") + e.what());
  } catch (...) {
    if (id)
      transport_.replyError(*id, ErrorCode::InternalError, "internal error");
  }
}

void Server::dispatch(const std::string &method, const llvm::json::Value *id, const llvm::json::Object *params) {
  // Notifications: unknown ones (and $/ ones) are ignored, as the protocol asks.
  if (!id) {
    if (method == "exit") {
      exitStatus_ = shutdown_ ? 0 : 1;
      return;
    }
    if (!initialized_ || shutdown_)
      return;
    if (method == "initialized")
      registerFileWatchers();
    else if (method == "textDocument/didOpen")
      onDidOpen(params);
    else if (method == "textDocument/didChange")
      onDidChange(params);
    else if (method == "textDocument/didClose")
      onDidClose(params);
    else if (method == "workspace/didChangeWatchedFiles")
      onDidChangeWatchedFiles(params);
    return;
  }
  if (method == "initialize") {
    transport_.reply(*id, onInitialize(params));
    return;
  }
  if (!initialized_)
    throw RequestError(ErrorCode::ServerNotInitialized, "the server has not been initialized");
  if (shutdown_)
    throw RequestError(ErrorCode::InvalidRequest, "the server is shutting down");
  if (method == "textDocument/documentSymbol") {
    // Streamed: the outline of a huge document is never held as a JSON tree.
    const Compilation &c = *document(params).compilation;
    transport_.replyStreamed(*id, [&](llvm::json::OStream &json) { writeDocumentSymbols(json, c); });
    return;
  }
  llvm::json::Value result(nullptr);
  if (method == "shutdown")
    result = onShutdown();
  else if (method == "textDocument/hover")
    result = onHover(params);
  else if (method == "textDocument/definition")
    result = onDefinition(params);
  else if (method == "textDocument/completion")
    result = onCompletion(params);
  else if (method == "textDocument/formatting")
    result = onFormatting(params);
  else if (method == "textDocument/codeAction")
    result = onCodeAction(params);
  else if (method == "vdc/digestStats")
    result = onDigestStats();
  else
    throw RequestError(ErrorCode::MethodNotFound, "method not found: " + method);
  transport_.reply(*id, std::move(result));
}

llvm::json::Value Server::onInitialize(const llvm::json::Object *params) {
  if (initialized_)
    throw RequestError(ErrorCode::InvalidRequest, "the server is already initialized");
  initialized_ = true;
  const llvm::json::Object *capabilities = params ? params->getObject("capabilities") : nullptr;
  const llvm::json::Object *workspace = capabilities ? capabilities->getObject("workspace") : nullptr;
  const llvm::json::Object *watched = workspace ? workspace->getObject("didChangeWatchedFiles") : nullptr;
  canWatchFiles_ = watched && watched->getBoolean("dynamicRegistration").getValueOr(false);
  return llvm::json::Object{
      {"capabilities",
       llvm::json::Object{
           {"positionEncoding", "utf-16"},
           {"textDocumentSync", llvm::json::Object{{"openClose", true}, {"change", 1}}},
           {"hoverProvider", true},
           {"definitionProvider", true},
           {"documentSymbolProvider", true},
           {"documentFormattingProvider", true},
           {"codeActionProvider", llvm::json::Object{{"codeActionKinds", llvm::json::Array{"quickfix"}}}},
           {"completionProvider", llvm::json::Object{{"triggerCharacters", llvm::json::Array{":", " ", "."}}}},
       }},
      {"serverInfo", llvm::json::Object{{"name", "vdc"}, {"version", VDC_VERSION}}}};
}

void Server::registerFileWatchers() {
  if (!canWatchFiles_)
    return;
  canWatchFiles_ = false; // once
  // Designs and imports, lock files, and data files: a change to one re-checks the open documents that read it.
  llvm::json::Array watchers;
  for (const char *glob : {"**/*.vdesign", "**/*.vdesign.lock", "**/*.csv"})
    watchers.push_back(llvm::json::Object{{"globPattern", glob}});
  transport_.request(
      "vdc-watch-files", "client/registerCapability",
      llvm::json::Object{
          {"registrations", llvm::json::Array{llvm::json::Object{
                                {"id", "vdc-watched-files"},
                                {"method", "workspace/didChangeWatchedFiles"},
                                {"registerOptions", llvm::json::Object{{"watchers", std::move(watchers)}}}}}}});
}

llvm::json::Value Server::onDigestStats() {
  const DigestCache &cache = *options_.digestCache;
  return llvm::json::Object{{"hits", static_cast<int64_t>(cache.hits())},
                            {"reads", static_cast<int64_t>(cache.reads())},
                            {"files", static_cast<int64_t>(cache.size())}};
}

llvm::json::Value Server::onShutdown() {
  shutdown_ = true;
  return nullptr;
}

void Server::onDidOpen(const llvm::json::Object *params) {
  const llvm::json::Object &item = requireObject(params, "textDocument");
  Document doc;
  doc.uri = requireString(item, "uri");
  doc.path = uriToPath(doc.uri);
  doc.canonical = canonicalPath(doc.path);
  doc.text = requireString(item, "text");
  doc.version = item.getInteger("version").getValueOr(0);
  Document &stored = documents_[doc.uri] = std::move(doc);
  compile(stored);
}

void Server::onDidChange(const llvm::json::Object *params) {
  Document &doc = document(params);
  const llvm::json::Array *changes = params->getArray("contentChanges");
  if (!changes)
    throw invalidParams("missing `contentChanges`");
  // Full synchronisation: the last change holds the whole text.
  for (const llvm::json::Value &change : *changes)
    if (const llvm::json::Object *c = change.getAsObject())
      if (auto text = c->getString("text"))
        doc.text = text->str();
  doc.version = requireObject(params, "textDocument").getInteger("version").getValueOr(doc.version);
  compile(doc);
  // The documents that import this one see its new text.
  recheckDependents({doc.canonical}, &doc, false);
}

void Server::onDidClose(const llvm::json::Object *params) {
  std::string uri = requireString(requireObject(params, "textDocument"), "uri");
  auto it = documents_.find(uri);
  if (it == documents_.end())
    return;
  std::string canonical = it->second.canonical;
  documents_.erase(it);
  transport_.notify("textDocument/publishDiagnostics",
                    llvm::json::Object{{"uri", uri}, {"diagnostics", llvm::json::Array{}}});
  // Its importers read the file on disk again, without the editor's unsaved changes.
  recheckDependents({canonical}, nullptr, false);
}

void Server::onDidChangeWatchedFiles(const llvm::json::Object *params) {
  const llvm::json::Array *changes = params ? params->getArray("changes") : nullptr;
  if (!changes)
    throw invalidParams("missing `changes`");
  std::set<std::string> changed;
  for (const llvm::json::Value &change : *changes)
    if (const llvm::json::Object *c = change.getAsObject())
      if (auto uri = c->getString("uri"))
        changed.insert(canonicalPath(uriToPath(uri->str())));
  // A created file may be an import that was missing.
  recheckDependents(changed, nullptr, true);
}

void Server::recheckDependents(const std::set<std::string> &changed, const Document *except, bool orMissing) {
  for (auto &[uri, doc] : documents_) {
    if (&doc == except)
      continue;
    bool affected = orMissing && doc.missingImport;
    for (const std::string &path : changed)
      affected = affected || doc.dependencies.count(path);
    if (affected)
      compile(doc);
  }
}

void Server::compile(Document &doc) {
  if (++compilesSinceClear_ >= kCompilesPerCacheClear) {
    clearParserCache();
    compilesSinceClear_ = 0;
  }
  doc.compilation = std::make_unique<Compilation>(options_);
  doc.compilation->compileText(doc.path, doc.text);
  const Compilation &c = *doc.compilation;
  doc.dependencies.clear();
  for (const std::string &path : c.loadedPaths())
    if (path != doc.canonical)
      doc.dependencies.insert(path);
  doc.dependencies.insert(canonicalPath(doc.path + ".lock"));
  for (const std::string &path : c.dataPaths())
    doc.dependencies.insert(canonicalPath(path));
  doc.missingImport = std::any_of(c.diagnostics().all().begin(), c.diagnostics().all().end(), [](const Diagnostic &d) {
    return d.kind == DiagKind::ModuleNotFound || d.kind == DiagKind::FileUnreadable;
  });
  publishDiagnostics(doc);
}

void Server::publishDiagnostics(const Document &doc) {
  const Compilation &c = *doc.compilation;
  std::vector<LspDiagnostic> diagnostics = lspDiagnostics(c);
  KnownUri root(c.rootFile(), doc.uri);
  transport_.notifyStreamed("textDocument/publishDiagnostics", [&](llvm::json::OStream &json) {
    json.object([&] {
      json.attributeBegin("diagnostics");
      writeLspDiagnostics(json, c.sources(), root, diagnostics);
      json.attributeEnd();
      json.attribute("uri", doc.uri);
      json.attribute("version", doc.version);
    });
  });
}

Document &Server::document(const llvm::json::Object *params) {
  std::string uri = requireString(requireObject(params, "textDocument"), "uri");
  auto it = documents_.find(uri);
  if (it == documents_.end() || !it->second.compilation)
    throw RequestError(ErrorCode::InvalidParams, "document not open: " + uri);
  return it->second;
}

std::pair<Document *, uint32_t> Server::documentPosition(const llvm::json::Object *params) {
  Document &doc = document(params);
  auto position = positionFromJson(params->get("position"));
  if (!position)
    throw invalidParams("missing or malformed `position`");
  const Compilation &c = *doc.compilation;
  if (c.rootFile() == 0)
    return {&doc, 0};
  return {&doc, toOffset(c.sources(), c.rootFile(), *position)};
}

llvm::json::Value Server::onHover(const llvm::json::Object *params) {
  auto [doc, offset] = documentPosition(params);
  const Compilation &c = *doc->compilation;
  auto occurrence = occurrenceAt(c, offset);
  if (!occurrence)
    return nullptr;
  std::string markdown = hoverMarkdown(c, *occurrence);
  if (markdown.empty())
    return nullptr;
  return llvm::json::Object{{"contents", llvm::json::Object{{"kind", "markdown"}, {"value", markdown}}},
                            {"range", toJsonRange(c.sources(), occurrence->range)}};
}

llvm::json::Value Server::onDefinition(const llvm::json::Object *params) {
  auto [doc, offset] = documentPosition(params);
  const Compilation &c = *doc->compilation;
  auto occurrence = occurrenceAt(c, offset);
  if (!occurrence)
    return llvm::json::Array{};
  SourceRange target = definitionOf(c, *occurrence);
  if (!target.valid())
    return llvm::json::Array{};
  return llvm::json::Array{toJsonLocation(c.sources(), target, KnownUri(c.rootFile(), doc->uri))};
}

llvm::json::Value Server::onCompletion(const llvm::json::Object *params) {
  auto [doc, offset] = documentPosition(params);
  const Compilation &c = *doc->compilation;
  return llvm::json::Object{{"isIncomplete", false}, {"items", completionItems(c, doc->text, offset)}};
}

/// `vdc fmt` for the whole document: one edit replacing it, none when it is already formatted, and
/// null when it has errors (the diagnostics already say why).
llvm::json::Value Server::onFormatting(const llvm::json::Object *params) {
  const Document &doc = document(params);
  std::string formatted;
  std::ostringstream ignored;
  if (!formatSource(doc.uri, doc.text, formatted, ignored, false))
    return nullptr;
  if (formatted == doc.text)
    return llvm::json::Array{};
  // The end of the document, as a protocol position (a lone "\r" ends a line as "\n" does).
  SourceManager text;
  FileId file = text.add(doc.path, doc.text);
  llvm::json::Value range = toJsonRange(text, SourceRange{file, 0, static_cast<uint32_t>(doc.text.size())});
  return llvm::json::Array{llvm::json::Object{{"range", std::move(range)}, {"newText", formatted}}};
}

llvm::json::Value Server::onCodeAction(const llvm::json::Object *params) {
  Document &doc = document(params);
  const llvm::json::Object *range = params->getObject("range");
  auto start = range ? positionFromJson(range->get("start")) : std::nullopt;
  auto end = range ? positionFromJson(range->get("end")) : std::nullopt;
  if (!start || !end)
    throw invalidParams("missing or malformed `range`");
  const Compilation &c = *doc.compilation;
  if (c.rootFile() == 0)
    return llvm::json::Array{};
  return codeActions(c, doc.uri, toOffset(c.sources(), c.rootFile(), *start),
                     toOffset(c.sources(), c.rootFile(), *end));
}

int serveStdio(CompileOptions options, bool testMode) {
  Transport transport(stdin, stdout, testMode);
  Server server(transport, std::move(options));
  return server.run();
}

} // namespace vdc::lsp
