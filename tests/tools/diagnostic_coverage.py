#!/usr/bin/env python3
"""diagnostic_coverage.py — fails when a diagnostic kind of Diagnostics.def has no golden test that checks its code.

usage: diagnostic_coverage.py SOURCE_ROOT
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
definitions = (root / "compiler" / "diagnostics" / "Diagnostics.def").read_text(encoding="utf-8")
codes = re.findall(r'^DIAGNOSTIC\(\s*(\w+),\s*\w+,\s*"(VD\d{4})"', definitions, re.M)
if len(codes) < 10:
    sys.exit(f"only {len(codes)} diagnostics found in Diagnostics.def: the pattern is out of date")
checked = set()
for path in (root / "tests" / "lit").rglob("*"):
    if path.is_file() and path.suffix in (".vdesign", ".test"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if re.search(r"CHECK[-A-Z]*:", line):
                checked.update(re.findall(r"\[(VD\d{4})\]", line))
missing = [(name, code) for name, code in codes if code not in checked]
seen = {}
for name, code in codes:
    if code in seen:
        sys.exit(f"code {code} is used by both {seen[code]} and {name}")
    seen[code] = name
for name, code in missing:
    print(f"no golden test checks {code} ({name})")
print(f"{len(codes) - len(missing)} of {len(codes)} diagnostic kinds have golden tests")
sys.exit(1 if missing else 0)
