#!/usr/bin/env bash
# The screen survives size changes: while `kiosk run` runs on a virtual X server, its window is
# resized (an ordinary window from 1280x720 to portrait 1080x1920; a full-screen one from
# 1920x1920 to 1920x1080, as a window manager resizes a full-screen window when the display
# changes), and the next frame, asked for with SIGUSR1, must be the picture `kiosk render` draws
# at the new size, pixel for pixel: laid out for it, with nothing cut off (the render tests check
# those layouts for overflow). Skipped (exit 77) without Xvfb or xdotool.
#
# Debian 12's Xvfb cannot change its own screen size (RandR refuses every size but the one it
# started with), so the window is resized rather than the screen; SDL reports both the same way.
#
#   xvfb_resize.sh KIOSK SOURCE_DIR
set -euo pipefail

kiosk=$1
source=$2
if ! command -v xdotool >/dev/null; then
    echo "SKIP: xdotool is not installed (apt-get install xdotool); the resize test needs it"
    exit 77
fi
. "$source/tests/render/xvfb_common.sh"
start_xvfb 1920x1920

# Only the Now slide, a stopped clock: the picture cannot change between two looks at it.
cat >"$work/kiosk.toml" <<TOML
[venue]
timezone = "America/Los_Angeles"
[screen]
room = "Exhibit Hall A"
[data]
program = "$source/data/program.txt"
[slides]
dwell = 600
show = []
TOML
at=2022-08-29T08:50

png_size() {  # FILE -> "WxH", from the PNG's IHDR chunk
    local w h
    read -r w h < <(od -An -tu1 -j16 -N8 "$1" |
        awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    echo "${w}x${h}"
}

expect_render() {  # NAME WxH: the screenshot is what kiosk render draws at WxH
    local name=$1 size=$2
    rm -rf "$work/ref"
    "$kiosk" render --config "$work/kiosk.toml" --data "$source/data/program.txt" --at "$at" \
        --size "$size" --slide now --out "$work/ref" >/dev/null 2>"$work/render.err" ||
        fail "$name: kiosk render failed: $(cat "$work/render.err")"
    cmp -s "$work/shot.png" "$work/ref/01-now.png" ||
        fail "$name: the frame at $size differs from kiosk render's"
}

run_case() {  # NAME FROM TO [kiosk run options]
    local name=$1 from=$2 to=$3
    shift 3
    rm -f "$work/shot.png" "$work/err"
    DISPLAY=:$display "$kiosk" run --config "$work/kiosk.toml" --now "$at" --speed 0 \
        --screenshot "$work/shot.png" "$@" 2>"$work/err" &
    pid=$!
    for _ in $(seq 100); do [ -s "$work/shot.png" ] && break; sleep 0.1; done
    [ -s "$work/shot.png" ] || fail "$name: no first frame within 10 s"
    [ "$(png_size "$work/shot.png")" = "$from" ] ||
        fail "$name: first frame is $(png_size "$work/shot.png"), expected $from"
    expect_render "$name" "$from"

    local window
    window=$(DISPLAY=:$display xdotool search --sync --name '^kiosk$' | head -1)
    DISPLAY=:$display xdotool windowsize "$window" "${to%x*}" "${to#*x}"
    # Ask for frames until one has the new size: the resize reaches the screen as X events,
    # which may come after the signal.
    local got=
    for _ in $(seq 50); do
        rm -f "$work/shot.png"
        kill -USR1 "$pid"
        for _ in $(seq 40); do [ -s "$work/shot.png" ] && break; sleep 0.05; done
        [ -s "$work/shot.png" ] || fail "$name: no frame within 2 s of SIGUSR1"
        got=$(png_size "$work/shot.png")
        [ "$got" = "$to" ] && break
    done
    [ "$got" = "$to" ] || fail "$name: after the resize the frames stay $got, expected $to"
    expect_render "$name" "$to"

    kill -TERM "$pid"
    local rc=0
    wait "$pid" || rc=$?
    pid=
    [ "$rc" -eq 0 ] || fail "$name: exit status $rc after SIGTERM, expected 0"
    echo "ok: $name: $from -> $to, the next frame is laid out for $to"
}

run_case windowed 1280x720 1080x1920 --windowed 1280x720
run_case fullscreen 1920x1920 1920x1080
