#!/usr/bin/env bash
# Runs every test of Sousei.Geo on a fresh machine: restores, builds, starts the services the tests
# need (a throwaway PostgreSQL + PostGIS cluster, when scripts/test-services.sh is present), runs
# `dotnet test` over the whole solution and prints "N passed, N failed" as its last line.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if [ -x scripts/test-services.sh ]; then
  # shellcheck source=/dev/null
  source scripts/test-services.sh start || { echo "test services failed to start"; echo "0 passed, 1 failed"; exit 1; }
  trap 'scripts/test-services.sh stop >/dev/null 2>&1; rm -f "$log"' EXIT
fi

export SOUSEI_REPO_ROOT="$root"
dotnet test Sousei.Geo.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -aoE 'Passed: +[0-9]+' "$log" | grep -oE '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0)
failed=$(grep -aoE 'Failed: +[0-9]+' "$log" | grep -oE '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0)
passed=${passed:-0}; failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report: count it as a failure.
  failed=1
fi
# Name each failed test with the first line of its message, so that the end of the output says what broke.
awk '/^[[:space:]]+Failed .+ \[[^]]*\][[:space:]]*$/ { name = $0; sub(/^[[:space:]]+Failed /, "", name); sub(/ \[[^]]*\][[:space:]]*$/, "", name); want = 1; next }
     want && /Error Message:/ { getline msg; sub(/^[[:space:]]+/, "", msg); print "FAILED TEST: " name " :: " substr(msg, 1, 400); want = 0 }' "$log"
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ]
