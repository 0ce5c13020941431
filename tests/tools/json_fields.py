#!/usr/bin/env python3
"""json_fields.py — prints the Section 10 fields of a JSON report (first design, first claim), one per line, and the
declarations this vdc adds (REFERENCE.md Section 9).

usage: json_fields.py REPORT.json
"""
import json
import sys

r = json.load(open(sys.argv[1], encoding="utf-8"))
d = r["designs"][0]
c = d["claims"][0]


def show(key, value):
    print(key, value if isinstance(value, str) and key in ("chains", "statuses", "declarations") else
          json.dumps(value, sort_keys=True, ensure_ascii=False))


show("schema", r["schema"])
show("files", r["files"])
show("design", [d["name"], d["file"], d["title"]])
show("estimand", {k: c["estimand"][k] for k in ("treatment", "outcome", "target", "over")})
show("holds", c["holds"])
show("chains", " | ".join(f"{ch['study']} {json.dumps(ch['obligations'])} blocking {json.dumps(ch['blocking'])}"
                          + (" deciding" if ch["deciding"] else "") for ch in c["chains"]))
show("profile", c["profile"])
show("open", [o for o in d["obligations"] if o["status"] == "open"])
show("statuses", " | ".join(f"{o['id']} {o['assumption']} {o['severity']} {o['status']} "
                            f"{(o['evidence'] or {}).get('kind')}" for o in d["obligations"]))
show("declarations", " | ".join(f"{x['kind']} {x['name']} {json.dumps(x['attributes'], sort_keys=True)}"
                                + (f" proxy of {x['proxy_of']} via {x['via']}" if x["proxy_of"] else "")
                                + f" line {x['location']['line']}" for x in d["declarations"]))
show("diagnostics", r["diagnostics"])
show("summary", r["summary"])
show("policy", r["policy"])
