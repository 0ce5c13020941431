// Positions.cpp — UTF-16 position and URI conversion, built on SourceManager's column functions.
#include "lsp/Positions.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <cctype>

namespace vdc::lsp {

Position toPosition(const SourceManager &sources, FileId file, uint32_t offset) {
  return {sources.lineColumn(file, offset).line - 1, sources.utf16Column(file, offset)};
}

uint32_t toOffset(const SourceManager &sources, FileId file, Position position) {
  return sources.offsetOfUtf16(file, position.line, position.character);
}

void writeJsonRange(llvm::json::OStream &json, const SourceManager &sources, SourceRange range) {
  Position start{0, 0}, end{0, 0};
  if (range.valid()) {
    start = toPosition(sources, range.file, range.begin);
    end = toPosition(sources, range.file, range.end);
  }
  auto position = [&](Position p) {
    json.object([&] {
      json.attribute("character", p.character);
      json.attribute("line", p.line);
    });
  };
  json.object([&] {
    json.attributeBegin("end");
    position(end);
    json.attributeEnd();
    json.attributeBegin("start");
    position(start);
    json.attributeEnd();
  });
}

const std::string &KnownUri::of(const SourceManager &sources, FileId other) const {
  if (other == file || other == 0)
    return uri;
  if (derived_.size() < other)
    derived_.resize(other);
  std::string &cached = derived_[other - 1];
  if (cached.empty())
    cached = pathToUri(sources.name(other));
  return cached;
}

void writeJsonLocation(llvm::json::OStream &json, const SourceManager &sources, SourceRange range,
                       const KnownUri &known) {
  json.object([&] {
    json.attributeBegin("range");
    writeJsonRange(json, sources, range);
    json.attributeEnd();
    json.attribute("uri", known.of(sources, range.valid() ? range.file : 0));
  });
}

namespace {
int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}
} // namespace

std::string uriToPath(const std::string &uri) {
  const std::string scheme = "file://";
  if (uri.compare(0, scheme.size(), scheme) != 0)
    return uri;
  std::string rest = uri.substr(scheme.size());
  // Skip an authority ("localhost" or empty).
  size_t slash = rest.find('/');
  rest = slash == std::string::npos ? "/" : rest.substr(slash);
  std::string path;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hexValue(rest[i + 1]) >= 0 &&
        hexValue(rest[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hexValue(rest[i + 1]) * 16 + hexValue(rest[i + 2])));
      i += 2;
    } else {
      path.push_back(rest[i]);
    }
  }
  return path;
}

std::string pathToUri(const std::string &path) {
  if (path.find("://") != std::string::npos || path.rfind("untitled:", 0) == 0)
    return path; // already a URI (a document without a file)
  llvm::SmallString<256> absolute(path);
  llvm::sys::fs::make_absolute(absolute);
  llvm::sys::path::remove_dots(absolute, true);
  std::string uri = "file://";
  static const char *hex = "0123456789ABCDEF";
  for (char ch : absolute.str()) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
      uri.push_back(ch);
    else {
      uri.push_back('%');
      uri.push_back(hex[c >> 4]);
      uri.push_back(hex[c & 15]);
    }
  }
  return uri;
}

} // namespace vdc::lsp
