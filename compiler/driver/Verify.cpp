// Verify.cpp — `vdc verify`: the only command that reads data files and runs checks (LANGUAGE.md Section 11).
#include "driver/Verify.h"

#include "diagnostics/DiagnosticPrinter.h"
#include "driver/DataFiles.h"
#include "driver/OutputFile.h"
#include "runtime/Checks.h"
#include "runtime/Csv.h"
#include "runtime/Lock.h"
#include "sema/DesignChecker.h"
#include "source/Escape.h"

#include <llvm/Support/Path.h>

#ifndef VDC_VERSION
#define VDC_VERSION "0.0.0"
#endif

namespace vdc {

namespace {

/// The data path as shown in messages: relative to the working directory like the design's own path.
std::string displayPath(const std::string &designPath, const std::string &dataPath) {
  if (llvm::sys::path::is_absolute(dataPath))
    return dataPath;
  llvm::SmallString<256> full(designPath);
  llvm::sys::path::remove_filename(full);
  llvm::sys::path::append(full, dataPath);
  llvm::sys::path::remove_dots(full, /*remove_dot_dot=*/false);
  return std::string(full.str());
}

/// Opens the data file of `run` for its check: once, a regular file, inside `root` unless it is empty, both checked
/// on the opened file, so a path swapped for a pipe or a symbolic link meanwhile is refused. The caller reads and
/// hashes that descriptor (readAndParse), so the lock's SHA-256 is that of exactly the bytes the check read. On
/// failure, reports a diagnostic located at the data path.
bool openDataFile(const CheckRun &run, const std::string &root, OpenedFile &file, DiagnosticSink &problems) {
  OpenRules rules;
  rules.root = root;
  rules.allowStreams = false;
  ReadError why = ReadError::None;
  std::string message;
  if (file.open(run.dataFile, rules, why, message))
    return true;
  switch (why) {
  case ReadError::Directory:
  case ReadError::NotRegular:
    problems.report<DiagKind::DataNotRegular>(run.dataRange, run.dataPath, message);
    break;
  case ReadError::OutsideRoot:
    problems.report<DiagKind::DataOutsideRoot>(run.dataRange, run.dataPath, root)
        .notes.push_back({run.dataRange, fmt::format("the file opened was `{}`",
                                                     file.realPath().empty() ? run.dataFile : file.realPath())});
    break;
  case ReadError::Missing:
    problems.report<DiagKind::DataFileMissing>(run.dataRange, run.dataPath, run.dataFile);
    break;
  default:
    problems.report<DiagKind::CheckDataError>(run.dataRange,
                                              fmt::format("data file `{}` cannot be read: {}", run.dataPath, message),
                                              run.check, run.assumption, run.target);
  }
  return false;
}

} // namespace

int verifyFiles(const std::vector<std::string> &files, CompileOptions options, std::ostream &out, std::ostream &err,
                bool color) {
  options.readLock = false;
  int status = 0;
  for (const std::string &file : files) {
    if (file == "-") {
      err << "vdc: error: `verify` needs a file, not standard input: the lock is written beside it\n";
      status = 2;
      continue;
    }
    Compilation c(options);
    c.compileFile(file);
    for (const Diagnostic &d : c.diagnostics().all())
      printDiagnostic(err, c.sources(), d, color);
    if (c.diagnostics().hasErrors()) {
      err << "vdc: " << escapeTerminal(file) << ": not verified: the design has errors\n";
      status = 2;
      continue;
    }
    SourceManager dataSources;
    DiagnosticSink problems;
    std::string root = options.allowOutsideRoot ? "" : projectRootFor(file);
    rt::Lock lock;
    int failed = 0, broken = 0, total = 0;
    for (const CheckedDesign &design : c.designs()) {
      for (const CheckRun &run : design.checkRuns) {
        ++total;
        std::string shown = displayPath(file, run.dataPath);
        std::string label = fmt::format("`{}` check of `{}` for `{}` ({})", run.check, run.assumption, run.target,
                                        run.dataPath);
        OpenedFile data;
        DiagnosticSink unread;
        if (!openDataFile(run, root, data, unread)) {
          out.flush();
          printDiagnostic(err, c.sources(), unread.all().back(), color);
          out << "ERROR " << escapeTerminal(label) << ": the data file cannot be read\n";
          ++broken;
          continue;
        }
        auto params = llvm::json::parse(run.params);
        const rt::CheckSpec *spec = rt::findCheck(run.check);
        rt::CsvTable table;
        rt::DataError error;
        rt::CheckResult result;
        std::string digest;
        bool ran = params && params->getAsObject() && spec &&
                   readAndParse(data, shown, rt::columnsRead(*spec, *params->getAsObject()), table, digest, error) &&
                   rt::runCheck(*spec, *params->getAsObject(), table, result, error);
        if (!params)
          llvm::consumeError(params.takeError());
        if (!ran) {
          // Only the line the error concerns is read again and quoted, not the whole file.
          FileId id = error.line ? dataSources.add(shown, lineOfFile(data, error.line), /*quotable=*/true,
                                                   static_cast<uint32_t>(std::min<size_t>(error.line, UINT32_MAX)))
                                 : dataSources.add(shown, "");
          auto &d = problems.report<DiagKind::CheckDataError>(SourceRange{id, 0, 0}, error.message, run.check,
                                                              run.assumption, run.target);
          (void)d;
          out.flush();
          printDiagnostic(err, dataSources, problems.all().back(), color);
          out << "ERROR " << escapeTerminal(label) << ": the data cannot answer the check\n";
          ++broken;
          continue;
        }
        // Names, paths and the data's own cells (level names, ...) can hold escape sequences: shown escaped.
        out << (result.passed ? "PASS  " : "FAIL  ") << escapeTerminal(label) << ": " << escapeTerminal(result.summary)
            << "\n";
        for (const std::string &line : result.details)
          out << "        " << escapeTerminal(line) << "\n";
        if (!result.passed) {
          ++failed;
          out.flush(); // keep what the check found before the error that sums it up
          DiagnosticSink failure;
          auto &d =
              failure.report<DiagKind::CheckFailed>(run.range, run.check, run.assumption, run.target, result.summary);
          // The same figures `vdc check` shows from the lock, so the error is complete on its own.
          for (const std::string &line : rt::failureFigures(run.check, *params->getAsObject(), result.figures))
            d.notes.push_back({run.dataRange, line});
          printDiagnostic(err, c.sources(), failure.all().back(), color);
        }
        rt::LockEntry entry;
        entry.design = run.design;
        entry.assumption = run.assumption;
        entry.target = run.target;
        entry.check = run.check;
        entry.params = *params->getAsObject();
        entry.data[run.dataPath] = digest;
        entry.passed = result.passed;
        entry.summary = result.summary;
        entry.figures = std::move(result.figures);
        lock.entries.push_back(std::move(entry));
      }
    }
    if (total == 0) {
      out << escapeTerminal(file) << ": no `by check NAME { ... }` discharges; nothing to verify\n";
      continue;
    }
    if (broken) {
      err << "vdc: " << escapeTerminal(file) << ": " << broken << " of " << total
          << " checks could not run; the lock was not written\n";
      status = 2;
      continue;
    }
    std::string lockPath = file + ".lock";
    // The repository decides this path: never written through a link, into a FIFO, or outside the project.
    // Bidi controls from cells or names are written as `\u202E` escapes: the same strings, visible in a diff.
    std::string lockText = jsonWithVisibleBidi(rt::serializeLock(lock, VDC_VERSION));
    ReplaceResult written = replaceFileInProject(lockPath, lockText, root);
    if (written.outsideRoot) {
      DiagnosticSink refused;
      refused.report<DiagKind::OutsideRoot>(SourceRange{c.rootFile(), 0, 0}, lockPath, root).help =
          fmt::format("the lock is written beside the design, in `{}`; pass --allow-outside-root to write it there",
                      written.directory);
      printDiagnostic(err, c.sources(), refused.all().back(), color);
      err << "vdc: " << escapeTerminal(file) << ": the lock was not written\n";
      status = 2;
      continue;
    }
    if (!written.error.empty()) {
      err << "vdc: error: " << escapeTerminal(written.error) << "\n";
      status = 2;
      continue;
    }
    out << escapeTerminal(file) << ": " << total << " checks, " << total - failed << " passed, " << failed
        << " failed; wrote " << escapeTerminal(lockPath) << "\n";
    if (failed && status == 0)
      status = 1;
  }
  return status;
}

} // namespace vdc
