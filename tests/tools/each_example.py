#!/usr/bin/env python3
"""each_example.py — runs vdc on every example design and fails on errors, warnings or a bad exit status.

usage: each_example.py [--json PYTHON SHAPE_CHECKER] VDC EXAMPLES_DIR
With --json, each example's JSON report is also passed to the shape checker.
"""
import pathlib
import subprocess
import sys

args = sys.argv[1:]
shape = None
if args[0] == "--json":
    shape = args[1:3]
    args = args[3:]
vdc, folder = args[0], pathlib.Path(args[1])
examples = sorted(p for p in folder.glob("*.vdesign"))
if len(examples) < 10:
    sys.exit(f"each_example: only {len(examples)} examples in {folder}")
failed = 0
for path in examples:
    check = subprocess.run([vdc, "check", "--color", "never", str(path)], capture_output=True, text=True)
    problem = None
    if check.returncode not in (0, 1):
        problem = f"exit status {check.returncode}"
    elif check.stderr.strip():
        problem = "diagnostics on a clean example"
    elif shape:
        report = subprocess.run([vdc, "report", "--format", "json", str(path)], capture_output=True, text=True)
        verdict = subprocess.run(shape + ["-"], input=report.stdout, capture_output=True, text=True)
        if verdict.returncode != 0:
            problem = verdict.stdout
    if problem:
        failed += 1
        print(f"FAIL {path.name}: {problem}\n{check.stderr}")
    else:
        print(f"ok   {path.name}: {check.stdout.strip()}")
print(f"each_example: {len(examples)} examples, {failed} failed")
sys.exit(1 if failed else 0)
