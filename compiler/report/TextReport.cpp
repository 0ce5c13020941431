// TextReport.cpp — terminal rendering of the checked model.
#include "report/TextReport.h"

#include "source/Escape.h"

#include <llvm/ADT/StringExtras.h>

#include <algorithm>
#include <llvm/ADT/StringExtras.h>

namespace vdc {

namespace {

struct Style {
  bool color;
  std::string wrap(const char *code, const std::string &text) const {
    return color ? std::string("\x1b[") + code + "m" + text + "\x1b[0m" : text;
  }
  std::string bold(const std::string &t) const { return wrap("1", t); }
  std::string dim(const std::string &t) const { return wrap("2", t); }
  std::string level(Level l) const {
    const char *word = levelName(l);
    switch (l) {
    case Level::None:
      return color ? wrap("32", "●") + " " + word : word;
    case Level::Careful:
      return color ? wrap("33", "●") + " " + word : word;
    case Level::Key:
      return color ? wrap("31", "●") + " " + word : word;
    }
    return word;
  }
  std::string status(Status s) const {
    switch (s) {
    case Status::Open:
      return wrap("1;31", "open");
    case Status::Stale:
      return wrap("1;31", "stale");
    case Status::Contested:
      return wrap("1;31", "contested");
    case Status::Assumed:
      return wrap("33", "assumed");
    case Status::Discharged:
      return wrap("32", "discharged");
    }
    return "";
  }
};

/// Pads to a display width (code points), for plain words.
std::string pad(const std::string &text, size_t width) {
  size_t n = countCodePoints(text);
  return n >= width ? text : text + std::string(width - n, ' ');
}

/// Wraps `text` to `width` columns, each line after the first indented by `indent` spaces.
std::string wrapText(const std::string &text, size_t width, size_t indent) {
  std::string out, line;
  size_t pos = 0;
  auto flush = [&]() {
    if (!out.empty())
      out += "\n" + std::string(indent, ' ');
    out += line;
    line.clear();
  };
  while (pos <= text.size()) {
    size_t space = text.find(' ', pos);
    std::string word = text.substr(pos, space == std::string::npos ? std::string::npos : space - pos);
    if (!line.empty() && countCodePoints(line) + 1 + countCodePoints(word) > width)
      flush();
    line += (line.empty() ? "" : " ") + word;
    if (space == std::string::npos)
      break;
    pos = space + 1;
  }
  if (!line.empty())
    flush();
  return out;
}

void profileTable(std::ostream &out, const Style &style, const ProfilePair &p, const std::string &indent = "    ") {
  out << indent << pad("", 10);
  for (Validity v : kAllValidities)
    out << (v == kAllValidities.back() ? std::string(validityName(v)) : pad(validityName(v), 13));
  out << "\n";
  auto row = [&](const char *name, const Profile &profile) {
    out << indent << pad(name, 10);
    for (Validity v : kAllValidities) {
      out << style.level(profile[v]);
      if (v != kAllValidities.back())
        out << std::string(13 - countCodePoints(levelName(profile[v])) - (style.color ? 2 : 0), ' ');
    }
    out << "\n";
  };
  row("inherent", p.inherent);
  row("residual", p.residual);
}

/// User text for the terminal: control characters (escape sequences, bells) shown as `\u{1B}`.
std::string user(const std::string &text) { return escapeTerminal(text); }

void writeDesign(std::ostream &out, const Style &style, const Compilation &c, const CheckedDesign &d) {
  const SourceManager &sources = c.sources();
  std::string title = user(d.title);
  out << style.bold("design " + d.name);
  // The title follows the name when the line fits 80 columns, else it goes on its own lines below.
  if (!title.empty() && countCodePoints("design " + d.name + " — " + title) <= 80)
    out << " — " << title;
  else if (!title.empty())
    out << "\n  " << wrapText(title, 78, 2);
  out << "\n" << style.dim("  " + user(sources.name(d.file))) << "\n";
  for (const std::string &cite : d.cites)
    out << "  cites " << user(cite) << "\n";
  if (d.claims.empty())
    out << "\n  (no claims)\n";
  const auto byClaim = obligationsByClaim(d);
  for (const Claim &claim : d.claims) {
    auto found = byClaim.find(claim.name);
    const std::vector<const Obligation *> none, &mine = found == byClaim.end() ? none : found->second;
    out << "\n  " << style.bold("claim " + claim.name) << ": " << estimandNotation(claim) << "\n";
    if (claim.form != ClaimForm::Effect || !claim.comparator.empty()) // what the notation of a 0.2 form asserts
      out << "    asserts " << estimandMeaning(claim) << "\n";
    if (!claim.description.empty())
      out << "    " << wrapText(user(claim.description), 74, 4) << "\n";
    ClaimState state = claimState(c, claim);
    if (state == ClaimState::NotChecked)
      out << "    " << style.wrap("1;33", "not checked") << " (the file has errors)";
    else
      out << "    " << (state == ClaimState::Holds ? style.wrap("1;32", "holds") : style.wrap("1;31", "does not hold"));
    if (state == ClaimState::Fails && claim.form == ClaimForm::Trend)
      out << " (a trend needs a holding chain at every listed recipe)";
    else if (state == ClaimState::Fails)
      out << (claim.chains.empty() ? " (no study connects to this claim)"
                                   : " (every chain has an obligation the policy denies)");
    out << "\n";
    for (size_t i = 0; i < claim.chains.size(); ++i) {
      const Chain &chain = claim.chains[i];
      out << "\n    chain " << (i + 1) << " from study " << chain.study;
      if (!chain.point.empty())
        out << " at recipe " << chain.point;
      if (state != ClaimState::NotChecked)
        out << "  " << (chain.deciding ? style.bold("(" + chainVerdict(chain) + ")") : style.dim("(" + chainVerdict(chain) + ")"));
      out << "\n";
      for (const std::string &step : chain.steps)
        out << "      → " << wrapText(user(step), 70, 8) << "\n";
      out << "      → claim `" << claim.name << "`\n";
      for (const std::string &line : inheritedLines(d, chain))
        out << "      inherits " << wrapText(line, 64, 8) << "\n";
      if (state == ClaimState::NotChecked)
        continue; // no profile for a claim that was not checked (LANGUAGE.md Section 13)
      out << "      blocking: " << wrapText(blockingList(d, chain), 62, 16) << "\n";
      profileTable(out, style, chain.profile, "      ");
    }
    // Obligations of this claim, grouped by validity type; severity-none ones are summarised.
    out << "\n    obligations\n";
    int byDesign = 0;
    std::vector<std::string> notThreats; // recorded with severity none and left open: not a threat here
    size_t nameWidth = 24; // wide enough for most names; longer ones widen the column for this claim
    for (const Obligation *o : mine)
      nameWidth = std::max(nameWidth, countCodePoints(o->assumption->name) - o->assumption->name.find('.'));
    for (Validity v : kAllValidities) {
      std::vector<const Obligation *> rows;
      for (const Obligation *op : mine) {
        const Obligation &o = *op;
        if (o.assumption->validity != v)
          continue;
        if (!o.isThreat()) {
          if (o.satisfiedByDesign())
            ++byDesign;
          else if (o.openButNotThreat())
            notThreats.push_back(o.assumption->name.substr(o.assumption->name.find('.') + 1));
          continue;
        }
        rows.push_back(&o);
      }
      if (rows.empty())
        continue;
      out << "      " << style.bold(validityName(v)) << "\n";
      for (const Obligation *o : rows) {
        std::string name = o->assumption->name.substr(o->assumption->name.find('.') + 1);
        out << "        " << pad("#" + std::to_string(o->id), 4) << pad(name, nameWidth)
            << style.level(o->severity) << std::string(8 - std::string(levelName(o->severity)).size(), ' ')
            << style.status(o->status) << "\n";
        out << "            " << style.dim(wrapText(user("at `" + o->attachedTo + "`: " + o->step), 66, 12)) << "\n";
        if (!o->unmeasuredConfounders.empty()) // LANGUAGE.md Section 16: covariates declared `observed: false`
          out << "            "
              << wrapText(user("known unmeasured confounders: " + llvm::join(o->unmeasuredConfounders, ", ") +
                               " (declared `observed: false`)"),
                          66, 12)
              << "\n";
        if (o->evidence && o->evidence->kind != "design") {
          out << "            " << wrapText(user(evidenceLine(*o->evidence)), 66, 12) << "\n";
        }
        for (const Evidence &against : o->disputes)
          out << "            " << wrapText(user("disputed by " + evidenceLine(against)), 66, 12) << "\n";
        if ((!o->evidence || o->evidence->kind == "design") && o->disputes.empty() && isOpen(o->status) &&
            !o->settleHint().empty()) {
          out << "            " << wrapText(user("to settle: " + o->settleHint()), 66, 12) << "\n";
        }
      }
    }
    if (byDesign > 0)
      out << "      " << style.dim(fmt::format("({} satisfied by design)", countOf(byDesign, "assumption"))) << "\n";
    if (!notThreats.empty()) {
      out << "      "
          << style.dim(wrapText(user("(recorded, not a threat here: " + llvm::join(notThreats, ", ") + ")"), 72, 7))
          << "\n";
    }
    if (state == ClaimState::NotChecked)
      continue; // no profile at all, never an all-`none` one
    if (const Chain *deciding = claim.decidingChain())
      out << "\n    profile (residual of the deciding chain " << (deciding - claim.chains.data() + 1) << ", from study "
          << deciding->study << ")\n";
    else
      out << "\n    profile\n";
    profileTable(out, style, claim.profile);
  }
  out << "\n";
}

/// "1 open (1 key), 0 assumed, 0 discharged, 4 satisfied by design": what settled the obligations, with what the
/// strategies satisfy counted apart from evidence (LANGUAGE.md Section 12.4).
std::string obligationCounts(const Summary &s) {
  std::string contested = s.contested ? fmt::format(", {} contested", s.contested) : "";
  return fmt::format("{} open ({} key{}), {} assumed, {} discharged, {} satisfied by design", s.open, s.openKey,
                     contested, s.assumed, s.discharged, s.byDesign);
}

} // namespace

std::string summaryLine(const Compilation &compilation, Policy policy) {
  RunSummary s = summarize(compilation);
  std::string line = fmt::format("{}: {} claim{}, {} holding; {}", user(compilation.sources().name(compilation.rootFile())),
                                 s.claims, s.claims == 1 ? "" : "s", s.claimsHolding, obligationCounts(s));
  if (s.errors || s.warnings)
    line += fmt::format("; {} error{}, {} warning{}", s.errors, s.errors == 1 ? "" : "s", s.warnings,
                        s.warnings == 1 ? "" : "s");
  if (s.errors == 0)
    line += fmt::format(" — policy deny {}: {}", policyName(policy), s.policyViolated ? "violated" : "holds");
  return line;
}

void writeTextReport(std::ostream &out, const ReportInput &input) {
  Style style{input.color};
  for (const Compilation *c : input.compilations)
    for (const CheckedDesign &d : c->designs())
      writeDesign(out, style, *c, d);
  RunSummary s = summarize(input);
  out << style.bold("summary") << ": " << s.claims << " claim" << (s.claims == 1 ? "" : "s") << ", "
      << s.claimsHolding << " holding; " << obligationCounts(s) << "\n"
      << style.bold("policy") << ": deny " << policyName(input.policy) << " — "
      << (s.errors ? style.wrap("1;33", "not checked") + " (" + (s.errors == 1 ? "1 error" : std::to_string(s.errors) + " errors") + ")"
          : s.policyViolated ? style.wrap("1;31", "violated")
                             : style.wrap("1;32", "holds"))
      << "\n";
}

} // namespace vdc
