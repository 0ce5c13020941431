# A client that does not announce dynamic registration of file watchers.
{"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": false}}}}}
---
{"jsonrpc": "2.0", "method": "initialized", "params": {}}
---
{"jsonrpc": "2.0", "id": 1, "method": "shutdown"}
---
{"jsonrpc": "2.0", "method": "exit"}
---
