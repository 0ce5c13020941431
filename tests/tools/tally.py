"""tally.py — the check tally the format test scripts share: one `ok`/`FAIL` line per check, then a summary.

    from tally import report, finish
    report(ok, "what was checked", "detail shown when it failed")
    finish("script_name")   # prints "script_name: N checked, M failed" and exits 1 if any failed
"""
import sys

_checked = _failed = 0


def report(ok, what, detail=""):
    global _checked, _failed
    _checked += 1
    _failed += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {what}{': ' + detail if detail and not ok else ''}")


def finish(name):
    print(f"{name}: {_checked} checked, {_failed} failed")
    sys.exit(1 if _failed else 0)
