// Compilation.h — one compilation: a root file, its imports and the stdlib, checked into a model with diagnostics.
#pragma once

#include "ast/Decl.h"
#include "diagnostics/Diagnostic.h"
#include "sema/Model.h"
#include "source/FileRead.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vdc {

/// Parsed modules kept between the compilations of a long-lived process (the language server recompiles on every
/// edit): an imported module, or the stdlib, whose file still has the same path and text is not parsed again. The
/// root file of a compilation is never cached. Owned by the process; a compilation only reads and fills it.
class ModuleCache {
public:
  /// One parsed module: the text it was parsed from, the file id its ranges carry, its tree and its syntax errors.
  struct Entry {
    std::string text;
    FileId file = 0;
    ast::Module module;
    std::vector<Diagnostic> diagnostics;
  };

  /// The entry for `canonicalPath` when it was parsed from exactly `text` as file `file`, else null.
  const Entry *find(const std::string &canonicalPath, FileId file, std::string_view text) const;

  /// Records a parse, replacing an older entry for the same path.
  void store(const std::string &canonicalPath, Entry entry);

  /// Number of modules held.
  size_t size() const { return entries_.size(); }

private:
  std::map<std::string, Entry> entries_;
};

class DigestCache;

/// Settings shared by every compilation of a run.
struct CompileOptions {
  /// Directories searched for modules imported by name (`import "core"`), in order.
  std::vector<std::string> searchPath;
  /// Which obligations make a claim fail (Section 9).
  Policy policy = Policy::OpenKey;
  /// Largest file accepted, in bytes.
  size_t maxFileBytes = 8u << 20;
  /// Deepest chain of imports.
  unsigned maxImportDepth = 32;
  /// Stop after parsing (for measuring the parser alone).
  bool parseOnly = false;
  /// Let a design read data, imports and its lock outside the project root (`--allow-outside-root`).
  bool allowOutsideRoot = false;
  /// Read `NAME.vdesign.lock` to decide whether check discharges are current (off for `vdc verify`).
  bool readLock = true;
  /// Take the stdlib's syntax trees parsed when vdc was built (driver/PrebuiltModules.h) for a module whose text is
  /// exactly a stdlib file's; false parses every module (VDC_STDLIB_FROM_SOURCE=1, to compare the two).
  bool prebuiltStdlib = true;
  /// Parsed imports and stdlib to reuse (null: parse every module, as a one-shot command does).
  std::shared_ptr<ModuleCache> moduleCache;
  /// Digests of data files to reuse while a file's stamp is unchanged (null: hash each file when needed).
  std::shared_ptr<DigestCache> digestCache;
  /// The text of an imported module (or of the stdlib) given its canonical path, when it differs from the file on
  /// disk: the editor's unsaved text of an open document. Returns false to read the file (unset: always the file).
  std::function<bool(const std::string &canonicalPath, std::string &text)> readOverlay;
};

/// Compiles one root file. Never throws; every problem becomes a diagnostic.
class Compilation {
public:
  explicit Compilation(CompileOptions options);

  /// Compiles the file at `path`.
  void compileFile(const std::string &path);

  /// Compiles what an open descriptor (standard input) holds, read up to the size limit, as the file `name`.
  void compileDescriptor(int fd, const std::string &name);

  /// Compiles in-memory text as if it were the file `path` (used by the language server and tests).
  void compileText(const std::string &path, std::string text);

