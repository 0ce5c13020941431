#!/usr/bin/env python3
"""gen_readme.py — writes the table of examples/literature/README.md from vdc's JSON reports of the gallery.

usage: gen_readme.py VDC [--check]
Runs `VDC report --format json` on every design of this folder (from the repository root, so paths are
relative) and `VDC explain` on every assumption left open, and replaces the text between the two table
markers of README.md. With --check it changes nothing and exits 1 when the README's table differs from
the one the reports give (the table is stale: run the script without --check and review the diff).
"""
import json
import pathlib
import re
import subprocess
import sys

BEGIN = "<!-- BEGIN generated table: examples/literature/gen_readme.py -->"
END = "<!-- END generated table -->"
OPEN = ("open", "stale", "contested")
HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def run(vdc, *args):
    return subprocess.run([vdc, *args], cwd=ROOT, capture_output=True, text=True).stdout


def first_sentence(text):
    """The first sentence, or the first two when the first alone says too little to act on."""
    sentences = re.findall(r".+?\.(?=\s|$)", text.strip()) or [text.strip()]
    short = sentences[0] if len(sentences[0]) >= 80 or len(sentences) == 1 else " ".join(x.strip() for x in sentences[:2])
    return short.strip()


def settle_hint(vdc, assumption, cache={}):
    """The first sentence of `vdc explain`'s "How to settle it" paragraph."""
    if assumption not in cache:
        out = run(vdc, "explain", assumption)
        para = out.split("How to settle it:", 1)[1].split("\n\n", 1)[0] if "How to settle it:" in out else ""
        cache[assumption] = first_sentence(" ".join(para.split()))
    return cache[assumption]


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def claim_form(claim):
    est = claim["estimand"]
    form = "effect"
    if est.get("target_kind") == "population":
        form += ", population"
    if est.get("over") == "units":
        form += ", over units"
    return form


def rows(vdc):
    out = []
    for path in sorted(HERE.glob("*.vdesign")):
        rel = path.relative_to(ROOT).as_posix()
        report = json.loads(run(vdc, "report", "--format", "json", "--color", "never", rel))
        for design in report["designs"]:
            studies = {d["name"]: d["attributes"] for d in design["declarations"] if d["kind"] == "study"}
            proxies = sorted({d["via"] for d in design["declarations"] if d.get("via")})
            for claim in design["claims"]:
                used = [c["study"] for c in claim["chains"]]
                strategies = ", ".join(sorted({studies[s].get("strategy", "?") +
                                               (f" ({studies[s]['design']})" if "design" in studies[s] else "")
                                               for s in used}))
                mine = [o for o in design["obligations"] if claim["name"] in o["claims"]]
                # contested (disputed) obligations count as open (LANGUAGE.md Section 12.3) and are marked so
                open_key = [o for o in mine if o["severity"] == "key" and o["status"] in OPEN]
                careful = sum(1 for o in mine if o["severity"] == "careful" and o["status"] in OPEN)
                threats = "; ".join(f"{o['validity']}: `{o['assumption'].split('.', 1)[1]}` at `{o['attached_to']}`"
                                    + (" (contested)" if o["status"] == "contested" else "")
                                    for o in open_key) or "none"
                settle = " ".join(f"`{o['assumption'].split('.', 1)[1]}`: {settle_hint(vdc, o['assumption'])}"
                                  for o in {o["assumption"]: o for o in open_key}.values()) or "—"
                verdict = "holds" if claim["holds"] else "does not hold"
                paper = design["cites"][0].split(";")[0] if design["cites"] else design["title"]
                out.append("| " + " | ".join(cell(x) for x in [
                    f"[{path.stem}]({path.name})", paper, claim["description"],
                    strategies, ", ".join(proxies) or "—", claim_form(claim),
                    f"{verdict}; {len(open_key)} key, {careful} careful open", threats, settle]) + " |")
    return out


def table(vdc):
    head = ["| design | paper | claim | strategy | proxy kinds | claim form (0.1) | verdict (deny open-key) "
            "| open key threats | what would settle them |",
            "|---|---|---|---|---|---|---|---|---|"]
    return "\n".join(head + rows(vdc))


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    if len(args) != 1:
        sys.exit(__doc__)
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        sys.exit(f"gen_readme: {readme} lacks the table markers")
    before, rest = text.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    new = before + BEGIN + "\n" + table(args[0]) + "\n" + END + after
    if check:
        if new != text:
            print("gen_readme: examples/literature/README.md is stale; run examples/literature/gen_readme.py VDC")
            sys.exit(1)
        print("gen_readme: README table up to date")
        return
    if new != text:
        readme.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
