// Protocol.h — the LSP 3.17 messages the server reads and writes, as plain structs with fromJSON/toJSON.
#pragma once

#include "lsp/Positions.h"

#include <llvm/ADT/Optional.h>
#include <llvm/Support/JSON.h>

#include <map>
#include <string>
#include <vector>

namespace vdc::lsp {

// ---- Common types ----

bool fromJSON(const llvm::json::Value &value, Position &out, llvm::json::Path path);
llvm::json::Value toJSON(const Position &p);

/// A protocol range: two positions, the end exclusive.
struct Range {
  Position start;
  Position end;
};
bool fromJSON(const llvm::json::Value &value, Range &out, llvm::json::Path path);
llvm::json::Value toJSON(const Range &r);

/// The protocol range of a source range (an invalid range becomes the start of the file).
Range toRange(const SourceManager &sources, SourceRange range);

struct Location {
  std::string uri;
  Range range;
};
llvm::json::Value toJSON(const Location &l);

struct TextDocumentIdentifier {
  std::string uri;
};
bool fromJSON(const llvm::json::Value &value, TextDocumentIdentifier &out, llvm::json::Path path);

struct VersionedTextDocumentIdentifier {
  std::string uri;
  llvm::Optional<int64_t> version;
};
bool fromJSON(const llvm::json::Value &value, VersionedTextDocumentIdentifier &out, llvm::json::Path path);

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  int64_t version = 0;
  std::string text;
};
bool fromJSON(const llvm::json::Value &value, TextDocumentItem &out, llvm::json::Path path);

struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
};
bool fromJSON(const llvm::json::Value &value, TextDocumentPositionParams &out, llvm::json::Path path);

/// A request that names a document only (documentSymbol, formatting: its options are not used).
struct DocumentParams {
  TextDocumentIdentifier textDocument;
};
bool fromJSON(const llvm::json::Value &value, DocumentParams &out, llvm::json::Path path);

struct TextEdit {
  Range range;
  std::string newText;
};
llvm::json::Value toJSON(const TextEdit &e);

// ---- Lifecycle ----

/// What the server reads of the client's capabilities.
struct ClientCapabilities {
  /// `workspace.didChangeWatchedFiles.dynamicRegistration`: the server may register its file watchers itself.
  bool didChangeWatchedFilesDynamicRegistration = false;
};
bool fromJSON(const llvm::json::Value &value, ClientCapabilities &out, llvm::json::Path path);

struct InitializeParams {
  ClientCapabilities capabilities;
};
bool fromJSON(const llvm::json::Value &value, InitializeParams &out, llvm::json::Path path);

/// The answer to `initialize`: the server's capabilities and name.
struct InitializeResult {
  std::string serverVersion;
};
llvm::json::Value toJSON(const InitializeResult &r);

/// `client/registerCapability` for `workspace/didChangeWatchedFiles`, one watcher per glob.
struct RegisterFileWatchersParams {
  std::string id;
  std::vector<std::string> globs;
};
llvm::json::Value toJSON(const RegisterFileWatchersParams &p);

// ---- Text synchronisation ----

struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
};
bool fromJSON(const llvm::json::Value &value, DidOpenTextDocumentParams &out, llvm::json::Path path);

/// One change; the server asks for full synchronisation, so each holds the whole text.
struct TextDocumentContentChangeEvent {
  std::string text;
};
bool fromJSON(const llvm::json::Value &value, TextDocumentContentChangeEvent &out, llvm::json::Path path);

struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges;
};
bool fromJSON(const llvm::json::Value &value, DidChangeTextDocumentParams &out, llvm::json::Path path);

struct DidCloseTextDocumentParams {
  TextDocumentIdentifier textDocument;
};
bool fromJSON(const llvm::json::Value &value, DidCloseTextDocumentParams &out, llvm::json::Path path);

struct FileEvent {
  std::string uri;
  /// 1 created, 2 changed, 3 deleted.
  int type = 2;
};
bool fromJSON(const llvm::json::Value &value, FileEvent &out, llvm::json::Path path);

struct DidChangeWatchedFilesParams {
  std::vector<FileEvent> changes;
};
bool fromJSON(const llvm::json::Value &value, DidChangeWatchedFilesParams &out, llvm::json::Path path);

/// `textDocument/publishDiagnostics` with no diagnostics (a closed document); a document's own diagnostics are
/// streamed (lsp/Diagnostics.h), since a broken file can have many.
struct ClearDiagnosticsParams {
  std::string uri;
};
llvm::json::Value toJSON(const ClearDiagnosticsParams &p);

// ---- Language features ----

struct Hover {
  std::string markdown;
  Range range;
};
llvm::json::Value toJSON(const Hover &h);

/// LSP CompletionItemKind values used by the server.
enum class CompletionItemKind {
  Field = 5,
  Variable = 6,
  Interface = 8,
  Property = 10,
  Value = 12,
  Keyword = 14,
  EnumMember = 20,
  Struct = 22,
  Operator = 24,
  TypeParameter = 25
};

struct CompletionItem {
  std::string label;
  CompletionItemKind kind = CompletionItemKind::Keyword;
  std::string detail; ///< Empty for none.
};
llvm::json::Value toJSON(const CompletionItem &item);

struct CompletionList {
  bool isIncomplete = false;
  std::vector<CompletionItem> items;
};
llvm::json::Value toJSON(const CompletionList &list);

struct CodeActionParams {
  TextDocumentIdentifier textDocument;
  Range range;
};
bool fromJSON(const llvm::json::Value &value, CodeActionParams &out, llvm::json::Path path);

/// A quick fix: edits to one document.
struct CodeAction {
  std::string title;
  std::string kind = "quickfix";
  std::string uri;
  std::vector<TextEdit> edits;
  bool isPreferred = false;
};
llvm::json::Value toJSON(const CodeAction &a);

} // namespace vdc::lsp
