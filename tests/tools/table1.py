#!/usr/bin/env python3
"""table1.py — rebuilds the paper's Table 1 from the canonical designs and compares it cell by cell.

usage: table1.py VDC TABLE1_DIR
TABLE1_DIR holds expected.tsv (row, statistical, internal, external, construct) and one ROW.vdesign per row,
each with a claim `main` whose inherent profile is the row of the table.
"""
import csv
import json
import pathlib
import subprocess
import sys

vdc, folder = sys.argv[1], pathlib.Path(sys.argv[2])
columns = ["statistical", "internal", "external", "construct"]
failures = 0
rows = list(csv.DictReader((folder / "expected.tsv").open(encoding="utf-8"), delimiter="\t"))
if len(rows) != 5:
    sys.exit(f"expected.tsv has {len(rows)} rows; Table 1 has 5")
print(f"{'row':28}" + "".join(f"{c:13}" for c in columns))
for row in rows:
    design = folder / f"{row['row']}.vdesign"
    proc = subprocess.run([vdc, "report", "--format", "json", str(design)], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        print(f"{row['row']}: vdc exited {proc.returncode}\n{proc.stderr}")
        failures += 1
        continue
    report = json.loads(proc.stdout)
    claims = [c for d in report["designs"] for c in d["claims"] if c["name"] == "main"]
    if len(claims) != 1:
        print(f"{row['row']}: expected one claim `main`, found {len(claims)}")
        failures += 1
        continue
    got = claims[0]["profile"]["inherent"]
    cells = []
    for c in columns:
        ok = got[c] == row[c]
        cells.append(f"{got[c]:13}" if ok else f"{got[c] + '≠' + row[c]:13}")
        failures += not ok
    print(f"{row['row']:28}" + "".join(cells))
print(f"table1: {failures} cell(s) differ from the paper")
sys.exit(1 if failures else 0)
