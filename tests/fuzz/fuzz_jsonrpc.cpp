// fuzz_jsonrpc.cpp — libFuzzer target: the language server's `Content-Length` framing on arbitrary bytes, without
// the server behind it. Every read must end (the input is finite), no body may exceed the message limit, and a
// fatal framing error must be the last thing read.
#include "FuzzCommon.h"

#include "lsp/Transport.h"
#include "runtime/JsonDepth.h"

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::FILE *in = fmemopen(const_cast<uint8_t *>(data), size, "r");
  std::FILE *out = std::fopen("/dev/null", "w");
  if (in && out) {
    vdc::lsp::Transport transport(in, out, /*testMode=*/false);
    size_t messages = 0;
    while (auto raw = transport.read()) {
      if (++messages > size + 1)
        vdc::fuzz::fail("more messages than bytes: the reader does not advance");
      if (raw->body.size() > vdc::lsp::Transport::kMaxBody)
        vdc::fuzz::fail("a body larger than the message limit");
      if (raw->fatal) {
        if (raw->framingError.empty())
          vdc::fuzz::fail("a fatal framing error without a message");
        break;
      }
      // What the server does next with a body: bound its nesting, then parse it.
      if (raw->framingError.empty() &&
          !vdc::rt::jsonNestingExceeded(raw->body, vdc::lsp::Transport::kMaxNesting)) {
        auto parsed = llvm::json::parse(raw->body);
        if (!parsed)
          llvm::consumeError(parsed.takeError());
      }
      transport.replyError(nullptr, vdc::lsp::ErrorCode::ParseError, raw->framingError);
    }
  }
  if (in)
    std::fclose(in);
  if (out)
    std::fclose(out);
  return 0;
}
