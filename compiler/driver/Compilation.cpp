// Compilation.cpp — module loading (imports, the implicit `core`, cycles), then theory and design checking.
#include "driver/Compilation.h"

#include "driver/DataFiles.h"
#include "driver/PrebuiltModules.h"
#include "parse/Parser.h"
#include "sema/DesignChecker.h"
#include "sema/TheoryBuilder.h"
#include "source/FileRead.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>

namespace vdc {

std::string canonicalPath(const std::string &path) {
  llvm::SmallString<256> real;
  if (!llvm::sys::fs::real_path(path, real))
    return std::string(real.str());
  return lexicalPath(path);
}

namespace {
bool isFile(const std::string &path) { return llvm::sys::fs::is_regular_file(path); }

/// True when the absolute, lexical `path` lies inside `root` (a real path): directly, or below a directory whose real
/// path is the root (a project reached through a symbolic link, such as a checkout under a linked home directory).
bool isLexicallyInside(const std::string &path, const std::string &root) {
  if (isInsideDirectory(path, root))
    return true;
  for (llvm::StringRef dir = llvm::sys::path::parent_path(path); !dir.empty();
       dir = llvm::sys::path::parent_path(dir)) {
    llvm::SmallString<256> real;
    if (!llvm::sys::fs::real_path(dir, real) && real.str() == root)
      return true;
    if (dir == llvm::sys::path::root_path(dir))
      break;
  }
  return false;
}

bool isRelativeImport(const std::string &spec) { return spec.rfind("./", 0) == 0 || spec.rfind("../", 0) == 0; }

const char *kOutsideRootHelp = "a design may read only files inside its project (the nearest directory holding "
                               "`.git`, else the working directory); pass --allow-outside-root to allow it";
} // namespace

std::string confinementRootFor(const std::string &path, bool allowOutsideRoot) {
  if (allowOutsideRoot || path == "-")
    return "";
  std::string root = projectRootFor(path);
  // The root `/` confines nothing, and would refuse a stream such as `/dev/stdin`, which has no path of its own.
  return root != "/" && isLexicallyInside(lexicalPath(path), root) ? root : "";
}

void Compilation::reportOutsideRoot(SourceRange range, const std::string &path, const std::string &what) {
  auto &d = diags_.report<DiagKind::OutsideRoot>(range, path, projectRoot_);
  d.help = kOutsideRootHelp;
  if (!what.empty())
    d.notes.push_back({range, what});
}

Compilation::Compilation(CompileOptions options) : options_(std::move(options)) {}

bool Compilation::readFile(const std::string &path, std::string &text, std::string &error, bool namedByUser,
                           const std::string &root, ReadError *whyOut) const {
  OpenRules rules;
  rules.allowStreams = namedByUser; // a pipe or `/dev/stdin` named on the command line, never one a design names
  rules.maxBytes = options_.maxFileBytes;
  rules.root = root;
  ReadError why = ReadError::None;
  bool read = readFileSafely(path, rules, text, why, error);
  if (whyOut)
    *whyOut = why;
  if (read)
    return true;
  if (why == ReadError::TooLarge)
    error = fmt::format("it is larger than the limit of {} bytes", options_.maxFileBytes);
  return false;
}

bool Compilation::readModule(const std::string &path, const std::string &canonical, std::string &text,
                             std::string &error, const std::string &root, ReadError &why) const {
  why = ReadError::None;
  if (!root.empty() && !isInsideDirectory(canonical, root)) {
    why = ReadError::OutsideRoot;
    return false;
  }
  if (options_.readOverlay && options_.readOverlay(canonical, text))
    return true;
  return readFile(path, text, error, false, root, &why);
}

void Compilation::compileFile(const std::string &path) {
  std::string text, error;
  OpenRules rules;
  rules.allowStreams = true;
  rules.maxBytes = options_.maxFileBytes;
  // A file named inside a project may not lead out of it through a symbolic link (a design a repository links to
  // `/etc/passwd` would otherwise be quoted line by line as syntax errors).
  rules.root = confinementRootFor(path, options_.allowOutsideRoot);
  ReadError why = ReadError::None;
  if (!readFileSafely(path, rules, text, why, error)) {
    rootFile_ = sources_.add(path, "");
    projectRoot_ = rules.root;
    if (why == ReadError::OutsideRoot)
      reportOutsideRoot(SourceRange{rootFile_, 0, 0}, path,
                        "it resolves, through a symbolic link, to `" + canonicalPath(path) + "`");
    else if (why == ReadError::TooLarge)
      diags_.report<DiagKind::FileTooLarge>(SourceRange{rootFile_, 0, 0}, options_.maxFileBytes);
    else
      diags_.report<DiagKind::FileUnreadable>(SourceRange{rootFile_, 0, 0}, path, error);
    return;
  }
  run(path, std::move(text));
}

void Compilation::compileDescriptor(int fd, const std::string &name) {
  std::string text, error;
  ReadError why = ReadError::None;
  if (!readDescriptor(fd, options_.maxFileBytes, text, why, error)) {
    rootFile_ = sources_.add(name, "");
    if (why == ReadError::TooLarge)
      diags_.report<DiagKind::FileTooLarge>(SourceRange{rootFile_, 0, 0}, options_.maxFileBytes);
    else
      diags_.report<DiagKind::FileUnreadable>(SourceRange{rootFile_, 0, 0}, name, error);
    return;
  }
  run(name, std::move(text));
}

void Compilation::compileText(const std::string &path, std::string text) {
  if (text.size() > options_.maxFileBytes) {
    rootFile_ = sources_.add(path, "");
    diags_.report<DiagKind::FileTooLarge>(SourceRange{rootFile_, 0, 0}, options_.maxFileBytes);
    return;
  }
  run(path, std::move(text));
}

std::string Compilation::importedPath(const ast::Import &import) const {
  auto it = imports_.find(&import);
  return it == imports_.end() ? std::string() : it->second;
}

FileId Compilation::importedFile(const ast::Import &import) const {
  auto it = fileOf_.find(importedPath(import));
  return it == fileOf_.end() ? 0 : it->second;
}

std::string Compilation::resolveImport(const std::string &spec, const std::string &fromPath) const {
  // An import names a design file: `NAME.vdesign`, with or without the extension written.
  auto candidates = [](const std::string &base) {
    return std::vector<std::string>{llvm::StringRef(base).endswith(".vdesign") ? base : base + ".vdesign"};
  };
  bool relative = isRelativeImport(spec);
  if (relative) {
    llvm::SmallString<256> dir(fromPath);
    llvm::sys::path::remove_filename(dir);
    llvm::SmallString<256> full(dir);
    llvm::sys::path::append(full, spec);
    for (const auto &c : candidates(std::string(full.str())))
      if (isFile(c))
        return c;
    return "";
  }
  // A module name stays inside its search directory.
  llvm::SmallString<256> tidy(spec);
  llvm::sys::path::remove_dots(tidy, /*remove_dot_dot=*/true);
  if (llvm::sys::path::is_absolute(spec) || tidy.str().startswith(".."))
    return "";
  for (const std::string &dir : options_.searchPath) {
    llvm::SmallString<256> full(dir);
    llvm::sys::path::append(full, spec);
    for (const auto &c : candidates(std::string(full.str())))
      if (isFile(c))
        return c;
  }
  return "";
}

const ModuleCache::Entry *ModuleCache::find(const std::string &canonicalPath, FileId file,
                                             std::string_view text) const {
  auto it = entries_.find(canonicalPath);
  if (it == entries_.end() || it->second.file != file || it->second.text != text)
    return nullptr;
  return &it->second;
}

void ModuleCache::store(const std::string &canonicalPath, Entry entry) {
  entries_[canonicalPath] = std::move(entry);
}

const ast::Module *Compilation::load(const std::string &canonical, const std::string &display, std::string text,
                                     std::vector<std::string> &stack, bool cacheable, bool trusted) {
  FileId file = sources_.add(display, std::move(text));
  loaded_.push_back(canonical);
  fileOf_.emplace(canonical, file);
  if (trusted) // named in machine-readable reports by its place in the search directory it lies in
    for (const std::string &dir : options_.searchPath) {
      std::string base = lexicalPath(dir), path = lexicalPath(display);
      if (!base.empty() && path.size() > base.size() && isInsideDirectory(path, base)) {
        llvm::StringRef rel = llvm::StringRef(path).drop_front(base.size()).ltrim("/");
        stdlibNames_.emplace(file, "<stdlib>/" + rel.str());
        break;
      }
    }
  ModuleCache *cache = cacheable ? options_.moduleCache.get() : nullptr;
  std::unique_ptr<ast::Module> module;
  // A module parsed before from the same text, as the same file id, has the same tree and the same syntax errors.
  if (const ModuleCache::Entry *hit = cache ? cache->find(canonical, file, sources_.text(file)) : nullptr) {
    module = std::make_unique<ast::Module>(hit->module);
    diags_.all().insert(diags_.all().end(), hit->diagnostics.begin(), hit->diagnostics.end());
  } else {
    size_t before = diags_.all().size();
    module = std::make_unique<ast::Module>(parseOrPrebuilt(sources_, file, diags_, options_.prebuiltStdlib));
    if (cache)
      cache->store(canonical, {std::string(sources_.text(file)), file, *module,
                               std::vector<Diagnostic>(diags_.all().begin() + static_cast<std::ptrdiff_t>(before),
                                                       diags_.all().end())});
  }
  stack.push_back(canonical);
  loadImports(*module, display, stack, trusted);
  stack.pop_back();
  modules_.push_back(std::move(module));
  return modules_.back().get();
}

void Compilation::loadImports(const ast::Module &module, const std::string &fromPath, std::vector<std::string> &stack,
                              bool trusted) {
  for (const ast::Import &import : module.imports) {
    bool relative = isRelativeImport(import.path);
    // A relative import of a project file stays inside the project; modules of the search path are trusted.
    std::string root = relative && !trusted ? projectRoot_ : "";
    if (!root.empty()) {
      llvm::SmallString<256> full(fromPath);
      llvm::sys::path::remove_filename(full);
      llvm::sys::path::append(full, import.path);
      if (!isLexicallyInside(lexicalPath(std::string(full.str())), root)) {
        reportOutsideRoot(import.range, import.path, "");
        continue;
      }
    }
    std::string path = resolveImport(import.path, fromPath);
    if (path.empty()) {
      auto &d = diags_.report<DiagKind::ModuleNotFound>(import.range, import.path);
      if (relative)
        d.help = "a path starting with `./` or `../` is relative to the importing file, and names a `.vdesign` file";
      else
        d.help = "modules are searched in --stdlib-path, VDESIGN_PATH and the installed stdlib";
      continue;
    }
    std::string canonical = canonicalPath(path);
    imports_[&import] = canonical;
    auto onStack = std::find(stack.begin(), stack.end(), canonical);
    if (onStack != stack.end()) {
      std::string cycle;
      for (auto it = onStack; it != stack.end(); ++it)
        cycle += llvm::sys::path::filename(*it).str() + " -> ";
      cycle += llvm::sys::path::filename(canonical).str();
      diags_.report<DiagKind::ImportCycle>(import.range, cycle);
      continue;
    }
    if (std::find(loaded_.begin(), loaded_.end(), canonical) != loaded_.end())
      continue; // a module is loaded once per compilation
    if (stack.size() >= options_.maxImportDepth) {
      diags_.report<DiagKind::NestingTooDeep>(import.range, options_.maxImportDepth).help =
          "imports are nested too deeply";
      continue;
    }
    std::string text, error;
    ReadError why = ReadError::None;
    if (!readModule(path, canonical, text, error, root, why)) {
      if (why == ReadError::OutsideRoot)
        reportOutsideRoot(import.range, import.path, "it resolves, through a symbolic link, to `" + canonical + "`");
      else
        diags_.report<DiagKind::FileUnreadable>(import.range, path, error);
      continue;
    }
    // Shown without `.` and `..` steps (`cyc/../cyc/./b.vdesign` reads as `cyc/b.vdesign`), unless a symbolic link
    // on the way makes the tidy path name another file.
    llvm::SmallString<256> shown(path);
    llvm::sys::path::remove_dots(shown, /*remove_dot_dot=*/true);
    load(canonical, canonicalPath(std::string(shown.str())) == canonical ? std::string(shown.str()) : path,
         std::move(text), stack, /*cacheable=*/true, trusted || !relative);
  }
}

void Compilation::run(const std::string &path, std::string text) {
  std::vector<std::string> stack;
  std::string rootCanonical = canonicalPath(path);
  std::string projectRoot = projectRootFor(path); // data, imports and the lock are confined to it
  projectRoot_ = options_.allowOutsideRoot ? "" : projectRoot;
  // The implicit `import "core"`, unless this file is core itself.
  if (!options_.parseOnly) {
    std::string core = resolveImport("core", path);
    if (!core.empty() && canonicalPath(core) != rootCanonical) {
      std::string coreText, error;
      stack.push_back(rootCanonical);
      ReadError why = ReadError::None;
      if (readModule(core, canonicalPath(core), coreText, error, "", why))
        load(canonicalPath(core), core, std::move(coreText), stack, /*cacheable=*/true, /*trusted=*/true);
      stack.clear();
    }
  }
  bool coreFound = !modules_.empty() || llvm::sys::path::stem(path) == "core";
  if (options_.parseOnly) {
    rootFile_ = sources_.add(path, std::move(text));
    modules_.push_back(std::make_unique<ast::Module>(parseModule(sources_, rootFile_, diags_)));
    root_ = modules_.back().get();
    return;
  }
  root_ = load(rootCanonical, path, std::move(text), stack, /*cacheable=*/false);
  rootFile_ = root_->file;
  if (!coreFound) {
    auto &d = diags_.report<DiagKind::ModuleNotFound>(SourceRange{rootFile_, 0, 0}, "core");
    d.help = "the standard library was not found; pass --stdlib-path DIR or set VDESIGN_PATH";
  }
  std::vector<const ast::Module *> all;
  for (const auto &m : modules_)
    all.push_back(m.get());
  buildTheory(all, theory_, diags_);
  CheckEnvironment checks;
  checks.designPath = path;
  checks.allowOutsideRoot = options_.allowOutsideRoot;
  checks.readLock = options_.readLock;
  bool anyCheck = false;
  for (const ast::Design &design : root_->designs)
    for (const ast::Discharge &dis : design.discharges)
      anyCheck = anyCheck || !dis.checkName.empty();
  if (anyCheck) {
    checks.projectRoot = projectRoot;
    checks.lockPath = path + ".lock";
    if (options_.readLock && isFile(checks.lockPath)) {
      std::string lockText, error;
      ReadError why = ReadError::None;
      if (!readFile(checks.lockPath, lockText, error, false, projectRoot_, &why)) {
        if (why == ReadError::OutsideRoot)
          reportOutsideRoot(SourceRange{rootFile_, 0, 0}, checks.lockPath,
                            "the lock is a symbolic link to `" + canonicalPath(checks.lockPath) + "`");
        else
          diags_.report<DiagKind::LockUnreadable>(SourceRange{rootFile_, 0, 0}, checks.lockPath, error);
        checks.lockState = CheckEnvironment::LockState::Unreadable;
      } else if (llvm::Expected<rt::Lock> lock = rt::parseLock(lockText); !lock) {
        // Located by line and column in the lock, whose lines are never quoted: a lock is not a design.
        FileId lockFile = sources_.add(checks.lockPath, lockText, /*quotable=*/false);
        llvm::handleAllErrors(lock.takeError(), [&](const rt::LockError &refused) {
          auto at = static_cast<uint32_t>(refused.offset());
          diags_.report<DiagKind::LockUnreadable>(SourceRange{lockFile, at, at}, checks.lockPath, refused.message())
              .help = "run `vdc verify` to write it again";
        });
        checks.lockState = CheckEnvironment::LockState::Unreadable;
      } else {
        checks.lock = std::move(*lock);
        checks.lockState = CheckEnvironment::LockState::Loaded;
      }
    }
  }
  DiskDataFiles dataFiles(path, checks.projectRoot, options_.allowOutsideRoot, options_.digestCache);
  checks.dataFiles = &dataFiles;
  for (const ast::Design &design : root_->designs)
    designs_.push_back(checkDesign(design, rootFile_, theory_, options_.policy, diags_, &checks));
  dataPaths_ = dataFiles.lookedUp();
  diags_.sort();
}

std::string Compilation::reportName(FileId file) const {
  auto it = stdlibNames_.find(file);
  return it != stdlibNames_.end() ? it->second : sources_.name(file);
}

std::vector<std::string> defaultStdlibDirs(const char *argv0) {
  std::vector<std::string> dirs;
  std::string exe = llvm::sys::fs::getMainExecutable(argv0, reinterpret_cast<void *>(&defaultStdlibDirs));
  if (!exe.empty()) {
    llvm::SmallString<256> installed(llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
    llvm::sys::path::append(installed, "share", "vdesign", "stdlib");
    dirs.push_back(std::string(installed.str()));
  }
#if defined(VDC_SOURCE_STDLIB_DIR) && defined(VDC_BINARY_DIR)
  // A vdc that still sits in its build tree reads the source tree's stdlib; an installed or
  // packaged one reads only its own, so a missing install is never hidden by the build machine.
  llvm::StringRef binaryDir(VDC_BINARY_DIR);
  if (!exe.empty() && llvm::StringRef(exe).startswith(binaryDir) &&
      (exe.size() == binaryDir.size() || llvm::sys::path::is_separator(exe[binaryDir.size()])))
    dirs.push_back(VDC_SOURCE_STDLIB_DIR);
#endif
  return dirs;
}

} // namespace vdc
