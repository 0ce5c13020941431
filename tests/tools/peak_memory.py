#!/usr/bin/env python3
"""peak_memory.py — runs a command (standard streams passed through) and fails when its peak resident memory
exceeds a bound, or when it fails itself.

usage: peak_memory.py MAX_MB COMMAND...
The bound is multiplied by $VDC_MEMORY_FACTOR when set (the lit suite sets 4 for sanitizer builds).
"""
import os
import resource
import subprocess
import sys

limit_mb = float(sys.argv[1]) * float(os.environ.get("VDC_MEMORY_FACTOR", "1"))
status = subprocess.run(sys.argv[2:]).returncode
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if status != 0:
    sys.exit(f"peak_memory: the command exited with status {status}")
if peak_mb > limit_mb:
    sys.exit(f"peak_memory: the command used {peak_mb:.0f} MB, more than the bound of {limit_mb:.0f} MB")
