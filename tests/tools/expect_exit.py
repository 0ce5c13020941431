#!/usr/bin/env python3
"""expect_exit.py — runs a command, passes its output through, and fails unless it exits with the given status.

usage: expect_exit.py STATUS COMMAND...
"""
import subprocess
import sys

want = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
sys.stdout.write(proc.stdout.decode("utf-8", "replace"))
if proc.returncode != want:
    sys.stdout.write(f"expect_exit: wanted exit status {want}, got {proc.returncode}\n")
    sys.exit(1)
