#!/usr/bin/env python3
"""race.py — runs `vdc verify` again and again while another thread swaps the data file's directory for a symbolic
link out of the project (mode `symlink`) or the data file for a FIFO (mode `fifo`), and back.

usage: race.py VDC INPUTS DIR MODE RUNS
Prints how many runs read the outside file (its rows in the output, or its SHA-256 in the lock) and how many hung
(no answer within 5 s); stops at the first of either. The project is DIR/project (with a .git), the outside file
DIR/outside/sub/models.csv; the design is race.vdesign, whose first check reads a large file.
"""
import hashlib
import os
import pathlib
import shutil
import subprocess
import sys
import threading
import time

vdc, inputs, base, mode, runs = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]), sys.argv[4], int(sys.argv[5])
project, outside = base / "project", base / "outside"
shutil.rmtree(base, ignore_errors=True)
(project / ".git").mkdir(parents=True)
(project / "sub").mkdir()
(outside / "sub").mkdir(parents=True)
shutil.copyfile(inputs / "race.vdesign", project / "design.vdesign")
# The first check reads a large file: meanwhile the swap thread changes the second check's path many times.
with open(project / "big.csv", "w") as big:
    big.write("model,family,arm\n")
    for i in range(40000):
        big.write(f"m{i},f{i % 7},{'yes' if i % 2 else 'no'}\n")
shutil.copyfile(inputs / "models.csv", project / "sub" / "models.csv")
shutil.copyfile(inputs / "outside.csv", outside / "sub" / "models.csv")
secret = hashlib.sha256((outside / "sub" / "models.csv").read_bytes()).hexdigest()

stop = threading.Event()


def swap():
    sub, data = project / "sub", project / "sub" / "models.csv"
    while not stop.is_set():
        if mode == "symlink":
            os.rename(sub, project / "sub.real")
            os.symlink(outside / "sub", sub)
            time.sleep(0.0005)
            os.unlink(sub)
            os.rename(project / "sub.real", sub)
        else:
            os.rename(data, project / "sub" / "models.real")
            os.mkfifo(data)
            time.sleep(0.0005)
            os.unlink(data)
            os.rename(project / "sub" / "models.real", data)
        time.sleep(0.0005)


thread = threading.Thread(target=swap)
thread.start()
escapes = hangs = 0
seen = {}
try:
    for _ in range(runs):
        lock = project / "design.vdesign.lock"
        if lock.exists():
            lock.unlink()
        try:
            done = subprocess.run([vdc, "verify", "--color", "never", "design.vdesign"], cwd=project,
                                  capture_output=True, timeout=5)
        except subprocess.TimeoutExpired:
            hangs += 1
            break
        text = done.stdout.decode(errors="replace") + done.stderr.decode(errors="replace")
        for outcome in ("wrote", "[VD4008]", "[VD4009]", "[VD4012]", "the file opened was"):
            seen[outcome] = seen.get(outcome, 0) + (outcome in text)
        if "SECRET" in text or (lock.exists() and secret in lock.read_text()):
            escapes += 1
            break
finally:
    stop.set()
    thread.join()
print(f"outcomes (vary from run to run): {seen}", file=sys.stderr)
print(f"outside file read: {escapes}")
print(f"hung: {hangs}")
