#!/usr/bin/env bash
# kiosk-fetch against a program server of our own on 127.0.0.1: a new program is installed, an
# unchanged one (304) is left alone, a bad one is rejected with the old file kept, a server that is
# down or answers 404 leaves the old file too.
#
#   kiosk_fetch_test.sh KIOSK_FETCH [KIOSK]
#
# The checks of kiosk-fetch's own logic use a stand-in for `kiosk check` (it rejects files with a
# line "BROKEN"), so they do not depend on the importers; when KIOSK has a `check` command, the
# real one also gets a good and a garbage file. Exit 77 (skipped) without python3 or curl.
set -euo pipefail

fetch=$1
real_kiosk=${2:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for tool in python3 curl; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (kiosk/tools/bootstrap test installs it)"
        exit 77
    fi
done

work=$(mktemp -d /tmp/kiosk-fetch-test.XXXXXX)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf -- "$work"
}
trap cleanup EXIT
served=$work/served
screen=$work/screen
mkdir -p "$served" "$screen"
target=$screen/program.txt
log=$work/requests.log
: >"$log"

fail() {
    echo "FAIL: $*" >&2
    for f in "$work/out" "$work/err"; do
        [ -f "$f" ] && { echo "--- ${f##*/}:" >&2; cat "$f" >&2; }
    done
    echo "--- requests:" >&2
    cat "$log" >&2
    exit 1
}
# run EXPECTED_STATUS ARGS...: runs kiosk-fetch, keeps stdout/stderr in $work/out, $work/err.
run() {
    local expected=$1 status=0
    shift
    "$fetch" "$@" >"$work/out" 2>"$work/err" || status=$?
    [ "$status" -eq "$expected" ] || fail "kiosk-fetch $* exited $status, expected $expected"
}
contains() { grep -qF -- "$2" "$1" || fail "${1##*/} does not contain '$2'"; }
same_file() { cmp -s "$1" "$2" || fail "$2 is not the same as $1"; }
no_leftovers() {
    local f
    for f in "$screen"/.* "$screen"/*; do
        case "${f##*/}" in
        . | .. | program.txt | program.txt.etag | program.txt.accept | .*.lock | '*' | '.*') ;;
        *) fail "temporary file left beside the target: $f" ;;
        esac
    done
}

