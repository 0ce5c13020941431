// Transport.cpp — header parsing for `Content-Length` frames, the delimited test reader, and message output.
#include "lsp/Transport.h"

#include <fmt/format.h>
#include <llvm/Support/raw_ostream.h>

#include <cctype>
#include <cstdlib>

namespace vdc::lsp {

namespace {
/// Reads one line without its "\n" (and "\r"); false at end of input with nothing read.
bool readLine(std::FILE *in, std::string &line) {
  line.clear();
  int c;
  bool any = false;
  while ((c = std::fgetc(in)) != EOF) {
    any = true;
    if (c == '\n')
      break;
    line.push_back(static_cast<char>(c));
  }
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  return any;
}

std::string trim(std::string s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
    ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
    --e;
  return s.substr(b, e - b);
}
} // namespace

Transport::Transport(std::FILE *in, std::FILE *out, bool testMode) : in_(in), out_(out), testMode_(testMode) {}

std::optional<RawMessage> Transport::read() { return testMode_ ? readDelimited() : readFramed(); }

std::optional<RawMessage> Transport::readFramed() {
  std::string line;
  long long length = -1;
  bool sawHeader = false;
  std::string error;
  // Headers end with an empty line; unknown headers (Content-Type) are ignored.
  while (true) {
    if (!readLine(in_, line))
      return std::nullopt;
    if (line.empty()) {
      if (!sawHeader)
        continue; // stray blank lines between messages
      break;
    }
    sawHeader = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      error = "malformed header line `" + line.substr(0, 80) + "`";
      continue;
    }
    std::string key = trim(line.substr(0, colon));
    for (char &c : key)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key == "content-length") {
      std::string value = trim(line.substr(colon + 1));
      char *end = nullptr;
      long long n = value.empty() ? -1 : std::strtoll(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || n < 0)
        error = "invalid Content-Length `" + value.substr(0, 40) + "`";
      else
        length = n;
    }
  }
  if (length < 0)
    return RawMessage{"", error.empty() ? "missing Content-Length header" : error};
  if (static_cast<unsigned long long>(length) > kMaxBody) {
    // Skip the body so that the stream stays in sync.
    for (long long i = 0; i < length && std::fgetc(in_) != EOF; ++i) {
    }
    return RawMessage{"", fmt::format("message of {} bytes is larger than the limit of {}", length, kMaxBody)};
  }
  std::string body(static_cast<size_t>(length), '\0');
  size_t got = length ? std::fread(body.data(), 1, body.size(), in_) : 0;
  if (got != body.size())
    return std::nullopt; // the stream ended inside a body
  return RawMessage{std::move(body), error};
}

std::optional<RawMessage> Transport::readDelimited() {
  std::string body, line;
  bool any = false;
  while (readLine(in_, line)) {
    any = true;
    std::string t = trim(line);
    if (t == "---") {
      if (!trim(body).empty())
        return RawMessage{std::move(body), ""};
      body.clear();
      continue;
    }
    if (!t.empty() && t[0] == '#')
      continue;
    body += line;
    body += '\n';
  }
  if (any && !trim(body).empty())
    return RawMessage{std::move(body), ""};
  return std::nullopt;
}

void Transport::emit(llvm::function_ref<void(llvm::json::OStream &)> writeMessage) {
  std::string text;
  {
    llvm::raw_string_ostream os(text);
    os.SetBuffered(); // a string stream is unbuffered by default: one virtual call per character
    llvm::json::OStream json(os, testMode_ ? 2 : 0);
    writeMessage(json);
    if (testMode_)
      os << "\n---\n";
    os.flush();
  }
  if (!testMode_)
    std::fprintf(out_, "Content-Length: %zu\r\n\r\n", text.size());
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

void Transport::write(llvm::json::Object message) {
  message["jsonrpc"] = "2.0";
  llvm::json::Value value(std::move(message));
  emit([&](llvm::json::OStream &json) { json.value(value); });
}

void Transport::replyStreamed(const llvm::json::Value &id,
                              llvm::function_ref<void(llvm::json::OStream &)> writeResult) {
  emit([&](llvm::json::OStream &json) {
    json.object([&] {
      json.attribute("id", id);
      json.attribute("jsonrpc", "2.0");
      json.attributeBegin("result");
      writeResult(json);
      json.attributeEnd();
    });
  });
}

void Transport::reply(const llvm::json::Value &id, llvm::json::Value result) {
  write(llvm::json::Object{{"id", id}, {"result", std::move(result)}});
}

void Transport::replyError(const llvm::json::Value &id, ErrorCode code, const std::string &message) {
  write(llvm::json::Object{
      {"id", id},
      {"error", llvm::json::Object{{"code", static_cast<int>(code)}, {"message", message}}}});
}

void Transport::notifyStreamed(const std::string &method,
                               llvm::function_ref<void(llvm::json::OStream &)> writeParams) {
  emit([&](llvm::json::OStream &json) {
    json.object([&] {
      json.attribute("jsonrpc", "2.0");
      json.attribute("method", method);
      json.attributeBegin("params");
      writeParams(json);
      json.attributeEnd();
    });
  });
}

void Transport::request(const llvm::json::Value &id, const std::string &method, llvm::json::Value params) {
  write(llvm::json::Object{{"id", id}, {"method", method}, {"params", std::move(params)}});
}

void Transport::notify(const std::string &method, llvm::json::Value params) {
  write(llvm::json::Object{{"method", method}, {"params", std::move(params)}});
}

} // namespace vdc::lsp
