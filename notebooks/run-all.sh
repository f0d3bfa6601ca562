#!/usr/bin/env bash
# Executes every notebook in notebooks/ end to end, in process and offline (runner/: Microsoft.DotNet.Interactive),
# and exits non-zero when any cell fails. Builds the project libraries first and copies them to notebooks/.lib,
# which the notebooks reference with #r ".lib/…" (so, after one run, they also open in Jupyter / VS Code).
#
#   notebooks/run-all.sh [NOTEBOOK.ipynb...]      default: every notebooks/*.ipynb
#   SOUSEI_NOTEBOOK_OUT  folder for charts and the executed notebooks (default: a new temp folder)
#   SOUSEI_DATA          file store the notebooks read (default: geodata/kumamoto)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
artifacts="${SOUSEI_NOTEBOOK_ARTIFACTS:-${TMPDIR:-/tmp}/sousei-notebooks-artifacts}"
out="${SOUSEI_NOTEBOOK_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/sousei-notebooks-out.XXXXXX")}"

# SkiaSharp (ScottPlot's renderer) needs fontconfig and fonts; the one installer of the tests' packages sees to them.
"$here/../scripts/install-test-deps.sh" || echo "run-all: warning: some packages could not be installed; charts may fail" >&2

echo "run-all: building the runner and the project libraries"
dotnet build "$here/runner/NotebookRunner.csproj" -c Release --artifacts-path "$artifacts" -nologo -v quiet
rm -rf "$here/.lib"
mkdir -p "$here/.lib"
cp -r "$artifacts/bin/NotebookRunner/release/." "$here/.lib/"
# Jupyter kernels load ScottPlot from .lib; put SkiaSharp's native library next to it too.
native="$here/.lib/runtimes/linux-x64/native/libSkiaSharp.so"
if [ -f "$native" ]; then cp "$native" "$here/.lib/"; fi

if [ "$#" -gt 0 ]; then notebooks=("$@"); else notebooks=("$here"/*.ipynb); fi
echo "run-all: running ${#notebooks[@]} notebook(s); outputs in $out"
dotnet "$here/.lib/sousei-notebooks.dll" --out "$out" "${notebooks[@]}"
