#!/usr/bin/env python3
"""write_to_fifo.py — runs `vdc report -o FIFO` with a reader on the FIFO; prints what the reader got and whether
the FIFO is still a FIFO afterwards (a rename over it would have made it a regular file).

usage: write_to_fifo.py VDC DIR DESIGN
"""
import os
import stat
import subprocess
import sys
import threading

vdc, directory, design = sys.argv[1:4]
fifo = os.path.join(directory, "pipe")
os.makedirs(directory, exist_ok=True)
os.mkfifo(fifo)
received = []
reader = threading.Thread(target=lambda: received.append(open(fifo, encoding="utf-8").read()))
reader.start()
proc = subprocess.run([vdc, "report", "--format", "json", "-o", fifo, design], capture_output=True, text=True,
                      timeout=60)
reader.join(timeout=60)
print("exit", proc.returncode, proc.stderr.strip())
print("received", (received[0].splitlines() or [""])[0] if received else "nothing")
print("fifo" if stat.S_ISFIFO(os.lstat(fifo).st_mode) else "not a fifo")
print("left", sorted(os.listdir(directory)))
