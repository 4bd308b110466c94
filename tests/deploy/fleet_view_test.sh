#!/usr/bin/env bash
# "See what each screen shows, from anywhere" (issue 13) on the real binary and a virtual X
# server: the screen keeps a picture of itself in its state folder and writes a new one at once
# on SIGUSR2; its metrics file (kiosk-SCREEN.prom) names the program it shows, carries the last
# error as a label (escaped: this one holds double quotes, a backslash and a newline), passes
# `promtool check metrics`, and says kiosk_up 0 once the screen has stopped.
#
#   fleet_view_test.sh KIOSK SOURCE_DIR
#
# Exit 77 (skipped) without Xvfb; without promtool (apt-get install prometheus; bootstrap's test
# mode installs it) after the checks that need no promtool.
set -euo pipefail

kiosk=$1
source=$2
. "$source/tests/render/xvfb_common.sh"
start_xvfb 1280x720

# within SECONDS COMMAND…: true once COMMAND is; the time is for slow (sanitizer) builds.
within() {
    local tries=$(($1 * 10))
    shift
    for _ in $(seq "$tries"); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}
fail_metrics() {
    cat "$metrics" >&2
    fail "$@"
}
inode_changed() { [ "$(stat -c %i "$1" 2>/dev/null)" != "$2" ]; }
# The PNG's width and height from its IHDR chunk, "1280x720".
png_size() {
    local hex
    hex=$(od -An -tx1 -j16 -N8 "$1" | tr -d ' \n')
    echo "$((16#${hex:0:8}))x$((16#${hex:8:8}))"
}
promtool_ok() {
    command -v promtool >/dev/null || return 0
    promtool check metrics <"$1" >"$work/promtool" 2>&1 ||
        fail "promtool check metrics refuses $1: $(cat "$work/promtool")"
    echo "ok: promtool check metrics passes $(basename "$1")"
}

# A program folder whose name holds a double quote, a backslash and a newline: the error about
# its file quotes the path, so the label must escape all three.
data="$work/the \"new\" \\ program
folder"
mkdir -p "$data"
cp "$source/data/program.txt" "$data/program.txt"
# A multi-line literal string takes the path as it is: quote, backslash, newline.
cat >"$work/kiosk.toml" <<TOML
[venue]
timezone = "America/Los_Angeles"
[data]
program = '''$data/program.txt'''
year = 2022
[state]
metrics_dir = "metrics"
[screens.hall-a]
room = "Exhibit Hall A"
TOML

DISPLAY=:$display "$kiosk" run --config "$work/kiosk.toml" --screen hall-a \
    --state-dir "$work/state" --now 2022-08-29T09:10 2>"$work/err" &
pid=$!
picture=$work/state/screen.png
metrics=$work/metrics/kiosk-hall-a.prom  # named after the screen

within 20 test -s "$picture" || fail "no screen.png in the state folder within 20 s"
# Written to a temporary file and renamed: a new picture is a new inode, and never half a file.
first=$(stat -c %i "$picture")
[ "$(head -c 8 "$picture" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "screen.png is not a PNG file"
[ "$(png_size "$picture")" = 1280x720 ] || fail "screen.png is $(png_size "$picture"), not 1280x720"
size=$(stat -c %s "$picture")
# A single-colour 1280x720 PNG is a few kilobytes; a slide with text is tens of them.
[ "$size" -gt 20000 ] || fail "screen.png looks blank ($size bytes)"
echo "ok: screen.png in the state folder, 1280x720, $size bytes"

kill -USR2 "$pid"
within 10 inode_changed "$picture" "$first" || fail "no new screen.png within 10 s of SIGUSR2"
echo "ok: a new screen.png after SIGUSR2"
leftovers=$(find "$work/state" -maxdepth 1 -name '.screen.png.tmp-*' | wc -l)
[ "$leftovers" -eq 0 ] || fail "temporary pictures left in the state folder"

within 10 test -s "$metrics" || fail "no $metrics within 10 s"
sha=$(sha256sum <"$data/program.txt" | cut -d' ' -f1)
grep -qx 'kiosk_up{screen="hall-a"} 1' "$metrics" ||
    fail_metrics "the metrics above do not say kiosk_up 1"
grep -q "^kiosk_program_info{.*sha256=\"$sha\",origin=\"file\"} 1\$" "$metrics" ||
    fail_metrics "the metrics above do not name the program's sha256 $sha"
grep -q '^kiosk_slide_info{screen="hall-a",slide=".*",room="Exhibit Hall A"} 1$' "$metrics" ||
    fail_metrics "the metrics above do not name the slide and room shown"
echo "ok: the metrics say kiosk_up 1, the program's sha256 and the room"
promtool_ok "$metrics"

# A broken update: refused, counted, and its error a label, escaped.
printf 'PROGRAM\nOral: cut @ Exhibit Ha' >"$data/.part"
mv "$data/.part" "$data/program.txt"
within 10 grep -q '^kiosk_last_error_info{' "$metrics" ||
    fail_metrics "no kiosk_last_error_info within 10 s of a broken program"
escaped='the \"new\" \\ program\nfolder/program.txt'
grep -qF "message=\"$work/$escaped:" "$metrics" ||
    fail_metrics "the error's label above does not escape the quote, backslash and newline"
grep -qx 'kiosk_rejected_updates_total{screen="hall-a",reason="broken"} 1' "$metrics" ||
    fail_metrics "the metrics above do not count the refused update"
grep "^kiosk_last_error_info" "$metrics"
echo "ok: the refused program is counted and its error is an escaped label"
cp "$metrics" "$work/running.prom"
promtool_ok "$work/running.prom"

kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pid=
[ "$rc" -eq 0 ] || fail "exit status $rc after SIGTERM, expected 0"
grep -qx 'kiosk_up{screen="hall-a"} 0' "$metrics" ||
    fail_metrics "a stopped screen's metrics (above) do not say kiosk_up 0"
echo "ok: kiosk_up 0 once stopped"
promtool_ok "$metrics"

if ! command -v promtool >/dev/null; then
    echo "SKIP: promtool is not installed (apt-get install prometheus); the checks above passed"
    exit 77
fi
