#!/usr/bin/env python3
"""big_csv.py — time and peak memory of `vdc verify` on a large generated CSV (never committed: written to a
temporary directory and removed afterwards).

usage: big_csv.py VDC [--megabytes 1024] [--unused 8] [--varied]
The file has the columns `arm` and `y`, which an `effect_interval` check reads, and UNUSED columns of 12-character
cells it does not read; rows are added until the file has about MEGABYTES MiB. `y` has 70 distinct values (kept as a
dictionary), or with --varied 1,000 values of five decimals (kept as numbers, one in ten with its text because it
ends in 0). Needs /usr/bin/time.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
INPUTS = os.path.join(HERE, "..", "lit", "security", "Inputs", "10-csv")

parser = argparse.ArgumentParser()
parser.add_argument("vdc")
parser.add_argument("--megabytes", type=float, default=1024)
parser.add_argument("--unused", type=int, default=8)
parser.add_argument("--varied", action="store_true")
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="vdc-big-csv-")
try:
    os.makedirs(os.path.join(work, "data"))
    shutil.copy(os.path.join(INPUTS, "effect.vdesign"), os.path.join(work, "d.vdesign"))
    csv = os.path.join(work, "data", "d.csv")
    subprocess.run([sys.executable, os.path.join(INPUTS, "gen_csv.py"), "tall", str(args.megabytes),
                    str(args.unused), csv] + (["varied"] if args.varied else []), check=True)
    size = os.path.getsize(csv)
    used = 0
    rows = 0
    with open(csv, "rb") as f:
        next(f)
        for line in f:
            first, second, _ = line.split(b",", 2)
            used += len(first) + len(second) + 2
            rows += 1
    proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", os.path.abspath(args.vdc), "verify", "--color", "never",
                           "d.vdesign"], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds, kb = proc.stderr.strip().splitlines()[-1].split()
    peak = int(kb) / 1024
    print(f"file: {size / 2**20:.0f} MiB, {rows:,} rows; columns read (arm, y with their commas): {used / 2**20:.1f} MiB")
    print(f"vdc verify: exit {proc.returncode}, {float(seconds):.1f} s, peak {peak:.0f} MiB "
          f"({peak / (size / 2**20):.3f}x the file, {peak / (used / 2**20):.2f}x the columns read)")
finally:
    shutil.rmtree(work, ignore_errors=True)
