#!/usr/bin/env python3
"""session.py — drives `vdc lsp --test` message by message, with file-system steps in between, and prints every
message the server writes (pretty JSON blocks separated by `---`, as `vdc lsp --test < FILE` does).

usage: session.py VDC DIR SCRIPT
SCRIPT is a transcript (JSON messages separated by lines of `---`; lines starting with `#` are comments) in which
@DIR@ stands for DIR, and a block may instead be a step run once the server has handled every earlier message:
  @copy SRC DST     copy a file (paths relative to DIR)
The server is asked for a response first (a request it does not know, whose answer is not printed), so the step
never races with the messages before it.
"""
import json
import pathlib
import shutil
import subprocess
import sys

vdc, directory, script = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
server = subprocess.Popen([vdc, "lsp", "--test"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
syncs = 0


def read_message():
    lines = []
    while True:
        line = server.stdout.readline().decode("utf-8")
        if not line:
            return "\n".join(lines) if lines else None
        if line.rstrip("\n") == "---":
            return "".join(lines)
        lines.append(line)


def send(body):
    server.stdin.write((body.strip() + "\n---\n").encode("utf-8"))
    server.stdin.flush()


def sync():
    """Waits until the server has handled everything sent so far, printing what it wrote meanwhile."""
    global syncs
    syncs += 1
    token = f"session-sync-{syncs}"
    send(json.dumps({"jsonrpc": "2.0", "id": token, "method": "session/sync"}))
    while True:
        message = read_message()
        if message is None:
            sys.exit("session: the server ended before answering a sync request")
        if json.loads(message).get("id") == token:
            return
        sys.stdout.write(message + "---\n")


text = pathlib.Path(script).read_text(encoding="utf-8").replace("@DIR@", str(directory.resolve()))
blocks, current = [], []
for line in text.split("\n"):
    if line.strip() == "---":
        blocks.append("\n".join(current))
        current = []
    elif not line.lstrip().startswith("#"):
        current.append(line)
blocks.append("\n".join(current))
for block in (b.strip() for b in blocks):
    if not block:
        continue
    if block.startswith("@copy "):
        _, source, target = block.split()
        sync()
        shutil.copyfile(directory / source, directory / target)
    else:
        send(block)
server.stdin.close()
while (message := read_message()) is not None:
    if message.strip():
        sys.stdout.write(message + "---\n")
sys.exit(server.wait())
