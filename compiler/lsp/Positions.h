// Positions.h — the one place that converts between protocol positions (0-based line, UTF-16 column) and byte
// offsets of the SourceManager, and between `file://` URIs and paths.
#pragma once

#include "source/SourceManager.h"

#include <llvm/Support/JSON.h>

#include <optional>
#include <string>
#include <vector>

namespace vdc::lsp {

/// An LSP position: 0-based line and 0-based column in UTF-16 code units.
struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
};

/// The protocol position of a byte offset of `file`.
Position toPosition(const SourceManager &sources, FileId file, uint32_t offset);

/// The byte offset of a protocol position, clamped to the line and the file.
uint32_t toOffset(const SourceManager &sources, FileId file, Position position);

/// Streams `{"start": ..., "end": ...}` of a source range into `json` (keys in sorted order); an invalid range
/// becomes the start of the file.
void writeJsonRange(llvm::json::OStream &json, const SourceManager &sources, SourceRange range);

/// A file whose URI the client chose (an open document), so it is not derived from the file's name; the URIs of the
/// other files are computed once each (making a path absolute asks the system for the working directory).
struct KnownUri {
  KnownUri(FileId file, std::string uri) : file(file), uri(std::move(uri)) {}
  FileId file = 0;
  std::string uri;
  /// The URI of `other`: `uri` for `file`, else the `file://` URI of its name.
  const std::string &of(const SourceManager &sources, FileId other) const;

private:
  mutable std::vector<std::string> derived_;
};

/// Streams `{"range": ..., "uri": ...}` of a source range into `json`; the file's name is made an absolute `file://`
/// URI unless it is the file of `known`.
void writeJsonLocation(llvm::json::OStream &json, const SourceManager &sources, SourceRange range,
                       const KnownUri &known);

/// The path a `file://` URI names (percent-decoded); other URIs are returned unchanged.
std::string uriToPath(const std::string &uri);

/// The `file://` URI of a path (made absolute first); percent-encodes what RFC 3986 requires.
std::string pathToUri(const std::string &path);

} // namespace vdc::lsp
