#!/usr/bin/env bash
# The systemd units as systemd itself reads them, without a running systemd:
#
#   units_test.sh verify   SYSTEMD_DIR KIOSK KIOSK_FETCH   systemd-analyze verify, no warnings
#   units_test.sh security SYSTEMD_DIR                     exposure: screens <= 2.0, fetch <= 3.0
#   units_test.sh policy   SYSTEMD_DIR                     what README and issue 7 promise
#   units_test.sh cli      SYSTEMD_DIR KIOSK               kiosk accepts the units' command lines
#
# Exit 77 (skipped) when systemd-analyze is missing.
set -euo pipefail

mode=$1
units=$2
if ! command -v systemd-analyze >/dev/null; then
    echo "SKIP: systemd-analyze is not installed (apt-get install systemd)"
    exit 77
fi
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
work=$(mktemp -d /tmp/kiosk-units-test.XXXXXX)
trap 'rm -rf -- "$work"' EXIT

case "$mode" in
verify)
    # Offline verify checks that ExecStart= programs exist and that every unit named can be
    # loaded, so it runs in a root of its own: the system's units, ours, and our two programs
    # where the units expect them.
    kiosk=$3
    fetch=$4
    system_units=$(pkg-config --variable=systemdsystemunitdir systemd 2>/dev/null || true)
    system_units=${system_units:-/lib/systemd/system}
    root=$work/root
    mkdir -p "$root/usr/lib/systemd/system" "$root/usr/bin"
    cp -r "$system_units/." "$root/usr/lib/systemd/system/"
    cp "$units"/*.service "$units"/*.timer "$root/usr/lib/systemd/system/"
    cp "$kiosk" "$root/usr/bin/kiosk"
    cp "$fetch" "$root/usr/bin/kiosk-fetch"
    # A template is verified through an instance of it.
    status=0
    systemd-analyze verify --man=no --root="$root" kiosk.service kiosk@hall-a.service \
        kiosk-fetch.service kiosk-fetch.timer >"$work/out" 2>&1 || status=$?
    if [ "$status" -ne 0 ] || [ -s "$work/out" ]; then
        cat "$work/out" >&2
        fail "systemd-analyze verify (exit $status) found problems in the units"
    fi
    echo "systemd-analyze verify: no warnings for kiosk.service kiosk@.service kiosk-fetch.*"
    ;;
security)
    # unit file, highest exposure allowed (systemd-analyze's 0.0 safe .. 10.0 unsafe scale)
    checks=("kiosk.service 2.0" "kiosk@.service 2.0" "kiosk-fetch.service 3.0")
    for check in "${checks[@]}"; do
        read -r unit limit <<<"$check"
        systemd-analyze security --offline=true --no-pager "$units/$unit" >"$work/out" 2>&1 || true
        # "→ Overall exposure level for kiosk.service: 1.1 OK 🙂"
        exposure=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\) .*/\1/p' "$work/out")
        if [ -z "$exposure" ]; then
            cat "$work/out" >&2
            fail "no exposure level for $unit in systemd-analyze's output"
        fi
        if ! awk -v e="$exposure" -v l="$limit" 'BEGIN { exit !(e <= l) }'; then
            grep '✗' "$work/out" >&2 || true
            fail "$unit: exposure $exposure, more than $limit"
        fi
        echo "$unit: exposure $exposure (at most $limit)"
    done
    ;;
policy)
    # key=value lines of a unit, comments dropped, for the checks below.
    value() { sed -n "s/^$2=//p" "$units/$1" | tail -1; }
    expect() {
        local unit=$1 key=$2 want=$3 got
        got=$(value "$unit" "$key")
        [ "$got" = "$want" ] || fail "$unit: $key=$got, expected $key=$want"
    }
    for unit in kiosk.service kiosk@.service; do
        expect "$unit" Type notify
        expect "$unit" NotifyAccess main
        expect "$unit" Restart always
        expect "$unit" User kiosk
        expect "$unit" IPAddressDeny any
        expect "$unit" RestrictAddressFamilies "AF_UNIX AF_NETLINK"
        expect "$unit" DevicePolicy closed
        # A watchdog the run loop can feed (it pings every half of it).
        watchdog=$(value "$unit" WatchdogSec)
        if ! [[ "$watchdog" =~ ^[0-9]+s$ ]] || [ "${watchdog%s}" -lt 10 ]; then
            fail "$unit: WatchdogSec=$watchdog, expected 10s or more"
        fi
        # A screen on a wall never gives up restarting: no start limit leaves it dark until
        # someone runs `systemctl reset-failed`.
        expect "$unit" StartLimitIntervalSec 0
        ! grep -q '^PrivateNetwork=yes' "$units/$unit" ||
            fail "$unit: PrivateNetwork=yes hides udev's hotplug events from SDL"
    done
    grep -q -- '--config /etc/kiosk/kiosk.toml --screen %i' "$units/kiosk@.service" ||
        fail "kiosk@.service: each instance must read its own [screens.%i] of /etc/kiosk/kiosk.toml"
    grep -q '^StateDirectory=kiosk/%i$' "$units/kiosk@.service" ||
        fail "kiosk@.service: each instance needs its own state folder"
    timer_delay=$(value kiosk-fetch.timer RandomizedDelaySec)
    [ -n "$timer_delay" ] || fail "kiosk-fetch.timer: no RandomizedDelaySec"
    expect kiosk-fetch.service Type oneshot
    expect kiosk-fetch.service User kiosk
    echo "unit policy: as documented"
    ;;
cli)
    # The options in ExecStart= are ones this kiosk knows: `kiosk OPTIONS --help` exits 0 only
    # then (an unknown option is exit 2), without opening a window.
    kiosk=$3
    for unit in kiosk.service kiosk@.service; do
        exec_start=$(sed -n 's/^ExecStart=//p' "$units/$unit" | sed 's/%i/hall-a/g')
        read -r -a words <<<"$exec_start"
        status=0
        "$kiosk" "${words[@]:1}" --help >"$work/out" 2>&1 || status=$?
        if [ "$status" -ne 0 ]; then
            cat "$work/out" >&2
            fail "$unit: '${exec_start/#\/usr\/bin\/kiosk/kiosk}' is not a command line this kiosk takes"
        fi
        echo "$unit: kiosk takes '${words[*]:1}'"
    done
    ;;
*)
    fail "unknown mode '$mode'"
    ;;
esac
