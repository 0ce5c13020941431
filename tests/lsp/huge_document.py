#!/usr/bin/env python3
"""huge_document.py — transcripts for `vdc lsp --test` on very large documents, and a reader of the answers.

usage: huge_document.py designs N      a document of N one-recipe designs; asks for its outline
       huge_document.py recipes N      one design of N recipes; asks for its outline
       huge_document.py errors N       one design with N unknown names (N errors); only the diagnostics
       huge_document.py count FILE     reads the server's output: the diagnostics published, the symbols returned
"""
import json
import sys

URI = "file:///virtual/huge.vdesign"


def transcript(text, outline):
    messages = [
        {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": URI, "languageId": "vdesign", "version": 1, "text": text}}},
    ]
    if outline:
        messages.append({"jsonrpc": "2.0", "id": 1, "method": "textDocument/documentSymbol",
                         "params": {"textDocument": {"uri": URI}}})
    messages += [{"jsonrpc": "2.0", "id": 2, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}]
    return "\n---\n".join(json.dumps(m) for m in messages) + "\n"


def count(path):
    with open(path, encoding="utf-8") as f:
        blocks = [b for b in f.read().split("\n---\n") if b.strip()]
    for block in blocks:
        message = json.loads(block)
        if message.get("method") == "textDocument/publishDiagnostics":
            diagnostics = message["params"]["diagnostics"]
            print(f"diagnostics: {len(diagnostics)}")
            if diagnostics:
                print(f"last diagnostic: {diagnostics[-1]['message']}")
        elif message.get("id") == 1:
            symbols = message["result"]
            children = sum(len(s.get("children", [])) for s in symbols)
            print(f"symbols: {len(symbols)} with {children} children")
            print(f"last symbol: {symbols[-1]['name']} at line {symbols[-1]['range']['start']['line']}")


def main():
    kind = sys.argv[1]
    if kind == "count":
        count(sys.argv[2])
        return
    n = int(sys.argv[2])
    if kind == "designs":
        text = "".join(f'design d{i} "t" {{\n  recipe r\n}}\n' for i in range(n))
        sys.stdout.write(transcript(text, True))
    elif kind == "recipes":
        text = 'design d "t" {\n' + "".join(f'  recipe r{i} "x"\n' for i in range(n)) + "}\n"
        sys.stdout.write(transcript(text, True))
    elif kind == "errors":
        text = 'design d "t" {\n  recipe big\n' + "".join(f"  recipe r{i} proxy of missing via scale\n" for i in range(n)) + "}\n"
        sys.stdout.write(transcript(text, False))
    else:
        sys.exit(f"unknown kind {kind}")


main()
