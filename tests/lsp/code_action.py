#!/usr/bin/env python3
"""code_action.py — asks `vdc lsp --test` for the code actions at a position of a file, applies the one whose title
starts with TITLE as an editor would, and writes the edited text to OUT.

usage: code_action.py VDC FILE LINE CHARACTER TITLE OUT [--crlf]
With --crlf, FILE's line breaks are made CRLF first. Prints each edit (range and new text, with CR shown as \\r)
and then the edited text, so that a golden test can check both; OUT can then be compiled with `vdc check`.
"""
import json
import pathlib
import subprocess
import sys

vdc, path, line, character, title, out = sys.argv[1:7]
crlf = "--crlf" in sys.argv[7:]
text = pathlib.Path(path).read_text(encoding="utf-8")
if crlf:
    text = text.replace("\r\n", "\n").replace("\n", "\r\n")
uri = pathlib.Path(out).resolve().as_uri()
messages = [
    {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}},
    {"jsonrpc": "2.0", "method": "textDocument/didOpen",
     "params": {"textDocument": {"uri": uri, "languageId": "vdesign", "version": 1, "text": text}}},
    {"jsonrpc": "2.0", "id": 1, "method": "textDocument/codeAction",
     "params": {"textDocument": {"uri": uri},
                "range": {"start": {"line": int(line), "character": int(character)},
                          "end": {"line": int(line), "character": int(character)}},
                "context": {"diagnostics": []}}},
    {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
    {"jsonrpc": "2.0", "method": "exit"},
]
transcript = "\n---\n".join(json.dumps(m) for m in messages)
proc = subprocess.run([vdc, "lsp", "--test"], input=transcript.encode(), capture_output=True, check=True)
answer = next(m for m in (json.loads(b) for b in proc.stdout.decode().split("\n---\n") if b.strip())
              if m.get("id") == 1)
actions = [a for a in answer["result"] if a["title"].startswith(title)]
if len(actions) != 1:
    sys.exit(f"code_action: {len(actions)} actions titled `{title}...`: {[a['title'] for a in answer['result']]}")
edits = actions[0]["edit"]["changes"][uri]


def offset(position):
    """The index in `text` of an LSP position (UTF-16 columns; CRLF, LF and a lone CR end a line)."""
    i = 0
    for _ in range(position["line"]):
        while i < len(text) and text[i] not in "\r\n":
            i += 1
        if text.startswith("\r\n", i):
            i += 2
        elif i < len(text):
            i += 1
    units = 0
    while i < len(text) and text[i] not in "\r\n" and units < position["character"]:
        units += 2 if ord(text[i]) > 0xFFFF else 1
        i += 1
    return i


def shown(s):
    return s.replace("\r", "\\r")


for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
    start, end = edit["range"]["start"], edit["range"]["end"]
    print(f"edit {start['line']}:{start['character']}-{end['line']}:{end['character']}: "
          f"{json.dumps(edit['newText'])}")
    text = text[:offset(start)] + edit["newText"] + text[offset(end):]
pathlib.Path(out).write_bytes(text.encode("utf-8"))
print("---")
sys.stdout.write(shown(text))
