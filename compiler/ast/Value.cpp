// Value.cpp — descriptions and look-ups of source values.
#include "ast/Value.h"

#include <llvm/ADT/StringExtras.h>

namespace vdc::ast {

static std::string joinNames(const std::vector<Name> &names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i ? ", " : "") + names[i].text;
  return out;
}

std::string Value::describe() const {
  switch (kind) {
  case Kind::Number:
    return "the number " + text;
  case Kind::String:
    return "a string";
  case Kind::Bool:
    return boolean ? "`true`" : "`false`";
  case Kind::Name:
    return "the name `" + name.text + "`";
  case Kind::List:
    return "a list";
  case Kind::Effect:
    return "an effect";
  case Kind::Ranking:
    return "a ranking";
  case Kind::Trend:
    return "a trend";
  case Kind::Prediction:
    return "a prediction";
  }
  return "a value";
}

std::string Value::display() const {
  switch (kind) {
  case Kind::Number:
  case Kind::String:
    return text;
  case Kind::Bool:
    return boolean ? "true" : "false";
  case Kind::Name:
    return name.text;
  case Kind::List:
    return "[" + llvm::join(llvm::map_range(items, [](const Value &item) { return item.display(); }), ", ") + "]";
  case Kind::Effect:
    return effectTreatment.text + (effectComparator.empty() ? "" : " vs " + effectComparator.text) + " on " +
           effectOutcome.text + " in " + effectTarget.text;
  case Kind::Ranking:
    return "[" + joinNames(rankedTreatments) + "] on " + effectOutcome.text + " in " + effectTarget.text;
  case Kind::Trend:
    return effectTreatment.text + " on " + effectOutcome.text + " across " + trendAttribute.text + " in [" +
           joinNames(trendRecipes) + "]";
  case Kind::Prediction:
    return effectOutcome.text + " in " + effectTarget.text;
  }
  return "";
}

const Attribute *findAttribute(const std::vector<Attribute> &attrs, std::string_view key) {
  for (const Attribute &attr : attrs)
    if (attr.key.text == key)
      return &attr;
  return nullptr;
}

} // namespace vdc::ast
