// Transport.h — JSON-RPC 2.0 messages over a byte stream: `Content-Length` framing, or `---`-delimited test input.
#pragma once

#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/Support/JSON.h>

#include <cstdio>
#include <optional>
#include <string>

namespace vdc::lsp {

/// JSON-RPC error codes used by the server (JSON-RPC 2.0 and LSP 3.17).
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
};

/// One raw message read from the input: its body, or a framing problem to report.
struct RawMessage {
  std::string body;
  /// Non-empty when the frame itself was broken (the body is then unusable).
  std::string framingError;
  /// The framing is lost for good (an unusable `Content-Length`, an endless header): after answering the error, the
  /// server stops, since it cannot tell where the next message starts.
  bool fatal = false;
};

/// Reads messages from an input and writes messages to an output; knows nothing of LSP methods.
class Transport {
public:
  /// In test mode, input is a sequence of JSON bodies separated by lines of `---` (lines starting with `#` are
  /// comments), and output is pretty-printed JSON with keys sorted, without headers, one message per block.
  Transport(std::FILE *in, std::FILE *out, bool testMode);

  /// Reads the next message; nullopt at the end of the input.
  std::optional<RawMessage> read();

  /// Writes a result response to request `id`.
  void reply(const llvm::json::Value &id, llvm::json::Value result);
  /// Writes a result response to request `id` whose result `writeResult` streams straight into the output, so that a
  /// large result (the outline of a huge document) never exists as a JSON tree. It must write one value, with the
  /// keys of every object in sorted order (as `reply` prints them).
  void replyStreamed(const llvm::json::Value &id, llvm::function_ref<void(llvm::json::OStream &)> writeResult);
  /// Writes an error response to request `id` (null when the id could not be read).
  void replyError(const llvm::json::Value &id, ErrorCode code, const std::string &message);
  /// Writes a request from the server to the client (whose response the server ignores).
  void request(const llvm::json::Value &id, const std::string &method, llvm::json::Value params);
  /// Writes a notification.
  void notify(const std::string &method, llvm::json::Value params);
  /// Writes a notification whose params `writeParams` streams straight into the output (as for `replyStreamed`).
  void notifyStreamed(const std::string &method, llvm::function_ref<void(llvm::json::OStream &)> writeParams);

  bool testMode() const { return testMode_; }

  /// Largest body accepted, in bytes (an 8 MiB document, escaped as JSON, fits); larger frames are reported, and
  /// their body is skipped before the next message is read. In test mode, a longer line or message is fatal.
  static constexpr size_t kMaxBody = 64u << 20;
  /// Largest body skipped; a larger `Content-Length` (or one that overflows) is fatal.
  static constexpr unsigned long long kMaxSkip = 1ull << 30;
  /// Longest header line, and most header lines in one frame; more is fatal.
  static constexpr size_t kMaxHeaderLine = 8192;
  static constexpr size_t kMaxHeaderLines = 64;
  /// Deepest nesting of arrays and objects in a message body; a deeper message is answered with a parse error.
  static constexpr unsigned kMaxNesting = 128;

private:
  std::optional<RawMessage> readFramed();
  std::optional<RawMessage> readDelimited();
  void write(llvm::json::Object message);
  /// Frames and writes one message that `writeMessage` streams as a JSON object.
  void emit(llvm::function_ref<void(llvm::json::OStream &)> writeMessage);

  std::FILE *in_;
  std::FILE *out_;
  bool testMode_;
  /// Bytes of an oversized body still to skip before the next frame's headers.
  unsigned long long pendingSkip_ = 0;
};

} // namespace vdc::lsp
