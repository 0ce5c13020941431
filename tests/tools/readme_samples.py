#!/usr/bin/env python3
"""readme_samples.py — fails unless every output sample in README.md is what vdc prints today.

usage: readme_samples.py VDC README

A sample is a fenced code block right after a marker line (blank lines may come between them):

    <!-- sample: vdc report --format markdown examples/proxy_models.vdesign -->
    ```markdown
    ...
    ```

The command (a `vdc` command line, split like a shell would; no pipes or redirections) runs from the
directory of README (the repository root) with VDC in place of `vdc`, standard output and standard error
together as a terminal would show them, without colour. The command must also be shown to the reader,
in backticks, in the lines just above the marker.

A line that is only `…` stands for lines cut from the output. The lines between two `…` lines (a
segment) must appear in the output as consecutive lines, and the segments in their order; a sample that
does not begin with `…` must begin at the first line of the output, and one that does not end with `…`
must end at its last line. Lines are compared without trailing white space, otherwise exactly.

Run it in a git checkout: vdc writes SARIF and GitHub paths relative to the nearest directory holding
`.git`, and the samples show them so.
"""
import os
import pathlib
import re
import shlex
import subprocess
import sys

MARKER = re.compile(r"^<!-- sample: (.+?) -->\s*$")
FENCE = re.compile(r"^(`{3,}|~{3,})([^`]*)$")
CUT = "…"
SHOWN_WITHIN = 12  # lines above the marker in which the command must be shown


def samples(lines):
    """Yields (marker line number, command, first line number of the body, body lines) or raises ValueError."""
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i])
        if not m:
            i += 1
            continue
        marker_no, command = i + 1, m.group(1).strip()
        i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        f = FENCE.match(lines[i]) if i < len(lines) else None
        if not f:
            raise ValueError(f"README.md:{marker_no}: the sample marker is not followed by a fenced code block")
        fence = f.group(1)
        i += 1
        start = i
        while i < len(lines) and not (lines[i].startswith(fence[0] * len(fence)) and not lines[i].strip(fence[0]).strip()):
            i += 1
        if i >= len(lines):
            raise ValueError(f"README.md:{marker_no}: the sample's code block is never closed")
        yield marker_no, command, start + 1, lines[start:i]
        i += 1


def segments(body, first_no):
    """The sample's segments as lists of (README line number, line), and whether it is cut at each end."""
    segs, current = [], []
    for n, line in enumerate(body, first_no):
        if line.strip() == CUT:
            if current:
                segs.append(current)
            current = []
        else:
            current.append((n, line.rstrip()))
    if current:
        segs.append(current)
    cut_start = bool(body) and body[0].strip() == CUT
    cut_end = bool(body) and body[-1].strip() == CUT
    return segs, cut_start, cut_end


def run(vdc, root, command):
    argv = shlex.split(command)
    if not argv or argv[0] != "vdc":
        raise ValueError(f"the command must start with `vdc`: {command}")
    env = dict(os.environ)
    env.pop("VDESIGN_PATH", None)
    env["NO_COLOR"] = "1"
    proc = subprocess.run([vdc] + argv[1:], cwd=root, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    text = proc.stdout.decode("utf-8", "replace")
    out = [l.rstrip() for l in text.split("\n")]
    if out and out[-1] == "":
        out.pop()
    return out


def compare(segs, cut_start, cut_end, out):
    """None if the sample matches the output, else a message naming the first README line that does not."""
    if not segs:
        return "the sample is empty"
    pos = 0  # output lines before pos are taken by earlier segments
    for k, seg in enumerate(segs):
        anchored_start = k == 0 and not cut_start
        anchored_end = k == len(segs) - 1 and not cut_end
        if anchored_start:
            starts = [0]
        elif anchored_end:
            starts = [max(pos, len(out) - len(seg))]
        else:
            starts = range(pos, max(pos, len(out) - len(seg)) + 1)
        best = None  # (matched lines, start) of the closest miss
        for s in starts:
            matched = 0
            while matched < len(seg) and s + matched < len(out) and out[s + matched] == seg[matched][1]:
                matched += 1
            if matched == len(seg):
                if anchored_end and s + matched != len(out):
                    return (f"README.md:{seg[-1][0]}: the sample ends here but the output goes on at line "
                            f"{s + matched + 1} (end the sample with a `{CUT}` line if it is an excerpt): "
                            f"{out[s + matched]!r}")
                pos = s + matched
                break
            if best is None or matched > best[0]:
                best = (matched, s)
        else:
            matched, s = best
            n, line = seg[matched]
            if matched == 0 and not anchored_start and not anchored_end:
                return f"README.md:{n}: line not in the output after output line {pos}: {line!r}"
            got = out[s + matched] if s + matched < len(out) else "<end of output>"
            hint = ""
            if matched == 0 and anchored_start:
                hint = f" (a sample that does not begin with a `{CUT}` line begins at the output's first line)"
            elif matched == 0:
                hint = f" (a sample that does not end with a `{CUT}` line ends at the output's last line)"
            return (f"README.md:{n}: differs from output line {s + matched + 1}{hint}:\n"
                    f"    README: {line!r}\n    output: {got!r}")
    return None


def main():
    vdc, readme = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()
    root = readme.parent
    lines = readme.read_text(encoding="utf-8").split("\n")
    checked = failed = 0
    try:
        found = list(samples(lines))
    except ValueError as e:
        print(f"FAIL: {e}")
        print("readme_samples: 0 checked, 1 failed")
        return 1
    for marker_no, command, first_no, body in found:
        checked += 1
        above = "\n".join(lines[max(0, marker_no - 1 - SHOWN_WITHIN):marker_no - 1])
        problem = None
        if f"`{command}`" not in above:
            problem = f"README.md:{marker_no}: the command is not shown in backticks in the {SHOWN_WITHIN} lines above the sample"
        else:
            try:
                out = run(vdc, root, command)
                problem = compare(*segments(body, first_no), out)
            except (ValueError, subprocess.TimeoutExpired, OSError) as e:
                problem = f"README.md:{marker_no}: {e}"
        if problem:
            failed += 1
            print(f"FAIL: {command}\n  {problem}")
        else:
            print(f"ok: {command} ({len(body)} lines)")
    print(f"readme_samples: {checked} checked, {failed} failed")
    return 1 if failed or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
