#!/usr/bin/env python3
r"""html_picture.py — renders an HTML report in headless Chromium and checks that each design's picture is drawn.

usage: html_picture.py REPORT.html WORKDIR COLOUR
Two Chromium runs, both offline: the first loads a copy of the page with a one-line script that records the size
and place of every inline picture (`figure.picture svg`) and dumps the DOM; the second takes a screenshot of the
page itself. For each picture the script prints its size, the share of its pixels that are not white and how many
are COLOUR (#rrggbb, e.g. the key colour of an edge). A picture fails when it has no size, is mostly blank or has
no pixel of COLOUR; the run exits 1 when any fails or when there is no picture.
"""
import json
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import zlib

WIDTH, HEIGHT = 1200, 1600
page, work, colour = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3].lstrip("#")
want = tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))
work.mkdir(parents=True, exist_ok=True)
chromium = shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(*args):
    proc = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           "--hide-scrollbars", f"--user-data-dir={work / 'profile'}", f"--window-size={WIDTH},{HEIGHT}",
                           *args], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        sys.exit(f"chromium exited {proc.returncode}: {proc.stderr[-800:]}")
    return proc.stdout


def read_png(path):
    """The rows of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes) and the bytes per pixel."""
    data = path.read_bytes()
    pos, chunks, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    width, height, depth, ctype, _, _, interlace = header
    if depth != 8 or ctype not in (2, 6) or interlace:
        sys.exit(f"unexpected PNG format {header}")
    bpp = 3 if ctype == 2 else 4
    raw, stride, rows, prev = zlib.decompress(chunks), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return rows, bpp


html = page.read_text(encoding="utf-8")
probe = work / "probe.html"
probe.write_text(html.replace("</body>", "<script>document.title = JSON.stringify(Array.from("
                              "document.querySelectorAll('figure.picture svg'), s => {const r = "
                              "s.getBoundingClientRect(); return [r.x, r.y, r.width, r.height];}));</script>\n</body>"),
                 encoding="utf-8")
dom = run_chromium("--dump-dom", probe.resolve().as_uri())
rects = json.loads(re.search(r"<title>(.*?)</title>", dom, re.S).group(1).replace("&quot;", '"'))
shot = work / "screenshot.png"
run_chromium(f"--screenshot={shot}", page.resolve().as_uri())
rows, bpp = read_png(shot)
failed = not rects
if not rects:
    print("FAIL no picture in the page")
for n, (x, y, w, h) in enumerate(rects, 1):
    x0, y0, x1, y1 = int(x), int(y), min(int(x + w), WIDTH), min(int(y + h), HEIGHT)
    if w < 1 or h < 1 or y1 <= y0:
        print(f"FAIL picture {n}: size {w:.0f}x{h:.0f} at ({x:.0f},{y:.0f}), nothing drawn in the window")
        failed = True
        continue
    region = [tuple(row[i:i + 3]) for row in rows[y0:y1] for i in range(x0 * bpp, x1 * bpp, bpp)]
    ink = sum(1 for p in region if min(p) < 200) / len(region)
    hits = sum(1 for p in region if all(abs(p[i] - want[i]) <= 24 for i in range(3)))
    ok = ink > 0.01 and hits > 0
    failed |= not ok
    print(f"{'ok  ' if ok else 'FAIL'} picture {n}: {w:.0f}x{h:.0f}, {ink:.1%} ink, {hits} pixels of #{colour}")
sys.exit(1 if failed else 0)
