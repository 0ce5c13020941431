// Compilation.h — one compilation: a root file, its imports and the stdlib, checked into a model with diagnostics.
#pragma once

#include "ast/Decl.h"
#include "diagnostics/Diagnostic.h"
#include "sema/Model.h"

#include <memory>
#include <string>
#include <vector>

namespace vdc {

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
  /// Let checks read data files outside the project root (`--allow-outside-root`).
  bool allowOutsideRoot = false;
  /// Read `NAME.vdesign.lock` to decide whether check discharges are current (off for `vdc verify`).
  bool readLock = true;
};

/// Compiles one root file. Never throws; every problem becomes a diagnostic.
class Compilation {
public:
  explicit Compilation(CompileOptions options);

  /// Compiles the file at `path`.
  void compileFile(const std::string &path);

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
  FileId rootFile() const { return rootFile_; }
  const CompileOptions &options() const { return options_; }

private:
  void run(const std::string &path, std::string text);
  /// Loads a module and, first, everything it imports; returns null when it cannot be read.
  const ast::Module *load(const std::string &canonical, const std::string &display, std::string text,
                          std::vector<std::string> &stack);
  void loadImports(const ast::Module &module, const std::string &fromPath, std::vector<std::string> &stack);
  /// Finds the file an import names; "" when none exists.
  std::string resolveImport(const std::string &spec, const std::string &fromPath) const;
  bool readFile(const std::string &path, std::string &text, std::string &error) const;

  CompileOptions options_;
  SourceManager sources_;
  DiagnosticSink diags_;
  Theory theory_;
  std::vector<CheckedDesign> designs_;
  std::vector<std::unique_ptr<ast::Module>> modules_;
  std::vector<std::string> loaded_; ///< Canonical paths of loaded modules.
  const ast::Module *root_ = nullptr;
  FileId rootFile_ = 0;
};

/// The stdlib directories to search by default: next to an installed binary, then the source tree it was built from.
std::vector<std::string> defaultStdlibDirs(const char *argv0);

} // namespace vdc
