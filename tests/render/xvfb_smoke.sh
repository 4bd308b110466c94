#!/usr/bin/env bash
# The screen on a real (virtual) X server: `kiosk run` starts, shows a non-blank first frame, and
# exits 0 on SIGTERM; upright and turned by 90 degrees. Skipped (exit 77) without Xvfb.
#
#   xvfb_smoke.sh KIOSK SOURCE_DIR
set -euo pipefail

kiosk=$1
source=$2
. "$source/tests/render/xvfb_common.sh"
start_xvfb 1280x720

run_once() {  # NAME ROTATION
    local name=$1 rotation=$2
    cat >"$work/$name.toml" <<TOML
[venue]
timezone = "America/Los_Angeles"
[screen]
room = "Exhibit Hall A"
rotation = $rotation
[data]
program = "$source/data/program.txt"
TOML
    rm -f "$work/$name.png" "$work/err"
    DISPLAY=:$display "$kiosk" run --config "$work/$name.toml" --now 2022-08-29T08:50 \
        --screenshot "$work/$name.png" 2>"$work/err" &
    pid=$!
    for _ in $(seq 100); do [ -s "$work/$name.png" ] && break; sleep 0.1; done
    [ -s "$work/$name.png" ] || fail "$name: no first frame within 10 s"
    sleep 0.3  # a moment of the loop sleeping, as it does between changes
    kill -TERM "$pid"
    local rc=0
    wait "$pid" || rc=$?
    pid=
    [ "$rc" -eq 0 ] || fail "$name: exit status $rc after SIGTERM, expected 0"
    # A single-colour 1280x720 PNG is a few kilobytes; a slide with text is tens of them.
    local size
    size=$(stat -c %s "$work/$name.png")
    [ "$size" -gt 20000 ] || fail "$name: the first frame looks blank ($size bytes of PNG)"
    grep -q "first frame after" "$work/err" || fail "$name: no 'first frame' line on stderr"
    echo "ok: $name: first frame $size bytes of PNG, exit 0 on SIGTERM"
}
run_once upright 0
run_once turned 90
