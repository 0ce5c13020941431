// Diagnostics.h — a compilation's diagnostics and open obligations as LSP `Diagnostic` objects for its root file.
#pragma once

#include "driver/Compilation.h"
#include "lsp/Positions.h"

#include <llvm/Support/JSON.h>

#include <string>
#include <vector>

namespace vdc::lsp {

/// Most diagnostics published for one document: a badly broken file must not produce a message of 40,000 entries.
constexpr size_t kMaxPublishedDiagnostics = 1000;

/// One LSP `Diagnostic`, before it is written: ranges stay source ranges until the protocol text is produced.
struct LspDiagnostic {
  /// `relatedInformation`: another place and what it has to do with the diagnostic.
  struct Related {
    SourceRange range;
    std::string message;
  };
  SourceRange range;
  int severity = 1;
  std::string code; ///< Empty for none.
  std::string source;
  std::string message;
  std::vector<Related> related;
};

/// Compiler errors and warnings (with codes, help and notes as related information), then one diagnostic per open
/// obligation of severity `key` (Warning) or `careful` (Information) at the declaration it is attached to.
/// At most `limit` are returned, followed, when more were found, by one Information diagnostic at the start of the
/// file saying how many were left out.
std::vector<LspDiagnostic> lspDiagnostics(const Compilation &c, size_t limit = kMaxPublishedDiagnostics);

/// Streams `diagnostics` as an array of LSP `Diagnostic` objects (keys sorted); `root` names the root file's URI.
void writeLspDiagnostics(llvm::json::OStream &json, const SourceManager &sources, const KnownUri &root,
                         const std::vector<LspDiagnostic> &diagnostics);

} // namespace vdc::lsp
