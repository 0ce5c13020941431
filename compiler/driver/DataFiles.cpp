// DataFiles.cpp — the data files of check discharges on disk: found inside the project root, hashed once per
// version of the file, read for `vdc verify` through a single open, parsed and hashed as it is read (SECURITY.md).
#include "driver/DataFiles.h"

#include "source/Utf8.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/SHA256.h>

#include <optional>
#include <unistd.h>
#include <vector>

namespace vdc {

namespace {

/// How much of a data file is read at a time.
constexpr size_t kChunk = 1 << 20;

/// The first byte of `text` that does not start a valid UTF-8 sequence, or nullopt.
std::optional<unsigned char> invalidUtf8Byte(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    if (decodeUtf8(text, i) == kReplacementCharacter && i - at == 1)
      return static_cast<unsigned char>(text[at]);
  }
  return std::nullopt;
}

/// Column names and kept cells must be valid UTF-8: they appear in messages and in the lock's JSON figures.
bool checkUtf8(const rt::CsvTable &table, rt::DataError &error) {
  for (size_t i = 0; i < table.header.size(); ++i)
    if (auto byte = invalidUtf8Byte(table.header[i])) {
      error = {fmt::format("column {} of the header: the name is not valid UTF-8 (byte 0x{:02X})", i + 1, *byte), 1};
      return false;
    }
  for (size_t row = 0; row < table.rowCount(); ++row)
    for (size_t col = 0; col < table.columns.size(); ++col)
      if (auto byte = invalidUtf8Byte(table.cell(row, col))) {
        error = {fmt::format("data row {}, column `{}`: the cell is not valid UTF-8 (byte 0x{:02X})", row + 1,
                             table.name(col), *byte),
                 table.rowLine(row)};
        return false;
      }
  return true;
}

/// A line of the file as quoted in a message: without a final `\r`, an invalid UTF-8 byte shown as U+FFFD.
std::string shownLine(std::string_view text) {
  if (!text.empty() && text.back() == '\r')
    text.remove_suffix(1);
  std::string out;
  for (size_t i = 0; i < text.size();)
    appendUtf8(out, decodeUtf8(text, i));
  return out;
}

} // namespace

std::string projectRootFor(const std::string &designPath) {
  llvm::SmallString<256> dir(lexicalPath(designPath));
  llvm::sys::path::remove_filename(dir);
  while (!dir.empty()) {
    llvm::SmallString<256> git(dir);
    llvm::sys::path::append(git, ".git");
    if (llvm::sys::fs::exists(git)) {
      llvm::SmallString<256> real;
      if (!llvm::sys::fs::real_path(dir, real))
        return std::string(real.str());
      return std::string(dir.str());
    }
    std::string parent = llvm::sys::path::parent_path(dir).str(); // a copy: `dir` is overwritten below
    if (parent == dir.str())
      break;
    dir = parent;
  }
  llvm::SmallString<256> cwd, real;
  llvm::sys::fs::current_path(cwd);
  if (!llvm::sys::fs::real_path(cwd, real))
    return std::string(real.str());
  return std::string(cwd.str());
}

bool readAndHash(OpenedFile &file, llvm::function_ref<bool(llvm::StringRef chunk)> onChunk, std::string &sha256,
                 std::string &error) {
  llvm::SHA256 hash;
  std::vector<char> chunk(kChunk);
  for (;;) {
    long long n = file.read(chunk.data(), chunk.size(), error);
    if (n < 0)
      return false;
    if (n == 0)
      break;
    llvm::StringRef bytes(chunk.data(), static_cast<size_t>(n));
    hash.update(bytes);
    if (onChunk && !onChunk(bytes))
      return false;
  }
  sha256 = llvm::toHex(llvm::arrayRefFromStringRef(hash.final()), /*LowerCase=*/true);
  return true;
}

