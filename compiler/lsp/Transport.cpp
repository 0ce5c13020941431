// Transport.cpp — header parsing for `Content-Length` frames, the delimited test reader, and message output.
#include "lsp/Transport.h"

#include <fmt/format.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace vdc::lsp {

namespace {
/// How reading one line ended.
enum class Line { Read, End, TooLong };

/// Reads one line without its "\n" (and "\r"); End at end of input with nothing read; TooLong once the line
/// exceeds `max` bytes (the rest of it is left unread).
Line readLine(std::FILE *in, std::string &line, size_t max = std::string::npos) {
  line.clear();
  int c;
  bool any = false;
  while ((c = std::fgetc(in)) != EOF) {
    any = true;
    if (c == '\n')
      break;
    if (line.size() >= max)
      return Line::TooLong;
    line.push_back(static_cast<char>(c));
  }
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  return any ? Line::Read : Line::End;
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
  char skipped[1 << 16];
  while (pendingSkip_ > 0) {
    size_t piece = static_cast<size_t>(std::min<unsigned long long>(pendingSkip_, sizeof skipped));
    size_t got = std::fread(skipped, 1, piece, in_);
    pendingSkip_ = got == piece ? pendingSkip_ - piece : 0;
  }
  std::string line;
  long long length = -1;
  size_t headerLines = 0;
  std::string error;
  auto fatal = [](std::string message) {
    RawMessage m{"", std::move(message)};
    m.fatal = true;
    return m;
  };
  // Headers end with an empty line; unknown headers (Content-Type) are ignored.
  while (true) {
    Line got = readLine(in_, line, kMaxHeaderLine);
    if (got == Line::End)
      return std::nullopt;
    if (got == Line::TooLong)
      return fatal(fmt::format("a header line is longer than {} bytes", kMaxHeaderLine));
    if (line.empty()) {
      if (headerLines == 0)
        continue; // stray blank lines between messages
      break;
    }
    if (++headerLines > kMaxHeaderLines)
      return fatal(fmt::format("a message has more than {} header lines", kMaxHeaderLines));
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
      bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
      unsigned long long n = 0;
      if (!digits)
        error = "invalid Content-Length `" + value.substr(0, 40) + "`";
      else if (llvm::StringRef(value).getAsInteger(10, n) || n > kMaxSkip)
        return fatal(fmt::format("Content-Length `{}` is too large (a message has at most {} bytes)",
                                 value.substr(0, 40), kMaxBody));
      else
        length = static_cast<long long>(n);
    }
  }
  if (length < 0)
    return RawMessage{"", error.empty() ? "missing Content-Length header" : error};
  if (static_cast<unsigned long long>(length) > kMaxBody) {
    // The error is answered first; the body is skipped by the next read, so that the stream stays in sync.
    pendingSkip_ = static_cast<unsigned long long>(length);
    return RawMessage{"", fmt::format("message of {} bytes is larger than the limit of {}", length, kMaxBody)};
  }
  // Read in pieces, so that a length the input does not hold never allocates the whole of it.
  std::string body;
  size_t want = static_cast<size_t>(length);
  while (body.size() < want) {
    size_t piece = std::min<size_t>(want - body.size(), 1u << 20);
    size_t old = body.size();
    body.resize(old + piece);
    size_t got = std::fread(body.data() + old, 1, piece, in_);
    if (got != piece)
      return std::nullopt; // the stream ended inside a body
  }
  return RawMessage{std::move(body), error};
}

std::optional<RawMessage> Transport::readDelimited() {
  std::string body, line;
  bool any = false;
  // A line, and a message, are bounded as a frame's body is: a longer one is an error, never unbounded memory.
  auto tooLong = [](const char *what) {
    RawMessage m{"", fmt::format("{} of the test input is longer than the limit of {} bytes", what, kMaxBody)};
    m.fatal = true; // the rest of the line is unread: where the next message starts is unknown
    return m;
  };
  Line got;
  while ((got = readLine(in_, line, kMaxBody)) == Line::Read) {
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
    if (body.size() + line.size() + 1 > kMaxBody)
      return tooLong("a message");
    body += line;
    body += '\n';
  }
  if (got == Line::TooLong)
    return tooLong("a line");
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
