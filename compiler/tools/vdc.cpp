// vdc.cpp — the command line: `vdc check`, `vdc report`, `vdc verify`, and their options (LANGUAGE.md Section 9).
#include "diagnostics/DiagnosticPrinter.h"
#include "driver/Compilation.h"
#include "driver/Explain.h"
#include "driver/OutputFile.h"
#include "driver/Verify.h"
#include "format/Formatter.h"
#include "lsp/Server.h"
#include "report/DesignDiff.h"
#include "report/ReportFormats.h"
#include "report/TextReport.h"
#include "source/Escape.h"
#include "source/FileRead.h"

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#ifndef VDC_VERSION
#define VDC_VERSION "0.0.0"
#endif

namespace {

constexpr int kExitOk = 0, kExitPolicy = 1, kExitErrors = 2, kExitUsage = 64;

const char *kUsage = R"(usage: vdc <command> [options] FILE...

commands:
  check FILE...              diagnostics and a one-line summary per file
  report FILE... [--format FORMAT] [-o OUT]
                             the report of every design in the files; -o -
                             is standard output, a regular OUT is replaced
                             atomically, a device or FIFO is written to
  verify FILE...             run the executable checks of the designs on their
                             data and write FILE.lock (exit 1 if a check fails)
  diff OLD NEW [--format text|markdown|json]
                             how obligations and claims changed (exit 2,
                             and no diff, when either file has errors)
  explain NAME [FILE]        an assumption (internal.exchangeability), a
                             strategy, a proxy kind or a code (VD2003);
                             with FILE, also the theory FILE declares or imports
  fmt [--check|--write] FILE...
                             the canonical layout: printed, checked (exit 1 if
                             a file would change) or written in place
  lsp [--test]               language server on stdin/stdout (LSP 3.17);
                             --test (or VDC_LSP_TEST=1): `---`-separated
                             input and pretty-printed output, for tests
  --version                  print the version

options:
  --deny open-key|assumed-key|open|assumed|none
                             which obligations make a claim fail (default open-key)
  --color auto|always|never  colour on a terminal (NO_COLOR is honoured)
  --stdlib-path DIR          search DIR for imported modules (repeatable);
                             VDESIGN_PATH is searched too
  --stop-after=parse         only parse (for measuring the parser)
  --allow-outside-root       let a design read data, imports and its lock, and
                             verify write the lock, outside the project root (the
                             nearest directory holding .git, else the working one)
)";

const char *kExitStatus = "\nexit status: 0 ok, 1 policy violated, 2 errors in a file, 64 usage error\n";

/// The help text: the commands and options, then every report format with what it is for.
std::string helpText() {
  std::string out = kUsage;
  out += "\nreport formats (--format FORMAT, text by default):\n";
  for (const vdc::ReportFormat &f : vdc::reportFormats())
    out += fmt::format("  {:<10} {}\n", f.name, f.description);
  return out + kExitStatus;
}

struct Options {
  std::string command;
  std::vector<std::string> files;
  std::string format = "text";
  std::string output;
  std::string color = "auto";
  vdc::Policy policy = vdc::Policy::OpenKey;
  std::vector<std::string> stdlibPath;
  bool parseOnly = false;
  bool lspTest = false;
  bool allowOutsideRoot = false;
  bool fmtCheck = false, fmtWrite = false;
};

int usage(const std::string &message) {
  std::cerr << "vdc: " << vdc::escapeTerminal(message) << "\n" << "run `vdc --help` for the commands and options\n";
  return kExitUsage;
}

bool useColor(const std::string &mode, int fd) {
  if (mode == "always")
    return true;
  if (mode == "never")
    return false;
  const char *noColor = std::getenv("NO_COLOR");
  if (noColor && *noColor)
    return false;
  return isatty(fd) != 0;
}

