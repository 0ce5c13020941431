#!/usr/bin/env python3
"""json_shape.py — checks a `vdc report --format json` document against the shape of LANGUAGE.md Sections 10 and 13.

usage: json_shape.py REPORT.json   (or - for standard input)
Every field the specification lists must be present with the right type and vocabulary,
obligation ids must be consistent, and the summary must agree with the obligations.
"""
import json
import sys

VALIDITIES = ["statistical", "internal", "external", "construct"]
LEVELS = {"none", "careful", "key"}
STATUSES = {"open", "stale", "contested", "assumed", "discharged"}
EVIDENCE = {"experiment", "theory", "literature", "check", "argument", "study", "design"}
KINDS = {"recipe", "treatment", "outcome", "population", "covariate", "study", "claim"}
errors = []


def need(cond, message):
    if not cond:
        errors.append(message)


def is_location(value):
    return (isinstance(value, dict) and isinstance(value.get("file"), str)
            and isinstance(value.get("line"), int) and value["line"] >= 1
            and isinstance(value.get("column"), int) and value["column"] >= 1)


def check_profile(profile, where):
    need(isinstance(profile, dict) and set(profile) >= {"inherent", "residual"}, f"{where}: profile needs inherent and residual")
    for part in ("inherent", "residual"):
        cells = profile.get(part, {})
        for v in VALIDITIES:
            need(cells.get(v) in LEVELS, f"{where}.{part}.{v} is {cells.get(v)!r}")
    rank = {"none": 0, "careful": 1, "key": 2}
    for v in VALIDITIES:
        need(rank.get(profile["residual"].get(v), 0) <= rank.get(profile["inherent"].get(v), 0),
             f"{where}: residual {v} exceeds inherent")


text = sys.stdin.read() if sys.argv[1] == "-" else open(sys.argv[1], encoding="utf-8").read()
doc = json.loads(text)
need(doc.get("schema") == "vdesign-report/2", "schema must be vdesign-report/2")
need(isinstance(doc.get("files"), list) and all(isinstance(f, str) for f in doc["files"]), "files must be a list of strings")
counts = {"claims": 0, "claims_holding": 0, "open": 0, "open_key": 0, "stale": 0, "contested": 0, "assumed": 0,
          "discharged": 0, "by_design": 0}
