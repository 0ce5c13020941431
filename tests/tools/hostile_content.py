#!/usr/bin/env python3
r"""hostile_content.py — checks that every report writer gives back the user's strings exactly, correctly escaped.

usage: hostile_content.py VDC WORKDIR DESIGN

DESIGN is a design with hostile strings (tests/lit/formats/Inputs/hostile.vdesign): one design with a title,
claims with descriptions, and an assumed discharge with an argument and a cite. The original strings are read
from the design's string literals (not from vdc), and each writer's output is decoded the way its consumer
decodes it: the JUnit and HTML documents are parsed and their text compared, GitHub annotation messages are
unescaped, DOT labels are read back from the SVG that Graphviz draws, Markdown and LaTeX escapes are undone.

Then the design is copied under file names holding a terminal escape sequence, a bell and a byte that is not
UTF-8, and no writer may pass a control character through: the text, Markdown, HTML, JUnit, GitHub, SARIF,
DOT and LaTeX outputs must be valid UTF-8 without C0 (but tab and newline) or C1 characters, and show `\u{1B}`
instead; so must `vdc check`, its diagnostics on standard error included.
Line-oriented outputs (the GitHub annotations, JUnit failure lines) show a line break inside a value as `\n`.
Last, bidirectional formatting characters (U+202E, ...) typed into the title, the argument and the file name
reach no output raw: each shows `\u{202E}`, JSON and SARIF the JSON escape `\u202E` (the value stays exact).
Prints one line per check and a closing "hostile_content: N checked, M failed".
"""
import html.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

from tally import finish, report

vdc, work, design = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
work.mkdir(parents=True, exist_ok=True)


def run(fmt, path=design, deny="assumed", raw=False):
    proc = subprocess.run([vdc, "report", "--color", "never", "--deny", deny, "--format", fmt, str(path)],
                          capture_output=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"vdc report --format {fmt} exited {proc.returncode}: {proc.stderr.decode(errors='replace')}")
    return proc.stdout if raw else proc.stdout.decode("utf-8")


# ---------------------------------------------------------------- the original strings, from the source

def unescape_literal(body):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        if e == "u":
            close = body.index("}", i)
            out.append(chr(int(body[i + 3:close], 16)))
            i = close + 1
            continue
        out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}[e])
        i += 2
    return "".join(out)


source = design.read_text(encoding="utf-8")
literal = r'"((?:[^"\\\n]|\\.)*)"'
title = unescape_literal(re.search(r"^design \w+ " + literal, source, re.M).group(1))
claims = {m.group(1): unescape_literal(m.group(2)) for m in re.finditer(r"^\s*claim (\w+) " + literal, source, re.M)}
argument_match = re.search(r"by argument " + literal + r" cite " + literal, source)
argument, cite = unescape_literal(argument_match.group(1)), unescape_literal(argument_match.group(2))
claim_name, description = next(iter(claims.items()))

def one_line(text):
    """A user string inside one line of a line-oriented output: a line break is shown as `\\n`."""
    return text.replace("\n", "\\n")


# ---------------------------------------------------------------- JSON: the strings unchanged

model = json.loads(run("json"))
d = model["designs"][0]
evidence = [o["evidence"] for o in d["obligations"] if o["evidence"] and o["evidence"]["kind"] == "argument"][0]
report(d["title"] == title, "json title")
report({c["name"]: c["description"] for c in d["claims"]} == claims, "json claim descriptions")
report(evidence["text"] == argument and evidence["cite"] == cite, "json argument and cite")

# ---------------------------------------------------------------- JUnit: parsed attribute and text values

try:
    root = ET.fromstring(run("junit").encode("utf-8"))
    case = [c for c in root.iter("testcase") if c.get("name") == claim_name][0]
    props = {p.get("name"): p.get("value") for p in case.iter("property")}
    report(props.get("description") == description, "junit description property",
           f"{props.get('description')!r} != {description!r}")
    failure = case.find("failure")
    report(failure is not None and f"argued: {one_line(argument)}\n" in failure.text, "junit failure names the argument",
           repr(failure.text if failure is not None else None))
