#!/usr/bin/env bash
# deps.sh — installs the Debian 12 packages vdc needs to build and test (sourced by try and test).
set -euo pipefail

# What building vdc needs.
VDC_BUILD_PACKAGES=(
  cmake ninja-build g++ python3
  antlr4 libantlr4-runtime-dev uuid-dev
  llvm-14-dev llvm-14-tools libfmt-dev catch2
  libboost-dev libcsv-dev libgraphviz-dev
)

# What the tests need on top: the real consumers of each report format, and the
# tools used by the packaging tests (GNU time measures peak memory).
VDC_TEST_PACKAGES=(
  texlive-latex-base texlive-latex-recommended lmodern
  graphviz chromium
  dpkg-dev file pre-commit git python3-yaml time
  vim neovim emacs-nox elpa-eglot
  clang-14 libclang-rt-14-dev clang-tidy-14
)

vdc_apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "== installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

vdc_install_deps() {
  vdc_apt_install "${VDC_BUILD_PACKAGES[@]}"
}

vdc_install_test_deps() {
  local extra=()
  # Some images ship Node.js from elsewhere; Debian's npm conflicts with it, so only
  # install Debian's when there is no npm at all.
  command -v npm >/dev/null 2>&1 || extra+=(nodejs npm)
  vdc_apt_install "${VDC_BUILD_PACKAGES[@]}" "${VDC_TEST_PACKAGES[@]}" "${extra[@]}"
  # Test-only node tools (SARIF schema validation), pinned by package-lock.json (`npm ci` trips over
  # the platform-specific optional packages of sarif-multitool, so use install).
  if [ ! -d tests/tools/npm/node_modules ] || [ tests/tools/npm/package-lock.json -nt tests/tools/npm/node_modules ]; then
    echo "== installing node test tools"
    npm install --prefix tests/tools/npm --no-audit --no-fund --loglevel=error
  fi
}

vdc_build() {
  local dir="${1:-build}"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$dir"
}
