#!/usr/bin/env python3
"""make.py — writes the inputs of 04-lock-deep-nesting.test: JSON nested far deeper than any real lock or message.

usage: make.py lock FILE          an 80 KB lock file that opens 80,000 arrays
       make.py brackets FILE      rewrites a real lock so its summary string holds 300 `[` and `{` (not nesting)
       make.py lsp DESIGN FILE    a `vdc lsp --test` transcript: a deeply nested request, then DESIGN opened
"""
import json
import sys

DEPTH = 80000


def deep_lock():
    return '{"schema": "vdesign-lock/1", "checks": [{"parameters": ' + "[" * DEPTH


if sys.argv[1] == "lock":
    open(sys.argv[2], "w").write(deep_lock())
elif sys.argv[1] == "brackets":
    lock = json.load(open(sys.argv[2]))
    lock["checks"][0]["summary"] = '[{"\\' * 150 + lock["checks"][0]["summary"]
    open(sys.argv[2], "w").write(json.dumps(lock, indent=2))
elif sys.argv[1] == "lsp":
    design, out = sys.argv[2], sys.argv[3]
    messages = [
        {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}},
        '{"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": ' + "[" * DEPTH,
        '{"jsonrpc": "2.0", "id": 2, "method": "vdc/unknown", "params": {"a": "' + "[" * DEPTH + '"}}',
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": "file://" + design, "languageId": "vdesign", "version": 1, "text": open(design).read()}}},
        {"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    with open(out, "w") as f:
        for m in messages:
            f.write((m if isinstance(m, str) else json.dumps(m)) + "\n---\n")
else:
    sys.exit(__doc__)