except ET.ParseError as e:
    report(False, "junit parses", str(e))

# ---------------------------------------------------------------- HTML: parsed text content


class Dom(html.parser.HTMLParser):
    """Collects the text of every element with a class or id, and every element name seen."""

    VOID = {"br", "meta", "link", "img", "hr", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts, self.tags, self.elements = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in self.VOID:
            return
        a = dict(attrs)
        self.stack.append((tag, a, len(self.texts)))

    def handle_endtag(self, tag):
        while self.stack:
            t, a, start = self.stack.pop()
            if t == tag:
                self.elements.append((t, a, "".join(self.texts[start:])))
                return

    def handle_data(self, data):
        self.texts.append(data)


dom = Dom()
dom.feed(run("html"))
by_class = {}
for tag, attrs, text in dom.elements:
    for cls in attrs.get("class", "").split():
        by_class.setdefault(cls, []).append(text)
h2 = [text for tag, attrs, text in dom.elements if tag == "h2"]
report(h2 == [f"Design {d['name']} — {title}"], "html design heading", repr(h2))
report(by_class.get("description") == [description], "html claim description", repr(by_class.get("description")))
report(by_class.get("evidence") == [argument] or argument in (by_class.get("evidence") or []), "html argument",
       repr(by_class.get("evidence")))
report(cite in (by_class.get("cite") or []), "html cite", repr(by_class.get("cite")))
WRITER_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "span", "code", "section",
               "table", "tr", "th", "td", "ol", "ul", "li", "a", "br", "b",
               # each design's picture, inline SVG from Graphviz (user text is only ever the content of <text>)
               "figure", "figcaption", "svg", "g", "text", "polygon", "polyline", "ellipse", "path"}
report(set(dom.tags) <= WRITER_TAGS, "html has no element from user text", repr(set(dom.tags) - WRITER_TAGS))

# ---------------------------------------------------------------- GitHub: one line per annotation, unescaped


def unescape_workflow(value):
    return value.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


lines = run("github").splitlines()
pattern = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$")
parsed = [pattern.match(line) for line in lines]
report(all(parsed), "github: every line is one workflow command", repr([l for l, m in zip(lines, parsed) if not m]))
messages = [unescape_workflow(m.group(3)) for m in parsed if m and "title=external.proxy_recipe" in m.group(2)]
report(len(messages) == 1 and f"\nArgued: {one_line(argument)} [{one_line(cite)}]\n" in messages[0],
       "github message gives back the argument on one line",
       repr(messages))

# ---------------------------------------------------------------- SARIF

sarif = json.loads(run("sarif"))
texts = [r["message"]["text"] for r in sarif["runs"][0]["results"] if r["ruleId"] == "external.proxy_recipe"]
report(len(texts) == 1 and f"Argued: {argument}" in texts[0], "sarif message gives back the argument", repr(texts))

# ---------------------------------------------------------------- Markdown: escapes undone


def unescape_markdown(text):
    text = text.replace("<br>", "\n").replace("&#32;", " ").replace("&#9;", "\t")
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("&lt;", "<").replace("&amp;", "&")


markdown = run("markdown")
heading = [l for l in markdown.splitlines() if l.startswith(f"## Design `{d['name']}` — ")]
report(len(heading) == 1 and unescape_markdown(heading[0].split(" — ", 1)[1]) == title, "markdown design title",
       repr(heading))
estimand = [l for l in markdown.splitlines() if l.startswith("Estimand: ")]
report(len(estimand) == 1 and unescape_markdown(estimand[0].split(" — ", 1)[1]) == description,
       "markdown claim description", repr(estimand))
rows = [l for l in markdown.splitlines() if "`external.proxy_recipe`" in l]
cells = re.split(r"(?<!\\)\|", rows[0])[1:-1] if rows else []
report(len(cells) == 7 and unescape_markdown(cells[6].strip()).startswith(f"argued: {argument} [{cite}]; to settle it: "),
       "markdown obligation row: argument, cite and what would settle it", repr(rows))
