#!/usr/bin/env bash
# The Prometheus alerting rules the README offers (docs/kiosk-alerts.yml): valid as Prometheus
# reads them, and firing when they should (tests/deploy/kiosk-alerts.test.yml).
#
#   alerts_test.sh SOURCE_DIR
#
# Exit 77 (skipped) when promtool is missing (apt-get install prometheus; bootstrap installs it).
set -euo pipefail

source=$1
if ! command -v promtool >/dev/null; then
    echo "SKIP: promtool is not installed (apt-get install prometheus)"
    exit 77
fi
promtool check rules "$source/docs/kiosk-alerts.yml"
promtool test rules "$source/tests/deploy/kiosk-alerts.test.yml"
