#!/usr/bin/env python3
"""explain_coverage.py — fails unless every diagnostic code and every stdlib assumption can be explained.

usage: explain_coverage.py VDC DIAGNOSTICS_DEF STDLIB_CORE
For each code in Diagnostics.def, `vdc explain CODE` must succeed and show a wrong and a fixed example; no code
is exempt unless it is listed in EXEMPT below with the reason. The wrong example must emit that code and the
fixed one must emit neither it nor any error. An example is a design file (checked with `vdc check`) or a
session: `$ ` command lines, run with sh in an empty directory with this `vdc` first on PATH, followed by the
files they read (`-- NAME --` lines); a fixed session without files runs on the wrong one's files.
For each assumption declared in the stdlib, `vdc explain NAME` must show its formula, source, explanation and
how to settle it.
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile

vdc, diagnostics_def, core = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
vdc = os.path.abspath(vdc)
codes = re.findall(r'^DIAGNOSTIC\(\s*\w+\s*,\s*\w+\s*,\s*"(VD\d{4})"', diagnostics_def.read_text(), re.M)
assumptions = re.findall(r'^assumption\s+([\w.]+)', core.read_text(), re.M)
checked = failed = 0

# Codes that may go without a wrong and a fixed example, each with the reason. Every code can be shown today.
EXEMPT = {}

WRONG = re.compile(r"^For example, this .*is refused.*:$", re.M)
FIXED = re.compile(r"^and this .*is accepted.*:$", re.M)


def examples(text):
    """The wrong and fixed examples of `vdc explain`, with their 4-space indent removed, or (None, None)."""
    w, f = WRONG.search(text), FIXED.search(text)
    if not w or not f:
        return None, None

    def unindent(body):
        lines = [l[4:] if l.startswith("    ") else l.strip() for l in body.strip("\n").split("\n")]
        return "\n".join(lines).strip("\n") + "\n"

    return unindent(text[w.end():f.start()]), unindent(text[f.end():])


def parse(example):
    """(commands, files) of a session; a design file is `vdc check` on it."""
    if not example.startswith("$ "):
        return ["vdc check --color never example.vdesign"], [("example.vdesign", example)]
    commands, files = [], []
    for line in example.splitlines(keepends=True):
        m = re.match(r"^-- (.+) --\n$", line)
        if m:
            files.append([m.group(1), ""])
        elif files:
            files[-1][1] += line
        else:
            commands.append(line[2:].rstrip("\n"))
    return commands, [tuple(f) for f in files]


def run(example, base_files=()):
    """Runs an example in a fresh directory; returns [(command, exit status, output)] and the files it used."""
    commands, files = parse(example)
    files = files or list(base_files)
    env = dict(os.environ, PATH=os.path.dirname(vdc) + os.pathsep + os.environ.get("PATH", ""), NO_COLOR="1")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files:
            path = pathlib.Path(tmp) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        results = []
        for command in commands:
            proc = subprocess.run(["sh", "-c", command], cwd=tmp, env=env, capture_output=True, text=True,
                                  errors="replace", timeout=300)
            results.append((command, proc.returncode, proc.stdout + proc.stderr))
    return results, files


def report(ok, what, detail=""):
    global checked, failed
    checked += 1
    failed += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {what}{': ' + detail if detail and not ok else ''}")


for code in codes:
    proc = subprocess.run([vdc, "explain", code], capture_output=True, text=True)
    if proc.returncode != 0 or not proc.stdout.startswith(code + " — "):
        report(False, code, f"`vdc explain {code}` exited {proc.returncode}: {proc.stderr.strip()}")
        continue
    wrong, fixed = examples(proc.stdout)
    if wrong is None:
        report(code in EXEMPT, f"{code} has a wrong and a fixed example", "none shown and not in EXEMPT")
        continue
    w, files = run(wrong)
    report(any(f"[{code}]" in out for _, _, out in w), f"{code} wrong example",
           f"does not emit {code}:\n" + "\n".join(f"$ {c}\n(exit {rc}) {out}" for c, rc, out in w))
    f, _ = run(fixed, files)
    bad = [(c, rc, out) for c, rc, out in f if rc not in (0, 1) or "error:" in out or f"[{code}]" in out]
    report(not bad, f"{code} fixed example", "\n".join(f"$ {c}\n(exit {rc}) {out}" for c, rc, out in bad))
for name in assumptions:
        proc = subprocess.run([vdc, "explain", name], capture_output=True, text=True)
        missing = [k for k in ("formula:", "source:", "How to settle it:", "Introduced by:") if k not in proc.stdout]
        paragraphs = [p for p in proc.stdout.split("\n\n") if p and not p.startswith(("  ", "How", "Introduced"))]
        if len(paragraphs) < 2:
            missing.append("explanation")
        report(proc.returncode == 0 and not missing, name, f"missing {', '.join(missing)}")
print(f"explain_coverage: {checked} checked, {failed} failed")
sys.exit(1 if failed else 0)
