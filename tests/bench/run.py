#!/usr/bin/env python3
"""run.py — measures vdc on generated designs of 100 to 100,000 lines and prints a Markdown table.

usage: run.py VDC [--sizes 100,1000,10000,100000] [--repeat 5]
For each size: median wall time and peak resident memory of `vdc check` and of `vdc check
--stop-after=parse`, the process-start floor (`vdc --version`), and the growth exponent of the check
time between consecutive sizes (log-log slope; 1.0 is linear). Needs /usr/bin/time (Debian: time).
"""
import argparse
import math
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("vdc")
parser.add_argument("--sizes", default="100,1000,10000,100000")
parser.add_argument("--repeat", type=int, default=5)
args = parser.parse_args()
here = pathlib.Path(__file__).resolve().parent


def measure(cmd):
    """Median wall seconds and the largest peak RSS (MiB) over the repeats."""
    walls, peaks = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        walls.append(time.perf_counter() - start)
        peaks.append(int(proc.stderr.strip().splitlines()[-1]) / 1024)
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
    return statistics.median(walls), max(peaks)


floor, floor_mem = measure([args.vdc, "--version"])
print(f"process-start floor (`vdc --version`): {floor * 1000:.1f} ms, {floor_mem:.1f} MiB\n")
print("| lines | check (ms) | check peak (MiB) | parse only (ms) | parse peak (MiB) | check / parse | growth exponent |")
print("|---:|---:|---:|---:|---:|---:|---:|")
previous = None
with tempfile.TemporaryDirectory() as tmp:
    for size in (int(s) for s in args.sizes.split(",")):
        path = pathlib.Path(tmp) / f"design_{size}.vdesign"
        with path.open("w") as f:
            subprocess.run([sys.executable, str(here / "gen_design.py"), str(size)], stdout=f, check=True)
        lines = sum(1 for _ in path.open())
        check, check_mem = measure([args.vdc, "check", str(path)])
        parse, parse_mem = measure([args.vdc, "check", "--stop-after=parse", str(path)])
        growth = ""
        if previous:
            growth = f"{math.log(check / previous[1]) / math.log(lines / previous[0]):.2f}"
        previous = (lines, check)
        print(f"| {lines:,} | {check * 1000:.1f} | {check_mem:.1f} | {parse * 1000:.1f} | {parse_mem:.1f} | "
              f"{check / parse:.2f} | {growth} |")
