#!/usr/bin/env python3
"""chain_summary.py — for each claim of a JSON report on stdin: whether it holds, then per chain the obligations
blocking it (assumption, declaration, severity, status) and the threats it inherits by study evidence
(`... via STUDY`, LANGUAGE.md Section 12.1)."""
import json
import sys

report = json.load(sys.stdin)
for design in report["designs"]:
    obligations = {o["id"]: o for o in design["obligations"]}

    def describe(o):
        return f"{o['assumption']} at {o['attached_to']} ({o['severity']}, {o['status']})"

    for claim in design["claims"]:
        print(claim["name"], "holds" if claim["holds"] else "fails")
        for chain in claim["chains"]:
            blocking = ", ".join(describe(obligations[i]) for i in chain["blocking"]) or "nothing"
            via = ", ".join(f"{obligations[i['id']]['assumption']} at {obligations[i['id']]['attached_to']} "
                            f"via {i['via']}" for i in chain["inherited"]
                            if obligations[i["id"]]["severity"] != "none") or "nothing"
            print(f"  chain from {chain['study']}: blocked by {blocking}; inherits {via}")
