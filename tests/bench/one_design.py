#!/usr/bin/env python3
"""one_design.py — how the time of checking one design grows with its size: N claims against 10 N claims.

usage: one_design.py VDC [--small 400] [--large 4000] [--repeat 11] [--command check|report:FORMAT|diff]
Generates one design with SMALL claims and one with LARGE claims (tests/bench/gen_one_design.py: every kind of
declaration, discharges included, grows with the claims), runs vdc on both in alternation (small, large,
small, large, ...) so that a change in the machine's load affects both alike, and prints the median wall time
of each, the same for `--stop-after=parse`, and the ratio large / small. The per-design passes are linear when
the ratio of checking stays near LARGE / SMALL (the target: 10x the declarations within 12x the time).
"""
import argparse
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("vdc")
parser.add_argument("--small", type=int, default=400)
parser.add_argument("--large", type=int, default=4000)
parser.add_argument("--repeat", type=int, default=11)
parser.add_argument("--command", default="check",
                    help="check, report:FORMAT (a report written to a file) or diff (the design against itself)")
args = parser.parse_args()
here = pathlib.Path(__file__).resolve().parent


def command(path, out):
    if args.command == "check":
        return [args.vdc, "check", str(path)]
    if args.command == "parse":
        return [args.vdc, "check", "--stop-after=parse", str(path)]
    if args.command == "diff":
        return [args.vdc, "diff", str(path), str(path)]
    if args.command.startswith("report:"):
        return [args.vdc, "report", "--format", args.command[len("report:"):], "-o", str(out), str(path)]
    sys.exit(f"unknown --command {args.command}")


def run_once(cmd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
    return elapsed


with tempfile.TemporaryDirectory() as tmp:
    paths = {}
    for n in (args.small, args.large):
        paths[n] = pathlib.Path(tmp) / f"one_{n}.vdesign"
        with paths[n].open("w") as f:
            subprocess.run([sys.executable, str(here / "gen_one_design.py"), str(n)], stdout=f, check=True)
    kinds = [args.command, "parse"] if args.command != "parse" else ["parse"]
    times = {(k, n): [] for k in kinds for n in paths}
    saved = args.command
    for _ in range(args.repeat):
        for k in kinds:
            args.command = k
            for n, path in paths.items():
                times[(k, n)].append(run_once(command(path, pathlib.Path(tmp) / "out")))
        args.command = saved
    lines = {n: sum(1 for _ in p.open()) for n, p in paths.items()}

print(f"one design, {args.small:,} claims ({lines[args.small]:,} lines) against {args.large:,} claims "
      f"({lines[args.large]:,} lines); median of {args.repeat} interleaved runs\n")
print(f"| command | {args.small:,} claims (ms) | {args.large:,} claims (ms) | ratio |")
print("|---|---:|---:|---:|")
for k in kinds:
    small = statistics.median(times[(k, args.small)])
    large = statistics.median(times[(k, args.large)])
    label = "check --stop-after=parse" if k == "parse" else k
    print(f"| {label} | {small * 1000:.1f} | {large * 1000:.1f} | {large / small:.2f} |")