/// Parses argv; returns -1 to go on, or an exit status.
int parseArgs(int argc, char **argv, Options &opts) {
  if (argc < 2)
    return usage("no command given");
  opts.command = argv[1];
  if (opts.command == "--version" || opts.command == "version") {
    std::cout << "vdc " << VDC_VERSION << "\n";
    return kExitOk;
  }
  if (opts.command == "--help" || opts.command == "help" || opts.command == "-h") {
    std::cout << helpText();
    return kExitOk;
  }
  if (opts.command == "explain") {
    if (argc < 3)
      return usage("`explain` needs a name: an assumption, a strategy, a proxy kind or a code like VD2001");
    opts.files.push_back(argv[2]);
    for (int i = 3; i < argc; ++i) {
      std::string arg = argv[i];
      if (arg.rfind("--stdlib-path=", 0) == 0)
        opts.stdlibPath.push_back(arg.substr(14));
      else if (arg == "--stdlib-path" && i + 1 < argc)
        opts.stdlibPath.push_back(argv[++i]);
      else if (opts.files.size() == 1 && !arg.empty() && arg[0] != '-')
        opts.files.push_back(arg); // FILE: its theory and that of its imports
      else
        return usage("unexpected argument `" + arg + "` for `explain`");
    }
    return -1;
  }
  if (opts.command == "fmt") {
    for (int i = 2; i < argc; ++i) {
      std::string arg = argv[i];
      if (arg == "--check")
        opts.fmtCheck = true;
      else if (arg == "--write" || arg == "-w")
        opts.fmtWrite = true;
      else if (arg == "--allow-outside-root")
        opts.allowOutsideRoot = true;
      else if (arg.rfind("--color=", 0) == 0)
        opts.color = arg.substr(8);
      else if (arg == "--color" && i + 1 < argc)
        opts.color = argv[++i];
      else if (arg.size() > 1 && arg[0] == '-')
        return usage("unknown option `" + arg + "` for `fmt`");
      else
        opts.files.push_back(arg);
    }
    if (opts.files.empty())
      return usage("no input files");
    if (opts.fmtCheck && opts.fmtWrite)
      return usage("`fmt` takes --check or --write, not both");
    if (!opts.fmtCheck && !opts.fmtWrite && opts.files.size() > 1)
      return usage("`fmt` prints one file; use --write or --check for several");
    return -1;
  }
  if (opts.command == "lsp") {
    for (int i = 2; i < argc; ++i) {
      std::string arg = argv[i];
      if (arg == "--test" || arg == "-lit-test")
        opts.lspTest = true;
      else if (arg.rfind("--stdlib-path=", 0) == 0)
        opts.stdlibPath.push_back(arg.substr(14));
      else if (arg == "--stdlib-path" && i + 1 < argc)
        opts.stdlibPath.push_back(argv[++i]);
      else if (arg != "--stdio") // what most clients pass
        return usage("unexpected argument `" + arg + "` for `lsp`");
    }
    return -1;
  }
  if (opts.command != "check" && opts.command != "report" && opts.command != "diff" && opts.command != "verify")
    return usage("unknown command `" + opts.command + "`");
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const std::string &flag) -> const char * {
      if (arg.rfind(flag + "=", 0) == 0)
        return argv[i] + flag.size() + 1;
      if (arg == flag && i + 1 < argc)
        return argv[++i];
      return nullptr;
    };
    auto takes = [&](const std::string &flag) { return arg == flag || arg.rfind(flag + "=", 0) == 0; };
    if (takes("--format")) {
      const char *v = value("--format");
      if (!v)
        return usage("--format needs a value");
      opts.format = v;
      if (!vdc::findReportFormat(opts.format))
        return usage(vdc::unknownReportFormat(opts.format));
    } else if (takes("-o") || takes("--output")) {
      const char *v = value(arg.rfind("-o", 0) == 0 && arg.rfind("--", 0) != 0 ? "-o" : "--output");
      if (!v)
        return usage("-o needs a file name");
      opts.output = v;
    } else if (takes("--deny")) {
      const char *v = value("--deny");
      auto policy = v ? vdc::parsePolicy(v) : std::nullopt;
      if (!policy)
        return usage("--deny takes open-key, assumed-key, open, assumed or none");
      opts.policy = *policy;
    } else if (takes("--color")) {
      const char *v = value("--color");
      if (!v || (std::strcmp(v, "auto") && std::strcmp(v, "always") && std::strcmp(v, "never")))
        return usage("--color takes auto, always or never");
      opts.color = v;
    } else if (takes("--stdlib-path")) {
      const char *v = value("--stdlib-path");
      if (!v)
        return usage("--stdlib-path needs a directory");
      opts.stdlibPath.push_back(v);
    } else if (arg == "--allow-outside-root") {
      opts.allowOutsideRoot = true;
    } else if (arg == "--stop-after=parse") {
      opts.parseOnly = true;
    } else if (arg == "--") {
      for (++i; i < argc; ++i)
        opts.files.push_back(argv[i]);
    } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
      return usage("unknown option `" + arg + "`");
    } else {
      opts.files.push_back(arg);
    }
  }
  if (opts.files.empty())
    return usage("no input files");
  if (opts.command == "diff" && opts.files.size() != 2)
    return usage("`diff` takes two files: OLD NEW");
  if (opts.command == "diff" && opts.format != "text" && opts.format != "markdown" && opts.format != "json")
    return usage("`diff` writes text, markdown or json");
  if (opts.command == "verify" && (opts.output.size() || opts.format != "text" || opts.parseOnly))
    return usage("`verify` writes FILE.lock beside each design and takes no --format, -o or --stop-after");
  if (opts.command == "check" && (opts.output.size() || opts.format != "text"))
    return usage("`check` writes no report; use `vdc report --format ... -o FILE`");
  return -1;
}

