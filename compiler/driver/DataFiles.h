// DataFiles.h — the data files of check discharges on disk: finding them inside the project root, hashing them
// (cached by file stamp for the language server), and reading one for `vdc verify` in a single open.
#pragma once

#include "sema/DesignChecker.h"
#include "source/FileRead.h"

#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/ADT/StringRef.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vdc {

/// The directory data must lie in: the nearest directory above `designPath` holding `.git`, else the working
/// directory.
std::string projectRootFor(const std::string &designPath);

/// SHA-256 digests of data files, kept between compilations of a long-lived process (the language server): a file
/// whose stamp (device, inode, size, modification and change times) is unchanged is not read again. Holds at most
/// `capacity` files; the least recently used is dropped first.
class DigestCache {
public:
  explicit DigestCache(size_t capacity = 256) : capacity_(capacity ? capacity : 1) {}

  /// The digest of the regular file at `realPath` (read under `rules` when not cached), or false with `error`.
  bool digest(const std::string &realPath, const OpenRules &rules, std::string &sha256, std::string &error);

  size_t size() const { return entries_.size(); }
  /// Digests answered from the cache, and files read to compute one.
  uint64_t hits() const { return hits_; }
  uint64_t reads() const { return reads_; }

private:
  struct Entry {
    FileStamp stamp;
    std::string sha256;
    uint64_t lastUse = 0;
  };
  size_t capacity_;
  std::map<std::string, Entry> entries_;
  uint64_t clock_ = 0, hits_ = 0, reads_ = 0;
};

/// Reads an opened data file to its end in chunks, hashing exactly the bytes read into `sha256` (lowercase hex).
/// Each chunk is also handed to `onChunk` (when set), which may keep or parse it and returns false to stop (with
/// `error` set by it).
bool readAndHash(OpenedFile &file, llvm::function_ref<bool(llvm::StringRef chunk)> onChunk, std::string &sha256,
                 std::string &error);

/// The driver's file access for sema (sema/DesignChecker.h): data paths resolved against the design's directory
/// and confined to the project root; digests through `cache` when given. Remembers every data path it resolved.
class DiskDataFiles : public DataFiles {
public:
  DiskDataFiles(std::string designPath, std::string projectRoot, bool allowOutsideRoot,
                std::shared_ptr<DigestCache> cache)
      : designPath_(std::move(designPath)), root_(std::move(projectRoot)), allowOutside_(allowOutsideRoot),
        cache_(std::move(cache)) {}

  DataFileLookup resolve(const std::string &dataPath) const override;
  bool digest(const std::string &realPath, std::string &sha256, std::string &error) const override;

  /// The absolute paths (and real paths, when different) of every data file looked up: a change to one of them
  /// may change the check's status.
  const std::vector<std::string> &lookedUp() const { return lookedUp_; }

  /// The rules for opening a data file: a regular file, inside the root unless outside is allowed.
  OpenRules rules() const;

private:
  std::string designPath_, root_;
  bool allowOutside_;
  std::shared_ptr<DigestCache> cache_;
  mutable std::vector<std::string> lookedUp_;
};

} // namespace vdc
