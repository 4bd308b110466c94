#!/usr/bin/env bash
# The Debian package as `cpack -G DEB` builds it: its files, its Depends, its maintainer scripts,
# and what those scripts do when the package is installed, upgraded, removed and purged.
#
#   deb_test.sh BUILD_DIR KIOSK UNITDIR SYSUSERSDIR SOURCE_DIR
#       builds the .deb and reads it (dpkg-deb -c, -f, -e); keeps it as BUILD_DIR/deb-test/kiosk.deb
#   deb_test.sh install BUILD_DIR
#       installs that .deb in a throwaway root and checks the maintainer scripts' effects
#
# Depends must name the package of every shared library the kiosk binary links (as dpkg -S finds
# them on this machine) and what it needs at run time besides. Exit 77 (skipped) without cpack or
# the dpkg tools, and for `install` where a throwaway root cannot be made.
#
# The throwaway root: in a mount namespace of the test's own (unshare -m), an overlay whose lower
# layer is this machine's / and whose upper layer is a tmpfs, entered with chroot. dpkg, the
# kiosk user and every file the package touches live in the tmpfs and vanish with the namespace;
# this machine's own files are never written. Without systemd as PID 1 a stand-in `systemctl`
# records what the scripts ask of systemd.
set -euo pipefail

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# ---- inside the throwaway root ---------------------------------------------------------------

mode_of() { stat -c '%U:%G %a' "$1"; }
expect_mode() {
    local got
    got=$(mode_of "$1")
    [ "$got" = "$2" ] || fail "$1 is $got, not $2: $3"
}
as_screen() { setpriv --reuid=kiosk --regid=kiosk --init-groups -- sh -c "$1" 2>/dev/null; }
screen_can() { as_screen "$1" || fail "the screen (user kiosk) cannot $2"; }
screen_cannot() { if as_screen "$1"; then fail "the screen (user kiosk) can $2"; fi; }
asked_systemd() {
    grep -q -x -F -- "$1" /tmp/systemctl.log || fail "$2: no 'systemctl $1' (asked: $(
        tr '\n' ';' </tmp/systemctl.log))"
}
dpkg_does() {
    : >/tmp/systemctl.log
    dpkg "$@" >/tmp/dpkg.log 2>&1 || { cat /tmp/dpkg.log >&2; fail "dpkg $* failed"; }
}

# The staff overlay's save, as write_file_atomic does it: a new file in the folder, renamed.
overlay_saves() {
    echo "cp $1 /etc/kiosk/.${1##*/}.tmp-test && mv -T /etc/kiosk/.${1##*/}.tmp-test $1"
}

fresh_install() {
    dpkg_does -i "$deb"
    getent passwd kiosk >/dev/null || fail "installing made no kiosk user"
    expect_mode /etc/kiosk "root:kiosk 1775" "the kiosk group adds files, replaces only its own"
    expect_mode /etc/kiosk/kiosk.toml "kiosk:kiosk 640" "the screen's to rewrite; holds the PIN"
    expect_mode /etc/kiosk/fetch.env "root:root 644" "root's alone"
    asked_systemd daemon-reload "a first install"
    if grep -q try-restart /tmp/systemctl.log; then fail "a first install restarts screens"; fi
    screen_cannot 'echo KIOSK_PROGRAM_URL=http://x >>/etc/kiosk/fetch.env' "write fetch.env"
    screen_cannot 'echo KIOSK_PROGRAM_URL=http://x >/etc/kiosk/.f &&
                   mv -T /etc/kiosk/.f /etc/kiosk/fetch.env' "replace fetch.env"
    screen_cannot 'rm -f /etc/kiosk/fetch.env' "delete fetch.env"
    screen_cannot 'chmod 0777 /etc/kiosk' "change the folder's mode"
    screen_can "$(overlay_saves /etc/kiosk/kiosk.toml)" "save kiosk.toml as the staff overlay does"
    expect_mode /etc/kiosk/kiosk.toml "kiosk:kiosk 640" "as saved by the overlay"
    if setpriv --reuid=nobody --regid=nogroup --clear-groups cat /etc/kiosk/kiosk.toml \
        >/dev/null 2>&1; then
        fail "any user can read kiosk.toml, which may hold the staff PIN"
    fi
    echo "install: /etc/kiosk root:kiosk 1775, kiosk.toml the screen's, fetch.env root's"
}

