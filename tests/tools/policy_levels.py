#!/usr/bin/env python3
"""policy_levels.py — GitHub annotations, SARIF results and JUnit test cases flag obligations as the policy decides.

usage: policy_levels.py VDC DESIGN...
For each design and each policy (--deny open-key, open, assumed, none), the GitHub annotation kind of every
obligation (error, warning, notice) must be the SARIF level of the same obligation (error, warning, note): the
policy denies it (error), it is open and not denied (warning), or it is assumed and not denied (notice/note).
A claim fails in JUnit exactly when the JSON report says it does not hold.
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
    for deny in ("open-key", "open", "assumed", "none"):
        checked += 1
        model = json.loads(run("json", design, deny))
        if any(d["severity"] == "error" for d in model["diagnostics"]):
            continue
        sarif = json.loads(run("sarif", design, deny))
        from_sarif = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"], r["level"])
                            for r in sarif["runs"][0]["results"] if not re.fullmatch(r"VD\d{4}", r["ruleId"]))
        from_github = []
        for line in run("github", design, deny).splitlines():
            m = re.match(r"^::(error|warning|notice) (.*?)::", line)
            props = dict(p.split("=", 1) for p in m.group(2).split(","))
            if not props["title"].startswith("vdc VD"):
                from_github.append((props["title"], int(props["line"]), KIND[m.group(1)]))
        junit = ET.fromstring(run("junit", design, deny))
        failing = sorted(c.get("name") for c in junit.iter("testcase") if c.find("failure") is not None)
        not_holding = sorted(c["name"] for d in model["designs"] for c in d["claims"] if not c["holds"])
        problems = []
        if sorted(from_github) != from_sarif:
            problems.append(f"github {sorted(from_github)} != sarif {from_sarif}")
        if failing != not_holding:
            problems.append(f"junit fails {failing}, json says {not_holding} do not hold")
        failed += bool(problems)
        print(f"{'FAIL' if problems else 'ok  '} {design} --deny {deny}{': ' + '; '.join(problems) if problems else ''}")
print(f"policy_levels: {checked} checked, {failed} failed")
sys.exit(1 if failed else 0)
