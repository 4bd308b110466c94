#!/usr/bin/env bash
# Measures whether a running screen gives memory back after a large program is replaced (issue 14):
# starts `kiosk run` on a day page of 100,000 sessions, replaces it with the seed program (accepted
# with the marker, as it is "cut short" next to the big one), and compares the resident size then
# with a fresh start on the seed. Uses SDL's dummy video driver: no display needed.
#
#   tests/measure/measure-swap-memory.sh [BUILD_DIR] [SESSIONS]     (defaults: build, 100000)
#
# Exits 1 when the screen keeps more than 10 MB over a fresh start on the seed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
sessions=${2:-100000}
exe=$build/kiosk
[ -x "$exe" ] || { echo "measure: no $exe; build it first" >&2; exit 2; }
work=$(mktemp -d)
kiosk=""
cleanup() {
  [ -n "$kiosk" ] && kill "$kiosk" 2>/dev/null && wait "$kiosk" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

awk -v n="$sessions" 'BEGIN {
  for (i = 0; i < n; i++) {
    printf "Oral: Session number %d about systems Mon 29 Aug 09:15 a.m.\nRoom %d\n", i, i % 10
    printf "A talk about things number %d\n", i
  }
}' >big.txt
printf '[venue]\ntimezone="America/Los_Angeles"\n[screen]\nroom="Room 1"\n[data]\nprogram="p.txt"\nyear=2022\n' >k.toml

rss() { awk '/^VmRSS/ {print $2}' "/proc/$kiosk/status"; }
start() {
  SDL_VIDEODRIVER=dummy "$exe" run --config k.toml --state-dir "$1" --now 2022-08-29T09:10 \
    --windowed 1920x1080 >"$1.log" 2>&1 &
  kiosk=$!
}
# Waits (up to 120 s) until the log says `$2`.
await() {
  for _ in $(seq 1200); do
    grep -q "$2" "$1" && return 0
    kill -0 "$kiosk" 2>/dev/null || break
    sleep 0.1
  done
  echo "measure: '$2' never appeared in $1:" >&2; cat "$1" >&2; exit 2
}
stop() { kill "$kiosk"; wait "$kiosk" || true; kiosk=""; }

cp "$here/data/program.txt" p.txt
start fresh
await fresh.log "first frame"
sleep 3
fresh=$(rss)
stop

cp big.txt p.txt
start swap
await swap.log "first frame"
sleep 3
big=$(rss)
cp "$here/data/program.txt" p.new
(sha256sum p.new | sed 's/p\.new/p.txt/') >p.txt.accept
mv p.new p.txt
await swap.log "p.txt: loaded"
sleep 4
after=$(rss)
stop

echo "fresh start on the seed:        $((fresh / 1024)) MB"
echo "with $sessions sessions:        $((big / 1024)) MB"
echo "after swapping back to the seed: $((after / 1024)) MB"
if [ $((after - fresh)) -gt $((10 * 1024)) ]; then
  echo "measure: FAIL: $(((after - fresh) / 1024)) MB more than a fresh start (target: 10 MB)"
  exit 1
fi
echo "measure: ok: within 10 MB of a fresh start"
