// DesignDiff.cpp — matching obligations and claims across two versions, and rendering the changes.
#include "report/DesignDiff.h"

#include "report/MarkdownReport.h"
#include "source/Escape.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <map>
#include <tuple>

namespace vdc {

namespace {
using Key = std::tuple<std::string, std::string, std::string, std::string>;

std::map<Key, const Obligation *> obligationsOf(const Compilation &c) {
  std::map<Key, const Obligation *> out;
  for (const CheckedDesign &d : c.designs())
    for (const Obligation &o : d.obligations)
      if (o.severity != Level::None)
        out[{d.name, o.assumption->name, o.attachedTo, o.step}] = &o;
  return out;
}

/// A claim's verdict and the study of its deciding chain.
struct ClaimVerdict {
  bool holds = false;
  std::string deciding;
};

std::map<std::pair<std::string, std::string>, ClaimVerdict> claimsOf(const Compilation &c) {
  std::map<std::pair<std::string, std::string>, ClaimVerdict> out;
  for (const CheckedDesign &d : c.designs())
    for (const Claim &claim : d.claims) {
      const Chain *deciding = claim.decidingChain();
      out[{d.name, claim.name}] = {claim.holds, deciding ? deciding->study : ""};
    }
  return out;
}

const char *holdWord(bool holds) { return holds ? "holds" : "fails"; }

/// "from study a -> from study b" (each name quoted with `quote`), or "from study a" when it did not change.
std::string decidingText(const ClaimChange &c, const std::string &quote) {
  auto side = [&](const std::string &study) { return study.empty() ? std::string("—") : "from study " + quote + study + quote; };
  if (c.decidingBefore == c.decidingAfter)
    return side(c.decidingAfter);
  return side(c.decidingBefore) + " -> " + side(c.decidingAfter);
}
} // namespace

DesignDiff diffDesigns(const Compilation &before, const Compilation &after) {
  DesignDiff diff;
  auto oldObligations = obligationsOf(before), newObligations = obligationsOf(after);
  for (const auto &[key, o] : oldObligations) {
    auto it = newObligations.find(key);
    ObligationChange change{std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key),
                            ObligationChange::Kind::Removed, levelName(o->severity), "", statusName(o->status), ""};
    if (it == newObligations.end()) {
      diff.obligations.push_back(change);
      continue;
    }
    change.newSeverity = levelName(it->second->severity);
    change.newStatus = statusName(it->second->status);
    if (change.oldSeverity != change.newSeverity || change.oldStatus != change.newStatus) {
      change.kind = ObligationChange::Kind::Changed;
      diff.obligations.push_back(change);
    }
  }
  for (const auto &[key, o] : newObligations)
    if (!oldObligations.count(key))
      diff.obligations.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key),
                                  ObligationChange::Kind::Added, "", levelName(o->severity), "",
                                  statusName(o->status)});
  auto oldClaims = claimsOf(before), newClaims = claimsOf(after);
  for (const auto &[key, was] : oldClaims) {
    auto it = newClaims.find(key);
    if (it == newClaims.end())
      diff.claims.push_back({key.first, key.second, holdWord(was.holds), "absent", was.deciding, ""});
    else if (it->second.holds != was.holds || it->second.deciding != was.deciding)
      diff.claims.push_back({key.first, key.second, holdWord(was.holds), holdWord(it->second.holds), was.deciding,
                             it->second.deciding});
  }
  for (const auto &[key, now] : newClaims)
    if (!oldClaims.count(key))
      diff.claims.push_back({key.first, key.second, "absent", holdWord(now.holds), "", now.deciding});
  return diff;
}