# The layout before: the folder group-writable (0775), configs root:kiosk, and what a screen
# could plant then: a link where a config goes, an env file of its own.
upgrade_from_the_old_layout() {
    rm -f /etc/kiosk/.f
    chmod 0775 /etc/kiosk
    chown root:kiosk /etc/kiosk/kiosk.toml
    install -m 0640 -g kiosk /etc/kiosk/kiosk.toml /etc/kiosk/hall-b.toml
    echo SDL_KMSDRM_DEVICE_INDEX=1 >/etc/kiosk/hall-b.env
    as_screen 'ln -s /etc/passwd /etc/kiosk/planted.toml && echo X=1 >/etc/kiosk/planted.env'
    dpkg_does -i "$deb"
    expect_mode /etc/kiosk "root:kiosk 1775" "after the upgrade"
    expect_mode /etc/kiosk/kiosk.toml "kiosk:kiosk 640" "the old root:kiosk config, moved on"
    expect_mode /etc/kiosk/hall-b.toml "kiosk:kiosk 640" "a kiosk@ screen's config, moved on"
    expect_mode /etc/kiosk/hall-b.env "root:root 644" "an administrator's env file"
    expect_mode /etc/kiosk/planted.env "root:root 644" "an env file the screen wrote"
    expect_mode /etc/passwd "root:root 644" "followed the link a screen planted"
    asked_systemd daemon-reload "an upgrade"
    asked_systemd "try-restart kiosk.service kiosk@*.service" "an upgrade"
    screen_can "$(overlay_saves /etc/kiosk/hall-b.toml)" "save hall-b.toml after the upgrade"
    rm -f /etc/kiosk/planted.toml /etc/kiosk/planted.env
    # An administrator locks a screen's config against the overlay; an upgrade keeps it locked.
    chown root /etc/kiosk/hall-b.toml
    dpkg_does -i "$deb"
    expect_mode /etc/kiosk/hall-b.toml "root:kiosk 640" "locked by its administrator"
    screen_cannot "$(overlay_saves /etc/kiosk/hall-b.toml)" "replace a locked config"
    echo "upgrade: old configs the screen's, env files root's, no link followed, screens restarted"
}

remove_then_purge() {
    mkdir -p /var/lib/kiosk/screen /var/cache/kiosk /run/kiosk /srv/venue \
        /etc/systemd/system/multi-user.target.wants /etc/systemd/system/timers.target.wants
    echo program >/var/lib/kiosk/program.txt
    echo program >/srv/venue/program.txt
    echo '{}' >/run/kiosk/status.json
    ln -sf "$unitdir/kiosk.service" /etc/systemd/system/multi-user.target.wants/kiosk.service
    ln -sf "$unitdir/kiosk@.service" \
        /etc/systemd/system/multi-user.target.wants/kiosk@hall-b.service
    ln -sf "$unitdir/kiosk-fetch.timer" /etc/systemd/system/timers.target.wants/kiosk-fetch.timer
    dpkg_does -r kiosk
    asked_systemd "stop kiosk-fetch.timer kiosk-fetch.service kiosk.service kiosk@*.service" \
        "remove"
    [ ! -e /usr/bin/kiosk ] || fail "remove left /usr/bin/kiosk"
    for f in /etc/kiosk/kiosk.toml /etc/kiosk/fetch.env /var/lib/kiosk/program.txt \
        /etc/systemd/system/multi-user.target.wants/kiosk.service; do
        [ -e "$f" ] || [ -L "$f" ] || fail "remove took $f, which a reinstall needs"
    done
    as_screen 'echo half >/etc/kiosk/.kiosk.toml.tmp-AbC123' || true
    dpkg_does -P kiosk
    for f in /var/lib/kiosk /var/cache/kiosk /run/kiosk /etc/kiosk/kiosk.toml \
        /etc/kiosk/fetch.env /etc/kiosk/.kiosk.toml.tmp-AbC123 \
        /etc/systemd/system/multi-user.target.wants/kiosk.service \
        /etc/systemd/system/multi-user.target.wants/kiosk@hall-b.service \
        /etc/systemd/system/timers.target.wants/kiosk-fetch.timer; do
        if [ -e "$f" ] || [ -L "$f" ]; then fail "purge left $f"; fi
    done
    for f in /etc/kiosk/hall-b.toml /etc/kiosk/hall-b.env /srv/venue/program.txt; do
        [ -e "$f" ] || fail "purge took $f, which an administrator made"
    done
    getent passwd kiosk >/dev/null || fail "purge removed the kiosk user (Debian keeps it)"
    rm /etc/kiosk/hall-b.toml /etc/kiosk/hall-b.env
    dpkg_does -i "$deb"
    dpkg_does -P kiosk
    [ ! -e /etc/kiosk ] || fail "purging a fresh install left /etc/kiosk: $(ls -A /etc/kiosk)"
    echo "remove keeps configs, state, enablement; purge takes them, not the administrator's files"
}

in_root() {
    deb=$1
    unitdir=$2
    [ -f /.kiosk-deb-test-root ] || fail "not in the throwaway root; refusing to install"
    export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    mkdir -p /run/systemd/system /usr/local/sbin
    printf '#!/bin/sh\necho "$*" >>/tmp/systemctl.log\n' >/usr/local/sbin/systemctl
    chmod 0755 /usr/local/sbin/systemctl
    if dpkg -s kiosk >/dev/null 2>&1; then dpkg -P kiosk >/dev/null 2>&1; fi
    fresh_install
    upgrade_from_the_old_layout
    remove_then_purge
}