stray = re.findall(r"<(?!br>|sub>|/sub>)", markdown)
report(not stray, "markdown has no raw `<` but its own tags", repr(stray[:3]))

# ---------------------------------------------------------------- DOT: labels as Graphviz draws them

dot = run("dot")
# The same labels twice: the DOT text drawn by the `dot` program, and vdc's own `--format svg` (Graphviz's library).
for drawn, svg_bytes in (("dot", subprocess.run(["dot", "-Tsvg"], input=dot.encode("utf-8"), capture_output=True).stdout),
                         ("svg", run("svg", raw=True))):
    try:
        svg_root = ET.fromstring(svg_bytes)
    except ET.ParseError as e:
        report(False, f"{drawn} draws an SVG that parses", str(e))
        continue
    ns = "{http://www.w3.org/2000/svg}"
    groups = {}
    for g in svg_root.iter(ns + "g"):
        lines_ = ["".join(t.itertext()) for t in g.findall(ns + "text")]
        if lines_:
            groups.setdefault(g.get("class"), []).append("\n".join(lines_))
    report(f"design {d['name']}\n{title}" in groups.get("cluster", []), f"{drawn} cluster label gives back the title",
           repr(groups.get("cluster")))
    descriptions = {m.group(1): unescape_literal(m.group(2))
                    for m in re.finditer(r"^\s*(?:recipe|treatment|outcome|study) (\w+) " + literal, source, re.M)}
    nodes = groups.get("node", [])
    missing = [n for n, text in descriptions.items() if not any(label.endswith(f" {n}\n{text}") for label in nodes)]
    report(not missing, f"{drawn} node labels give back the descriptions", repr(missing))

# ---------------------------------------------------------------- LaTeX: escapes undone

LATEX = [("\\textbackslash{}", "\\"), ("\\textasciitilde{}", "~"), ("\\textasciicircum{}", "^"),
         ("\\textless{}", "<"), ("\\textgreater{}", ">"), ("\\textbar{}", "|"), ("\\texttt{\\symbol{34}}", '"'),
         ("$\\$$", "$"), ("\\leavevmode\\newline{}", "\n"), ("\\textemdash{}", "—"), ("{[}", "["), ("{]}", "]"),
         ("$\\tau$", "τ"), ("$\\perp\\!\\!\\!\\perp$", "⫫"), ("\\&", "&"), ("\\%", "%"), ("\\#", "#"), ("\\_", "_"),
         ("\\{", "{"), ("\\}", "}"), ("{}", "")]
ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303"}


def unescape_latex(text):
    text = re.sub(r"\\texttt\{\[U\+([0-9A-F]+)\]\}", lambda m: chr(int(m.group(1), 16)), text)
    text = re.sub(r"\\([\"'`^~])\{(\\i|\w)\}",
                  lambda m: unicodedata.normalize("NFC", ("i" if m.group(2) == "\\i" else m.group(2)) + ACCENTS[m.group(1)]),
                  text)
    for escaped, plain in LATEX:
        text = text.replace(escaped, plain)
    return text


latex = run("latex")
m = re.search(r"we argue for it but have not verified it \((.*); see (.*)\), and it is", latex, re.S)
report(bool(m) and unescape_latex(m.group(1)) == argument and unescape_latex(m.group(2)) == cite,
       "latex sentence gives back the argument and cite", repr(m.groups() if m else latex[-400:]))
caption = re.search(r"\\caption\{Validity profile of design \\texttt\{\w+\} \((.*)\): \\textcolor", latex)
report(bool(caption) and unescape_latex(caption.group(1)) == title, "latex caption gives back the title",
       repr(caption.group(1) if caption else None))

