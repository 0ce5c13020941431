#!/usr/bin/env python3
"""explain_coverage.py — fails unless every diagnostic code and every stdlib assumption can be explained.

usage: explain_coverage.py VDC DIAGNOSTICS_DEF STDLIB_CORE
For each code in Diagnostics.def, `vdc explain CODE` must succeed; when it shows a wrong and a fixed example,
the wrong one must emit that code and the fixed one must compile without errors. For each assumption declared
in the stdlib, `vdc explain NAME` must show its formula, source, explanation and how to settle it.
"""
import pathlib
import re
import subprocess
import sys
import tempfile

vdc, diagnostics_def, core = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
codes = re.findall(r'^DIAGNOSTIC\(\s*\w+\s*,\s*\w+\s*,\s*"(VD\d{4})"', diagnostics_def.read_text(), re.M)
assumptions = re.findall(r'^assumption\s+([\w.]+)', core.read_text(), re.M)
checked = failed = 0


def section(text, start, end):
    """The example between two headings of `vdc explain`, with its 4-space indent removed."""
    if start not in text:
        return None
    body = text.split(start, 1)[1]
    if end:
        body = body.split(end, 1)[0]
    lines = [l[4:] if l.startswith("    ") else l.strip() for l in body.strip("\n").split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def check_file(source, tmp):
    path = pathlib.Path(tmp) / "example.vdesign"
    path.write_text(source, encoding="utf-8")
    return subprocess.run([vdc, "check", "--color", "never", str(path)], capture_output=True, text=True)


def report(ok, what, detail=""):
    global checked, failed
    checked += 1
    failed += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {what}{': ' + detail if detail and not ok else ''}")


with tempfile.TemporaryDirectory() as tmp:
    for code in codes:
        proc = subprocess.run([vdc, "explain", code], capture_output=True, text=True)
        if proc.returncode != 0 or not proc.stdout.startswith(code + " — "):
            report(False, code, f"`vdc explain {code}` exited {proc.returncode}: {proc.stderr.strip()}")
            continue
        wrong = section(proc.stdout, "For example, this design is refused:", "and this one is accepted:")
        fixed = section(proc.stdout, "and this one is accepted:", None)
        if wrong is None:
            report(len(proc.stdout.split("\n\n", 1)[-1]) > 80, f"{code} (explanation only)", "explanation too short")
            continue
        w = check_file(wrong, tmp)
        report(f"[{code}]" in w.stderr, f"{code} wrong example", f"does not emit {code}:\n{w.stderr}")
        f = check_file(fixed, tmp)
        report(f.returncode in (0, 1) and "error:" not in f.stderr, f"{code} fixed example",
               f"exit {f.returncode}:\n{f.stderr}")
    for name in assumptions:
        proc = subprocess.run([vdc, "explain", name], capture_output=True, text=True)
        missing = [k for k in ("formula:", "source:", "How to settle it:", "Introduced by:") if k not in proc.stdout]
        paragraphs = [p for p in proc.stdout.split("\n\n") if p and not p.startswith(("  ", "How", "Introduced"))]
        if len(paragraphs) < 2:
            missing.append("explanation")
        report(proc.returncode == 0 and not missing, name, f"missing {', '.join(missing)}")
print(f"explain_coverage: {checked} checked, {failed} failed")
sys.exit(1 if failed else 0)
