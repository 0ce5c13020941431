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

/// Decodes the parameters of a method; a decoding error is an InvalidParams error that names the field, as in
/// "expected string at params.textDocument.uri".
template <typename Params> Params decode(const llvm::json::Value &value) {
  llvm::json::Path::Root root("params");
  Params params;
  if (!fromJSON(value, params, root))
    throw RequestError(ErrorCode::InvalidParams, llvm::toString(root.getError()));
  return params;
}

/// The one place where results become JSON: absent optional results are null.
template <typename T> llvm::json::Value serialize(const T &result) { return llvm::json::Value(result); }
template <typename T> llvm::json::Value serialize(const llvm::Optional<T> &result) {
  return result ? serialize(*result) : llvm::json::Value(nullptr);
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
  bindMethods();
}

template <typename Params, typename Result>
void Server::bind(const char *method, Result (Server::*handler)(const Params &)) {
  requests_[method] = [this, handler](const llvm::json::Value &params, const llvm::json::Value &id) {
    Result result = (this->*handler)(decode<Params>(params));
    if constexpr (std::is_same_v<Result, StreamedResult>)
      transport_.replyStreamed(id, result.write);
    else
      transport_.reply(id, serialize(result));
  };
}

template <typename Params> void Server::bind(const char *method, void (Server::*handler)(const Params &)) {
  notifications_[method] = [this, handler](const llvm::json::Value &params) {
    (this->*handler)(decode<Params>(params));
  };
}

