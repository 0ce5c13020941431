#!/usr/bin/env python3
r"""svg_structure.py — what a picture of `vdc report --format svg` shows, read with an XML parser, one line each.

usage: svg_structure.py FILE.svg|-
Prints, in document order:
  cluster LABEL                                     a design's frame and its label lines joined by " | "
  node NAME shape=SHAPE label=LINE | LINE           a declaration (NAME is the graph's node name)
  edge FROM -> TO colour=#rrggbb width=W style=S label=LINE | LINE
The coordinates and Graphviz's version are left out, so two pictures of the same graph compare equal across
Graphviz versions whose layouts differ. Fails (exit 1) when the file is not well-formed XML or not an SVG.
"""
import sys
import xml.etree.ElementTree as ET

NS = {"s": "http://www.w3.org/2000/svg"}


def texts(group):
    return " | ".join((t.text or "") for t in group.findall("s:text", NS))


def main():
    source = sys.stdin if sys.argv[1] == "-" else open(sys.argv[1], encoding="utf-8")
    try:
        root = ET.parse(source).getroot()
    except ET.ParseError as e:
        print(f"not well-formed XML: {e}")
        return 1
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        print(f"the root element is {root.tag}, not svg")
        return 1
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        kind = g.get("class")
        title = g.findtext("s:title", default="", namespaces=NS)
        if kind == "cluster":
            print(f"cluster {texts(g)}")
        elif kind == "node":
            shape = next((c.tag.split("}")[1] for c in g if c.tag.split("}")[1] in ("polygon", "ellipse", "path")), "?")
            print(f"node {title} shape={shape} label={texts(g)}")
        elif kind == "edge":
            path = g.find("s:path", NS)
            colour = path.get("stroke", "") if path is not None else ""
            width = path.get("stroke-width", "1") if path is not None else ""
            style = "dashed" if path is not None and path.get("stroke-dasharray") else "solid"
            print(f"edge {title.replace('->', ' -> ')} colour={colour} width={width} style={style} label={texts(g)}")
    return 0


sys.exit(main())
