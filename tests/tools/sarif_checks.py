#!/usr/bin/env python3
"""sarif_checks.py — what the SARIF schema cannot check: URIs, rule descriptions and stable fingerprints.

usage: sarif_checks.py VDC DESIGN
  uri           artifactLocation.uri is an RFC 3986 URI reference: relative to the file's own repository (the
                nearest directory holding .git, whatever the working directory), percent-encoded (space, %, #,
                non-ASCII), and a file:/// URI for a file in no repository
  rules         no rule describes itself with a message template ({} or }}); a diagnostic rule's help carries
                its `vdc explain` text, and its wrong and fixed examples where it has them
  fingerprints  inserting lines above every result and indenting it changes their lines and columns but no
                fingerprint; identical results get distinct fingerprints
Prints one line per check and a closing "sarif_checks: N checked, M failed".
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from tally import finish, report

vdc, design = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()


def sarif(*args, cwd=None):
    proc = subprocess.run([vdc, "report", "--format", "sarif", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)
    return json.loads(proc.stdout)


def uris(doc):
    return sorted({loc["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]
                   for loc in r.get("locations", []) + r.get("relatedLocations", [])})


# RFC 3986 uri-reference, restricted to what a file reference can hold: an optional scheme and authority, then
# path characters (unreserved, sub-delims, ":", "@", "/") and percent-encoded octets.
PCHARS = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*"
URI_REFERENCE = re.compile(r"^(?:file://" + PCHARS + r"|(?![^/]*:)" + PCHARS + r")$")

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    repo = tmp / "repo with space #1"
    (repo / ".git").mkdir(parents=True)
    inside = repo / "sub dir" / "a#b%c ü?.vdesign"
    inside.parent.mkdir()
    shutil.copy(design, inside)
    outside = tmp / "no repo" / "x y.vdesign"
    outside.parent.mkdir()
    shutil.copy(design, outside)
    elsewhere = tmp / "elsewhere"
    (elsewhere / ".git").mkdir(parents=True)
    # Run from another repository: the root is the file's, not the working directory's.
    found = uris(sarif(inside, outside, cwd=elsewhere))
    want_inside = "sub%20dir/a%23b%25c%20%C3%BC%3F.vdesign"
    want_outside = "file://" + "/".join(
        "".join(c if re.match(r"[A-Za-z0-9\-._~]", c) else "".join(f"%{b:02X}" for b in c.encode()) for c in part)
        for part in str(outside).split("/"))
    report(want_inside in found, "uri relative to the file's own repository, percent-encoded", repr(found))
    report(want_outside in found, "uri of a file in no repository is file:///", f"{want_outside!r} not in {found!r}")
    bad = [u for u in found if not URI_REFERENCE.match(u)]
    report(not bad, "every uri is an RFC 3986 uri-reference", repr(bad))

    # ---------------------------------------------------------------- rules
    doc = sarif(design)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    templated = [r["id"] for r in rules
                 if re.search(r"\{\}|\}\}|\{\{", r["fullDescription"]["text"] + r["shortDescription"]["text"])]
    report(not templated, "no rule description is a message template", repr(templated))
    for rule in rules:
        if not re.fullmatch(r"VD\d{4}", rule["id"]):
            continue
        explained = subprocess.run([vdc, "explain", rule["id"]], capture_output=True, text=True).stdout
        if "\n\n" not in explained:
            report(False, f"rule {rule['id']} describes itself with its explanation", "`vdc explain` has none")
            continue
        paragraph = " ".join(explained.split("\n\n", 2)[1].split())
        help_text = " ".join(rule["help"]["text"].split())
        markdown = rule["help"]["markdown"]
        ok = paragraph in help_text and paragraph in " ".join(markdown.split()) and \
            paragraph == " ".join(rule["fullDescription"]["text"].split())
        if "For example" in explained:
            ok = ok and "Refused:" in markdown and "Accepted:" in markdown
        report(ok, f"rule {rule['id']} describes itself with its explanation", rule["help"]["text"][:120])

    # ---------------------------------------------------------------- fingerprints
    moved = tmp / "moved.vdesign"
    original = design.read_text(encoding="utf-8")
    shutil.copy(design, moved)
    before = sarif(moved)["runs"][0]["results"]
    # Lines above every result, a blank line inside the design, and deeper indentation: lines and columns move.
    indented = "\n".join("  " + line if line.startswith("  ") else line for line in original.splitlines())
    moved.write_text("// three lines\n// inserted\n\n" + indented.replace("{\n", "{\n\n", 1) + "\n", encoding="utf-8")
    after = sarif(moved)["runs"][0]["results"]

    def prints(results):
        return sorted((r["ruleId"], r["partialFingerprints"]["vdesign/v2"]) for r in results)

    def lines(results):
        return sorted((r["locations"][0]["physicalLocation"]["region"]["startLine"],
                       r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in results)

    report(len(before) > 1 and lines(before) != lines(after), "the inserted lines and indentation move every result",
           f"{lines(before)} -> {lines(after)}")
    report(prints(before) == prints(after), "fingerprints do not change when lines move",
           f"{prints(before)} -> {prints(after)}")
    all_prints = [p for _, p in prints(before)]
    report(len(all_prints) == len(set(all_prints)), "fingerprints are distinct", repr(all_prints))
    twice = tmp / "twice.vdesign"
    twice.write_text(original + "\n" + re.sub(r"^design (\w+)", r"design \1_again", original, count=1, flags=re.M),
                     encoding="utf-8")
    both = [r["partialFingerprints"]["vdesign/v2"] for r in sarif(twice)["runs"][0]["results"]]
    report(len(both) == len(set(both)), "identical results in one file get distinct fingerprints", repr(both))

finish("sarif_checks")