# ---------------------------------------------------------------- control characters, through file names

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
for name in (b"evil\x1b[31m\x07 name#1.vdesign", b"caf\xe9 \x9b2J.vdesign"):
    path = work / os.fsdecode(name)
    shutil.copy(design, path)
    for fmt in ("text", "markdown", "html", "junit", "github", "sarif", "dot", "svg", "latex"):
        out = run(fmt, path, raw=True)
        try:
            text = out.decode("utf-8")
        except UnicodeDecodeError as e:
            report(False, f"{fmt} output for {name!r} is UTF-8", str(e))
            continue
        bad = FORBIDDEN.findall(text)
        shown = unescape_markdown(text) if fmt == "markdown" else text
        shows = fmt in ("sarif", "dot", "svg", "latex") or ("\\u{1B}" in shown if b"\x1b" in name else "\ufffd" in shown)
        report(not bad and shows, f"{fmt} output for file {name!r} holds no control character",
               f"found {bad[:5]!r}" if bad else "the name is not shown with \\u{..} or U+FFFD")
    # `vdc check`: the summary line and the diagnostics on standard error (a missing file's name is quoted too).
    for target in (path, work / (os.fsdecode(name) + ".missing")):
        proc = subprocess.run([vdc, "check", "--color", "never", str(target)], capture_output=True)
        try:
            both = (proc.stdout + proc.stderr).decode("utf-8")
            bad = FORBIDDEN.findall(both)
        except UnicodeDecodeError as e:
            both, bad = str(e), ["not UTF-8"]
        report(not bad and proc.returncode == 2 if target != path else not bad,
               f"vdc check {target.name!r} prints no control character", f"found {bad[:5]!r} in {both[:300]!r}")
    sarif = json.loads(run("sarif", path))
    uris = {l["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
            for l in r.get("locations", [])}
    encoded = "".join(c if re.match(r"[A-Za-z0-9._~/-]", c) else "%%%02X" % c.encode("latin-1")[0]
                      for c in os.fsdecode(name).encode("utf-8", "surrogateescape").decode("latin-1"))
    report(uris and all(u.endswith("/" + encoded) and re.fullmatch(r"(file://)?[A-Za-z0-9._~/%-]+", u) for u in uris),
           f"sarif uri for {name!r} is percent-encoded", repr(uris))

# ---------------------------------------------------------------- bidirectional formatting characters

# Typed into the title and the argument (VD1019 warns, the design still checks) and into the file name. No output
# may hold one raw: each shows it as `\u{202E}` (JSON and SARIF as the JSON escape `\u202E`, so that the parsed
# value is still exact).
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
RAW_BIDI = re.compile(f"[{BIDI}]")
trojan = "\u202e" + "deny\u2066 \u2067safe\u2069\u200f\u061c"
bidi_path = work / "trojan\u202e.vdesign"
bidi_source = source.replace(f'design {d["name"]} "', f'design {d["name"]} "{trojan}', 1)
bidi_source = bidi_source.replace('by argument "', f'by argument "{trojan}', 1)
bidi_path.write_text(bidi_source, encoding="utf-8")
bidi_model = json.loads(run("json", bidi_path))
bidi_raw_json = run("json", bidi_path)
report(bidi_model["designs"][0]["title"] == trojan + title and "\\u202E" in bidi_raw_json
       and not RAW_BIDI.search(bidi_raw_json), "json keeps bidi controls exact, written as \\u202E escapes")
for fmt in ("text", "markdown", "html", "junit", "github", "sarif", "dot", "svg", "latex"):
    out = run(fmt, bidi_path)
    shown = {"markdown": unescape_markdown, "latex": unescape_latex}.get(fmt, lambda t: t)(out)
    if fmt == "html":
        shown = html.unescape(out)
    visible = "\\u202E" in shown if fmt == "sarif" else ("\\u{202E}" in shown or "\\\\u{202E}" in shown)
    raw = RAW_BIDI.findall(out)
    report(not raw and visible, f"{fmt} output shows bidi controls visibly",
           f"raw {[hex(ord(c)) for c in raw[:5]]}" if raw else "no \\u{202E} in the output")
proc = subprocess.run([vdc, "check", "--color", "never", str(bidi_path)], capture_output=True)
both = (proc.stdout + proc.stderr).decode("utf-8")
report(not RAW_BIDI.search(both) and "\\u{202E}" in both and "[VD1019]" in both,
       "vdc check warns about each bidi control and prints none raw", repr(both[:300]))

finish("hostile_content")
