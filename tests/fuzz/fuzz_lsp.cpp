// fuzz_lsp.cpp — libFuzzer target: a sequence of messages handled by the language server, which must answer or
// ignore each one without crashing. An input that starts with `Content-Length` is read with the real framing;
// any other input with the `---`-separated test framing (easier for the fuzzer to grow into valid JSON).
#include "FuzzCommon.h"

#include "lsp/Server.h"
#include "lsp/Transport.h"

#include <cstdio>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  vdc::fuzz::maybeClearCache();
  static const char kFramed[] = "Content-Length";
  bool framed = size >= sizeof(kFramed) - 1 && std::memcmp(data, kFramed, sizeof(kFramed) - 1) == 0;
  std::FILE *in = fmemopen(const_cast<uint8_t *>(data), size, "r");
  std::FILE *out = std::fopen("/dev/null", "w");
  if (in && out) {
    vdc::lsp::Transport transport(in, out, /*testMode=*/!framed);
    vdc::lsp::Server server(transport, vdc::fuzz::options());
    server.run();
  }
  if (in)
    std::fclose(in);
  if (out)
    std::fclose(out);
  return 0;
}
