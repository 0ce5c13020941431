#!/usr/bin/env bash
# pre_commit_test.sh BUILD SRC — run the vdc-check hook of SRC/.pre-commit-hooks.yaml with
# `pre-commit try-repo` in a scratch git repository holding a clean and a broken .vdesign file.
set -euo pipefail
build="$1" src="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/packaging/lib.sh"

command -v pre-commit >/dev/null || fail "pre-commit is missing (apt-get install pre-commit)"
command -v git >/dev/null || fail "git is missing"
[ -f "$src/.pre-commit-hooks.yaml" ] || fail "no .pre-commit-hooks.yaml in $src"

# No network, no ~/.cache: pre-commit keeps its clones here; `vdc` comes from the build tree.
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
export PATH="$build:$PATH"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp/home" NO_COLOR=1
unset VDESIGN_PATH
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global --add safe.directory '*'

repo="$tmp/work"
git init -q "$repo"
cp "$src/examples/scaling_law_verified.vdesign" "$repo/clean.vdesign"
printf 'design broken {\n  this is not vdesign\n' >"$repo/broken.vdesign"
echo "not checked" >"$repo/notes.txt"
cd "$repo"

# try_hook NAME... — run the hook on all the repository's files with only NAME... tracked.
try_hook() {
  git rm -q --cached -r . >/dev/null 2>&1 || true
  git add "$@"
  git commit -q -m "files: $*"
  pre-commit try-repo "$src" vdc-check --all-files --color never >"$tmp/out.txt" 2>&1
}

# The clean file passes (and the hook runs on it, not skipped).
try_hook clean.vdesign notes.txt || { cat "$tmp/out.txt" >&2; fail "vdc-check failed on a clean file"; }
grep -q "^vdc check\.*Passed" "$tmp/out.txt" || { cat "$tmp/out.txt" >&2; fail "vdc-check did not pass on clean.vdesign"; }

# The broken file fails, and the output names it.
if try_hook clean.vdesign broken.vdesign notes.txt; then
  cat "$tmp/out.txt" >&2
  fail "vdc-check passed with a broken file"
fi
grep -q "^vdc check\.*Failed" "$tmp/out.txt" || { cat "$tmp/out.txt" >&2; fail "vdc-check did not report Failed"; }
grep -q "broken.vdesign" "$tmp/out.txt" || { cat "$tmp/out.txt" >&2; fail "the failure does not name broken.vdesign"; }
grep -q "exit code: 2" "$tmp/out.txt" || { cat "$tmp/out.txt" >&2; fail "vdc did not exit 2 (errors) on broken.vdesign"; }

# Only .vdesign files are passed: a file with no vdesign files is skipped.
try_hook notes.txt || { cat "$tmp/out.txt" >&2; fail "vdc-check failed with no .vdesign files"; }
grep -q "^vdc check\.*(no files to check)Skipped" "$tmp/out.txt" || { cat "$tmp/out.txt" >&2; fail "vdc-check was not skipped"; }
echo "pre-commit test passed"
