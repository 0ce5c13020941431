// CheckDischarges.cpp — `discharge A for X by check NAME { ... }` (LANGUAGE.md Section 11): which assumptions a check
// may discharge, its parameters, its data path (which must exist and lie inside the project root), and the lock that
// says whether it was verified on exactly this data with exactly these parameters.
#include "sema/DesignCheckerImpl.h"
#include "sema/Suggest.h"

#include "runtime/CheckCatalog.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/Path.h>

namespace vdc {

namespace {

/// The written value as JSON of the parameter's kind, or nullopt when it does not fit.
std::optional<llvm::json::Value> toJson(rt::ParamKind kind, const ast::Value &v) {
  switch (kind) {
  case rt::ParamKind::String:
    if (v.kind == ast::Value::Kind::String)
      return llvm::json::Value(v.text);
    return std::nullopt;
  case rt::ParamKind::StringList: {
    if (v.kind == ast::Value::Kind::String)
      return llvm::json::Value(llvm::json::Array{v.text});
    if (v.kind != ast::Value::Kind::List)
      return std::nullopt;
    llvm::json::Array items;
    for (const ast::Value &item : v.items) {
      if (item.kind != ast::Value::Kind::String)
        return std::nullopt;
      items.push_back(item.text);
    }
    return llvm::json::Value(std::move(items));
  }
  case rt::ParamKind::Int:
    if (v.kind == ast::Value::Kind::Number && v.isInteger && v.number >= -9e15 && v.number <= 9e15)
      return llvm::json::Value(static_cast<int64_t>(v.number));
    return std::nullopt;
  case rt::ParamKind::Number:
    if (v.kind == ast::Value::Kind::Number)
      return llvm::json::Value(v.number);
    return std::nullopt;
  }
  return std::nullopt;
}

/// The parameters that differ between the lock and the design, in words.
std::string paramChanges(const llvm::json::Object &before, const llvm::json::Object &now) {
  std::vector<std::string> changes;
  auto add = [&](const std::string &text) { changes.push_back(text); };
  for (const auto &[key, value] : now) {
    const llvm::json::Value *old = before.get(key);
    if (!old)
      add(fmt::format("`{}` is new ({})", key.str(), rt::canonicalJson(value)));
    else if (rt::canonicalJson(*old) != rt::canonicalJson(value))
      add(fmt::format("`{}` was {}, now {}", key.str(), rt::canonicalJson(*old), rt::canonicalJson(value)));
  }
  for (const auto &[key, value] : before)
    if (!now.get(key))
      add(fmt::format("`{}` was removed", key.str()));
  return llvm::join(changes, ", ");
}

} // namespace

std::optional<CheckRun> DesignChecker::resolveCheck(const ast::Discharge &dis, const Assumption &assumption) {
  const rt::CheckSpec *spec = rt::findCheck(dis.checkName.text);
  if (!spec) {
    std::vector<std::string> names;
    for (const rt::CheckSpec &s : rt::checkCatalog())
      names.push_back(s.name);
    auto &d = diags_.report<DiagKind::UnknownCheck>(dis.checkName.range, dis.checkName.text);
    std::string guess = closestName(dis.checkName.text, names);
    suggest(d, guess);
    return std::nullopt;
  }
  if (!spec->canDischarge(assumption.name)) {
    std::string can;
    for (const std::string &a : spec->discharges)
      can += (can.empty() ? "" : " and ") + fmt::format("`{}`", a);
    std::string why = fmt::format("it tests whether {}, which settles only {}", spec->description, can);
    auto &d = diags_.report<DiagKind::CheckCannotDischarge>(dis.checkName.range, spec->name, assumption.name, why);
    std::string fits;
    for (const rt::CheckSpec &s : rt::checkCatalog())
      if (s.canDischarge(assumption.name))
        fits += (fits.empty() ? "" : " or ") + fmt::format("`{}`", s.name);
    d.help = fits.empty() ? fmt::format("no check discharges `{}`; use other evidence", assumption.name)
                          : fmt::format("`{}` is discharged by the check {}", assumption.name, fits);
    return std::nullopt;
  }
  bool ok = true;
  llvm::json::Object params;
  SourceRange dataRange = dis.checkName.range;
  for (const ast::Attribute &arg : dis.checkArgs) {
    const rt::CheckParam *p = spec->param(arg.key.text);
    if (!p) {
      std::vector<std::string> names;
      for (const rt::CheckParam &q : spec->params)
        names.push_back(q.name);
      auto &d = diags_.report<DiagKind::UnknownCheckParameter>(arg.key.range, spec->name, arg.key.text);
      std::string parameters = fmt::format("its parameters are: {}", llvm::join(names, ", "));
      if (!suggest(d, closestName(arg.key.text, names), parameters))
        d.help = parameters;
      ok = false;
      continue;
    }
    std::optional<llvm::json::Value> value = toJson(p->kind, arg.value);
    if (!value) {
      diags_.report<DiagKind::ParameterType>(arg.value.range, p->name, rt::describeParamKind(p->kind),
                                             arg.value.describe());
      ok = false;
      continue;
    }
    if (p->kind == rt::ParamKind::Int || p->kind == rt::ParamKind::Number) {
      std::string why = rt::checkRange(*p, arg.value.number);
      if (!why.empty()) {
        diags_.report<DiagKind::CheckParameterRange>(arg.value.range, p->name, spec->name, why, arg.value.text);
        ok = false;
        continue;
      }
    }
    if (p->name == "data")
      dataRange = arg.value.range;
    params[p->name] = std::move(*value);
  }
  for (const rt::CheckParam &p : spec->params) {
    if (params.get(p.name) || ast::findAttribute(dis.checkArgs, p.name))
      continue;
    if (p.required) {
      diags_.report<DiagKind::MissingCheckParameter>(dis.checkName.range, spec->name, p.name).help =
          fmt::format("add `{}: ...` inside the braces", p.name);
      ok = false;
    } else {
      params[p.name] = p.defaultValue;
    }
  }
  if (!ok)
    return std::nullopt;

  CheckRun run;
  run.design = design_.name.text;
  run.assumption = assumption.name;
  run.target = dis.target.text;
  run.check = spec->name;
  run.dataPath = params.getString("data")->str();
  run.params = rt::canonicalJson(llvm::json::Value(std::move(params)));
  run.range = dis.range;
  run.dataRange = dataRange;

  // Sema does no file IO: the driver's DataFiles finds the file (and, in lockStatus, gives its digest).
  std::string root = checks_ ? checks_->projectRoot : "";
  DataFileLookup found;
  if (checks_ && checks_->dataFiles)
    found = checks_->dataFiles->resolve(run.dataPath);
  switch (found.state) {
  case DataFileLookup::State::Ok:
    break;
  case DataFileLookup::State::OutsideRoot: {
    auto &d = diags_.report<DiagKind::DataOutsideRoot>(dataRange, run.dataPath, root);
    d.help = "a design may read only data inside its project (the nearest directory holding `.git`, else the "
             "working directory); pass --allow-outside-root to allow it";
    if (!found.realPath.empty() && found.realPath != found.absolute)
      d.notes.push_back({dataRange, fmt::format("it resolves, through a symbolic link, to `{}`", found.realPath)});
    return std::nullopt;
  }
  case DataFileLookup::State::NotRegular:
    diags_.report<DiagKind::DataNotRegular>(dataRange, run.dataPath, found.reason).help =
        "a check reads a regular file; a pipe, device, socket or directory is refused";
    return std::nullopt;
  case DataFileLookup::State::Missing:
    diags_
        .report<DiagKind::DataFileMissing>(dataRange, run.dataPath,
                                           found.absolute.empty() ? run.dataPath : found.absolute)
        .help = "a data path is relative to the directory of the design file";
    return std::nullopt;
  }
  run.dataFile = found.realPath;
  return run;
}

Status DesignChecker::lockStatus(const ast::Discharge &dis, const CheckRun &run, Evidence &evidence) {
  evidence.text = fmt::format("`{}` on {}", run.check, run.dataPath);
  std::string reason;
  const rt::LockEntry *entry = nullptr;
  if (!checks_ || !checks_->readLock) {
    evidence.text += " (not verified)";
    return Status::Stale;
  }
  std::string lockName = llvm::sys::path::filename(checks_->lockPath).str();
  if (checks_->lockState == CheckEnvironment::LockState::Missing)
    reason = fmt::format("never verified (there is no lock file `{}`)", lockName);
  else if (checks_->lockState == CheckEnvironment::LockState::Unreadable)
    reason = fmt::format("the lock file `{}` cannot be read", lockName);
  else if (!(entry = checks_->lock.find(run.design, run.assumption, run.target)))
    reason = fmt::format("never verified (`{}` has no result for it)", lockName);
  else if (entry->check != run.check)
    reason = fmt::format("the check changed (the lock holds a `{}` result)", entry->check);
  else {
    auto now = llvm::json::parse(run.params);
    std::string changes = now && now->getAsObject() ? paramChanges(entry->params, *now->getAsObject()) : "";
    if (!changes.empty()) {
      reason = "parameters changed since it was verified: " + changes;
    } else {
      std::string digest, error;
      auto recorded = entry->data.find(run.dataPath);
      if (recorded == entry->data.end())
        reason = fmt::format("data file `{}` was not the one verified", run.dataPath);
      else if (!checks_->dataFiles || !checks_->dataFiles->digest(run.dataFile, digest, error))
        reason = fmt::format("data file `{}` cannot be read: {}", run.dataPath, error);
      else if (recorded->second != digest)
        reason = fmt::format("data file `{}` was edited since it was verified (its SHA-256 differs from the lock)",
                             run.dataPath);
    }
  }
  if (reason.empty()) {
    // The lock is untrusted input: its `passed` counts only when its own figures imply the same verdict.
    std::string why;
    std::optional<bool> verdict = rt::verdictFromFigures(run.check, entry->params, entry->figures, why);
    if (!verdict)
      reason = fmt::format("its figures in the lock are missing or malformed ({}), so its result cannot be trusted; "
                           "the lock was edited by hand or by another tool",
                           why);
    else if (*verdict != entry->passed)
      reason = fmt::format("the lock says it {}, but its own figures say {}; the lock was edited by hand or by "
                           "another tool",
                           entry->passed ? "passed" : "failed", why);
  }
  if (!reason.empty()) {
    evidence.text += " (stale: " + reason + ")";
    auto &d = diags_.report<DiagKind::StaleCheck>(dis.checkName.range, run.check, run.assumption, run.target, reason,
                                                  checks_->designPath);
    d.help = "a check discharge counts only when the lock holds a passing result for the same parameters and data";
    return Status::Stale;
  }
  if (!entry->passed) {
    auto &d = diags_.report<DiagKind::CheckFailed>(dis.checkName.range, run.check, run.assumption, run.target,
                                                   entry->summary);
    d.help = "fix the design or the data, then run `vdc verify` again; the lock holds the computed figures";
    for (const std::string &line : rt::failureFigures(run.check, entry->params, entry->figures))
      d.notes.push_back({run.dataRange, line});
    return Status::Open;
  }
  evidence.text = fmt::format("`{}` on {}: {}", run.check, run.dataPath, entry->summary);
  evidence.verified = true;
  return Status::Discharged;
}

} // namespace vdc
