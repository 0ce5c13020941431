#!/usr/bin/env python3
"""raw_session.py — drives `vdc lsp` (the real Content-Length framing) with raw bytes while keeping its input open,
so that a server which stops answering is seen as a timeout rather than rescued by the end of the input.

usage: raw_session.py VDC SCRIPT
SCRIPT has one step a line (blank lines and lines starting with `#` are skipped):
  send EXPR      write the bytes of Python expression EXPR (bytes, or str sent as UTF-8), unframed
  frame EXPR     write EXPR (a str, or an object turned into JSON) as one Content-Length frame
  expect N       wait for N messages and print each as compact JSON with sorted keys, one a line
  wait-exit      wait for the server to end (its input still open) and print its status and what it wrote on stderr
  close          close the server's input
Waiting more than 10 s for a message or for the end prints `timeout` and fails.
"""
import json
import queue
import subprocess
import sys
import threading

TIMEOUT = 10
vdc, script = sys.argv[1], sys.argv[2]
server = subprocess.Popen([vdc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
messages = queue.Queue()
stderr_chunks = []


def read_messages():
    out = server.stdout
    while True:
        headers = {}
        while True:
            line = out.readline()
            if not line:
                messages.put(None)
                return
            line = line.rstrip(b"\r\n")
            if not line:
                break
            key, _, value = line.partition(b":")
            headers[key.strip().lower()] = value.strip()
        body = out.read(int(headers[b"content-length"]))
        messages.put(json.loads(body.decode("utf-8")))


def read_stderr():
    stderr_chunks.append(server.stderr.read())


threading.Thread(target=read_messages, daemon=True).start()
stderr_reader = threading.Thread(target=read_stderr, daemon=True)
stderr_reader.start()


def fail(what):
    print(f"timeout: {what}")
    sys.stdout.flush()
    server.kill()
    sys.exit(1)


def write(data):
    try:
        server.stdin.write(data)
        server.stdin.flush()
    except BrokenPipeError:
        pass  # the server has ended: `expect` and `wait-exit` say what it wrote


for number, line in enumerate(open(script, encoding="utf-8").read().splitlines(), 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    step, _, arg = line.partition(" ")
    if step == "send":
        data = eval(arg, {"json": json})
        write(data if isinstance(data, bytes) else data.encode("utf-8"))
    elif step == "frame":
        body = eval(arg, {"json": json})
        body = (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
        write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    elif step == "expect":
        for _ in range(int(arg)):
            try:
                message = messages.get(timeout=TIMEOUT)
            except queue.Empty:
                fail(f"no message from the server within {TIMEOUT} s (line {number})")
            if message is None:
                print("the server ended its output")
                break
            print(json.dumps(message, sort_keys=True))
    elif step == "wait-exit":
        try:
            status = server.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            fail(f"the server did not end within {TIMEOUT} s (line {number})")
        print(f"exit status {status}")
        stderr_reader.join(TIMEOUT)
        for text in b"".join(stderr_chunks).decode("utf-8", "replace").splitlines():
            print(f"stderr: {text}")
    elif step == "close":
        server.stdin.close()
    else:
        sys.exit(f"raw_session.py: line {number}: unknown step `{step}`")
sys.stdout.flush()
