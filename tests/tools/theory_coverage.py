#!/usr/bin/env python3
"""theory_coverage.py — fails when a strategy, proxy kind or aggregation of the core catalog has no golden test.

usage: theory_coverage.py CORE_VDESIGN THEORY_TEST_DIR
Each `strategy NAME`, `proxy NAME for` and `aggregation NAME` needs a file THEORY_TEST_DIR/{strategy,proxy,aggregation}-NAME*.
"""
import pathlib
import re
import sys

core = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
tests = pathlib.Path(sys.argv[2])
wanted = [("strategy", n) for n in re.findall(r"^strategy\s+(\w+)", core, re.M)]
wanted += [("proxy", n) for n in re.findall(r"^proxy\s+(\w+)\s+for\b", core, re.M)]
wanted += [("aggregation", n) for n in re.findall(r"^aggregation\s+(\w+)", core, re.M)]
missing = [f"{kind} {name}" for kind, name in wanted
           if not any(p.name in (f"{kind}-{name}.vdesign",) or p.name.startswith(f"{kind}-{name}-")
                      for p in tests.iterdir())]
for m in missing:
    print(f"MISSING golden test for {m}")
print(f"theory_coverage: {len(wanted)} declarations, {len(missing)} without a test")
sys.exit(1 if missing or not wanted else 0)
