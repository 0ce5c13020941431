#!/usr/bin/env python3
"""publications.py — reads `vdc lsp --test` output and prints one line per message: for publishDiagnostics
`publish FILE vVERSION: CODE CODE ...` (the file's base name; `(none)` when empty, `v-` without a version), for a
response `response ID` (with `: reads R, hits H` for a vdc/digestStats answer), for a request the server sends
`request METHOD GLOB GLOB ...` (the globs of a file-watcher registration), so that a golden test can state exactly which documents were re-checked, in which order."""
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
    elif "method" in message and "id" in message:
        globs = [w["globPattern"] for r in message.get("params", {}).get("registrations", [])
                 for w in r.get("registerOptions", {}).get("watchers", [])]
        print(f"request {message['method']} {' '.join(globs)}".rstrip())
    elif "id" in message:
        result = message.get("result")
        if isinstance(result, dict) and "reads" in result:
            print(f"response {message['id']}: reads {result['reads']}, hits {result['hits']}")
        else:
            print(f"response {message['id']}")