bool writeDiff(std::ostream &out, const DesignDiff &diff, const std::string &format, const std::string &oldName,
               const std::string &newName) {
  auto kindWord = [](ObligationChange::Kind k) {
    return k == ObligationChange::Kind::Added ? "added" : k == ObligationChange::Kind::Removed ? "removed" : "changed";
  };
  auto state = [](const std::string &severity, const std::string &status) {
    return severity.empty() ? std::string("—") : severity + ", " + status;
  };
  if (format == "json") {
    namespace json = llvm::json;
    json::Array obligations, claims;
    auto study = [](const std::string &name) { return name.empty() ? json::Value(nullptr) : json::Value(name); };
    for (const auto &c : diff.obligations) {
      auto side = [](const std::string &severity, const std::string &status) -> json::Value {
        if (severity.empty())
          return nullptr;
        return json::Object{{"severity", severity}, {"status", status}};
      };
      obligations.push_back(json::Object{{"change", kindWord(c.kind)},
                                         {"design", c.design},
                                         {"assumption", c.assumption},
                                         {"attached_to", c.attachedTo},
                                         {"step", c.step},
                                         {"before", side(c.oldSeverity, c.oldStatus)},
                                         {"after", side(c.newSeverity, c.newStatus)}});
    }
    for (const auto &c : diff.claims)
      claims.push_back(json::Object{{"design", c.design},
                                    {"claim", c.claim},
                                    {"before", c.before},
                                    {"after", c.after},
                                    {"deciding_before", study(c.decidingBefore)},
                                    {"deciding_after", study(c.decidingAfter)}});
    json::Object root{{"schema", "vdesign-diff/1"},
                      {"old", oldName},
                      {"new", newName},
                      {"obligations", std::move(obligations)},
                      {"claims", std::move(claims)}};
    std::string text;
    llvm::raw_string_ostream os(text);
    os << llvm::formatv("{0:2}", json::Value(std::move(root)));
    os.flush();
    out << jsonWithVisibleBidi(std::move(text)) << "\n"; // bidi controls as `\u202E`
    return true;
  }
  if (format == "markdown") {
    out << "## vdesign diff\n\n" << escapeMarkdown(oldName) << " → " << escapeMarkdown(newName) << "\n\n";
    if (diff.empty()) {
      out << "No obligation or claim changed.\n";
      return true;
    }
    if (!diff.claims.empty()) {
      out << "| design | claim | before | after | deciding chain |\n|---|---|---|---|---|\n";
      for (const auto &c : diff.claims)
        out << "| `" << c.design << "` | `" << c.claim << "` | " << c.before << " | " << c.after << " | "
            << decidingText(c, "`") << " |\n";
      out << "\n";
    }
    if (!diff.obligations.empty()) {
      out << "| change | design | assumption | at | step | before | after |\n|---|---|---|---|---|---|---|\n";
      for (const auto &c : diff.obligations)
        out << "| " << kindWord(c.kind) << " | `" << c.design << "` | `" << c.assumption << "` | `" << c.attachedTo
            << "` | " << escapeMarkdownNames(c.step) << " | " << state(c.oldSeverity, c.oldStatus) << " | "
            << state(c.newSeverity, c.newStatus) << " |\n";
    }
    return true;
  }
  if (format != "text")
    return false;
  if (diff.empty()) {
    out << "no obligation or claim changed\n";
    return true;
  }
  for (const auto &c : diff.claims) {
    out << "claim " << c.design << "." << c.claim << ": " << c.before << " -> " << c.after;
    if (c.decidingBefore != c.decidingAfter && !c.decidingBefore.empty() && !c.decidingAfter.empty())
      out << "; deciding chain " << decidingText(c, "");
    out << "\n";
  }
  for (const auto &c : diff.obligations) {
    char mark = c.kind == ObligationChange::Kind::Added ? '+' : c.kind == ObligationChange::Kind::Removed ? '-' : '~';
    out << mark << " " << c.design << ": " << c.assumption << " at `" << c.attachedTo << "` (" << escapeLine(c.step) << "): "
        << state(c.oldSeverity, c.oldStatus) << " -> " << state(c.newSeverity, c.newStatus) << "\n";
  }
  return true;
}

} // namespace vdc
