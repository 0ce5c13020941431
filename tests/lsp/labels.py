#!/usr/bin/env python3
"""labels.py — reads `vdc lsp --test` output and prints one line per completion answer: `ID: label label ...`
(`ID: (none)` for an empty list), so that a golden test can state exactly which names a context offers."""
import json
import sys

for block in sys.stdin.read().split("\n---\n"):
    if not block.strip():
        continue
    message = json.loads(block)
    result = message.get("result")
    if isinstance(result, dict) and "items" in result:
        labels = [item["label"] for item in result["items"]]
        print(f"{message['id']}: {' '.join(labels) if labels else '(none)'}")
