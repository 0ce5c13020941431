// Lock.cpp — reading and writing lock files with llvm::json (whose writer sorts object keys).
#include "runtime/Lock.h"
#include "runtime/JsonDepth.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <tuple>

namespace vdc::rt {

const LockEntry *Lock::find(const std::string &design, const std::string &assumption,
                            const std::string &target) const {
  for (const LockEntry &e : entries)
    if (e.design == design && e.assumption == assumption && e.target == target)
      return &e;
  return nullptr;
}

std::string canonicalJson(const llvm::json::Value &value) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << value;
  os.flush();
  return out;
}

namespace {
/// Reads a lock; on failure returns false with a message and the byte offset it concerns.
bool readLock(const std::string &text, Lock &lock, std::string &error, size_t &offset) {
  offset = 0;
  if (std::optional<size_t> at = jsonNestingExceeded(text, kMaxLockNesting)) {
    offset = *at;
    error = "it is nested deeper than " + std::to_string(kMaxLockNesting) + " levels (a lock file has about 5)";
    return false;
  }
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(text);
  if (!parsed) {
    std::string message = llvm::toString(parsed.takeError());
    // llvm::json reports "[line:col, byte=N]: message".
    size_t at = message.find("byte=");
    if (at != std::string::npos)
      offset = std::min<size_t>(std::strtoull(message.c_str() + at + 5, nullptr, 10), text.size());
    size_t colon = message.find("]: ");
    error = "not valid JSON: " + (colon == std::string::npos ? message : message.substr(colon + 3));
    return false;
  }
  const llvm::json::Object *root = parsed->getAsObject();
  if (!root) {
    error = "the top level is not a JSON object";
    return false;
  }
  auto schema = root->getString("schema");
  if (!schema || *schema != kLockSchema) {
    error = schema ? "it was written for schema `" + schema->str() + "`, but this vdc reads `" + kLockSchema + "`"
                   : std::string("it has no `schema` field (expected `") + kLockSchema + "`)";
    return false;
  }
  const llvm::json::Array *checks = root->getArray("checks");
  if (!checks) {
    error = "it has no `checks` array";
    return false;
  }
  size_t index = 0;
  for (const llvm::json::Value &v : *checks) {
    ++index;
    const llvm::json::Object *o = v.getAsObject();
    auto field = [&](const char *key) -> std::optional<std::string> {
      if (!o)
        return std::nullopt;
      auto s = o->getString(key);
      return s ? std::optional<std::string>(s->str()) : std::nullopt;
    };
    LockEntry e;
    auto design = field("design"), assumption = field("assumption"), target = field("for"), check = field("check");
    const llvm::json::Object *params = o ? o->getObject("parameters") : nullptr;
    const llvm::json::Object *data = o ? o->getObject("data") : nullptr;
    llvm::Optional<bool> passed = o ? o->getBoolean("passed") : llvm::None;
    if (!design || !assumption || !target || !check || !params || !data || !passed) {
      error = "entry " + std::to_string(index) +
              " of `checks` lacks one of design, assumption, for, check, parameters, data, passed";
      return false;
    }
    e.design = *design;
    e.assumption = *assumption;
    e.target = *target;
    e.check = *check;
    e.params = *params;
    for (const auto &[path, hash] : *data) {
      auto h = hash.getAsString();
      if (!h) {
        error = "entry " + std::to_string(index) + ": the hash of `" + path.str() + "` is not a string";
        return false;
      }
      e.data[path.str()] = h->str();
    }
    e.passed = *passed;
    e.summary = field("summary").value_or("");
    if (const llvm::json::Object *figures = o->getObject("figures"))
      e.figures = *figures;
    lock.entries.push_back(std::move(e));
  }
  return true;
}

} // namespace

char LockError::ID = 0;

void LockError::log(llvm::raw_ostream &os) const { os << message_; }

std::error_code LockError::convertToErrorCode() const { return llvm::inconvertibleErrorCode(); }

llvm::Expected<Lock> parseLock(const std::string &text) {
  Lock lock;
  std::string error;
  size_t offset = 0;
  if (!readLock(text, lock, error, offset))
    return llvm::make_error<LockError>(std::move(error), offset);
  return lock;
}

namespace {

/// Replaces every infinite or NaN number inside `value` with null and appends its path to `paths`.
void replaceNonFinite(llvm::json::Value &value, const std::string &path, std::vector<std::string> &paths) {
  if (llvm::json::Object *o = value.getAsObject()) {
    for (auto &[key, member] : *o)
      replaceNonFinite(member, path.empty() ? key.str() : path + "." + key.str(), paths);
  } else if (llvm::json::Array *a = value.getAsArray()) {
    for (size_t i = 0; i < a->size(); ++i)
      replaceNonFinite((*a)[i], path + "[" + std::to_string(i) + "]", paths);
  } else if (auto n = value.getAsNumber(); n && !std::isfinite(*n)) {
    paths.push_back(path.empty() ? "(the value)" : path);
    value = nullptr;
  }
}

} // namespace

std::vector<std::string> nonFiniteNumbers(const llvm::json::Value &value) {
  llvm::json::Value copy = value;
  std::vector<std::string> paths;
  replaceNonFinite(copy, "", paths);
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string serializeLock(const Lock &lock, const std::string &vdcVersion) {
  std::vector<const LockEntry *> sorted;
  for (const LockEntry &e : lock.entries)
    sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(), [](const LockEntry *a, const LockEntry *b) {
    return std::tie(a->design, a->assumption, a->target) < std::tie(b->design, b->assumption, b->target);
  });
  llvm::json::Array checks;
  for (const LockEntry *e : sorted) {
    llvm::json::Object data;
    for (const auto &[path, hash] : e->data)
      data[path] = hash;
    // JSON has no infinity or NaN (llvm::json would write a bare `inf` and make the whole lock unreadable): such a
    // figure becomes null, is named in `unrepresentable_figures`, and the entry cannot count as passed.
    llvm::json::Value figures = llvm::json::Object(e->figures), params = llvm::json::Object(e->params);
    std::vector<std::string> bad;
    replaceNonFinite(figures, "", bad);
    replaceNonFinite(params, "parameters", bad);
    std::sort(bad.begin(), bad.end());
    llvm::json::Object entry{{"design", e->design},
                             {"assumption", e->assumption},
                             {"for", e->target},
                             {"check", e->check},
                             {"parameters", std::move(params)},
                             {"data", std::move(data)},
                             {"passed", e->passed && bad.empty()},
                             {"summary", e->summary},
                             {"figures", std::move(figures)}};
    if (!bad.empty())
      entry["unrepresentable_figures"] = llvm::json::Array(bad);
    checks.push_back(std::move(entry));
  }
  llvm::json::Value root =
      llvm::json::Object{{"schema", kLockSchema}, {"vdc", vdcVersion}, {"checks", std::move(checks)}};
  std::string out;
  llvm::raw_string_ostream os(out);
  os << llvm::formatv("{0:2}", root) << "\n";
  os.flush();
  return out;
}

} // namespace vdc::rt