/// The file `-o` names when it is one of the files a run read (a design, an imported module, a lock or a data file),
/// compared by device and inode after following links, so `./d.vdesign`, a symbolic or a hard link are caught too;
/// "" when it is none of them (or does not exist yet).
std::string outputClash(const std::string &output,
                        const std::vector<std::unique_ptr<vdc::Compilation>> &compilations,
                        const std::vector<std::string> &files) {
  vdc::FileStamp out;
  if (output == "-" || !vdc::statFile(output, out))
    return "";
  std::vector<std::string> inputs;
  for (size_t i = 0; i < compilations.size(); ++i) {
    if (files[i] != "-")
      inputs.push_back(files[i]);
    for (const std::string &path : compilations[i]->loadedPaths())
      inputs.push_back(path);
    for (const vdc::CheckedDesign &design : compilations[i]->designs())
      for (const vdc::CheckRun &run : design.checkRuns)
        inputs.push_back(run.dataFile);
    if (files[i] != "-")
      inputs.push_back(files[i] + ".lock");
  }
  for (const std::string &input : inputs) {
    vdc::FileStamp in;
    if (!input.empty() && vdc::statFile(input, in) && in.device == out.device && in.inode == out.inode)
      return input;
  }
  return "";
}

/// Writes a report or diff to `-o`, unless that would replace one of the files read; returns an exit status.
int writeOutput(const std::string &output, const std::string &text,
                const std::vector<std::unique_ptr<vdc::Compilation>> &compilations,
                const std::vector<std::string> &files) {
  if (std::string input = outputClash(output, compilations, files); !input.empty()) {
    std::cerr << "vdc: error: the output `" << vdc::escapeTerminal(output) << "` is the input file `"
              << vdc::escapeTerminal(input) << "`; nothing was written [VD0005]\n"
              << "  help: name another file after -o\n";
    return kExitErrors;
  }
  if (llvm::Error error = vdc::writeFileAtomically(output, text)) {
    std::cerr << "vdc: error: " << vdc::escapeTerminal(llvm::toString(std::move(error))) << "\n";
    return kExitErrors;
  }
  return -1;
}

} // namespace

/// The largest input file `vdc fmt` reads: the same limit as every other command.
const size_t kMaxInputBytes = vdc::CompileOptions{}.maxFileBytes;

/// `vdc fmt`: 0 when everything is (or now is) formatted, 1 when --check finds a file to change, 2 on errors.
int formatFiles(const Options &opts, bool errColor) {
  int status = kExitOk;
  for (const std::string &path : opts.files) {
    std::string text, error;
    vdc::ReadError why = vdc::ReadError::None;
    vdc::OpenRules rules;
    rules.allowStreams = true;
    rules.maxBytes = kMaxInputBytes;
    // As for `check`: a file inside a project is read (and, with --write, replaced) only when it does not lead
    // out of the project through a symbolic link.
    rules.root = vdc::confinementRootFor(path, opts.allowOutsideRoot);
    bool read = path == "-" ? vdc::readDescriptor(STDIN_FILENO, kMaxInputBytes, text, why, error)
                            : vdc::readFileSafely(path, rules, text, why, error);
    if (!read) {
      std::string shown = vdc::escapeTerminal(path == "-" ? "<stdin>" : path);
      if (why == vdc::ReadError::TooLarge)
        std::cerr << "vdc: error: " << shown << ": file is larger than the limit of " << kMaxInputBytes
                  << " bytes [VD0003]\n";
      else if (why == vdc::ReadError::OutsideRoot)
        std::cerr << "vdc: error: `" << shown << "` lies outside the project root `"
                  << vdc::escapeTerminal(rules.root) << "` [VD0004]\n"
                  << "  help: it is a symbolic link that leads out of the project; pass --allow-outside-root to "
                     "format it\n";
      else
        std::cerr << "vdc: error: cannot read `" << shown << "`: " << error << " [VD0001]\n";
      status = 2;
      continue;
    }
    std::string formatted;
    if (!vdc::formatSource(path == "-" ? "<stdin>" : path, text, formatted, std::cerr, errColor)) {
      status = 2;
      continue;
    }
    if (opts.fmtCheck) {
      if (formatted != text) {
        std::cout << vdc::escapeTerminal(path) << ": would be reformatted\n";
        status = std::max(status, 1);
      }
    } else if (opts.fmtWrite) {
      if (formatted != text && path != "-") {
        if (llvm::Error error = vdc::writeFileAtomically(path, formatted)) {
          std::cerr << "vdc: error: " << vdc::escapeTerminal(llvm::toString(std::move(error))) << "\n";
          status = 2;
        }
      } else if (path == "-") {
        std::cout << formatted;
      }
    } else {
      std::cout << formatted;
    }
  }
  return status;
}

