#!/usr/bin/env python3
"""publications.py — reads `vdc lsp --test` output and prints one line per message: for publishDiagnostics
`publish FILE vVERSION: CODE CODE ...` (the file's base name; `(none)` when empty, `v-` without a version), for a
response `response ID`, so that a golden test can state exactly which documents were re-checked, in which order."""
import json
import sys

for block in sys.stdin.read().split("\n---\n"):
    if not block.strip():
        continue
    message = json.loads(block)
    if message.get("method") == "textDocument/publishDiagnostics":
        params = message["params"]
        codes = [str(d.get("code", "-")) for d in params["diagnostics"]]
        name = params["uri"].rsplit("/", 1)[-1]
        version = params.get("version", "-")
        print(f"publish {name} v{version}: {' '.join(codes) if codes else '(none)'}")
    elif "id" in message:
        print(f"response {message['id']}")