bool DigestCache::digest(const std::string &realPath, const OpenRules &rules, std::string &sha256, std::string &error) {
  ++clock_;
  FileStamp now;
  auto it = entries_.find(realPath);
  if (it != entries_.end() && statFile(realPath, now) && now == it->second.stamp) {
    ++hits_;
    it->second.lastUse = clock_;
    sha256 = it->second.sha256;
    return true;
  }
  OpenedFile file;
  ReadError why;
  if (!file.open(realPath, rules, why, error))
    return false;
  ++reads_;
  // Hashed in chunks: a large data file is never held in memory.
  if (!readAndHash(file, nullptr, sha256, error))
    return false;
  // The stamp is that of the opened file before reading: an edit while hashing changes it, so the next look misses.
  if (it == entries_.end() && entries_.size() >= capacity_) {
    auto oldest = entries_.begin();
    for (auto e = entries_.begin(); e != entries_.end(); ++e)
      if (e->second.lastUse < oldest->second.lastUse)
        oldest = e;
    entries_.erase(oldest);
  }
  Entry &entry = entries_[realPath];
  entry.stamp = file.stamp();
  entry.sha256 = sha256;
  entry.lastUse = clock_;
  return true;
}

OpenRules DiskDataFiles::rules() const {
  OpenRules rules;
  rules.root = allowOutside_ ? "" : root_;
  rules.allowStreams = false;
  return rules;
}

DataFileLookup DiskDataFiles::resolve(const std::string &dataPath) const {
  DataFileLookup found;
  llvm::SmallString<256> full;
  if (llvm::sys::path::is_absolute(dataPath)) {
    full = dataPath;
  } else {
    full = designPath_;
    llvm::sys::path::remove_filename(full);
    llvm::sys::path::append(full, dataPath);
  }
  found.absolute = lexicalPath(std::string(full.str()));
  lookedUp_.push_back(found.absolute);
  auto inside = [&](const std::string &path) {
    return allowOutside_ || root_.empty() || (path != root_ && isInsideDirectory(path, root_));
  };
  if (!inside(found.absolute)) {
    found.state = DataFileLookup::State::OutsideRoot;
    return found;
  }
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(full, real)) {
    found.state = DataFileLookup::State::Missing;
    return found;
  }
  found.realPath = std::string(real.str());
  if (found.realPath != found.absolute)
    lookedUp_.push_back(found.realPath);
  if (!inside(found.realPath)) {
    found.state = DataFileLookup::State::OutsideRoot;
    return found;
  }
  // Examined without opening it: opening a FIFO could wait for a writer.
  found.reason = nonRegularKind(found.realPath);
  found.state = found.reason.empty() ? DataFileLookup::State::Ok : DataFileLookup::State::NotRegular;
  return found;
}

bool DiskDataFiles::digest(const std::string &realPath, std::string &sha256, std::string &error) const {
  if (cache_)
    return cache_->digest(realPath, rules(), sha256, error);
  DigestCache once(1);
  return once.digest(realPath, rules(), sha256, error);
}

bool readAndParse(OpenedFile &file, const std::string &shown, const std::vector<std::string> &columns,
                  rt::CsvTable &table, std::string &sha256, rt::DataError &error) {
  rt::CsvReader reader(shown, columns);
  bool parsed = true;
  std::string failure;
  bool read = readAndHash(
      file,
      [&](llvm::StringRef chunk) { return parsed = reader.feed(std::string_view(chunk.data(), chunk.size()), error); },
      sha256, failure);
  if (!parsed)
    return false;
  if (!read) {
    error = {"cannot read the file: " + failure, 0};
    return false;
  }
  return reader.finish(table, error) && checkUtf8(table, error);
}

std::string lineOfFile(const OpenedFile &file, size_t line) {
  constexpr size_t kMaxLine = 64 * 1024;
  if (!file.isRegular() || line == 0)
    return "";
  std::vector<char> chunk(kChunk);
  std::string text;
  size_t current = 1;
  for (off_t offset = 0;;) {
    ssize_t n = ::pread(file.descriptor(), chunk.data(), chunk.size(), offset);
    if (n <= 0)
      return shownLine(text);
    offset += n;
    for (ssize_t i = 0; i < n; ++i) {
      char c = chunk[static_cast<size_t>(i)];
      if (c == '\n') {
        if (current == line)
          return shownLine(text);
        ++current;
      } else if (current == line && text.size() < kMaxLine) {
        text += c;
      }
    }
  }
}

} // namespace vdc
