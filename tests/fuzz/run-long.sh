#!/usr/bin/env bash
# Long fuzzing runs (README "Fuzzing"): every target in turn for SECONDS_PER_TARGET (default 600),
# one at a time, then a line per target with its executions, coverage, and any crash, leak,
# timeout or out-of-memory input found. Exits 1 when any target found one.
#
#   tests/fuzz/run-long.sh [SECONDS_PER_TARGET]
#
# FUZZ_BUILD    the folder with the fuzz_* binaries (default: build/fuzz/build, where the main
#               build's KIOSK_FUZZ puts them)
# FUZZ_TARGETS  which targets (default: all), e.g. "daypage ical"
# FUZZ_OUT      where each target's new inputs, artifacts and log go (default: $FUZZ_BUILD/long)
# FUZZ_MERGE=1  afterwards, merge the inputs that add coverage into tests/fuzz/corpus/<target>
#               (only inputs of at most 64 KiB, so the committed corpus stays small)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-600}
build=${FUZZ_BUILD:-$root/build/fuzz/build}
out=${FUZZ_OUT:-$build/long}
targets=${FUZZ_TARGETS:-$(cd "$here/corpus" && ls)}

if [[ ! "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
  echo "usage: tests/fuzz/run-long.sh [SECONDS_PER_TARGET]" >&2
  exit 2
fi

failed=0
summary=()
for t in $targets; do
  exe=$build/fuzz_$t
  if [ ! -x "$exe" ]; then
    echo "run-long: no $exe; build it first (cmake --build build)" >&2
    exit 2
  fi
  dir=$out/$t
  mkdir -p "$dir/corpus" "$dir/artifacts"
  args=("$dir/corpus" "$here/corpus/$t" -max_total_time="$seconds" -max_len=1048576 -timeout=10
        -rss_limit_mb=2048 -artifact_prefix="$dir/artifacts/" -print_final_stats=1)
  [ -f "$here/dicts/$t.dict" ] && args+=(-dict="$here/dicts/$t.dict")
  echo "== fuzz_$t for ${seconds}s (log: $dir/log)"
  rc=0
  "$exe" "${args[@]}" >"$dir/log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$dir/log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$dir/log" | tail -1 | cut -d' ' -f2)
  found=$(find "$dir/artifacts" -type f | sort)
  line="$t: rc=$rc execs=${execs:-?} cov=${cov:-?} ft=${ft:-?} corpus=$(find "$dir/corpus" -type f | wc -l)"
  if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
    failed=1
    line+=" FOUND: ${found:-see $dir/log}"
    grep -m3 -E 'ERROR: |runtime error:|SUMMARY:' "$dir/log" | sed 's/^/    /' || true
  fi
  summary+=("$line")
  if [ "${FUZZ_MERGE:-0}" = 1 ]; then
    "$exe" -merge=1 -max_len=65536 "$here/corpus/$t" "$dir/corpus" >"$dir/merge.log" 2>&1 ||
      echo "run-long: merging $t failed, see $dir/merge.log" >&2
  fi
done

echo "== summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
exit $failed