  const SourceManager &sources() const { return sources_; }
  const DiagnosticSink &diagnostics() const { return diags_; }
  const Theory &theory() const { return theory_; }
  const std::vector<CheckedDesign> &designs() const { return designs_; }
  /// The root file's syntax tree (null before compiling).
  const ast::Module *root() const { return root_; }
  /// Every module loaded, the root last.
  const std::vector<std::unique_ptr<ast::Module>> &modules() const { return modules_; }
  /// The canonical paths of every module loaded (imports and the stdlib), the root last.
  const std::vector<std::string> &loadedPaths() const { return loaded_; }
  FileId rootFile() const { return rootFile_; }
  /// How machine-readable reports name a file: a module found through the stdlib search path (`--stdlib-path`,
  /// VDESIGN_PATH, the installed stdlib) as `<stdlib>/` and its path inside that directory, so a report does not
  /// depend on where vdc or the stdlib is installed; every other file by its display name (as the user gave it).
  std::string reportName(FileId file) const;
  /// The absolute and real paths of the data files (and the lock) the check discharges looked up.
  const std::vector<std::string> &dataPaths() const { return dataPaths_; }
  /// The canonical path an import of a loaded module resolved to ("" when it names no file).
  std::string importedPath(const ast::Import &import) const;
  /// The file an import of a loaded module names, once loaded (0 when it was not found or could not be read).
  FileId importedFile(const ast::Import &import) const;
  const CompileOptions &options() const { return options_; }

private:
  void run(const std::string &path, std::string text);
  /// Loads a module and, first, everything it imports; returns null when it cannot be read.
  /// `cacheable`: the module may be taken from, and stored in, the options' module cache (not the root).
  /// `trusted`: the module was found through the stdlib search path, so its own relative imports are not confined
  /// to the project root.
  const ast::Module *load(const std::string &canonical, const std::string &display, std::string text,
                          std::vector<std::string> &stack, bool cacheable = true, bool trusted = false);
  void loadImports(const ast::Module &module, const std::string &fromPath, std::vector<std::string> &stack,
                   bool trusted);
  /// Finds the design file (ending in `.vdesign`) an import names; "" when none exists.
  std::string resolveImport(const std::string &spec, const std::string &fromPath) const;
  /// Reads a file, bounded by the size limit; only a file the user named (`namedByUser`) may be a pipe or device.
  /// A `root` other than "" confines the opened file to it (ReadError::OutsideRoot otherwise).
  bool readFile(const std::string &path, std::string &text, std::string &error, bool namedByUser = false,
                const std::string &root = "", ReadError *why = nullptr) const;
  /// Reads a module to load: the overlay's text when it has one, else the file (confined to `root` unless "").
  bool readModule(const std::string &path, const std::string &canonical, std::string &text, std::string &error,
                  const std::string &root, ReadError &why) const;
  /// Reports VD0004 at `range` for `path`, outside the project root.
  void reportOutsideRoot(SourceRange range, const std::string &path, const std::string &what);

  CompileOptions options_;
  SourceManager sources_;
  DiagnosticSink diags_;
  Theory theory_;
  std::vector<CheckedDesign> designs_;
  std::vector<std::unique_ptr<ast::Module>> modules_;
  std::vector<std::string> loaded_; ///< Canonical paths of loaded modules.
  std::vector<std::string> dataPaths_;                 ///< Data files looked up by check discharges.
  std::map<std::string, FileId> fileOf_;               ///< Canonical path of a loaded module -> its file.
  std::map<FileId, std::string> stdlibNames_;          ///< A module of the search path -> `<stdlib>/REL`.
  std::map<const ast::Import *, std::string> imports_; ///< Each resolved import -> the canonical path it names.
  const ast::Module *root_ = nullptr;
  FileId rootFile_ = 0;
  std::string projectRoot_; ///< The root file's project root: imports and the lock stay inside it.
};

/// The canonical form of a path: symbolic links resolved when the file exists, else made absolute without `.`/`..`.
std::string canonicalPath(const std::string &path);

/// The directory a file named on the command line is confined to: its project root when the path as written lies
/// inside that root (so a symbolic link in a repository cannot lead out of it), else "" (the user named a file
/// elsewhere), and always "" with `allowOutsideRoot`.
std::string confinementRootFor(const std::string &path, bool allowOutsideRoot);

/// The stdlib directories to search by default: next to an installed binary, then the source tree it was built from.
std::vector<std::string> defaultStdlibDirs(const char *argv0);

} // namespace vdc
