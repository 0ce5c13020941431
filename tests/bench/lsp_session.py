"""lsp_session.py — the language-server client the benchmarks share: real Content-Length framing over stdio,
opening one document and waiting for its first diagnostics."""
import json
import subprocess
import sys


class Session:
    def __init__(self, vdc):
        self.server = subprocess.Popen([vdc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(self, message):
        body = json.dumps(message).encode()
        self.server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.server.stdin.flush()

    def receive(self):
        length = 0
        while True:
            line = self.server.stdout.readline()
            if not line:
                sys.exit("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.server.stdout.read(length))

    def wait_for(self, predicate):
        while True:
            message = self.receive()
            if predicate(message):
                return message

    def open(self, uri, text):
        """Initializes the server and opens `text` as `uri`; returns once its first diagnostics are published."""
        self.send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}})
        self.wait_for(lambda m: m.get("id") == 0)
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        self.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                   "params": {"textDocument": {"uri": uri, "languageId": "vdesign", "version": 1, "text": text}}})
        self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
