#!/usr/bin/env bash
# deps.sh — installs the Debian 12 packages vdc needs to build and test (sourced by try and test).
set -euo pipefail

VDC_PACKAGES=(
  cmake ninja-build g++ python3
  antlr4 libantlr4-runtime-dev uuid-dev
  llvm-14-dev llvm-14-tools libfmt-dev catch2
)

vdc_install_deps() {
  local missing=()
  for p in "${VDC_PACKAGES[@]}"; do
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

vdc_build() {
  local dir="${1:-build}"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$dir"
}
