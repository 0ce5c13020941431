# long-line.py — writes test-mode input for `vdc lsp --test`: initialize, then a line of ARGV[1] bytes, then shutdown.
import sys

size = int(sys.argv[1])
out = sys.stdout
out.write('{"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}\n---\n')
chunk = "x" * (1 << 20)
left = size
while left > 0:
    out.write(chunk[: min(left, len(chunk))])
    left -= min(left, len(chunk))
out.write('\n---\n{"jsonrpc": "2.0", "id": 1, "method": "shutdown"}\n---\n')
