# lib.sh — helpers shared by the packaging tests (sourced).

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_exit CODE CMD... — run CMD with stdout+stderr in ./out and check its exit status.
expect_exit() {
  local want="$1" got=0
  shift
  "$@" >out 2>&1 || got=$?
  if [ "$got" != "$want" ]; then
    cat out >&2
    fail "\`$*\` exited $got, expected $want"
  fi
}

# expect_missing_stdlib — ./out has vdc's clear error for a missing stdlib.
expect_missing_stdlib() {
  grep -q "cannot find module \`core\`" out || { cat out >&2; fail "no clear 'cannot find module core' error"; }
  grep -q "the standard library was not found" out || { cat out >&2; fail "no help about the missing stdlib"; }
}

# check_stdlib_is_used VDC STDLIB FILE SRCSTDLIB — show that VDC reads STDLIB/core.vdesign (the
# installed one) when compiling FILE, and fails with a clear error when it is gone (with the
# source tree's SRCSTDLIB, which vdc would fall back to, hidden).
check_stdlib_is_used() {
  local vdc="$1" stdlib="$2" file="$3" srcstdlib="$4"
  local core="$stdlib/core.vdesign"
  cp "$core" "$core.orig"

  # 1. A marker error in the installed core must be reported at the installed path.
  printf '\n@@ packaging test marker @@\n' >>"$core"
  expect_exit 2 "$vdc" check "$file"
  grep -q "$core:" out || { cat out >&2; fail "an error in $core was not reported: not the stdlib vdc read"; }
  mv "$core.orig" "$core"

  # 2. Without the installed core.vdesign, vdc must say the stdlib is missing. vdc also falls
  #    back to the stdlib/ of the source tree it was built from (VDC_SOURCE_STDLIB_DIR is
  #    compiled in), so hide that directory in a private mount namespace for this run.
  mv "$core" "$core.orig"
  if [ ! -d "$srcstdlib" ]; then
    expect_exit 2 "$vdc" check "$file"
    expect_missing_stdlib
  elif unshare -m true 2>/dev/null; then
    local empty
    empty="$(mktemp -d)"
    expect_exit 2 unshare -m sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' sh \
      "$empty" "$srcstdlib" "$vdc" check "$file"
    rmdir "$empty"
    expect_missing_stdlib
  else
    echo "note: cannot unshare a mount namespace to hide $srcstdlib; not checking vdc without its stdlib" >&2
  fi
  mv "$core.orig" "$core"

  # 3. And with it back, the file compiles again.
  expect_exit 0 "$vdc" check --deny none "$file"
}
