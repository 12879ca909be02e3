#!/usr/bin/env bash
# Runs every test of FunctionsIngest on a bare machine: installs what the tests use (the npm Parquet
# oracles: DuckDB, arrow-rs via parquet-wasm, hyparquet; Azurite for the storage tests; from apt when missing, a C
# toolchain for the native build's test and ISA-L, the inflater .xlsx parts use when it is there), builds, runs
# `dotnet test` on the solution, and ends with the line "N passed, N failed[, N skipped]". Exit code 0
# only if nothing failed.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Excel").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is required" >&2; exit 2; }
command -v node >/dev/null || { echo "node (Node.js 20+) is required for the Parquet oracles" >&2; exit 2; }

npm_ci() { # folder: npm ci there, retried (the registry drops connections now and then)
  for attempt in 1 2 3; do
    if npm ci --prefix "$1" --no-audit --no-fund --loglevel=error; then return 0; fi
    sleep 5
  done
  echo "npm ci in $1 failed three times" >&2
  exit 2
}

apt_install() { # packages...
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$@" >/dev/null; fi
}
if ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
  # The native build's test publishes with NativeAOT, which links with the platform's C toolchain.
  echo "== installing clang (apt), the linker of the native build"
  apt_install clang
fi
if ! { ldconfig -p 2>/dev/null || /sbin/ldconfig -p; } | grep -q 'libisal\.so\.2 '; then
  # Without it .xlsx parts inflate with .NET's zlib-ng; the tests check both give the same bytes.
  echo "== installing libisal2 (apt), Intel's ISA-L inflater"
  apt_install libisal2
fi
echo "== installing the Parquet oracles (npm ci in tests/oracles)"
npm_ci tests/oracles
echo "== installing Azurite, the Azure Storage emulator the storage tests start (npm ci in tests/azurite)"
npm_ci tests/azurite

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "== dotnet test"
set +e
dotnet test FunctionsIngest.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?
set -e

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed before or outside any test (build error, crashed test host): count it as a failure.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
