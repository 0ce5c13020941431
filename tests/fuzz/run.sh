#!/usr/bin/env bash
# run.sh — runs the libFuzzer targets: first every committed regression input once, then each target for a
# bounded time from its seed corpus. Exits non-zero on any finding (crash, sanitizer report, leak, timeout,
# out-of-memory, or a violated property), leaving the input that caused it in the work directory.
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
#
# BUILD_DIR is a tree configured with clang-14 and -DVDC_FUZZ=ON (see tests/fuzz/README.md). SECONDS is the
# time per target (default 60). TARGET is check, fmt, lsp, lock, csv or jsonrpc (default: all). New inputs the run
# finds go to $VDC_FUZZ_WORK (default: a temporary directory), never into the committed corpus.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET...]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
((${#targets[@]})) || targets=(check fmt lsp lock csv jsonrpc)
work="${VDC_FUZZ_WORK:-$(mktemp -d)}"

status=0
for t in "${targets[@]}"; do
  bin="$build/tests/fuzz/fuzz_$t"
  [ -x "$bin" ] || { echo "run.sh: $bin not built (configure with -DVDC_FUZZ=ON)" >&2; exit 2; }
  mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
  common=(-rss_limit_mb=2048 -timeout=10 -artifact_prefix="$work/$t/artifacts/")
  # Every regression input once: each is a finding that was fixed, and must stay fixed.
  regressions=("$here/regressions/$t"/*)
  if [ -e "${regressions[0]}" ]; then
    echo "== fuzz_$t: ${#regressions[@]} regression inputs"
    if ! "$bin" "${common[@]}" "${regressions[@]}" >"$work/$t/regressions.log" 2>&1; then
      tail -n 40 "$work/$t/regressions.log"
      echo "FAIL: fuzz_$t on a regression input" >&2
      status=1
      continue
    fi
  fi
  echo "== fuzz_$t: ${seconds}s from $(ls "$here/corpus/$t" | wc -l) seeds"
  if ! "$bin" "${common[@]}" -max_len=16384 -max_total_time="$seconds" -print_final_stats=1 \
      "$work/$t/corpus" "$here/corpus/$t" >"$work/$t/fuzz.log" 2>&1; then
    tail -n 60 "$work/$t/fuzz.log"
    echo "FAIL: fuzz_$t found an input; it is in $work/$t/artifacts/" >&2
    ls "$work/$t/artifacts/" >&2
    status=1
    continue
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$work/$t/fuzz.log" | sed "s/^/   /"
done
exit "$status"
