#!/usr/bin/env bash
# install_test.sh BUILD SRC — `cmake --install` into a temporary prefix, then check that the
# installed vdc compiles an example against the installed stdlib (share/vdesign/stdlib).
set -euo pipefail
build="$1" src="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/packaging/lib.sh"

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
vdc="$tmp/prefix/bin/vdc"
stdlib="$tmp/prefix/share/vdesign/stdlib"
[ -x "$vdc" ] || fail "no executable at $vdc"
[ -f "$stdlib/core.vdesign" ] || fail "no core.vdesign in $stdlib"
cmp -s "$stdlib/core.vdesign" "$src/stdlib/core.vdesign" || fail "installed core.vdesign differs from stdlib/core.vdesign"

# Run from a directory outside the source tree, on a copy of the example.
cp "$src/examples/proxy_models.vdesign" "$src/examples/scaling_law_verified.vdesign" "$tmp/"
cd "$tmp"
unset VDESIGN_PATH

"$vdc" --version | grep -q . || fail "vdc --version printed nothing"
expect_exit 0 "$vdc" check --deny none proxy_models.vdesign
grep -q "1 claim, 1 holding" out || fail "unexpected summary: $(cat out)"
expect_exit 1 "$vdc" check proxy_models.vdesign          # the example's open key threat
expect_exit 0 "$vdc" check scaling_law_verified.vdesign

check_stdlib_is_used "$vdc" "$stdlib" proxy_models.vdesign "$src/stdlib"
echo "install test passed"
