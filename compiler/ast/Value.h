// Value.h — attribute and parameter values as written in the source (numbers, strings, names, lists, effects).
#pragma once

#include "source/SourceManager.h"

#include <string>
#include <vector>

namespace vdc::ast {

/// A name as written, possibly qualified (`internal.exchangeability`), with its location.
struct Name {
  std::string text;
  SourceRange range;

  bool empty() const { return text.empty(); }
};

/// A literal or reference value.
struct Value {
  enum class Kind { Number, String, Bool, Name, List, Effect };
  Kind kind = Kind::Number;
  SourceRange range;
  double number = 0;        ///< Number: the value with its scale suffix applied.
  bool isInteger = false;   ///< Number: written without fraction and exactly integral.
  std::string text;         ///< String: the unescaped contents; Number: the spelling.
  bool boolean = false;     ///< Bool.
  Name name;                ///< Name.
  std::vector<Value> items; ///< List.
  Name effectTreatment, effectOutcome, effectTarget; ///< Effect: `T on O in X`.

  /// A short description of the kind for messages ("a number", "a list").
  std::string describe() const;

  /// The value as reports show it: numbers as written (`70B`), strings without quotes, names, `true`/`false`,
  /// lists as `[a, b]`, effects as `t on o in r`.
  std::string display() const;
};

/// `key: value` (several comma-separated values form a list).
struct Attribute {
  Name key;
  Value value;
  SourceRange range;
};

/// Finds the attribute with the given key, or null.
const Attribute *findAttribute(const std::vector<Attribute> &attrs, std::string_view key);

} // namespace vdc::ast
