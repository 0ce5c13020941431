#!/usr/bin/env python3
"""lsp_latency.py — measures the language server on a generated design of about 2,000 lines.

usage: lsp_latency.py VDC [--lines 2000] [--rounds 20]
Prints the median and 90th percentile of: didChange -> publishDiagnostics, hover, and completion, each
timed from the moment the message is written until its answer is read (real Content-Length framing).
"""
import argparse
import pathlib
import statistics
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from lsp_session import Session  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("vdc")
parser.add_argument("--lines", type=int, default=2000)
parser.add_argument("--rounds", type=int, default=20)
args = parser.parse_args()
here = pathlib.Path(__file__).resolve().parent
text = subprocess.run([sys.executable, str(here / "gen_design.py"), str(args.lines)], capture_output=True,
                      text=True, check=True).stdout
uri = "file:///bench/design.vdesign"
session = Session(args.vdc)
session.open(uri, text)
send, wait_for, server = session.send, session.wait_for, session.server

lines = text.split("\n")
# A position on the name `small_0` in `recipe small_0 ...` and after `strategy: ` in the first study.
recipe_line = next(i for i, l in enumerate(lines) if l.strip().startswith("recipe small_0"))
strategy_line = next(i for i, l in enumerate(lines) if l.strip().startswith("strategy:"))
change, hover, completion = [], [], []
for version in range(2, args.rounds + 2):
    edited = text.replace('"Generated design 0"', f'"Generated design 0, edit {version}"')
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}})
    wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
             and m["params"].get("version") == version)
    change.append(time.perf_counter() - start)
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "id": 1000 + version, "method": "textDocument/hover",
          "params": {"textDocument": {"uri": uri}, "position": {"line": recipe_line, "character": 11}}})
    answer = wait_for(lambda m: m.get("id") == 1000 + version)
    hover.append(time.perf_counter() - start)
    if not answer.get("result"):
        sys.exit("hover returned nothing")
    start = time.perf_counter()
    column = lines[strategy_line].index(":") + 2
    send({"jsonrpc": "2.0", "id": 2000 + version, "method": "textDocument/completion",
          "params": {"textDocument": {"uri": uri}, "position": {"line": strategy_line, "character": column}}})
    answer = wait_for(lambda m: m.get("id") == 2000 + version)
    completion.append(time.perf_counter() - start)
send({"jsonrpc": "2.0", "id": 9, "method": "shutdown"})
wait_for(lambda m: m.get("id") == 9)
send({"jsonrpc": "2.0", "method": "exit"})
server.wait(timeout=10)


def row(name, values):
    values = sorted(v * 1000 for v in values)
    p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
    print(f"| {name} | {statistics.median(values):.1f} | {p90:.1f} |")


print(f"language server on a {len(lines):,}-line design, {args.rounds} rounds\n")
print("| request | median (ms) | p90 (ms) |\n|---|---:|---:|")
row("didChange → publishDiagnostics", change)
row("hover", hover)
row("completion", completion)
