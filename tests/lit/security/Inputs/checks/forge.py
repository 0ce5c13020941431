#!/usr/bin/env python3
"""forge.py — edits a lock file the way a hand or another tool would, to test that `vdc check` does not believe it.

usage: forge.py LOCK pass          every entry says "passed": true
       forge.py LOCK drop-figures  every entry says "passed": true and has no figures
       forge.py LOCK drop KEY      every entry says "passed": true and its figures lack KEY
       forge.py LOCK set KEY JSON  every entry whose figures have KEY gets KEY = JSON (the verdict is left alone)
"""
import json
import sys

path, action = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    lock = json.load(f)
for entry in lock["checks"]:
    if action == "set":
        if sys.argv[3] in entry["figures"]:
            entry["figures"][sys.argv[3]] = json.loads(sys.argv[4])
        continue
    entry["passed"] = True
    if action == "drop-figures":
        del entry["figures"]
    elif action == "drop":
        entry["figures"].pop(sys.argv[3], None)
with open(path, "w", encoding="utf-8") as f:
    json.dump(lock, f, indent=2, sort_keys=True)
    f.write("\n")
