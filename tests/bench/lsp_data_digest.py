#!/usr/bin/env python3
"""lsp_data_digest.py — measures didChange -> publishDiagnostics in the language server for a design whose check
reads a large data file (generated here, in a temporary directory, never committed).

usage: lsp_data_digest.py VDC [--megabytes 200] [--rounds 10]
The lock is written by `vdc verify` on a small version of the data file, which is then replaced by the large one:
every compilation compares the large file's SHA-256 with the lock (stale), which a server without a digest cache
computes on every change. Prints the median and 90th percentile, and the server's vdc/digestStats when it has it.
"""
import argparse
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from lsp_session import Session  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("vdc")
parser.add_argument("--megabytes", type=int, default=200)
parser.add_argument("--rounds", type=int, default=10)
args = parser.parse_args()

work = pathlib.Path(tempfile.mkdtemp(prefix="vdc-bench-digest-"))
(work / ".git").mkdir()
design = work / "design.vdesign"
text = """design d {
  population models { families: 2 }
  recipe target { params: 70B }
  treatment t
  outcome o
  study obs { strategy: observational  population: models  treatment: t  outcome: o  n: 4 }
  claim c { effect: t on o in target  from: obs }
  discharge internal.positivity for obs by check positivity { data: "big.csv"  treatment: "arm" }
}
"""
design.write_text(text)
(work / "big.csv").write_text("model,family,arm\na1,a,yes\na2,a,no\nb1,b,yes\nb2,b,no\n")
subprocess.run([args.vdc, "verify", str(design)], check=True, capture_output=True)
row = b"model_0000000,family_00,yes\n"
with open(work / "big.csv", "wb") as big:
    big.write(b"model,family,arm\n")
    block = row * (1 << 15)
    for _ in range(args.megabytes * (1 << 20) // len(block)):
        big.write(block)

uri = design.as_uri()
session = Session(args.vdc)
session.open(uri, text)
send, wait_for, server = session.send, session.wait_for, session.server
times = []
for version in range(2, args.rounds + 2):
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version},
                     "contentChanges": [{"text": f"// edit {version}\n" + text}]}})
    wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version)
    times.append(time.perf_counter() - start)
send({"jsonrpc": "2.0", "id": 8, "method": "vdc/digestStats"})
stats = wait_for(lambda m: m.get("id") == 8)
send({"jsonrpc": "2.0", "id": 9, "method": "shutdown"})
wait_for(lambda m: m.get("id") == 9)
send({"jsonrpc": "2.0", "method": "exit"})
server.wait(timeout=60)
subprocess.run(["rm", "-rf", str(work)])
values = sorted(v * 1000 for v in times)
p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
print(f"didChange -> publishDiagnostics with a {args.megabytes} MB data file, {args.rounds} rounds: "
      f"median {statistics.median(values):.1f} ms, p90 {p90:.1f} ms")
print(f"vdc/digestStats: {stats.get('result', stats.get('error'))}")
