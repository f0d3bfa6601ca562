#!/usr/bin/env bash
# Runs every test of Sousei.Geo on a fresh machine: installs the system packages the tests need
# (scripts/install-test-deps.sh), starts the services they need (a throwaway PostgreSQL + PostGIS cluster,
# scripts/test-services.sh), runs `dotnet test` over the whole solution, lists every skipped test with its reason
# and prints "N passed, N failed, N skipped" as its last line. A test whose tool or data is missing is skipped
# with the reason outside CI; with CI=true it fails instead.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
log=$(mktemp)
results=$(mktemp -d)
trap 'rm -rf "$log" "$results"' EXIT

if ! scripts/install-test-deps.sh; then
  if [ "${CI:-}" = "true" ]; then
    echo "test.sh: the test dependencies could not be installed (above); CI needs them"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
  fi
  echo "test.sh: continuing without them: the tests that need them are reported as skipped"
fi

if [ -x scripts/test-services.sh ]; then
  # shellcheck source=/dev/null
  if source scripts/test-services.sh start; then
    trap 'scripts/test-services.sh stop >/dev/null 2>&1; rm -rf "$log" "$results"' EXIT
  elif [ "${CI:-}" = "true" ]; then
    echo "test services failed to start"; echo "0 passed, 1 failed, 0 skipped"; exit 1
  else
    echo "test.sh: PostGIS did not start: the database tests are reported as skipped"
  fi
fi

export SOUSEI_REPO_ROOT="$root"
dotnet test Sousei.Geo.sln -c Release --nologo --logger "trx" --results-directory "$results" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

sum() { grep -aoE "$1: +[0-9]+" "$log" | grep -oE '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report: count it as a failure.
  failed=1
fi

# Name each skipped test with its reason (from the TRX results), then each failed test with the first line of its message.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  awk 'BEGIN { RS = "<UnitTestResult " } NR > 1 && /outcome="NotExecuted"/ {
         name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
         reason = ""; if (match($0, /<Message>[^<]*<\/Message>/)) { reason = substr($0, RSTART + 9, RLENGTH - 19) }
         gsub(/&quot;/, "\"", reason); gsub(/&apos;/, "'"'"'", reason); gsub(/&lt;/, "<", reason); gsub(/&gt;/, ">", reason); gsub(/&amp;/, "\\&", reason)
         gsub(/&quot;/, "\"", name); gsub(/&amp;/, "\\&", name)
         print "SKIPPED TEST: " name " :: " reason }' "$trx"
done
awk '/^[[:space:]]+Failed .+ \[[^]]*\][[:space:]]*$/ { name = $0; sub(/^[[:space:]]+Failed /, "", name); sub(/ \[[^]]*\][[:space:]]*$/, "", name); want = 1; next }
     want && /Error Message:/ { getline msg; sub(/^[[:space:]]+/, "", msg); print "FAILED TEST: " name " :: " substr(msg, 1, 400); want = 0 }' "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" -eq 0 ]
