#!/usr/bin/env bash
# The Debian package as `cpack -G DEB` builds it: its files, its Depends, its maintainer scripts.
#
#   deb_test.sh BUILD_DIR KIOSK UNITDIR SYSUSERSDIR SOURCE_DIR
#
# Depends must name the package of every shared library the kiosk binary links (as dpkg -S finds
# them on this machine) and what it needs at run time besides. Exit 77 (skipped) without cpack or
# the dpkg tools.
set -euo pipefail

build=$1
kiosk=$2
unitdir=$3
sysusersdir=$4
source=$5
for tool in cpack dpkg-deb dpkg-shlibdeps objdump; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (cmake, dpkg-dev and binutils provide them)"
        exit 77
    fi
done
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
work=$(mktemp -d /tmp/kiosk-deb-test.XXXXXX)
trap 'rm -rf -- "$work"' EXIT

if ! cpack -G DEB -B "$work" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack -G DEB failed"
fi
debs=("$work"/*.deb)
[ -f "${debs[0]}" ] || fail "cpack made no .deb in $work"
deb=${debs[0]}
echo "built ${deb##*/}"

# --- files: what `cmake --install` promises, in the package
dpkg-deb -c "$deb" | awk '{print $1, $6}' >"$work/contents"
has() {
    grep -q -x -F -- "$1 .$2" "$work/contents" || fail "the package has no $1 .$2"
}
has -rwxr-xr-x /usr/bin/kiosk
has -rwxr-xr-x /usr/bin/kiosk-fetch
for f in Inter-Regular.otf Inter-Medium.otf Inter-SemiBold.otf Inter-Bold.otf OFL.txt; do
    has -rw-r--r-- "/usr/share/kiosk/fonts/$f"
done
has -rw-r--r-- /usr/share/kiosk/examples/data/program.txt
has -rw-r--r-- /usr/share/kiosk/examples/config/kiosk.toml
has -rw-r--r-- /usr/share/doc/kiosk/README.md
has -rw-r--r-- /etc/kiosk/kiosk.toml
has -rw-r--r-- /etc/kiosk/fetch.env
for u in kiosk.service kiosk@.service kiosk-fetch.service kiosk-fetch.timer; do
    has -rw-r--r-- "$unitdir/$u"
done
has -rw-r--r-- "$sysusersdir/kiosk.conf"
# Packed as written (the package installs to /usr and /etc, the folders the units name).
dpkg-deb -x "$deb" "$work/root"
for f in "$unitdir/kiosk.service" "$unitdir/kiosk@.service" "$unitdir/kiosk-fetch.service" \
         "$unitdir/kiosk-fetch.timer" /etc/kiosk/kiosk.toml /etc/kiosk/fetch.env; do
    cmp -s "$work/root$f" "$source/systemd/${f##*/}" ||
        fail "the package's $f differs from systemd/${f##*/}"
done

# --- Depends
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
depends_on() {
    # "libsdl2-2.0-0 (>= 2.0.12)" and "libsdl2-2.0-0" both name the package.
    tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep -q -x -F -- "$1" ||
        fail "Depends does not name $1 ($2)"
}
for p in tzdata curl systemd libegl1 libgles2 libgl1-mesa-dri; do
    depends_on "$p" "needed at run time"
done
# The package owning each library the binary links, e.g. libSDL2-2.0.so.0 -> libsdl2-2.0-0.
objdump -p "$kiosk" | awk '$1 == "NEEDED" {print $2}' >"$work/needed"
while read -r soname; do
    path=$(ldd "$kiosk" | awk -v s="$soname" '$1 == s && $3 ~ /^\// {print $3}')
    [ -n "$path" ] || fail "ldd cannot find $soname, which $kiosk links"
    owner=""
    for candidate in "$path" "$(readlink -f "$path")" "/usr$path" "${path#/usr}"; do
        owner=$(dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1 || true)
        [ -z "$owner" ] || break
    done
    [ -n "$owner" ] || fail "no Debian package owns $path ($soname)"
    depends_on "$owner" "it provides $soname"
    echo "  $soname -> $owner"
done <"$work/needed"

# --- maintainer scripts and conffiles
dpkg-deb -e "$deb" "$work/control"
for script in postinst prerm postrm; do
    [ -x "$work/control/$script" ] || fail "no executable $script in the package"
done
grep -q '^ *systemd-sysusers kiosk.conf$' "$work/control/postinst" ||
    fail "postinst does not create the kiosk user with systemd-sysusers"
grep -q -x /etc/kiosk/kiosk.toml "$work/control/conffiles" ||
    fail "/etc/kiosk/kiosk.toml is not a conffile: an upgrade would overwrite the venue's config"
grep -q -x /etc/kiosk/fetch.env "$work/control/conffiles" ||
    fail "/etc/kiosk/fetch.env is not a conffile"
grep -q '^u kiosk ' "$work/root$sysusersdir/kiosk.conf" ||
    fail "sysusers.d/kiosk.conf does not declare the kiosk user"
echo "package: contents, Depends, maintainer scripts and conffiles as expected"
