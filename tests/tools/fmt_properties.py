#!/usr/bin/env python3
"""fmt_properties.py — checks `vdc fmt` on every design file under the given directories.

usage: fmt_properties.py VDC DIR...
For each *.vdesign file: if vdc fmt refuses it (exit 2), it must be a file with errors and stay
unchanged; otherwise fmt(fmt(x)) == fmt(x), every comment of x is in fmt(x) with the same text and in
the same order, and the JSON report of fmt(x) equals that of x once locations, lines and columns are
removed (the formatted copy is checked in place of the original, in a copy of the original's directory,
so relative imports and data files still resolve). Both reports must be JSON.
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

vdc, roots = sys.argv[1], [pathlib.Path(p) for p in sys.argv[2:]]
checked = failed = refused = 0


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items()
                if k not in ("location", "line", "column", "file", "files", "end_line", "end_column")}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def report(path, original_dir=None):
    # The file's own directory comes first in the module path, so a formatted copy of a stdlib module is
    # the one imported; the copy lies outside the project root, so data checks may read outside it.
    proc = subprocess.run([vdc, "report", "--format", "json", "--deny", "none", "--allow-outside-root",
                           "--stdlib-path", str(path.parent), str(path)], capture_output=True, text=True)
    text = proc.stdout
    if original_dir is not None:  # messages may name absolute paths: name the original's directory instead
        text = text.replace(str(path.parent.resolve()), str(original_dir.resolve()))
        text = text.replace(str(path.parent), str(original_dir))
    try:
        return strip(json.loads(text)), proc.returncode
    except json.JSONDecodeError:
        return None, proc.returncode


def comments(text):
    """The comments of a vdesign text in order: `//` comments without trailing blanks, `/* */` comments with
    their line breaks made "\\n"; string literals are skipped so that `"//"` inside one is not a comment."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out, i = [], 0
    while i < len(text):
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            out.append(text[i:end].rstrip(" \t"))
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = len(text) if end < 0 else end + 2
            out.append(text[i:end])
            i = end
        elif text[i] == '"':
            i += 1
            while i < len(text) and text[i] not in '"\n':
                i += 2 if text[i] == "\\" else 1
            i += 1
        else:
            i += 1
    return out


for root in roots:
    for path in sorted(p.resolve() for p in root.rglob("*.vdesign")):
        if "Output" in path.parts:
            continue
        checked += 1
        original = path.read_bytes()
        first = subprocess.run([vdc, "fmt", str(path)], capture_output=True)
        if first.returncode == 2:
            refused += 1
            if path.read_bytes() != original or b"error:" not in first.stderr:
                failed += 1
                print(f"FAIL {path}: refused without an error, or changed")
            continue
        if first.returncode != 0:
            failed += 1
            print(f"FAIL {path}: fmt exited {first.returncode}: {first.stderr.decode()}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy = pathlib.Path(tmp) / "d"
            shutil.copytree(path.parent, copy, ignore=shutil.ignore_patterns("Output"))
            formatted = copy / path.name
            formatted.write_bytes(first.stdout)
            lock = path.with_name(path.name + ".lock")
            if lock.exists():
                (copy / lock.name).write_bytes(lock.read_bytes())
            second = subprocess.run([vdc, "fmt", str(formatted)], capture_output=True)
            if second.stdout != first.stdout:
                failed += 1
                print(f"FAIL {path}: not idempotent")
                continue
            if comments(first.stdout.decode("utf-8")) != comments(original.decode("utf-8")):
                failed += 1
                print(f"FAIL {path}: a comment was lost, changed or moved out of order")
                continue
            before, status_before = report(path)
            after, status_after = report(formatted, path.parent)
            if before is None or after is None:
                failed += 1
                print(f"FAIL {path}: no JSON report of the {'original' if before is None else 'formatted'} file")
                continue
            if before != after or status_before != status_after:
                failed += 1
                print(f"FAIL {path}: the report of the formatted file differs")
                continue
        print(f"ok   {path}")
print(f"fmt_properties: {checked} files, {refused} refused (errors), {failed} failed")
sys.exit(1 if failed or checked == 0 else 0)