# In the test's own mount namespace: the overlay, then chroot into it.
in_sandbox() {
    work=$1
    deb=$2
    unitdir=$3
    layers=$work/layers
    mkdir -p "$layers"
    mount -t tmpfs kiosk-deb-test "$layers" || exit 77
    mkdir "$layers/upper" "$layers/work" "$layers/root"
    root=$layers/root
    mount -t overlay kiosk-deb-test \
        -o "lowerdir=/,upperdir=$layers/upper,workdir=$layers/work" "$root" || exit 77
    mount --rbind /dev "$root/dev"
    mount -t proc proc "$root/proc"
    touch "$root/.kiosk-deb-test-root"
    cp "$deb" "$root/tmp/kiosk.deb"
    cp "${BASH_SOURCE[0]}" "$root/tmp/deb_test.sh"
    exec chroot "$root" /usr/bin/env -i HOME=/root bash /tmp/deb_test.sh --in-root \
        /tmp/kiosk.deb "$unitdir"
}

install_test() {
    build=$1
    deb=$build/deb-test/kiosk.deb
    [ -f "$deb" ] || fail "no $deb: deploy.deb builds it"
    unitdir=$(dpkg-deb -c "$deb" | awk '$6 ~ /\/kiosk\.service$/ {sub(/^\./, "", $6); print $6}')
    unitdir=${unitdir%/kiosk.service}
    if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null || ! unshare -m true 2>/dev/null; then
        echo "SKIP: installing the .deb needs root and unshare -m (a throwaway root)"
        exit 77
    fi
    work=$(mktemp -d /tmp/kiosk-deb-install.XXXXXX)
    status=0
    unshare -m --propagation private bash "${BASH_SOURCE[0]}" --in-sandbox "$work" "$deb" \
        "$unitdir" || status=$?
    rm -rf -- "$work"
    [ "$status" != 77 ] || echo "SKIP: no tmpfs or overlay mounts here (a throwaway root)"
    exit "$status"
}

case ${1:-} in
--in-root)
    shift
    in_root "$@"
    exit 0
    ;;
--in-sandbox)
    shift
    in_sandbox "$@"
    ;;
install)
    shift
    install_test "$@"
    ;;
esac

# ---- the package's contents and scripts, read ------------------------------------------------

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
has -rw-r--r-- /usr/share/doc/kiosk/copyright
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

# --- copyright: Debian's machine-readable format, kiosk and the fonts' OFL, the OFL whole
copyright=$work/root/usr/share/doc/kiosk/copyright
head -1 "$copyright" |
    grep -q -x 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
    fail "doc/kiosk/copyright does not start with the machine-readable format's Format: line"
for field in 'Upstream-Name: kiosk' 'Files: \*' 'Files: assets/fonts/\*' 'License: OFL-1.1'; do
    grep -q -x "$field" "$copyright" || fail "doc/kiosk/copyright has no '$field'"
done
# Every License: a Files paragraph names has a paragraph of its own with the text.
sed -n 's/^License: \(.*\)/\1/p' "$copyright" | sort -u >"$work/licenses"
while read -r license; do
    awk -v l="License: $license" '$0 == l {getline; if ($0 ~ /^ /) found = 1} END {exit !found}' \
        "$copyright" || fail "doc/kiosk/copyright: no text for License: $license"
done <"$work/licenses"
# The OFL paragraph, unfolded, is OFL.txt after its first three lines (origin, copyright).
awk '/^License: OFL-1.1$/ {on = 1; next} on && /^ / {print; next} {on = 0}' "$copyright" |
    sed 's/^ //; s/^\.$//' >"$work/ofl"
tail -n +4 "$source/assets/fonts/OFL.txt" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' >"$work/ofl.want"
cmp -s "$work/ofl" "$work/ofl.want" || {
    diff "$work/ofl.want" "$work/ofl" >&2 || true
    fail "doc/kiosk/copyright's OFL-1.1 text is not assets/fonts/OFL.txt's"
}
echo "copyright: machine-readable, kiosk, the fonts and the OFL's whole text"

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
for script in postinst prerm postrm; do
    sh -n "$work/control/$script" || fail "$script is not valid sh"
done
# What the scripts' effects (deb_test.sh install) show where systemd runs, read here too.
grep -q "systemctl try-restart kiosk.service 'kiosk@\*.service'" "$work/control/postinst" ||
    fail "postinst does not restart running screens on an upgrade"
grep -q 'chmod 1775 /etc/kiosk$' "$work/control/postinst" ||
    fail "postinst does not make /etc/kiosk sticky (the screen could replace fetch.env)"
if grep -q 'chmod 0\?775 /etc/kiosk' "$work/control/postinst"; then
    fail "postinst still makes /etc/kiosk writable by the kiosk group without the sticky bit"
fi
grep -q 'rm -rf /var/lib/kiosk ' "$work/control/postrm" || fail "postrm purge keeps /var/lib/kiosk"
mkdir -p "$build/deb-test"
cp "$deb" "$build/deb-test/kiosk.deb"
echo "package: contents, Depends, maintainer scripts and conffiles as expected"