int main(int argc, char **argv) {
  Options opts;
  int status = parseArgs(argc, argv, opts);
  if (status >= 0)
    return status;

  vdc::CompileOptions compileOptions;
  compileOptions.policy = opts.policy;
  compileOptions.parseOnly = opts.parseOnly;
  compileOptions.allowOutsideRoot = opts.allowOutsideRoot;
  compileOptions.searchPath = opts.stdlibPath;
  if (const char *fromSource = std::getenv("VDC_STDLIB_FROM_SOURCE"))
    compileOptions.prebuiltStdlib = !*fromSource || std::string(fromSource) == "0";
  if (const char *env = std::getenv("VDESIGN_PATH")) {
    std::stringstream dirs(env);
    std::string dir;
    while (std::getline(dirs, dir, ':'))
      if (!dir.empty())
        compileOptions.searchPath.push_back(dir);
  }
  for (const std::string &dir : vdc::defaultStdlibDirs(argv[0]))
    compileOptions.searchPath.push_back(dir);

  if (opts.command == "lsp") {
    const char *testEnv = std::getenv("VDC_LSP_TEST");
    return vdc::lsp::serveStdio(compileOptions, opts.lspTest || (testEnv && *testEnv && std::string(testEnv) != "0"));
  }
  if (opts.command == "explain")
    return vdc::explain(opts.files[0], opts.files.size() > 1 ? opts.files[1] : "", compileOptions, std::cout,
                        std::cerr)
               ? kExitOk
               : kExitUsage;

  bool errColor = useColor(opts.color, STDERR_FILENO);
  if (opts.command == "fmt")
    return formatFiles(opts, errColor);
  if (opts.command == "verify")
    return vdc::verifyFiles(opts.files, compileOptions, std::cout, std::cerr, errColor);
  std::vector<std::unique_ptr<vdc::Compilation>> compilations;
  bool errors = false;
  for (const std::string &file : opts.files) {
    auto c = std::make_unique<vdc::Compilation>(compileOptions);
    if (file == "-") {
      c->compileDescriptor(STDIN_FILENO, "<stdin>");
    } else {
      c->compileFile(file);
    }
    for (const vdc::Diagnostic &d : c->diagnostics().all())
      vdc::printDiagnostic(std::cerr, c->sources(), d, errColor);
    errors = errors || c->diagnostics().hasErrors();
    compilations.push_back(std::move(c));
  }
  if (opts.parseOnly)
    return errors ? kExitErrors : kExitOk;

  vdc::ReportInput input;
  input.policy = opts.policy;
  for (const auto &c : compilations)
    input.compilations.push_back(c.get());
  vdc::RunSummary summary = vdc::summarize(input);

  if (opts.command == "diff") {
    // A version with errors has an incomplete model: comparing it would report obligations and claims as
    // removed or failing that were only not checked. The diagnostics above say what to fix.
    if (errors) {
      std::string first = vdc::escapeTerminal(opts.files[0]), second = vdc::escapeTerminal(opts.files[1]);
      std::cerr << "vdc: no diff: " << (compilations[0]->diagnostics().hasErrors() ? first : second)
                << (compilations[0]->diagnostics().hasErrors() && compilations[1]->diagnostics().hasErrors()
                        ? " and " + second + " have"
                        : " has")
                << " errors\n";
      return kExitErrors;
    }
    std::ostringstream text;
    vdc::writeDiff(text, vdc::diffDesigns(*compilations[0], *compilations[1]), opts.format, opts.files[0],
                   opts.files[1]);
    if (opts.output.empty())
      std::cout << text.str();
    else if (int failed = writeOutput(opts.output, text.str(), compilations, opts.files); failed >= 0)
      return failed;
    return kExitOk;
  }
  if (opts.command == "check") {
    for (const auto &c : compilations)
      std::cout << vdc::summaryLine(*c, opts.policy) << "\n";
  } else {
    input.color = opts.output.empty() && useColor(opts.color, STDOUT_FILENO);
    std::ostringstream report;
    try {
      vdc::findReportFormat(opts.format)->write(report, input);
    } catch (const vdc::ReportFailure &failure) {
      std::cerr << "vdc: error: " << vdc::escapeTerminal(failure.what()) << "; nothing was written [VD0006]\n";
      return kExitErrors;
    }
    if (opts.output.empty()) {
      std::cout << report.str();
    } else if (int failed = writeOutput(opts.output, report.str(), compilations, opts.files); failed >= 0) {
      return failed;
    }
  }
  if (errors)
    return kExitErrors;
  return summary.policyViolated ? kExitPolicy : kExitOk;
}
