// Server.h — the language server: one handler per LSP method, a thin adapter over driver/Compilation.
#pragma once

#include "driver/Compilation.h"
#include "lsp/Transport.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace vdc::lsp {

/// One open document: its text, version and the compilation of that text.
struct Document {
  std::string uri;
  std::string path;
  /// The canonical path, to match imports and changed files against.
  std::string canonical;
  std::string text;
  int64_t version = 0;
  std::unique_ptr<Compilation> compilation;
  /// The canonical paths the last compilation read besides the document: its imports (transitively), the
  /// stdlib, its lock file and the data files of its checks. A change to one of them re-checks the document.
  std::set<std::string> dependencies;
  /// The last compilation could not find or read an import: any change to the files may fix it.
  bool missingImport = false;
};

/// Serves LSP 3.17 over a transport until `exit` or the end of the input.
class Server {
public:
  Server(Transport &transport, CompileOptions options);

  /// Runs the message loop; returns the process exit status (0 after `shutdown` then `exit`, 1 otherwise).
  int run();

  /// Compilations between two clears of the parser's shared cache.
  static constexpr unsigned kCompilesPerCacheClear = 32;

private:
  /// Handles one message; never throws.
  void handle(const RawMessage &raw);
  void dispatch(const std::string &method, const llvm::json::Value *id, const llvm::json::Object *params);

  // Requests: each returns the result, or throws a RequestError.
  llvm::json::Value onInitialize(const llvm::json::Object *params);
  llvm::json::Value onShutdown();
  llvm::json::Value onHover(const llvm::json::Object *params);
  llvm::json::Value onDefinition(const llvm::json::Object *params);
  llvm::json::Value onCompletion(const llvm::json::Object *params);
  llvm::json::Value onFormatting(const llvm::json::Object *params);
  llvm::json::Value onCodeAction(const llvm::json::Object *params);
  /// `vdc/digestStats`: how often a data file's digest came from the cache and how often a file was read.
  llvm::json::Value onDigestStats();

  // Notifications.
  /// After `initialized`: asks the client to report changes to designs, locks and data files, when it can.
  void registerFileWatchers();
  void onDidOpen(const llvm::json::Object *params);
  void onDidChange(const llvm::json::Object *params);
  void onDidClose(const llvm::json::Object *params);
  void onDidChangeWatchedFiles(const llvm::json::Object *params);

  /// Re-checks, and publishes the diagnostics of, the open documents that read one of `changed` (canonical paths),
  /// except `except`; with `orMissing`, also those that could not find an import.
  void recheckDependents(const std::set<std::string> &changed, const Document *except, bool orMissing);

  /// Recompiles a document and publishes its diagnostics.
  void compile(Document &doc);
  void publishDiagnostics(const Document &doc);
  /// The open document named by `params.textDocument.uri`; throws when it is not open.
  Document &document(const llvm::json::Object *params);
  /// The document and byte offset of `params.textDocument` + `params.position`.
  std::pair<Document *, uint32_t> documentPosition(const llvm::json::Object *params);

  Transport &transport_;
  CompileOptions options_;
  std::map<std::string, Document> documents_;
  bool initialized_ = false;
  bool shutdown_ = false;
  /// The client can register a file watcher for workspace/didChangeWatchedFiles dynamically.
  bool canWatchFiles_ = false;
  /// Set by `exit`: the status to return.
  std::optional<int> exitStatus_;
  unsigned compilesSinceClear_ = 0;
};

/// Serves on stdin/stdout; `testMode` selects the delimited, pretty-printed transport of the lit tests.
int serveStdio(CompileOptions options, bool testMode);

} // namespace vdc::lsp