OPEN = ("open", "stale", "contested")
for d in doc.get("designs", []):
    for key in ("name", "file", "title"):
        need(isinstance(d.get(key), str), f"design.{key} must be a string")
    obligations = {o["id"]: o for o in d.get("obligations", [])}
    for o in d.get("obligations", []):
        where = f"{d['name']}: obligation {o.get('id')}"
        need(isinstance(o.get("id"), int), f"{where}: id must be an integer")
        need(isinstance(o.get("assumption"), str) and "." in o["assumption"], f"{where}: assumption must be qualified")
        need(o.get("validity") in VALIDITIES and o["assumption"].split(".")[0] == o.get("validity"), f"{where}: validity")
        need(o.get("severity") in LEVELS, f"{where}: severity")
        need(o.get("status") in STATUSES, f"{where}: status")
        need(isinstance(o.get("attached_to"), str) and o["attached_to"], f"{where}: attached_to")
        need(isinstance(o.get("step"), str) and o["step"], f"{where}: step")
        need(is_location(o.get("location")), f"{where}: location")
        need(isinstance(o.get("claims"), list) and o["claims"], f"{where}: claims")
        ev = o.get("evidence")
        need(ev is None or (ev.get("kind") in EVIDENCE and isinstance(ev.get("text"), str)), f"{where}: evidence")
        need(ev is None or isinstance(ev.get("verified"), bool), f"{where}: evidence.verified must be a boolean")
        need(ev is None or not ev.get("verified") or ev.get("kind") == "check", f"{where}: only a check is verified")
        need((ev is None) == (o.get("status") in ("open",)), f"{where}: evidence present exactly when settled")
        if ev is not None and ev.get("kind") == "design":
            counts["by_design"] += 1  # counted apart, never as discharged (Section 12.4)
        elif o.get("status") == "discharged":
            counts["discharged"] += 1
        elif o.get("severity") != "none":
            if o.get("status") == "assumed":
                counts["assumed"] += 1
            if o.get("status") in OPEN:
                counts["open"] += 1
                counts["open_key"] += o.get("severity") == "key"
            counts["stale"] += o.get("status") == "stale"
            counts["contested"] += o.get("status") == "contested"
    # Beyond Section 10 (REFERENCE.md Section 9): every declaration with its attributes as written.
    declared = d.get("declarations")
    need(isinstance(declared, list), f"{d['name']}: declarations must be a list")
    names = set()
    for x in declared or []:
        where = f"{d['name']}: declaration {x.get('name')!r}"
        need(isinstance(x.get("name"), str) and x["name"] not in names, f"{where}: name must be a unique string")
        names.add(x.get("name"))
        need(x.get("kind") in KINDS, f"{where}: kind is {x.get('kind')!r}")
        need(isinstance(x.get("description"), str), f"{where}: description")
        need((x.get("proxy_of") is None) == (x.get("via") is None), f"{where}: proxy_of and via go together")
        need(x.get("proxy_of") is None or x["proxy_of"] in {y.get("name") for y in declared}, f"{where}: proxy_of")
        attrs = x.get("attributes")
        need(isinstance(attrs, dict) and all(isinstance(v, str) for v in attrs.values()),
             f"{where}: attributes must map keys to the values as written")
        need(is_location(x.get("location")), f"{where}: location")
    for o in d.get("obligations", []):
        need(o.get("attached_to") in names, f"{d['name']}: obligation {o.get('id')} is attached to an undeclared name")
    for c in d.get("claims", []):
        where = f"{d['name']}.{c.get('name')}"
        counts["claims"] += 1
        counts["claims_holding"] += bool(c.get("holds"))
        est = c.get("estimand", {})
        for key in ("treatment", "outcome", "target"):
            need(isinstance(est.get(key), str), f"{where}: estimand.{key}")
        need(est.get("over") in (None, "units"), f"{where}: estimand.over")
        need(isinstance(c.get("holds"), bool), f"{where}: holds")
        checked = c.get("checked")
        need(isinstance(checked, bool), f"{where}: checked")
        chains = c.get("chains", [])
        if checked:
            check_profile(c.get("profile", {}), where)
        else:
            need(c.get("profile") is None, f"{where}: a claim that was not checked shows no profile")
        deciding = [ch for ch in chains if ch.get("deciding")]
        trend = est.get("form") == "trend"
        if trend:
            # A trend has the chains of an effect claim at each listed recipe: one deciding chain per point reached
            # (LANGUAGE.md Section 14).
            points = {ch.get("point") for ch in chains}
            need(all(p in est.get("recipes", []) for p in points), f"{where}: a chain's point is not a listed recipe")
            need(len(deciding) == (len(points) if checked else 0) and
                 len({ch.get("point") for ch in deciding}) == len(deciding), f"{where}: {len(deciding)} deciding chains")
        else:
            need(len(deciding) == (1 if checked and chains else 0), f"{where}: {len(deciding)} deciding chains")
        for ch in chains:
            cw = f"{where}.chain({ch.get('study')})"
            need(isinstance(ch.get("study"), str), f"{where}: chain.study")
            need(isinstance(ch.get("deciding"), bool), f"{cw}: deciding")
            inherited = ch.get("inherited")
            need(isinstance(inherited, list) and all(isinstance(i.get("via"), str) and i.get("id") in obligations
                                                     for i in inherited), f"{cw}: inherited")
            own = ch.get("obligations", [])
            for oid in own:
                need(oid in obligations, f"{where}: chain names unknown obligation {oid}")
                if oid in obligations:
                    need(c["name"] in obligations[oid]["claims"], f"{where}: obligation {oid} does not list the claim")
            if not checked:
                need(ch.get("profile") is None and ch.get("blocking") is None, f"{cw}: no profile when not checked")
                continue
            check_profile(ch.get("profile", {}), cw)
            blocking = ch.get("blocking")
            every = set(own) | {i.get("id") for i in inherited or []}
            need(isinstance(blocking, list) and set(blocking) <= every, f"{cw}: blocking must name the chain's obligations")
            need(ch.get("holds") == (blocking == []), f"{cw}: a chain holds exactly when nothing blocks it")
        if checked and deciding and trend:
            order = ["none", "careful", "key"]
            worst = {v: max((ch["profile"]["residual"][v] for ch in deciding), key=order.index)
                     for v in deciding[0]["profile"]["residual"]}
            need(c["profile"]["residual"] == worst,
                 f"{where}: a trend's residual profile must be the worst of its deciding chains'")
            every_point = set(est.get("recipes", [])) <= {ch.get("point") for ch in chains if ch.get("holds")}
            need(c.get("holds") == every_point, f"{where}: a trend holds when every listed recipe has a holding chain")
        elif checked and deciding:
            need(c["profile"]["residual"] == deciding[0]["profile"]["residual"],
                 f"{where}: the claim's residual profile must be its deciding chain's")
            need(c.get("holds") == any(ch.get("holds") for ch in chains), f"{where}: holds when some chain holds")
for diag in doc.get("diagnostics", []):
    need(diag.get("severity") in ("error", "warning", "note"), "diagnostic.severity")
    need(isinstance(diag.get("code"), str) and diag["code"].startswith("VD"), "diagnostic.code")
    need(isinstance(diag.get("message"), str), "diagnostic.message")
    need(diag.get("location") is None or is_location(diag["location"]), "diagnostic.location")
summary = doc.get("summary", {})
for key, value in counts.items():
    need(summary.get(key) == value, f"summary.{key} is {summary.get(key)}, obligations say {value}")
need(isinstance(summary.get("errors"), int) and isinstance(summary.get("warnings"), int), "summary errors/warnings")
policy = doc.get("policy", {})
need(policy.get("deny") in ("open-key", "assumed-key", "open", "assumed", "none"), "policy.deny")
need(policy.get("violated") == (counts["claims_holding"] < counts["claims"]), "policy.violated disagrees with the claims")
for e in errors:
    print("json_shape:", e)
print(f"json_shape: {len(doc.get('designs', []))} designs, {counts['claims']} claims checked, {len(errors)} problems")
sys.exit(1 if errors else 0)
