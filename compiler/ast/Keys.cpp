// Keys.cpp — the table of the language's keys and evidence kinds.
#include "ast/Keys.h"

#include <llvm/ADT/STLExtras.h>

namespace vdc::ast {

namespace {
const llvm::StringRef kStudy[] = {"strategy", "recipe", "population", "treatment", "treatments", "control", "outcome"};
// One form per claim (LANGUAGE.md Section 14), then `over:` and `from:`.
const llvm::StringRef kClaimForms[] = {"effect", "ranking", "trend", "prediction"};
const llvm::StringRef kClaim[] = {"effect", "ranking", "trend", "prediction", "over", "from"};
const llvm::StringRef kRecipe[] = {"params", "tokens", "compute", "family"};
const llvm::StringRef kOutcome[] = {"emergent_at"};
const llvm::StringRef kCovariate[] = {"observed"};
const llvm::StringRef kAssumption[] = {"testable", "formula", "source", "explain", "discharge_hint"};
const llvm::StringRef kEvidence[] = {"experiment", "theory", "literature", "check", "argument"};

const BlockKeys kBlocks[] = {
    {"study", "study field", kStudy},
    {"claim", "claim field", kClaim},
    {"recipe", "recipe attribute", kRecipe},
    {"outcome", "outcome attribute", kOutcome},
    {"covariate", "covariate attribute", kCovariate},
    {"assumption", "assumption attribute", kAssumption},
};
} // namespace

const BlockKeys *keysOf(llvm::StringRef block) {
  for (const BlockKeys &b : kBlocks)
    if (block == b.block)
      return &b;
  return nullptr;
}

bool isKeyOf(llvm::StringRef block, llvm::StringRef key) {
  const BlockKeys *b = keysOf(block);
  return b && llvm::is_contained(b->keys, key);
}

llvm::ArrayRef<llvm::StringRef> claimForms() { return kClaimForms; }

llvm::ArrayRef<llvm::StringRef> evidenceKinds() { return kEvidence; }

bool isEvidenceKind(llvm::StringRef kind) { return llvm::is_contained(kEvidence, kind); }

std::vector<std::string> names(llvm::ArrayRef<llvm::StringRef> list) {
  std::vector<std::string> out;
  for (llvm::StringRef name : list)
    out.push_back(name.str());
  return out;
}

} // namespace vdc::ast
