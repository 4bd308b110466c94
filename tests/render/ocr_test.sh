#!/usr/bin/env bash
# Text in other scripts, read back by OCR: `kiosk render` draws the Now slides of
# tests/data/programs/scripts.schedule.xml (Chinese; Arabic with a Latin system name; Russian),
# landscape and portrait, and tesseract must read their titles and speakers back. A long Chinese
# title without spaces must wrap inside the screen (kiosk render fails on text wider than its
# box), and a character no font has must be a warning. Skipped (exit 77) without tesseract, its
# chi_sim, ara, rus and eng data, or python3; kiosk/tools/bootstrap test installs them.
#
#   ocr_test.sh KIOSK SOURCE_DIR
set -uo pipefail

kiosk=${1:?usage: ocr_test.sh KIOSK SOURCE_DIR}
source=${2:?usage: ocr_test.sh KIOSK SOURCE_DIR}

skip() { echo "ocr: skipped: $*"; exit 77; }
command -v tesseract >/dev/null || skip "tesseract is not installed (apt-get install tesseract-ocr)"
command -v python3 >/dev/null || skip "python3 is not installed (apt-get install python3)"
langs=$(tesseract --list-langs 2>/dev/null)
for pair in chi_sim:chi-sim ara:ara rus:rus eng:eng; do
    grep -qx "${pair%%:*}" <<<"$langs" ||
        skip "tesseract has no ${pair%%:*} data (apt-get install tesseract-ocr-${pair#*:})"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# render ROOM SIZE: the room's Now slide at 09:10; its picture is $work/ROOM-SIZE/01-now.png.
render() {
    local out="$work/${1// /_}-$2"
    if ! "$kiosk" render --config "$source/config/kiosk.toml" \
        --data "$source/tests/data/programs/scripts.schedule.xml" --room "$1" \
        --at 2024-05-20T09:10 --slide now --size "$2" --out "$out" >/dev/null 2>"$out.err"; then
        fail "$1 at $2: kiosk render failed:"
        cat "$out.err"
    fi
}

# read_back ROOM SIZE LANGS TEXT...: OCR of the picture holds each TEXT. OCR slips a character now
# and then (错 for 销, a dropped hamza), so each must match 80% of its characters, in order,
# somewhere in what was read; white space, direction marks and ё/е are not compared.
read_back() {
    local room=$1 size=$2 lang=$3
    shift 3
    local png="$work/${room// /_}-$size/01-now.png"
    [ -s "$png" ] || return
    echo "$room at $size, tesseract -l $lang:"
    tesseract "$png" - -l "$lang" 2>/dev/null | python3 -c '
import difflib, sys, unicodedata
def norm(s):
    s = "".join(c for c in s if not c.isspace() and unicodedata.category(c) != "Cf")
    return s.replace("ё", "е").replace("Ё", "Е")
read = norm(sys.stdin.read())
ok = True
for want in map(norm, sys.argv[1:]):
    n = len(want)
    best = max(difflib.SequenceMatcher(None, want, read[i:i + n]).ratio()
               for i in range(max(1, len(read) - n + 1)))
    print("  %.2f %s" % (best, want))
    ok = ok and best >= 0.8
if not ok:
    print("  read: " + read)
sys.exit(0 if ok else 1)
' "$@" || fail "$room at $size: OCR did not read it back"
}

for size in 1920x1080 1080x1920; do
    render "Hall 1" "$size"
    read_back "Hall 1" "$size" chi_sim "分布式系统的调度与容错" "张伟, 李娜"
    render "Hall 2" "$size"
    read_back "Hall 2" "$size" ara+eng "تحسين أداء PyTorch على وحدات المعالجة" "محمد علي"
    render "Hall 3" "$size"
    read_back "Hall 3" "$size" rus "Всё о расписаниях" "Иван Петров"
    render "Hall 6" "$size"
    read_back "Hall 6" "$size" chi_sim "大规模分布式深度学习训练系统"
done

render "Hall 7" 1920x1080
grep -q "warning: no installed font has U+F0000" "$work/Hall_7-1920x1080.err" ||
    fail "a character no font has was not reported"

[ "$status" -eq 0 ] && echo "ocr: every title read back"
exit "$status"
