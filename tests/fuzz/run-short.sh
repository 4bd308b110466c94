#!/usr/bin/env bash
# One fuzz target for a few seconds, as ctest runs it (tests/fuzz/fuzz.cmake):
#   run-short.sh TARGET BUILD_DIR SCRATCH_DIR SECONDS
# New inputs go to SCRATCH_DIR/TARGET/corpus; the committed corpus is only read. Fails when the
# target crashes, hangs (10 s on one input), leaks, runs out of memory (2 GB) or trips a
# sanitizer, and says which input did it and how to run it again.
set -euo pipefail

t=$1 build=$2 scratch=$3 seconds=$4
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exe=$build/fuzz_$t
dir=$scratch/$t
mkdir -p "$dir/corpus" "$dir/artifacts"
rm -f "$dir"/artifacts/*
args=("$dir/corpus" "$here/corpus/$t" -max_total_time="$seconds" -max_len=1048576 -timeout=10
      -rss_limit_mb=2048 -artifact_prefix="$dir/artifacts/" -print_final_stats=1)
[ -f "$here/dicts/$t.dict" ] && args+=(-dict="$here/dicts/$t.dict")

rc=0
"$exe" "${args[@]}" || rc=$?
found=$(find "$dir/artifacts" -type f)
if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
  for f in $found; do
    echo "fuzz.$t: FOUND $f ($(stat -c %s "$f") bytes); run it again with: $exe $f"
    od -A d -c "$f" | head -n 20
  done
  [ -n "$found" ] || echo "fuzz.$t: fuzz_$t exited with $rc"
  exit 1
fi
echo "fuzz.$t: no crash, hang, leak or sanitizer report in ${seconds}s"
