#!/usr/bin/env python3
# check_layering.py — the build's check that each phase library includes only its own headers and those of the
# libraries it uses, that it uses only libraries on a lower layer, and that only the parser sees ANTLR.
"""Reads the layering that CMakeLists.txt writes (build/layering.json: per library its layer, the libraries it uses
and its files, relative to the source tree) and checks every quoted or angled #include of those files. Prints one
line per problem as `FILE:LINE: ...` and exits 1 when there is any; with --stamp, touches that file on success."""
import argparse
import json
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
# The generated parser and the ANTLR runtime: only the grammar library may include them.
ANTLR = re.compile(r'^(antlr4-runtime\.h|antlr4/.*|VDesign(Lexer|Parser)[A-Za-z]*\.h)$')


def includes(path):
    """(line number, included name) for each #include of the file."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                yield number, m.group(1)


def closure(libraries, name):
    """The libraries `name` may include from: itself and everything it uses, directly or not."""
    seen, todo = set(), [name]
    while todo:
        lib = todo.pop()
        if lib in seen or lib not in libraries:
            continue
        seen.add(lib)
        todo.extend(libraries[lib]["uses"])
    return seen


def check(source_dir, config):
    libraries = config["libraries"]
    roots = config["include_roots"]
    grammar = config["grammar_library"]
    owner = {f: lib for lib, spec in libraries.items() for f in spec["files"]}
    problems = []

    for lib, spec in sorted(libraries.items()):
        for used in spec["uses"]:
            if used not in libraries:
                problems.append(f"layering.json: {lib} uses {used}, which is not a phase library")
            elif libraries[used]["layer"] >= spec["layer"]:
                problems.append(f"layering.json: {lib} (layer {spec['layer']}) uses {used} (layer "
                                f"{libraries[used]['layer']}), which is not below it")

    # Headers that carry ANTLR (include it, directly or through another such header) belong to the grammar library.
    carries_antlr = set()
    changed = True
    while changed:
        changed = False
        for f in owner:
            if f in carries_antlr or not f.endswith(".h"):
                continue
            for _, name in includes(os.path.join(source_dir, f)):
                if ANTLR.match(name) or resolve(name, roots, owner) in carries_antlr:
                    carries_antlr.add(f)
                    changed = True
                    break

    for f, lib in sorted(owner.items()):
        allowed = closure(libraries, lib)
        path = os.path.join(source_dir, f)
        if not os.path.exists(path):
            problems.append(f"{f}: listed for {lib} but missing")
            continue
        for number, name in includes(path):
            target = resolve(name, roots, owner)
            if lib != grammar and (ANTLR.match(name) or target in carries_antlr):
                problems.append(f"{f}:{number}: {lib} includes {name}, but only {grammar} may see the ANTLR parser")
                continue
            if target is None:
                continue
            other = owner[target]
            if other not in allowed:
                why = ("which is not on a layer below it" if libraries[other]["layer"] >= libraries[lib]["layer"]
                       else "which it does not link (add it to its USES in CMakeLists.txt if the layering allows)")
                problems.append(f"{f}:{number}: {lib} includes {name} of {other}, {why}")
    return problems


def resolve(name, roots, owner):
    """The listed file an include names, trying each include root in order, or None (system and generated headers)."""
    for root in roots:
        rel = os.path.normpath(os.path.join(root, name))
        if rel in owner:
            return rel
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--stamp")
    args = parser.parse_args()
    with open(args.config, encoding="utf-8") as f:
        config = json.load(f)
    problems = check(args.source_dir, config)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"check_layering: {len(problems)} include(s) break the layering of the phases", file=sys.stderr)
        return 1
    if args.stamp:
        with open(args.stamp, "w", encoding="utf-8") as f:
            f.write("ok\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
