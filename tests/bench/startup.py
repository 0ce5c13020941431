#!/usr/bin/env python3
"""startup.py — a 100-line design against the process-start floor, measured interleaved.

usage: startup.py VDC [--lines 100] [--repeat 200]
Runs, in turn and REPEAT times, `vdc --version` (the floor: starting the process), `vdc check` on a generated
design of about LINES lines (tests/bench/gen_design.py), and the same check with VDC_STDLIB_FROM_SOURCE=1 (the
stdlib parsed from its text in the process, as before the prebuilt stdlib). Alternating the three lets a change in
the machine's load affect each alike. Prints the median wall time of each and its ratio to the floor (the target:
the check within 2x the floor).
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("vdc")
parser.add_argument("--lines", type=int, default=100)
parser.add_argument("--repeat", type=int, default=200)
args = parser.parse_args()
here = pathlib.Path(__file__).resolve().parent

with tempfile.TemporaryDirectory() as tmp:
    path = pathlib.Path(tmp) / "design.vdesign"
    with path.open("w") as f:
        subprocess.run([sys.executable, str(here / "gen_design.py"), str(args.lines)], stdout=f, check=True)
    lines = sum(1 for _ in path.open())
    source_env = dict(os.environ, VDC_STDLIB_FROM_SOURCE="1")
    runs = {
        "`vdc --version` (floor)": ([args.vdc, "--version"], None),
        f"`vdc check` ({lines} lines)": ([args.vdc, "check", str(path)], None),
        f"`vdc check`, stdlib parsed from source": ([args.vdc, "check", str(path)], source_env),
    }
    times = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, (cmd, env) in runs.items():
            start = time.perf_counter()
            proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            times[name].append(time.perf_counter() - start)
            if proc.returncode not in (0, 1):
                sys.exit(f"{' '.join(cmd)} exited {proc.returncode}")

floor = statistics.median(times["`vdc --version` (floor)"])
print(f"median of {args.repeat} interleaved runs\n")
print("| command | median (ms) | / floor |")
print("|---|---:|---:|")
for name, values in times.items():
    m = statistics.median(values)
    print(f"| {name} | {m * 1000:.2f} | {m / floor:.2f} |")
