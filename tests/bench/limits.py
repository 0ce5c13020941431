#!/usr/bin/env python3
"""limits.py — the worst files of each kind near vdc's input limits: time, peak memory and exit status.

usage: limits.py VDC [--repeat 3]
Each file is as large as the limits allow in one direction (grammar/REFERENCE.md, Limits): just under the
8 MiB file size, with the longest line, the most declarations in one design, the most designs, claims,
list values or proxy hops the limits let through, and one file past each limit, which must be refused
early. Prints a Markdown table; needs /usr/bin/time (Debian: time). Exit status 1 if vdc crashes
(status other than 0, 1 or 2) on any of them.
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
parser.add_argument("--repeat", type=int, default=3)
args = parser.parse_args()

LIMIT = 8 << 20  # bytes


def fill(head, item, tail, budget=LIMIT - 4096):
    """`head` + as many `item(i)` as fit under `budget` bytes + `tail`."""
    parts, size, i = [head], len(head) + len(tail), 0
    while True:
        s = item(i)
        if size + len(s) > budget:
            break
        parts.append(s)
        size += len(s)
        i += 1
    parts.append(tail)
    return "".join(parts), i


study = "  recipe r  treatment t  outcome y\n  study s { strategy: controlled  recipe: r  treatment: t  outcome: y  runs_per_arm: 5 }\n"
cases = []
text, n = fill('design d {\n  recipe r "', lambda i: "x" * 1000, '"\n}\n')
cases.append(("one line of 8 MB (a string)", text))
text, n = fill("", lambda i: f"design d{i} {{ recipe r }}\n", "")
cases.append((f"{n:,} designs", text))
text, n = fill("", lambda i: f"design d{i} {{\n  recipe r{i}\n" + study.replace("study s", f"study s{i}")
               + f"  claim c {{ effect: t on y in r from: s{i} }}\n}}\n", "")
cases.append((f"{n:,} designs with a study and a claim", text))
text = "design d {\n" + "".join(f"  recipe r{i}\n" for i in range(199990)) + "}\n"
cases.append(("199,990 declarations in one design (the token limit)", text))
text, n = fill("", lambda i: (f"design d{i} {{\n" + "".join(f"  recipe r{j}\n" for j in range(20000)) + "}\n"), "")
cases.append((f"{n:,} designs of 20,000 declarations", text))
text = "design d {\n" + study + "".join(f"  claim c{i} {{ effect: t on y in r from: s }}\n" for i in range(28000)) + "}\n"
cases.append(("28,000 claims in one design (the token limit)", text))
text = "design d {\n  recipe r { tags: [" + ", ".join("x" for _ in range(10000)) + "] }\n}\n"
cases.append(("a list at the limit (10,000 values)", text))
text = "design d {\n  recipe r0\n" + "".join(f"  recipe r{i} proxy of r{i - 1} via scale\n" for i in range(1, 1001)) + \
    "  treatment t\n  outcome y\n  study s { strategy: controlled  recipe: r1000  treatment: t  outcome: y  runs_per_arm: 5 }\n" \
    "  claim c { effect: t on y in r0  from: s }\n}\n"
cases.append(("a proxy chain at the limit (1,000 hops)", text))
text, n = fill("design d {\n  recipe r { tags: [", lambda i: "x, ", "] }\n}\n")
cases.append((f"past the list limit ({n:,} values)", text))
text, _ = fill("design d {\n", lambda i: f"  recipe r{i}\n", "}\n")
cases.append(("past the declaration limit (one 8 MB design)", text))
cases.append(("past the file size limit (9 MB)", "// " + "x" * (9 << 20) + "\n"))

print("| file | size (MB) | exit | time (ms) | peak (MiB) |")
print("|---|---:|---:|---:|---:|")
crashed = False
with tempfile.TemporaryDirectory() as tmp:
    for name, text in cases:
        path = pathlib.Path(tmp) / "case.vdesign"
        path.write_text(text)
        walls, peaks, status = [], [], 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-f", "%M", args.vdc, "check", str(path)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            walls.append(time.perf_counter() - start)
            peaks.append(int(proc.stderr.strip().splitlines()[-1]) / 1024)
            status = proc.returncode
        crashed = crashed or status not in (0, 1, 2)
        print(f"| {name} | {len(text) / 1e6:.1f} | {status} | {statistics.median(walls) * 1000:.0f} | "
              f"{max(peaks):.0f} |", flush=True)
sys.exit(1 if crashed else 0)
