#!/usr/bin/env bash
# The screen on a real (virtual) X server: `kiosk run` starts, shows a non-blank first frame, and
# exits 0 on SIGTERM; upright and turned by 90 degrees. Skipped (exit 77) without Xvfb.
#
#   xvfb_smoke.sh KIOSK SOURCE_DIR
set -euo pipefail

kiosk=$1
source=$2
if ! command -v Xvfb >/dev/null; then
    echo "SKIP: Xvfb is not installed (apt-get install xvfb); the windowed smoke test needs it"
    exit 77
fi
# In the sanitizer build: libdbus (started by SDL) keeps buffers until exit; not ours to free.
export LSAN_OPTIONS="suppressions=$source/tests/render/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
work=$(mktemp -d /tmp/kiosk-smoke.XXXXXX)
display=70
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x720x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
pid=
cleanup() {
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -rf -- "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    [ -f "$work/err" ] && cat "$work/err" >&2
    exit 1
}
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"

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
