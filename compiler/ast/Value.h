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
  enum class Kind { Number, String, Bool, Name, List, Effect, Ranking, Trend, Prediction };
  Kind kind = Kind::Number;
  SourceRange range;
  double number = 0;        ///< Number: the value with its scale suffix applied.
  bool isInteger = false;   ///< Number: written without fraction and exactly integral.
  std::string text;         ///< String: the unescaped contents; Number: the spelling.
  bool boolean = false;     ///< Bool.
  Name name;                ///< Name.
  std::vector<Value> items; ///< List.
  Name effectTreatment, effectOutcome, effectTarget; ///< Effect: `T on O in X`.
  // The claim forms of LANGUAGE.md Section 14 (Effect, Ranking, Trend and Prediction share the fields above:
  // Ranking and Prediction leave effectTreatment empty, Trend leaves effectTarget empty).
  Name effectComparator;               ///< Effect: `T vs C on O in X`.
  std::vector<Name> rankedTreatments;  ///< Ranking: `[T1, T2] on O in X`.
  Name trendAttribute;                 ///< Trend: `T on O across ATTR in [R1, R2]`.
  std::vector<Name> trendRecipes;      ///< Trend.

  /// A short description of the kind for messages ("a number", "a list").
  std::string describe() const;

  /// The value as reports show it: numbers as written (`70B`), strings without quotes, names, `true`/`false`,
  /// lists as `[a, b]`, effects as `t on o in r` (and the other claim forms as written).
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
