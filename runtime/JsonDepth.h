// JsonDepth.h — a bound on how deeply JSON text nests, checked before llvm::json::parse (which recurses per level).
#pragma once

#include <llvm/ADT/StringRef.h>

#include <cstddef>
#include <optional>

namespace vdc::rt {

/// Nesting allowed in a lock file: a real one nests about 5 levels, and parameters written in a design (which
/// nests at most 64) cannot take it past 70.
inline constexpr unsigned kMaxLockNesting = 128;

/// The byte offset of the first `[` or `{` in `text` that opens more than `maxDepth` arrays and objects at once, or
/// nullopt when none does. Brackets inside strings (escapes included) do not count; `text` need not be valid JSON.
/// Any JSON text read from outside vdc goes through this before llvm::json::parse, whose recursion would otherwise
/// overflow the stack on a few kilobytes of `[`.
std::optional<size_t> jsonNestingExceeded(llvm::StringRef text, unsigned maxDepth);

} // namespace vdc::rt
