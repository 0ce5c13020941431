#!/usr/bin/env python3
r"""check_formats.py — produces every report format for each design and validates it with its real consumer.

usage: check_formats.py VDC NPM_DIR WORKDIR FORMAT[,FORMAT...] DESIGN...
  sarif    ajv against the official SARIF 2.1.0 schema (shipped by @microsoft/sarif-multitool); every rule has help,
           whose markdown renders (markdown-it) without image, link, raw HTML, heading, list or thematic break
  latex    pdflatex compiles the fragment, halting on any error, inside the minimal document
           \documentclass{article}\usepackage{xcolor}\begin{document}\input{x}\end{document} (OT1, no
           inputenc options) and inside a richer one (T1 fontenc, lmodern, utf8 inputenc); the fragment is ASCII
  html     headless Chromium loads the page offline and reports no console error; the DOM has the claim anchors
  dot      Graphviz renders the graph to SVG
  svg      the XML parses (svg_structure.py) and has a cluster per design and a node per declaration
  junit    the XML parses and has one test case per claim; failing and skipped ones match the JSON report
  github   every line is one well-formed workflow command whose values survive unescaping
  markdown every table row has as many cells as its header; markdown-it renders exactly the headings and table
           rows of the model and no image, link or raw HTML (tests/tools/markdown_tokens.js)
  json     the document parses and passes json_shape.py
Prints one line per (design, format) and a closing "check_formats: N checked, M failed".
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

vdc, npm_dir, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
formats = sys.argv[4].split(",")
designs = [pathlib.Path(p) for p in sys.argv[5:]]
work.mkdir(parents=True, exist_ok=True)
here = pathlib.Path(__file__).resolve().parent
schema = npm_dir / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "sarif-2.1.0.json"
failures = 0
checked = 0


def report(design, fmt, out):
    proc = subprocess.run([vdc, "report", "--format", fmt, "-o", str(out), str(design)],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise AssertionError(f"vdc exited {proc.returncode}: {proc.stderr}")
    return json.loads(subprocess.run([vdc, "report", "--format", "json", str(design)],
                                     capture_output=True, text=True).stdout)


def claim_count(model):
    return sum(len(d["claims"]) for d in model["designs"])


def check_sarif(design, out, model):
    if not schema.exists():
        raise AssertionError(f"SARIF schema not found at {schema}: run npm ci in {npm_dir}")
    ajv = npm_dir / "node_modules" / ".bin" / "ajv"
    # The shipped schema names itself with the pre-2019 keyword `id`, which ajv 8 rejects; the same schema
    # under `$id` is what ajv validates against (nothing else changes).
    official = json.loads(schema.read_text(encoding="utf-8"))
    if "id" in official and "$id" not in official:
        official["$id"] = official.pop("id")
    local_schema = work / "sarif-2.1.0.schema.json"
    local_schema.write_text(json.dumps(official), encoding="utf-8")
    proc = subprocess.run([str(ajv), "validate", "--spec=draft2020", "--strict=false", "-c", "ajv-formats",
                           "-s", str(local_schema), "-d", str(out)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise AssertionError(proc.stdout + proc.stderr)
    doc = json.loads(out.read_text(encoding="utf-8"))
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    if len(ids) != len(set(ids)):
        raise AssertionError("rule ids are not unique")
    for r in rules:
        if not r.get("help", {}).get("text"):
            raise AssertionError(f"rule {r['id']} has no help text")
    # Code scanning renders help.markdown: a theory's strings from the repository must not add an image, a link,
    # raw HTML, a heading or a list to it (markdown-it, as for the Markdown report).
    helps = []
    for i, r in enumerate(rules):
        if "markdown" in r.get("help", {}):
            helps.append(work / f"{out.stem}-help-{i}.md")
            helps[-1].write_text(r["help"]["markdown"], encoding="utf-8")
    for r, tokens in zip([r for r in rules if "markdown" in r.get("help", {})], markdown_tokens(*helps)):
        for kind in ("images", "links", "html_blocks", "html_inline", "headings"):
            if tokens[kind]:
                raise AssertionError(f"help.markdown of rule {r['id']} has {kind}: {tokens[kind][:3]!r}")
        if tokens["lists"] or tokens["rules"]:
            raise AssertionError(f"help.markdown of rule {r['id']} has a list or a thematic break")
    for res in doc["runs"][0]["results"]:
        if rules[res["ruleIndex"]]["id"] != res["ruleId"]:
            raise AssertionError("ruleIndex does not point at ruleId")
        for loc in res.get("locations", []):
            uri = loc["physicalLocation"]["artifactLocation"]["uri"]
            if uri.startswith("/"):
                raise AssertionError(f"absolute path in SARIF: {uri}")


LATEX_PREAMBLES = {
    "minimal": "\\documentclass{article}\\usepackage{xcolor}\\begin{document}\\input{%s}\\end{document}\n",
    "t1": "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage[utf8]{inputenc}\n"
          "\\usepackage{xcolor}\n\\begin{document}\n\\input{%s}\n\\end{document}\n",
}


def check_latex(design, out, model):
    source = out.read_bytes()
    if any(b > 127 for b in source):
        raise AssertionError("the LaTeX fragment is not ASCII")
    for name, preamble in LATEX_PREAMBLES.items():
        doc = work / (out.stem + "-" + name + ".tex")
        doc.write_text(preamble % out.name, encoding="utf-8")
        proc = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", doc.name],
                              cwd=work, capture_output=True, text=True, errors="replace", timeout=120)
        log_path = work / (doc.stem + ".log")
        log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
        if proc.returncode != 0 or "! " in log or not (work / (doc.stem + ".pdf")).exists():
            errors = [line for line in log.splitlines() if line.startswith("!")]
            raise AssertionError(f"pdflatex ({name} document) failed: " + "; ".join(errors[:3]) + proc.stdout[-500:])
        if re.search(r"\.\d+pk\b", log):
            raise AssertionError(f"pdflatex ({name} document) needed a bitmap font (a TS1 symbol?): " +
                                 " ".join(re.findall(r"\w+\.\d+pk", log)))
        if "Missing character" in log:
            raise AssertionError(f"pdflatex ({name} document) dropped characters: " +
                                 "; ".join(l for l in log.splitlines() if "Missing character" in l)[:300])


def check_html(design, out, model):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise AssertionError("chromium not installed")
    profile = work / "chromium-profile"
    proc = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                           "--dump-dom", out.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise AssertionError(f"chromium exited {proc.returncode}: {proc.stderr[-800:]}")
    console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    if console:
        raise AssertionError("console messages: " + " | ".join(console[:3]))
    dom = proc.stdout
    for d in model["designs"]:
        for c in d["claims"]:
            anchor = re.sub(r"[^A-Za-z0-9_-]", "_", f"f1-d-{d['name']}-claim-{c['name']}")
            if f'id="{anchor}"' not in dom:
                raise AssertionError(f"anchor {anchor} missing from the rendered page")
    if "<script" in out.read_text(encoding="utf-8") or re.search(r'(src|href)="(https?:)?//', out.read_text(encoding="utf-8")):
        raise AssertionError("the page refers to scripts or external resources")


def check_dot(design, out, model):
    proc = subprocess.run(["dot", "-Tsvg", str(out)], capture_output=True, text=True)
    if proc.returncode != 0 or "<svg" not in proc.stdout or proc.stderr.strip():
        raise AssertionError("dot failed: " + proc.stderr)
    for d in model["designs"]:
        if d["name"] not in proc.stdout:
            raise AssertionError(f"design {d['name']} is not in the picture")


def check_svg(design, out, model):
    proc = subprocess.run([sys.executable, str(here / "svg_structure.py"), str(out)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise AssertionError("not a well-formed SVG: " + proc.stdout)
    lines = proc.stdout.splitlines()
    for d in model["designs"]:
        if not any(line.startswith(f"cluster design {d['name']}") for line in lines):
            raise AssertionError(f"design {d['name']} has no cluster in the picture")
        for c in d["claims"]:
            if not any(line.startswith(f"node f1.{d['name']}.{c['name']} ") for line in lines):
                raise AssertionError(f"claim {c['name']} is not a node of the picture")


def check_junit(design, out, model):
    root = ET.parse(out).getroot()
    cases = root.findall(".//testcase")
    claims = [c for d in model["designs"] for c in d["claims"]]
    if len([c for c in cases if c.get("name") != "compiles"]) != len(claims):
        raise AssertionError(f"{len(cases)} test cases for {len(claims)} claims")
    failing = sum(1 for c in cases if c.find("failure") is not None)
    skipped = sum(1 for c in cases if c.find("skipped") is not None)
    has_errors = any(d["severity"] == "error" for d in model["diagnostics"])
    if skipped != (len(claims) if has_errors else 0):
        raise AssertionError("the claims of a file with errors are not the skipped test cases")
    if failing != (0 if has_errors else sum(1 for c in claims if not c["holds"])):
        raise AssertionError("failures do not match the claims that do not hold")


def unescape_property(value):
    return value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def check_github(design, out, model):
    lines = out.read_text(encoding="utf-8").splitlines()
    pattern = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$")
    for line in lines:
        m = pattern.match(line)
        if not m:
            raise AssertionError(f"not a workflow command: {line!r}")
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        if "file" in props and not os.path.exists(unescape_property(props["file"])):
            raise AssertionError(f"annotation file does not exist relative to the repository: {props['file']}")
        if re.search(r"%(?!25|0A|0D|2C|3A)", m.group(3)):
            raise AssertionError(f"unescaped % in message: {line!r}")


def check_markdown(design, out, model):
    rows = out.read_text(encoding="utf-8").splitlines()
    header = None
    for row in rows:
        if row.startswith("|"):
            cells = len(re.findall(r"(?<!\\)\|", row)) - 1
            if header is None:
                header = cells
            elif cells != header:
                raise AssertionError(f"table row has {cells} cells, header has {header}: {row!r}")
        else:
            header = None
    # What a renderer makes of it (markdown-it, CommonMark with GitHub's tables): the headings and table rows vdc
    # writes and nothing that user text could add (an image, a link, raw HTML, an HTML comment hiding the rest).
    tokens = markdown_tokens(out)[0]
    claims = [c for d in model["designs"] for c in d["claims"]]
    levels = [h.split(" ", 1)[0] for h in tokens["headings"]]
    expected = ["h2"] * (1 + len(model["designs"])) + ["h3"] * len(claims)
    if sorted(levels) != sorted(expected):
        raise AssertionError(f"headings {tokens['headings']!r}, expected {len(expected)} (h2 and h3 only)")
    # Per checked claim: its two profile rows and two per chain (LANGUAGE.md Section 13), its obligations not
    # discharged, and the discharged ones with their evidence (not those satisfied by design).
    rows = sum((2 + 2 * len(c["chains"]) if c["checked"] else 0)
               + len([o for o in d["obligations"] if c["name"] in o["claims"] and o["severity"] != "none"
                      and o["status"] != "discharged"])
               + len([o for o in d["obligations"] if c["name"] in o["claims"] and o["status"] == "discharged"
                      and o["evidence"]["kind"] != "design"])
               for d in model["designs"] for c in d["claims"])
    if tokens["table_rows"] != rows:
        raise AssertionError(f"{tokens['table_rows']} table rows rendered, the model has {rows}")
    for kind in ("images", "links", "html_blocks", "html_inline"):
        if tokens[kind]:
            raise AssertionError(f"user text became Markdown structure: {kind} {tokens[kind][:3]!r}")


def markdown_tokens(*files):
    """The structure markdown_tokens.js (markdown-it) finds in each Markdown file."""
    env = dict(os.environ, NODE_PATH=str(npm_dir / "node_modules"))
    proc = subprocess.run(["node", str(here / "markdown_tokens.js"), *map(str, files)], capture_output=True,
                          text=True, env=env)
    if proc.returncode != 0:
        raise AssertionError(f"markdown_tokens.js failed: {proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines()]


def check_json(design, out, model):
    proc = subprocess.run([sys.executable, str(here / "json_shape.py"), str(out)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise AssertionError(proc.stdout)


suffix = {"sarif": ".sarif.json", "latex": ".tex", "html": ".html", "dot": ".dot", "svg": ".svg", "junit": ".xml",
          "github": ".txt", "markdown": ".md", "json": ".json"}
for design in designs:
    for fmt in formats:
        checked += 1
        out = work / (design.stem + suffix[fmt])
        try:
            model = report(design, fmt, out)
            globals()["check_" + fmt](design, out, model)
            print(f"ok   {design.name} {fmt}")
        except Exception as e:  # noqa: BLE001 - every failure is reported with its cause
            failures += 1
            print(f"FAIL {design.name} {fmt}: {e}")
print(f"check_formats: {checked} checked, {failures} failed")
sys.exit(1 if failures else 0)
