#!/usr/bin/env python3
"""policy_levels.py — GitHub annotations, SARIF results and JUnit test cases flag obligations as the policy decides.

usage: policy_levels.py VDC DESIGN...
For each design and each policy (--deny open-key, assumed-key, open, assumed, none), the GitHub annotation kind of every
obligation (error, warning, notice) must be the SARIF level of the same obligation (error, warning, note): the
policy denies it (error), it is open and not denied (warning), or it is assumed and not denied (notice/note).
A claim fails in JUnit, has an `error` claim annotation on GitHub and the state "does not hold" in SARIF's
claim verdicts exactly when the JSON report says it does not hold; SARIF and GitHub name the same deciding chain.
Prints one line per (design, policy) and a closing "policy_levels: N checked, M failed".
"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

vdc, designs = sys.argv[1], sys.argv[2:]
checked = failed = 0
KIND = {"error": "error", "warning": "warning", "notice": "note"}


def run(fmt, design, deny):
    return subprocess.run([vdc, "report", "--format", fmt, "--deny", deny, design], capture_output=True,
                          text=True).stdout


for design in designs:
    for deny in ("open-key", "assumed-key", "open", "assumed", "none"):
        checked += 1
        model = json.loads(run("json", design, deny))
        if any(d["severity"] == "error" for d in model["diagnostics"]):
            continue
        sarif = json.loads(run("sarif", design, deny))
        from_sarif = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"], r["level"])
                            for r in sarif["runs"][0]["results"] if not re.fullmatch(r"VD\d{4}", r["ruleId"]))
        from_github, claim_kinds = [], {}
        for line in run("github", design, deny).splitlines():
            m = re.match(r"^::(error|warning|notice) (.*?)::", line)
            props = dict(p.split("=", 1) for p in m.group(2).split(","))
            if props["title"].startswith("claim "):
                claim_kinds[props["title"][len("claim "):]] = m.group(1)
            elif not props["title"].startswith("vdc VD"):
                from_github.append((props["title"], int(props["line"]), KIND[m.group(1)]))
        claims = [c for d in model["designs"] for c in d["claims"]]
        expected_kinds = {c["name"]: "notice" if c["holds"] else "error" for c in claims}
        sarif_states = {c["claim"]: c["state"] for c in sarif["runs"][0]["properties"]["claims"]}
        expected_states = {c["name"]: "holds" if c["holds"] else "does not hold" for c in claims}
        sarif_deciding = sorted((c["claim"], ch["study"]) for c in sarif["runs"][0]["properties"]["claims"]
                                for ch in c["chains"] if ch.get("deciding"))
        json_deciding = sorted((c["name"], ch["study"]) for c in claims for ch in c["chains"] if ch["deciding"])
        junit = ET.fromstring(run("junit", design, deny))
        failing = sorted(c.get("name") for c in junit.iter("testcase") if c.find("failure") is not None)
        not_holding = sorted(c["name"] for d in model["designs"] for c in d["claims"] if not c["holds"])
        problems = []
        if sorted(from_github) != from_sarif:
            problems.append(f"github {sorted(from_github)} != sarif {from_sarif}")
        if claim_kinds != expected_kinds:
            problems.append(f"github claim annotations {claim_kinds}, json says {expected_kinds}")
        if sarif_states != expected_states or sarif_deciding != json_deciding:
            problems.append(f"sarif claims {sarif_states} {sarif_deciding}, json {expected_states} {json_deciding}")
        if failing != not_holding:
            problems.append(f"junit fails {failing}, json says {not_holding} do not hold")
        failed += bool(problems)
        print(f"{'FAIL' if problems else 'ok  '} {design} --deny {deny}{': ' + '; '.join(problems) if problems else ''}")
print(f"policy_levels: {checked} checked, {failed} failed")
sys.exit(1 if failed else 0)
