#!/usr/bin/env python3
"""peak_memory.py — runs a command (standard streams passed through) and fails when its peak resident memory
exceeds a bound, or when it fails itself.

usage: peak_memory.py MAX_MB COMMAND...
The bound is multiplied by $VDC_MEMORY_FACTOR and then raised by $VDC_MEMORY_BASE_MB when they are set: the lit suite
sets 4 and 128 for sanitizer builds, whose shadow memory adds a fixed cost that no factor of a small bound covers.

The peak is measured through GNU time (/usr/bin/time) when it is installed: a process started by Python itself
inherits Python's own peak (about 14 MB) as a floor, so only a small starter measures a bound below that honestly.
The peak is that of the command and every process it waited for.
"""
import os
import resource
import subprocess
import sys
import tempfile

limit_mb = float(sys.argv[1]) * float(os.environ.get("VDC_MEMORY_FACTOR", "1")) + float(
    os.environ.get("VDC_MEMORY_BASE_MB", "0"))
command = sys.argv[2:]
gnu_time = "/usr/bin/time"
if os.access(gnu_time, os.X_OK):
    with tempfile.NamedTemporaryFile("r", prefix="peak-", suffix=".txt") as report:
        status = subprocess.run([gnu_time, "-q", "-f", "%M", "-o", report.name] + command).returncode
        lines = report.read().split()
    peak_mb = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else float("inf")
else:
    status = subprocess.run(command).returncode
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if status != 0:
    sys.exit(f"peak_memory: the command exited with status {status}")
if peak_mb > limit_mb:
    sys.exit(f"peak_memory: the command used {peak_mb:.0f} MB, more than the bound of {limit_mb:.0f} MB")
