#!/usr/bin/env bash
# Installs, from Debian's packages, every system package the tests need that is absent: PostgreSQL 15 +
# PostGIS 3 (integration tests), GDAL (ogrinfo/ogr2ogr, the OGC API client tests), Node.js + npm (viewer build,
# geojsonhint), Chromium (viewer test, report PDF), poppler-utils (pdftotext: reading the PDF back), GNU time (the corpus's memory budget), sqlite3 (reading MBTiles back), CJK and DejaVu fonts with fontconfig (map images, charts), bc.
# Idempotent: quiet when everything is present; one line per package it installs. Exits 1 with a clear message
# when it cannot install (not root and no password-less sudo, or apt-get failing).
#
#   scripts/install-test-deps.sh          ./test.sh calls it first
set -uo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have bc || need+=(bc)
have sqlite3 || need+=(sqlite3)
{ [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; } || need+=(postgresql-15 postgresql-15-postgis-3)
{ have ogr2ogr && have ogrinfo; } || need+=(gdal-bin)
{ have node && have npm; } || need+=(nodejs npm)
have chromium || need+=(chromium)
{ have pdftotext && have pdfinfo; } || need+=(poppler-utils)
[ -x /usr/bin/time ] || need+=(time)
{ dpkg -s libfontconfig1 >/dev/null 2>&1 || ls /usr/lib/*/libfontconfig.so.1 >/dev/null 2>&1; } || need+=(libfontconfig1)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
{ have fc-list && fc-list 2>/dev/null | grep -qi "noto sans cjk\|ipaexgothic"; } || need+=(fonts-noto-cjk)

[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif have sudo && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "install-test-deps: cannot install ${need[*]}: not root and no password-less sudo." >&2
  echo "install-test-deps: install them with: sudo apt-get install --no-install-recommends ${need[*]}" >&2
  exit 1
fi

if ! have apt-get; then
  echo "install-test-deps: cannot install ${need[*]}: apt-get not found (the tests expect Debian 12)" >&2
  exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
for p in "${need[@]}"; do echo "install-test-deps: installing $p"; done
"${sudo[@]}" apt-get update -qq >"$log" 2>&1 || true
if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >>"$log" 2>&1; then
  echo "install-test-deps: apt-get install ${need[*]} failed:" >&2
  tail -n 15 "$log" >&2
  exit 1
fi
