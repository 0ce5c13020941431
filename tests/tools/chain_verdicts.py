#!/usr/bin/env python3
"""chain_verdicts.py — one line per claim of a JSON report: its verdict, its residual profile, and per chain the
study, a `*` on the deciding chain and the assumptions of its blocking obligations (LANGUAGE.md Section 13).

usage: chain_verdicts.py REPORT.json   (or - for standard input)
Prints e.g. `ab holds residual statistical=careful | a* blocking [] ; b blocking [external.proxy_recipe@small]`;
a profile lists only its cells that are not `none`.
"""
import json
import sys

r = json.load(sys.stdin if sys.argv[1] == "-" else open(sys.argv[1], encoding="utf-8"))
for d in r["designs"]:
    obligations = {o["id"]: o for o in d["obligations"]}
    for c in d["claims"]:
        if c["profile"] is None:
            residual = "(no profile)"
        else:
            cells = [f"{k}={v}" for k, v in sorted(c["profile"]["residual"].items()) if v != "none"]
            residual = " ".join(cells) or "none"
        chains = []
        for ch in c["chains"]:
            blocking = ch["blocking"]
            names = "-" if blocking is None else "[" + ", ".join(
                f"{obligations[i]['assumption']}@{obligations[i]['attached_to']}" for i in blocking) + "]"
            chains.append(f"{ch['study']}{'*' if ch['deciding'] else ''} blocking {names}")
        print(f"{c['name']} {'holds' if c['holds'] else 'fails'} residual {residual} | {' ; '.join(chains)}")
