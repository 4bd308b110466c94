#!/usr/bin/env bash
# A screen whose configured renderer is missing falls back to the other one instead of staying
# black: here the GPU path on SDL's dummy video driver, which has only the software renderer (the
# mirror image of KMSDRM, which has only the GPU one). It says so on stderr and still draws.
#
#   renderer_fallback.sh KIOSK SOURCE_DIR
set -euo pipefail

kiosk=$1
source=$2
# cleanup and fail as the Xvfb tests have them; this test needs no X server, only its scratch folder.
. "$source/tests/render/xvfb_common.sh"
export LSAN_OPTIONS="suppressions=$source/tests/render/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
work=$(mktemp -d /tmp/kiosk-fallback.XXXXXX)
export XDG_STATE_HOME=$work/state  # a state folder of its own: one screen per state folder
cat >"$work/kiosk.toml" <<TOML
[venue]
timezone = "America/Los_Angeles"
[screen]
room = "Exhibit Hall A"
renderer = "gpu"
[data]
program = "$source/data/program.txt"
TOML
SDL_VIDEODRIVER=dummy "$kiosk" run --config "$work/kiosk.toml" --now 2022-08-29T08:50 \
    --screenshot "$work/shot.png" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do [ -s "$work/shot.png" ] && break; sleep 0.1; done
[ -s "$work/shot.png" ] || fail "no first frame within 10 s"
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pid=
[ "$rc" -eq 0 ] || fail "exit status $rc after SIGTERM, expected 0"
grep -q "the GPU renderer is not available here (.*); drawing with the software renderer instead" \
    "$work/err" || fail "stderr does not say which renderer it fell back to"
size=$(stat -c %s "$work/shot.png")
[ "$size" -gt 20000 ] || fail "the first frame looks blank ($size bytes)"
echo "ok: fell back to the software renderer and drew a ${size}-byte first frame"
