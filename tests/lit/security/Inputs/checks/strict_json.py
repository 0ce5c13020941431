#!/usr/bin/env python3
"""strict_json.py — fails unless FILE is strict JSON (RFC 8259): no bare inf/nan, no NaN/Infinity, no non-finite number.

usage: strict_json.py FILE   (prints "strict JSON" and the number of non-finite numbers, which must be 0)
"""
import json
import math
import sys


def refuse(name):
    sys.exit(f"strict_json: {sys.argv[1]} holds `{name}`, which is not JSON")


def walk(value, path, bad):
    if isinstance(value, dict):
        for key, item in value.items():
            walk(item, f"{path}.{key}", bad)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            walk(item, f"{path}[{i}]", bad)
    elif isinstance(value, float) and not math.isfinite(value):
        bad.append(path)


with open(sys.argv[1], encoding="utf-8") as f:
    try:
        doc = json.load(f, parse_constant=refuse)
    except json.JSONDecodeError as e:
        sys.exit(f"strict_json: {sys.argv[1]} is not valid JSON: {e}")
bad = []
walk(doc, "", bad)
if bad:
    sys.exit(f"strict_json: non-finite numbers at {', '.join(bad)}")
print(f"strict JSON, {len(bad)} non-finite numbers")
