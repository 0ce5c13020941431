#!/usr/bin/env python3
"""frame.py — turns a `---`-separated JSON-RPC transcript into Content-Length frames, and checks a server's frames.

usage: frame.py encode TRANSCRIPT > stream      (a chunk `@raw b'...'` is written as the given bytes, unframed)
       frame.py decode < stream                 (one compact JSON message per line; fails on a broken frame)
"""
import ast
import json
import sys


def encode(path):
    text = open(path, encoding="utf-8").read()
    chunks, current = [], []
    for line in text.splitlines():
        if line.strip() == "---":
            chunks.append("\n".join(current))
            current = []
        elif not line.lstrip().startswith("#"):
            current.append(line)
    chunks.append("\n".join(current))
    out = sys.stdout.buffer
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk.startswith("@raw "):
            out.write(ast.literal_eval(chunk[5:]))
            continue
        body = chunk.encode("utf-8")
        out.write(b"Content-Length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" % len(body))
        out.write(body)


def decode():
    data = sys.stdin.buffer.read()
    pos = 0
    while pos < len(data):
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            sys.exit(f"frame.py: trailing bytes without a header at offset {pos}")
        headers = dict(line.split(b": ", 1) for line in data[pos:end].split(b"\r\n"))
        length = int(headers[b"Content-Length"])
        body = data[end + 4:end + 4 + length]
        if len(body) != length:
            sys.exit(f"frame.py: body shorter than its Content-Length {length}")
        print(json.dumps(json.loads(body.decode("utf-8")), sort_keys=True, ensure_ascii=False))
        pos = end + 4 + length


if __name__ == "__main__":
    if sys.argv[1:2] == ["encode"]:
        encode(sys.argv[2])
    elif sys.argv[1:2] == ["decode"]:
        decode()
    else:
        sys.exit(__doc__)
