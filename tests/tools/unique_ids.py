#!/usr/bin/env python3
"""unique_ids.py — two files with designs of the same name in one report keep their HTML ids and DOT nodes apart.

usage: unique_ids.py VDC WORKDIR DESIGN
Copies DESIGN into two directories and reports on both copies at once: every HTML id is unique, every in-page
link points at an id, and the page has twice the ids of a one-file report; Graphviz draws twice the nodes.
Prints one line per check and a closing "unique_ids: N checked, M failed".
"""
import collections
import html.parser
import pathlib
import re
import shutil
import subprocess
import sys

from tally import finish, report

vdc, work, design = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])


class Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])


def run(fmt, *files):
    return subprocess.run([vdc, "report", "--format", fmt, *map(str, files)], capture_output=True, text=True).stdout


copies = []
for sub in ("first", "second"):
    (work / sub).mkdir(parents=True, exist_ok=True)
    copies.append(shutil.copy(design, work / sub / design.name))

one, two = Ids(), Ids()
one.feed(run("html", copies[0]))
two.feed(run("html", *copies))
dupes = [i for i, n in collections.Counter(two.ids).items() if n > 1]
report(not dupes, "html ids are unique across files", repr(dupes[:5]))
report(len(two.ids) == 2 * len(one.ids) > 0, "html has the ids of both files", f"{len(one.ids)} and {len(two.ids)}")
dangling = sorted(set(two.links) - set(two.ids))
report(not dangling, "every in-page link points at an id", repr(dangling[:5]))


def nodes(dot):
    svg = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True).stdout
    return len(re.findall(r'<g id="node\d+" class="node">', svg))


n1, n2 = nodes(run("dot", copies[0])), nodes(run("dot", *copies))
report(n2 == 2 * n1 > 0, "dot draws the nodes of both files", f"{n1} and {n2}")
finish("unique_ids")
