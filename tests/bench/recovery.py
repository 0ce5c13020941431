#!/usr/bin/env python3
"""recovery.py — mutates the examples token by token and measures how vdc recovers.

usage: recovery.py VDC [--mutants 300] [--seed 1]
Each mutant deletes, duplicates or swaps one token of an example (deterministic for a seed). vdc must
never crash (exit 0, 1 or 2, no signal, no "internal parser failure"); the script prints the
distribution of error diagnostics per broken file and the worst cascades. Exit 1 on any crash.
"""
import argparse
import pathlib
import random
import re
import shutil
import statistics
import subprocess
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("vdc")
parser.add_argument("--mutants", type=int, default=300)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
root = pathlib.Path(__file__).resolve().parents[2]
examples = sorted((root / "examples").glob("*.vdesign"))
token = re.compile(r'"(?:\\.|[^"\\\n])*"|//[^\n]*|[A-Za-z_][A-Za-z0-9_]*|[0-9][0-9.eE+-]*[KMBT]?|\S')
rng = random.Random(args.seed)
crashes, counts, worst = 0, [], []
with tempfile.TemporaryDirectory() as tmp:
    for n in range(args.mutants):
        example = rng.choice(examples)
        text = example.read_text(encoding="utf-8")
        spans = [m.span() for m in token.finditer(text) if not m.group().startswith("//")]
        i = rng.randrange(len(spans) - 1)
        (a, b), (c, d) = spans[i], spans[i + 1]
        op = rng.choice(["delete", "duplicate", "swap"])
        if op == "delete":
            mutant = text[:a] + text[b:]
        elif op == "duplicate":
            mutant = text[:b] + " " + text[a:b] + text[b:]
        else:
            mutant = text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:]
        what = f"{example.name}: {op} `{text[a:b]}` at line {text.count(chr(10), 0, a) + 1}"
        path = pathlib.Path(tmp) / example.name
        path.write_text(mutant, encoding="utf-8")
        # What the examples read besides themselves: imported modules, data files and lock files (copied, not
        # linked: data behind a link lies outside the project root, and vdc refuses to read it).
        for extra in (root / "examples").iterdir():
            there = pathlib.Path(tmp) / extra.name
            if there.exists():
                continue
            if extra.is_dir():
                shutil.copytree(extra, there)
            elif extra.name.endswith(".lock"):
                shutil.copy(extra, there)
        # Run inside the copy: with no repository around it, the working directory is the project root.
        proc = subprocess.run([str(pathlib.Path(args.vdc).resolve()), "check", "--color", "never", path.name],
                              capture_output=True, text=True, timeout=30, cwd=tmp)
        if proc.returncode not in (0, 1, 2) or "internal parser failure" in proc.stderr:
            crashes += 1
            print(f"CRASH (exit {proc.returncode}) {what}")
            continue
        errors = proc.stderr.count(": error: ")
        if errors:
            counts.append(errors)
            worst.append((errors, what))
counts.sort()
print(f"recovery: {args.mutants} mutants, {crashes} crashes, {len(counts)} with errors")
if counts:
    p90 = counts[min(len(counts) - 1, int(0.9 * len(counts)))]
    print(f"errors per broken file: median {statistics.median(counts):g}, p90 {p90}, max {counts[-1]}; "
          f"exactly one error in {sum(1 for c in counts if c == 1)} of {len(counts)}")
    print("worst cascades:")
    for errors, what in sorted(worst, reverse=True)[:5]:
        print(f"  {errors} errors: {what}")
raise SystemExit(1 if crashes else 0)
