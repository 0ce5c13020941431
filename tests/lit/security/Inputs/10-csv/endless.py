#!/usr/bin/env python3
"""endless.py — runs a command with a standard input that never ends (`y` lines), written until the command stops
reading or exits; exits with the command's status.

usage: endless.py COMMAND...
"""
import subprocess
import sys

proc = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE)
block = b"y\n" * 65536
try:
    while proc.poll() is None:
        proc.stdin.write(block)
except (BrokenPipeError, OSError):
    pass
try:
    proc.stdin.close()
except (BrokenPipeError, OSError):
    pass
sys.exit(proc.wait())
