// Server.h — the language server: one handler per LSP method, a thin adapter over driver/Compilation.
#pragma once

#include "driver/Compilation.h"
#include "lsp/Protocol.h"
#include "lsp/Transport.h"

#include <llvm/ADT/StringMap.h>

#include <functional>
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
  /// A result streamed straight into the output (a large outline is never held as a JSON tree).
  struct StreamedResult {
    std::function<void(llvm::json::OStream &)> write;
  };
  /// Parameters of a method that takes none (anything given is ignored).
  struct NoParams {};
  friend bool fromJSON(const llvm::json::Value &, NoParams &, llvm::json::Path) { return true; }

  /// Registers the handler of a request: its parameters are decoded into `Params` (a decoding error is answered with
  /// InvalidParams naming the field), and its result is serialized and sent as the response.
  template <typename Params, typename Result>
  void bind(const char *method, Result (Server::*handler)(const Params &));
  /// Registers the handler of a notification; parameters that do not decode drop the notification.
  template <typename Params> void bind(const char *method, void (Server::*handler)(const Params &));
  /// Every method the server handles, one line each.
  void bindMethods();

  /// Handles one message; never throws.
  void handle(const RawMessage &raw);
  void dispatch(const std::string &method, const llvm::json::Value *id, const llvm::json::Value &params);

  // Requests: each returns the result, or throws a RequestError.
  InitializeResult onInitialize(const InitializeParams &params);
  std::nullptr_t onShutdown(const NoParams &);
  llvm::Optional<Hover> onHover(const TextDocumentPositionParams &params);
  std::vector<Location> onDefinition(const TextDocumentPositionParams &params);
  CompletionList onCompletion(const TextDocumentPositionParams &params);
  StreamedResult onDocumentSymbol(const DocumentParams &params);
  llvm::Optional<std::vector<TextEdit>> onFormatting(const DocumentParams &params);
  std::vector<CodeAction> onCodeAction(const CodeActionParams &params);
  /// `vdc/digestStats`: how often a data file's digest came from the cache and how often a file was read.
  llvm::json::Value onDigestStats(const NoParams &);

  // Notifications.
  void onExit(const NoParams &);
  /// After `initialized`: asks the client to report changes to designs, locks and data files, when it can.
  void onInitialized(const NoParams &);
  void onDidOpen(const DidOpenTextDocumentParams &params);
  void onDidChange(const DidChangeTextDocumentParams &params);
  void onDidClose(const DidCloseTextDocumentParams &params);
  void onDidChangeWatchedFiles(const DidChangeWatchedFilesParams &params);

  /// Re-checks, and publishes the diagnostics of, the open documents that read one of `changed` (canonical paths),
  /// except `except`; with `orMissing`, also those that could not find an import.
  void recheckDependents(const std::set<std::string> &changed, const Document *except, bool orMissing);

  /// Recompiles a document and publishes its diagnostics.
  void compile(Document &doc);
  void publishDiagnostics(const Document &doc);
  /// The open document named by `id`; throws when it is not open.
  Document &document(const TextDocumentIdentifier &id);
  /// The document and byte offset of a text document position.
  std::pair<Document *, uint32_t> documentPosition(const TextDocumentPositionParams &params);

  Transport &transport_;
  /// The handlers, by method: requests answer `id`; notifications have none.
  llvm::StringMap<std::function<void(const llvm::json::Value &params, const llvm::json::Value &id)>> requests_;
  llvm::StringMap<std::function<void(const llvm::json::Value &params)>> notifications_;
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
