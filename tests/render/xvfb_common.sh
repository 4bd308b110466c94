# Shared by the tests that run `kiosk run` on a virtual X server (sourced, not run): starts Xvfb
# on a free display, cleans up on exit, and fails with the screen's stderr.
#
#   start_xvfb WxH     sets $display and $work (a scratch folder); skips (exit 77) without Xvfb
#   fail MESSAGE       prints MESSAGE and kiosk's stderr ($work/err), exits 1
#   $pid               set it to the kiosk process so an early exit kills it

pid=
xvfb=
work=
cleanup() {
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
    [ -n "$work" ] && rm -rf -- "$work"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    [ -f "$work/err" ] && cat "$work/err" >&2
    exit 1
}

start_xvfb() {  # WxH
    if ! command -v Xvfb >/dev/null; then
        echo "SKIP: Xvfb is not installed (apt-get install xvfb); this test needs a virtual X server"
        exit 77
    fi
    # In the sanitizer build: libdbus (started by SDL) keeps buffers until exit; not ours to free.
    export LSAN_OPTIONS="suppressions=$source/tests/render/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    work=$(mktemp -d /tmp/kiosk-xvfb.XXXXXX)
    # A state folder of its own: tests run side by side, and a state folder takes one screen.
    export XDG_STATE_HOME=$work/state
    display=70
    while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
        display=$((display + 1))
    done
    Xvfb ":$display" -screen 0 "${1}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
    [ -e "/tmp/.X11-unix/X$display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
}
