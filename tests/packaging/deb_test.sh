#!/usr/bin/env bash
# deb_test.sh BUILD SRC — build the .deb with cpack from the built tree, check its control fields,
# extract it (no root install) and run the packaged vdc with the packaged stdlib.
set -euo pipefail
build="$1" src="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/packaging/lib.sh"

command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing (dpkg)"
version="$(sed -n 's/^project(vdesign VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")"
[ -n "$version" ] || fail "no project version in CMakeLists.txt"

cpack -G DEB -B "$tmp/pkg" --config "$build/CPackConfig.cmake" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
debs=("$tmp"/pkg/*.deb)
[ "${#debs[@]}" = 1 ] && [ -f "${debs[0]}" ] || fail "cpack made no single .deb: ${debs[*]}"
deb="${debs[0]}"
case "$(basename "$deb")" in vdc_"$version"_*.deb) ;; *) fail "unexpected file name $(basename "$deb")" ;; esac

dpkg-deb -I "$deb" >"$tmp/info"
field() { sed -n "s/^ $1: //p" "$tmp/info"; }
[ "$(field Package)" = vdc ] || fail "Package is '$(field Package)', expected vdc"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ "$(field Section)" = devel ] || fail "Section is '$(field Section)', expected devel"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Architecture)" ] || fail "no Architecture"
depends="$(field Depends)"
# vdc links libstdc++ and fmt dynamically (ANTLR and LLVM statically): they must be dependencies.
for lib in libc6 libstdc++6 libfmt; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: '$depends'"
done
grep -q "^ Description: " "$tmp/info" || fail "no Description"

dpkg-deb -c "$deb" >"$tmp/contents"
grep -q '\./usr/bin/vdc$' "$tmp/contents" || fail "the package has no /usr/bin/vdc"
grep -q '\./usr/share/vdesign/stdlib/core\.vdesign$' "$tmp/contents" || fail "the package has no stdlib"

# Every shared library the packaged vdc names (NEEDED) is one a dependency provides (dpkg -S, where the
# libraries come from Debian packages); the libraries those load in turn come with their own packages'
# dependencies (Graphviz's libgvc6 brings libltdl7).
dpkg-deb -x "$deb" "$tmp/root"
vdc="$tmp/root/usr/bin/vdc"
if command -v ldd >/dev/null && command -v dpkg >/dev/null && command -v objdump >/dev/null; then
  names="$(sed 's/ *([^)]*)//g; s/ *| */\n/g; s/, */\n/g' <<<"$depends")"
  needed="$(objdump -p "$vdc" | awk '/NEEDED/ {print $2}')"
  ldd "$vdc" | awk '/=> \// {print $1, $3}' | while read -r soname so; do
    grep -qFx "$soname" <<<"$needed" || continue
    pkg=""
    for path in "$so" "$(readlink -f "$so")" "/usr$so"; do   # /lib is /usr/lib on a merged /usr
      [ -n "$pkg" ] || pkg="$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1 || true)"
    done
    [ -n "$pkg" ] || continue
    grep -qFx "$pkg" <<<"$names" || fail "$so comes from $pkg, which is not in Depends: '$depends'"
  done
fi

cp "$src/examples/proxy_models.vdesign" "$tmp/"
cd "$tmp"
unset VDESIGN_PATH
expect_exit 0 "$vdc" check --deny none proxy_models.vdesign
expect_exit 1 "$vdc" check proxy_models.vdesign
check_stdlib_is_used "$vdc" "$tmp/root/usr/share/vdesign/stdlib" proxy_models.vdesign "$src/stdlib"
echo "deb test passed: $(basename "$deb"), Depends: $depends"
