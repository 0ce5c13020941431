// DataFiles.h — the data files of check discharges on disk: finding them inside the project root, hashing them
// (cached by file stamp for the language server), and reading one for `vdc verify` in a single open: parsed and
// hashed as it is read, keeping only the columns a check uses.
#pragma once

#include "runtime/Csv.h"
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

/// Reads the opened data file to its end in chunks of 1 MiB: parses it keeping `columns` (shown as `shown` in
/// messages) and computes the lowercase hex SHA-256 of all its bytes (what the lock records). Memory grows with the
/// kept columns, not with the file. A cell or column name that is not valid UTF-8 is an error with its row and
/// column. Returns false and fills `error` (with the line it concerns) on a problem.
bool readAndParse(OpenedFile &file, const std::string &shown, const std::vector<std::string> &columns,
                  rt::CsvTable &table, std::string &sha256, rt::DataError &error);

/// The text of 1-based `line` of the opened regular file (read again from its start, at most 64 KiB of the line,
/// without its line break), to quote in a message; "" when it cannot be read.
std::string lineOfFile(const OpenedFile &file, size_t line);

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
