// Keys.h — the keys the language gives a meaning to in each kind of block (a study's fields, a recipe's attributes,
// an assumption's attributes, ...) and the kinds of evidence a discharge names: one table that the checker and
// completion both read (LANGUAGE.md Sections 4, 6 and 4.6).
#pragma once

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>

#include <string>
#include <vector>

namespace vdc::ast {

/// The keys of one kind of block.
struct BlockKeys {
  const char *block;                    ///< the keyword that opens the block: "study", "recipe", "assumption", ...
  const char *detail;                   ///< what completion says a key is: "study field", "recipe attribute", ...
  llvm::ArrayRef<llvm::StringRef> keys; ///< in the order completion offers them
};

/// The keys of the block a keyword opens, or null when the language gives no key a meaning there (a treatment, a
/// population: their keys are kept for reports).
const BlockKeys *keysOf(llvm::StringRef block);

/// Whether `key` is one of the keys of `block`.
bool isKeyOf(llvm::StringRef block, llvm::StringRef key);

/// The keys that give a claim its form (LANGUAGE.md Section 14); a claim has exactly one.
llvm::ArrayRef<llvm::StringRef> claimForms();

/// The kinds of evidence of `discharge A for X by KIND ...`, in the order completion offers them; `by study S` is a
/// form of its own (the `study` keyword), not one of these.
llvm::ArrayRef<llvm::StringRef> evidenceKinds();

/// Whether `kind` is one of the evidence kinds.
bool isEvidenceKind(llvm::StringRef kind);

/// The names in a list, as strings (for "did you mean" and lists of names in messages).
std::vector<std::string> names(llvm::ArrayRef<llvm::StringRef> list);

} // namespace vdc::ast
