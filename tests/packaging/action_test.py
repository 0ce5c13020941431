#!/usr/bin/env python3
"""action_test.py BUILD SRC — check SRC/action.yml, the composite GitHub Action.

GitHub Actions cannot run here, so this parses action.yml, checks its inputs and steps
(`bash -n` on every `run:`, every `inputs.X` used is declared, no `${{ }}` inside a script),
then runs the steps the way a runner would (install: path, with the vdc of BUILD on PATH) on a
scratch workspace and checks the SARIF report, the annotations and the exit status.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    sys.exit("FAIL: python3-yaml is missing (apt-get install python3-yaml)")

BUILD, SRC = sys.argv[1], sys.argv[2]
EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
        print("FAIL:", message)


with open(os.path.join(SRC, "action.yml"), encoding="utf-8") as f:
    text = f.read()
action = yaml.safe_load(text)

# ---- Structure and inputs ----
for key in ("name", "description", "inputs", "runs"):
    check(key in action, f"action.yml has no `{key}`")
inputs = action.get("inputs", {})
expected_defaults = {"files": "**/*.vdesign", "deny": "open-key", "sarif": "vdc.sarif"}
for name, default in expected_defaults.items():
    check(name in inputs, f"input `{name}` is not declared")
    check(inputs.get(name, {}).get("default") == default,
          f"input `{name}` defaults to {inputs.get(name, {}).get('default')!r}, expected {default!r}")
for name, spec in inputs.items():
    check(isinstance(spec, dict) and spec.get("description"), f"input `{name}` has no description")
runs = action.get("runs", {})
check(runs.get("using") == "composite", "runs.using is not composite")
steps = runs.get("steps", [])
check(len(steps) >= 3, "fewer than three steps")

# Every `inputs.X` in an expression is declared, and every declared input is used.
used = set()
for expr in EXPR.findall(text):
    used.update(re.findall(r"\binputs\.([A-Za-z_][\w-]*)", expr))
for step in steps:
    if isinstance(step.get("if"), str):  # `if:` may be written without ${{ }}
        used.update(re.findall(r"\binputs\.([A-Za-z_][\w-]*)", step["if"]))
check(not (used - set(inputs)), f"inputs used but not declared: {sorted(used - set(inputs))}")
check(not (set(inputs) - used), f"inputs declared but never used: {sorted(set(inputs) - used)}")
for out, spec in action.get("outputs", {}).items():
    check("value" in spec, f"output `{out}` of a composite action needs a value")

# Each step is a bash script that parses, with no expression spliced into the script itself.
for i, step in enumerate(steps):
    label = step.get("name", f"step {i}")
    check("run" in step, f"`{label}` has no run:")
    check(step.get("shell") == "bash", f"`{label}` does not use shell: bash")
    script = step.get("run", "")
    check("${{" not in script, f"`{label}` splices an expression into its script (pass it through env:)")
    r = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
    check(r.returncode == 0, f"`{label}`: bash -n: {r.stderr.strip()}")

text_all = "\n".join(s.get("run", "") for s in steps)
check("--format sarif" in text_all and "--format github" in text_all, "no SARIF report or no annotations")
check("vdc check" in text_all, "no `vdc check` step")


# ---- Run the steps as a runner would ----
def evaluate(expr, ctx):
    """The expressions action.yml uses: `inputs.x`, `runner.temp`, and `a == 'b'` / `a != 'b'`."""
    expr = expr.strip()
    m = re.fullmatch(r"(.+?)\s*(==|!=)\s*'([^']*)'", expr)
    if m:
        value = evaluate(m.group(1), ctx)
        return (value == m.group(3)) == (m.group(2) == "==")
    m = re.fullmatch(r"(inputs|runner|github)\.([\w-]+)", expr)
    if m and m.group(2) in ctx[m.group(1)]:
        return ctx[m.group(1)][m.group(2)]
    raise ValueError(f"cannot evaluate `{expr}` in this test")


def run_action(workspace, with_inputs, temp):
    ctx = {"inputs": {k: v.get("default", "") for k, v in inputs.items()},
           "runner": {"temp": temp}, "github": {"workspace": workspace}}
    ctx["inputs"].update(with_inputs)
    output_file, path_file = os.path.join(temp, "output"), os.path.join(temp, "path")
    open(output_file, "w").close()
    open(path_file, "w").close()
    ran, logs = [], ""
    for step in steps:
        cond = step.get("if")
        if cond is not None:
            cond = EXPR.sub(lambda m: m.group(1), str(cond))
            if not evaluate(cond, ctx):
                continue
        env = dict(os.environ)
        env.pop("VDESIGN_PATH", None)
        env.update(GITHUB_ACTION_PATH=SRC, GITHUB_WORKSPACE=workspace, RUNNER_TEMP=temp,
                   GITHUB_OUTPUT=output_file, GITHUB_PATH=path_file, NO_COLOR="1",
                   PATH=BUILD + os.pathsep + os.environ["PATH"])
        for k, v in step.get("env", {}).items():
            env[k] = EXPR.sub(lambda m: str(evaluate(m.group(1), ctx)), str(v))
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                           cwd=workspace, env=env, text=True, capture_output=True)
        logs += r.stdout + r.stderr
        ran.append((step.get("name"), r.returncode))
        if r.returncode != 0:
            break  # later steps are skipped, as on a runner
    with open(output_file) as f:
        outputs = dict(line.split("=", 1) for line in f.read().splitlines() if "=" in line)
    return ran, logs, outputs


with tempfile.TemporaryDirectory() as tmp:
    ws = os.path.join(tmp, "ws")
    os.makedirs(os.path.join(ws, "designs", "sub"))
    os.makedirs(os.path.join(ws, "temp"))
    with open(os.path.join(SRC, "examples", "scaling_law_verified.vdesign")) as f:
        clean = f.read()
    with open(os.path.join(SRC, "examples", "proxy_models.vdesign")) as f:
        violating = f.read()
    with open(os.path.join(ws, "designs", "clean.vdesign"), "w") as f:
        f.write(clean)
    with open(os.path.join(ws, "designs", "sub", "proxy.vdesign"), "w") as f:
        f.write(violating)
    temp = os.path.join(ws, "temp")
    step_names = [s.get("name") for s in steps]

    # 1. The defaults, with an open key threat: SARIF and annotations written, the check fails.
    ran, logs, outputs = run_action(ws, {"install": "path"}, temp)
    check("Build and install vdc" not in [n for n, _ in ran], "the build step ran with install: path")
    check(len(ran) == len(steps) - 1 and ran[-1][1] == 1,
          f"expected every step but the build, the last failing with 1: {ran}\n{logs}")
    check(all(rc == 0 for _, rc in ran[:-1]), f"a step before the check failed: {ran}\n{logs}")
    sarif_path = os.path.join(ws, "vdc.sarif")
    check(os.path.isfile(sarif_path), "vdc.sarif was not written")
    if os.path.isfile(sarif_path):
        with open(sarif_path) as f:
            sarif = json.load(f)
        check(sarif.get("version") == "2.1.0", "the SARIF report is not version 2.1.0")
        results = [r for run in sarif.get("runs", []) for r in run.get("results", [])]
        uris = {loc["physicalLocation"]["artifactLocation"].get("uri", "")
                for r in results for loc in r.get("locations", [])}
        check(any(u.endswith("proxy.vdesign") for u in uris), f"no SARIF result for proxy.vdesign: {uris}")
    check(outputs.get("sarif") == "vdc.sarif", f"output sarif is {outputs.get('sarif')!r}")
    check(re.search(r"^::error file=[^,]*proxy\.vdesign,line=\d+", logs, re.M),
          f"no ::error annotation for proxy.vdesign:\n{logs}")
    check("policy deny open-key: violated" in logs, "the check step did not report the violation")
    check("clean.vdesign" in logs, "clean.vdesign (found by **) was not checked")

    # 2. A glob for the clean file only, another SARIF path and --deny none: every step passes.
    ran, logs, outputs = run_action(
        ws, {"install": "path", "files": "designs/*.vdesign", "deny": "none", "sarif": "out/r.sarif"}, temp)
    check(ran and all(rc == 0 for _, rc in ran) and len(ran) == len(steps) - 1, f"steps failed: {ran}\n{logs}")
    check(os.path.isfile(os.path.join(ws, "out", "r.sarif")), "out/r.sarif was not written")
    check("proxy.vdesign" not in logs, "designs/*.vdesign matched a file in a subdirectory")
    check(outputs.get("sarif") == "out/r.sarif", f"output sarif is {outputs.get('sarif')!r}")

    # 3. Two globs, --deny none: both files checked, all pass.
    ran, logs, _ = run_action(
        ws, {"install": "path", "files": "designs/*.vdesign  designs/sub/*.vdesign", "deny": "none"}, temp)
    check(ran and all(rc == 0 for _, rc in ran), f"steps failed with two globs: {ran}\n{logs}")
    check("clean.vdesign" in logs and "proxy.vdesign" in logs, f"not both files checked:\n{logs}")

    # 4. No file matches: the action fails early with an error annotation.
    ran, logs, _ = run_action(ws, {"install": "path", "files": "nothing/*.vdesign"}, temp)
    check(ran and ran[-1][1] != 0 and ran[-1][0] == "Find the vdesign files", f"no failure on no files: {ran}")
    check("::error title=vdc::no file matches" in logs, "no error annotation when nothing matches")

    # 5. A bad `install` value is refused.
    ran, logs, _ = run_action(ws, {"install": "download"}, temp)
    check(ran and ran[-1][1] == 64, f"install: download was not refused: {ran}\n{logs}")

if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print("action test passed")
