// DataFiles.cpp — the data files of check discharges on disk: found inside the project root, hashed once per
// version of the file, read for `vdc verify` through a single open (SECURITY.md).
#include "driver/DataFiles.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/SHA256.h>

#include <vector>

namespace vdc {

namespace {

std::string absolute(const std::string &path) {
  llvm::SmallString<256> abs(path);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::path::remove_dots(abs, /*remove_dot_dot=*/true);
  return std::string(abs.str());
}

std::string hex(llvm::StringRef digest) {
  static const char *digits = "0123456789abcdef";
  std::string out;
  for (char c : digest) {
    auto b = static_cast<uint8_t>(c);
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

} // namespace

std::string projectRootFor(const std::string &designPath) {
  llvm::SmallString<256> dir(absolute(designPath));
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
  std::vector<char> chunk(1 << 16);
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
  sha256 = hex(hash.final());
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
  found.absolute = absolute(std::string(full.str()));
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

} // namespace vdc