void Server::bindMethods() {
  bind("initialize", &Server::onInitialize);
  bind("shutdown", &Server::onShutdown);
  bind("textDocument/hover", &Server::onHover);
  bind("textDocument/definition", &Server::onDefinition);
  bind("textDocument/completion", &Server::onCompletion);
  bind("textDocument/documentSymbol", &Server::onDocumentSymbol);
  bind("textDocument/formatting", &Server::onFormatting);
  bind("textDocument/codeAction", &Server::onCodeAction);
  bind("vdc/digestStats", &Server::onDigestStats);

  bind("exit", &Server::onExit);
  bind("initialized", &Server::onInitialized);
  bind("textDocument/didOpen", &Server::onDidOpen);
  bind("textDocument/didChange", &Server::onDidChange);
  bind("textDocument/didClose", &Server::onDidClose);
  bind("workspace/didChangeWatchedFiles", &Server::onDidChangeWatchedFiles);
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
  // Absent parameters decode as null: a method without parameters accepts them, the others name what is missing.
  static const llvm::json::Value absent(nullptr);
  const llvm::json::Value *params = message->get("params");
  try {
    dispatch(method->str(), id, params ? *params : absent);
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

void Server::dispatch(const std::string &method, const llvm::json::Value *id, const llvm::json::Value &params) {
  // Notifications: unknown ones (and $/ ones) are ignored, as the protocol asks; before `initialize` and after
  // `shutdown` only `exit` is.
  if (!id) {
    if (method != "exit" && (!initialized_ || shutdown_))
      return;
    auto handler = notifications_.find(method);
    if (handler != notifications_.end())
      handler->second(params);
    return;
  }
  if (method != "initialize") {
    if (!initialized_)
      throw RequestError(ErrorCode::ServerNotInitialized, "the server has not been initialized");
    if (shutdown_)
      throw RequestError(ErrorCode::InvalidRequest, "the server is shutting down");
  }
  auto handler = requests_.find(method);
  if (handler == requests_.end())
    throw RequestError(ErrorCode::MethodNotFound, "method not found: " + method);
  handler->second(params, *id);
}

InitializeResult Server::onInitialize(const InitializeParams &params) {
  if (initialized_)
    throw RequestError(ErrorCode::InvalidRequest, "the server is already initialized");
  initialized_ = true;
  canWatchFiles_ = params.capabilities.didChangeWatchedFilesDynamicRegistration;
  return InitializeResult{VDC_VERSION};
}

void Server::onExit(const NoParams &) { exitStatus_ = shutdown_ ? 0 : 1; }

void Server::onInitialized(const NoParams &) {
  if (!canWatchFiles_)
    return;
  canWatchFiles_ = false; // once
  // Designs and imports, lock files, and data files: a change to one re-checks the open documents that read it.
  transport_.request("vdc-watch-files", "client/registerCapability",
                     RegisterFileWatchersParams{"vdc-watched-files", {"**/*.vdesign", "**/*.vdesign.lock", "**/*.csv"}});
}

llvm::json::Value Server::onDigestStats(const NoParams &) {
  const DigestCache &cache = *options_.digestCache;
  return llvm::json::Object{{"hits", static_cast<int64_t>(cache.hits())},
                            {"reads", static_cast<int64_t>(cache.reads())},
                            {"files", static_cast<int64_t>(cache.size())}};
}

std::nullptr_t Server::onShutdown(const NoParams &) {
  shutdown_ = true;
  return nullptr;
}

void Server::onDidOpen(const DidOpenTextDocumentParams &params) {
  const TextDocumentItem &item = params.textDocument;
  Document doc;
  doc.uri = item.uri;
  doc.path = uriToPath(doc.uri);
  doc.canonical = canonicalPath(doc.path);
  doc.text = item.text;
  doc.version = item.version;
  Document &stored = documents_[doc.uri] = std::move(doc);
  compile(stored);
}

void Server::onDidChange(const DidChangeTextDocumentParams &params) {
  Document &doc = document(TextDocumentIdentifier{params.textDocument.uri});
  // Full synchronisation: the last change holds the whole text.
  if (!params.contentChanges.empty())
    doc.text = params.contentChanges.back().text;
  doc.version = params.textDocument.version.getValueOr(doc.version);
  compile(doc);
  // The documents that import this one see its new text.
  recheckDependents({doc.canonical}, &doc, false);
}

void Server::onDidClose(const DidCloseTextDocumentParams &params) {
  const std::string &uri = params.textDocument.uri;
  auto it = documents_.find(uri);
  if (it == documents_.end())
    return;
  std::string canonical = it->second.canonical;
  documents_.erase(it);
  transport_.notify("textDocument/publishDiagnostics", ClearDiagnosticsParams{uri});
  // Its importers read the file on disk again, without the editor's unsaved changes.
  recheckDependents({canonical}, nullptr, false);
}

void Server::onDidChangeWatchedFiles(const DidChangeWatchedFilesParams &params) {
  std::set<std::string> changed;
  for (const FileEvent &change : params.changes)
    changed.insert(canonicalPath(uriToPath(change.uri)));
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

Document &Server::document(const TextDocumentIdentifier &id) {
  auto it = documents_.find(id.uri);
  if (it == documents_.end() || !it->second.compilation)
    throw RequestError(ErrorCode::InvalidParams, "document not open: " + id.uri);
  return it->second;
}

std::pair<Document *, uint32_t> Server::documentPosition(const TextDocumentPositionParams &params) {
  Document &doc = document(params.textDocument);
  const Compilation &c = *doc.compilation;
  if (c.rootFile() == 0)
    return {&doc, 0};
  return {&doc, toOffset(c.sources(), c.rootFile(), params.position)};
}

llvm::Optional<Hover> Server::onHover(const TextDocumentPositionParams &params) {
  auto [doc, offset] = documentPosition(params);
  const Compilation &c = *doc->compilation;
  auto occurrence = occurrenceAt(c, offset);
  if (!occurrence)
    return llvm::None;
  std::string markdown = hoverMarkdown(c, *occurrence);
  if (markdown.empty())
    return llvm::None;
  return Hover{std::move(markdown), toRange(c.sources(), occurrence->range)};
}

std::vector<Location> Server::onDefinition(const TextDocumentPositionParams &params) {
  auto [doc, offset] = documentPosition(params);
  const Compilation &c = *doc->compilation;
  auto occurrence = occurrenceAt(c, offset);
  if (!occurrence)
    return {};
  SourceRange target = definitionOf(c, *occurrence);
  if (!target.valid())
    return {};
  return {Location{KnownUri(c.rootFile(), doc->uri).of(c.sources(), target.file), toRange(c.sources(), target)}};
}

CompletionList Server::onCompletion(const TextDocumentPositionParams &params) {
  auto [doc, offset] = documentPosition(params);
  return CompletionList{false, completionItems(*doc->compilation, doc->text, offset)};
}

Server::StreamedResult Server::onDocumentSymbol(const DocumentParams &params) {
  const Compilation *c = document(params.textDocument).compilation.get();
  return {[c](llvm::json::OStream &json) { writeDocumentSymbols(json, *c); }};
}

/// `vdc fmt` for the whole document: one edit replacing it, none when it is already formatted, and
/// null when it has errors (the diagnostics already say why).
llvm::Optional<std::vector<TextEdit>> Server::onFormatting(const DocumentParams &params) {
  const Document &doc = document(params.textDocument);
  std::string formatted;
  std::ostringstream ignored;
  if (!formatSource(doc.uri, doc.text, formatted, ignored, false))
    return llvm::None;
  if (formatted == doc.text)
    return std::vector<TextEdit>{};
  // The end of the document, as a protocol position (a lone "\r" ends a line as "\n" does).
  SourceManager text;
  FileId file = text.add(doc.path, doc.text);
  Range whole = toRange(text, SourceRange{file, 0, static_cast<uint32_t>(doc.text.size())});
  return std::vector<TextEdit>{TextEdit{whole, std::move(formatted)}};
}

std::vector<CodeAction> Server::onCodeAction(const CodeActionParams &params) {
  Document &doc = document(params.textDocument);
  const Compilation &c = *doc.compilation;
  if (c.rootFile() == 0)
    return {};
  return codeActions(c, doc.uri, toOffset(c.sources(), c.rootFile(), params.range.start),
                     toOffset(c.sources(), c.rootFile(), params.range.end));
}

int serveStdio(CompileOptions options, bool testMode) {
  Transport transport(stdin, stdout, testMode);
  Server server(transport, std::move(options));
  return server.run();
}

} // namespace vdc::lsp
