#!/usr/bin/env bash
# The layers' rules, checked on the source tree: data flows core → slides → render → app, and a
# layer includes nothing above it. Also: no source file under kiosk/ is longer than 600 lines.
#
#   check_layers.sh SOURCE_DIR
#
# Prints one line per broken rule (file:line: what) and exits 1 when there is any.
set -u
root=${1:?usage: check_layers.sh SOURCE_DIR}
cd "$root" || exit 2
status=0

# forbid FOLDER PATTERN WHY: no file under FOLDER may have an #include matching PATTERN.
forbid() {
  local folder=$1 pattern=$2 why=$3
  [ -d "$folder" ] || return 0
  local hits
  hits=$(grep -rnE --include='*.h' --include='*.cpp' "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)" "$folder")
  if [ -n "$hits" ]; then
    while IFS= read -r hit; do
      echo "${hit%%:#*}: ${why}"
    done <<<"$hits"
    status=1
  fi
}

forbid kiosk/core 'kiosk/(slides|render|app)/' "core includes a layer above it"
forbid kiosk/core 'SDL' "core must not see SDL"
forbid kiosk/core/import 'kiosk/core/(scheduler|board|config|corrections)\.h' \
  "the importer includes the scheduler, the board, the config or corrections"
forbid kiosk/slides 'kiosk/(render|app)/' "slides includes a layer above it"
forbid kiosk/slides 'kiosk/core/config\.h' "slides includes the config (the app maps it)"
forbid kiosk/slides 'SDL' "slides must not see SDL (text is measured through an interface)"
forbid kiosk/render 'kiosk/app/' "render includes the app"
forbid kiosk/render 'kiosk/core/config\.h' "render includes the config (the app maps it)"

while IFS= read -r file; do
  lines=$(wc -l <"$file")
  if [ "$lines" -gt 600 ]; then
    echo "$file: $lines lines; a file under kiosk/ has at most 600 (split it along its seams)"
    status=1
  fi
done < <(find kiosk -name '*.h' -o -name '*.cpp' | sort)

[ "$status" -eq 0 ] && echo "layers: every include points down, every file within 600 lines"
exit "$status"
