#!/usr/bin/env python3
"""obligations.py — prints each obligation of a JSON report with a severity above none, one line per claim using it:
ASSUMPTION SEVERITY at ATTACHED_TO for CLAIM."""
import json
import sys

for design in json.load(sys.stdin)["designs"]:
    for o in design["obligations"]:
        if o["severity"] != "none":
            for claim in o["claims"]:
                print(f'{o["assumption"]} {o["severity"]} at {o["attached_to"]} for {claim}')