# A stand-in for `kiosk check FILE`: diagnostics name the file it was given, like the real one.
fake_kiosk=$work/fake-kiosk
cat >"$fake_kiosk" <<'EOF'
#!/usr/bin/env bash
[ "$1" = check ] || exit 2
shift
args_log=$(dirname "$0")/check-args.log
echo "$*" >>"$args_log"
file=${!#}
line=$(grep -n -x BROKEN "$file" | head -1 | cut -d: -f1)
if [ -n "$line" ]; then
    echo "$file:$line: no session header before 'BROKEN'" >&2
    exit 1
fi
echo "$file: 1 day, 1 room, $(wc -l <"$file") sessions"
EOF
chmod +x "$fake_kiosk"

coproc SERVER { exec timeout 60 python3 "$here/program_server.py" "$served" "$log"; }
# shellcheck disable=SC2153  # SERVER_PID is set by coproc
server_pid=$SERVER_PID
read -r -t 10 -u "${SERVER[0]}" port || fail "the program server did not start"
url=http://127.0.0.1:$port/program.txt
ok=(--kiosk "$fake_kiosk")

# --- a new program is installed, with its ETag and Last-Modified kept beside it
printf 'Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.\n' >"$served/program.txt"
touch -d '2022-08-20 10:00:00 UTC' "$served/program.txt"
run 0 "${ok[@]}" --year 2022 "$url" "$target"
same_file "$served/program.txt" "$target"
contains "$work/out" "installed $url as $target"
[ -s "$target.etag" ] || fail "no ETag kept beside the target"
[ "$(stat -c %Y "$target")" = "$(stat -c %Y "$served/program.txt")" ] ||
    fail "the target's time is not the server's Last-Modified"
contains "$work/check-args.log" "--year 2022"
# The download is checked under a name with the target's extension (formats may go by it).
grep -q -- "--year 2022 $screen/\.program\.[A-Za-z0-9]*\.txt$" "$work/check-args.log" ||
    fail "kiosk check was not given a .txt file: $(cat "$work/check-args.log")"
no_leftovers

# --- unchanged: the request is conditional, the server says 304, the file is not touched
inode=$(stat -c %i "$target")
run 0 "${ok[@]}" "$url" "$target"
contains "$work/out" "has not changed"
tail -1 "$log" | grep -q "If-None-Match=\"" || fail "no If-None-Match sent: $(tail -1 "$log")"
[ "$(stat -c %i "$target")" = "$inode" ] || fail "an unchanged program was replaced"
# Without an ETag (a server that sends none), a HEAD request's time and size are compared.
mv "$target.etag" "$work/etag"
run 0 "${ok[@]}" "$url" "$target"
contains "$work/out" "has not changed"
tail -1 "$log" | grep -q "^HEAD /program.txt If-None-Match=None If-Modified-Since=None" ||
    fail "no HEAD request: $(tail -1 "$log")"
[ "$(stat -c %i "$target")" = "$inode" ] || fail "an unchanged program was replaced"
mv "$work/etag" "$target.etag"

# --- a server that ignores conditions and sends the same bytes: nothing is replaced either
rm "$target.etag"
touch -d '2022-08-01 00:00:00 UTC' "$target"
run 0 "${ok[@]}" "$url" "$target"
contains "$work/out" "has the same content"
[ "$(stat -c %i "$target")" = "$inode" ] || fail "the same program was renamed into place again"

# --- a new version replaces it
printf 'Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.\nTutorial: Gemmini Mon 29 Aug 01:00 p.m.\n' \
    >"$served/program.txt"
run 0 "${ok[@]}" "$url" "$target"
same_file "$served/program.txt" "$target"
good=$work/good.txt
cp "$target" "$good"
no_leftovers

# --- an older version restored on the server (its time goes back) still arrives: the ETag decides
printf 'Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.\n' >"$served/program.txt"
touch -d '2022-08-20 10:00:00 UTC' "$served/program.txt"
run 0 "${ok[@]}" "$url" "$target"
same_file "$served/program.txt" "$target"
cp "$good" "$served/program.txt"
run 0 "${ok[@]}" "$url" "$target"
same_file "$good" "$target"

# --- the same, from a server that sends no ETag: a program restored with its older time
# (cp -p, rsync -t) is "not modified since" the withdrawn one installed, yet must arrive
touch "$served/.no-etag"
cp -p "$served/program.txt" "$work/restored.txt"
printf 'Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.\nOral: Withdrawn Mon 29 Aug 09:45 a.m.\n' \
    >"$served/program.txt"
run 0 "${ok[@]}" "$url" "$target"
same_file "$served/program.txt" "$target"
[ ! -e "$target.etag" ] || fail "an ETag kept from a server that sends none"
cp -p "$work/restored.txt" "$served/program.txt"
run 0 "${ok[@]}" "$url" "$target"
same_file "$work/restored.txt" "$target"
contains "$work/out" "installed $url as $target"
rm "$served/.no-etag"

# --- a run killed mid-download leaves its temporary files; the next run removes them
head -c 1000000 /dev/zero >"$screen/.program.AbC123.txt"
: >"$screen/.program.txt.etag.XyZ789"
: >"$screen/.program.txt.err.Qw3rty"
run 0 "${ok[@]}" "$url" "$target"
no_leftovers

# --- a bad program is rejected: exit 65, the diagnostic names the URL and line, the old file stays
printf 'Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.\nBROKEN\n' >"$served/program.txt"
run 65 "${ok[@]}" "$url" "$target"
contains "$work/err" "$url is not a usable program, keeping $target"
contains "$work/err" "$url:2: no session header before 'BROKEN'"
same_file "$good" "$target"
no_leftovers
# ... and is not remembered as current: the next run asks again and rejects it again.
run 65 "${ok[@]}" "$url" "$target"
same_file "$good" "$target"

# --- 404: exit 1, old file kept
run 1 "${ok[@]}" "http://127.0.0.1:$port/missing.txt" "$target"
contains "$work/err" "could not download http://127.0.0.1:$port/missing.txt"
contains "$work/err" "404"
same_file "$good" "$target"

# --- the real `kiosk check`, when this build has it: a good program passes, garbage does not
if [ -n "$real_kiosk" ] && "$real_kiosk" check --help >/dev/null 2>&1; then
    real_target=$screen/real.txt
    cp "$here/../../data/program.txt" "$served/real.txt"
    run 0 --kiosk "$real_kiosk" "http://127.0.0.1:$port/real.txt" "$real_target"
    same_file "$served/real.txt" "$real_target"
    head -c 4096 /dev/urandom >"$served/real.txt"
    run 65 --kiosk "$real_kiosk" "http://127.0.0.1:$port/real.txt" "$real_target"
    same_file "$here/../../data/program.txt" "$real_target"
    # A download cut short (it imports, but is the first lines of the program installed) is
    # refused, unless staff accept it, which names it beside the target for the screens.
    head -n 20 "$here/../../data/program.txt" >"$served/real.txt"
    run 65 --kiosk "$real_kiosk" "http://127.0.0.1:$port/real.txt" "$real_target"
    contains "$work/err" "http://127.0.0.1:$port/real.txt: looks cut short: it is only the first"
    contains "$work/err" "install it once with: kiosk-fetch --accept-shrink"
    same_file "$here/../../data/program.txt" "$real_target"
    run 0 --kiosk "$real_kiosk" --accept-shrink "http://127.0.0.1:$port/real.txt" "$real_target"
    same_file "$served/real.txt" "$real_target"
    [ "$(cat "$real_target.accept")" = "$(sha256sum <"$real_target" | cut -d' ' -f1)" ] ||
        fail "$real_target.accept does not name the version installed"
    rm -f "$real_target" "$real_target.etag" "$real_target.accept"
else
    echo "note: ${real_kiosk:-kiosk} has no 'check' command yet; only the stand-in was used"
fi

# --- the server is down: exit 1, old file kept
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
run 1 "${ok[@]}" "$url" "$target"
contains "$work/err" "could not download $url"
contains "$work/err" "keeping $target"
same_file "$good" "$target"
no_leftovers

# --- bad command lines: exit 2 with a message
run 2 "${ok[@]}" "" "$target"
contains "$work/err" "no program URL given"
run 2 "${ok[@]}" "ftp://127.0.0.1/program.txt" "$target"
contains "$work/err" "is not an http:// or https:// URL"
run 2 --frobnicate "$url" "$target"
contains "$work/err" "unknown option '--frobnicate'"

echo "kiosk-fetch: all cases passed"
