#!/usr/bin/env python3
"""obligations.py — prints a JSON report's obligations and claim profiles one per line, for golden tests.

usage: vdc report --format json FILE | obligations.py
Lines: `obligation ASSUMPTION SEVERITY STATUS at ATTACHED_TO: STEP` (sorted), then
`claim NAME holds|fails inherent S/I/E/C residual S/I/E/C`.
"""
import json
import sys

report = json.load(sys.stdin)
order = ["statistical", "internal", "external", "construct"]
for design in report["designs"]:
    lines = sorted(f"obligation {o['assumption']} {o['severity']} {o['status']} at {o['attached_to']}: {o['step']}"
                   for o in design["obligations"])
    print("\n".join(lines))
    for claim in design["claims"]:
        p = claim["profile"]
        print(f"claim {claim['name']} {'holds' if claim['holds'] else 'fails'} "
              f"inherent {'/'.join(p['inherent'][v] for v in order)} "
              f"residual {'/'.join(p['residual'][v] for v in order)}")
for d in report["diagnostics"]:
    print(f"diagnostic {d['severity']} {d['code']}")
