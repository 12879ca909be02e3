#!/usr/bin/env bash
# CSV -> Parquet benchmark: our reader + Parquet writer vs DuckDB, side by side in one run (see RESULTS.md).
# Usage: bench/csv/run.sh [rows=1000000] [repeats=3]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
repeats="${2:-3}"
work="${CSV_BENCH_DIR:-/tmp/csvbench}"
mkdir -p "$work"

# DuckDB from the test oracles' node_modules, installed by their package.json if missing.
oracles="$root/tests/oracles"
if [ ! -d "$oracles/node_modules/@duckdb/node-api" ]; then
  (cd "$oracles" && npm ci --no-audit --no-fund)
fi
export NODE_PATH="$oracles/node_modules"
cp "$here/duckdb-convert.mjs" "$oracles/.csvbench-duckdb.mjs"   # ESM resolves packages from the script's folder
trap 'rm -f "$oracles/.csvbench-duckdb.mjs"' EXIT

dotnet build "$here/CsvBench.csproj" -c Release --artifacts-path "$work/art" -v q -nologo >/dev/null
bench=(dotnet "$work/art/bin/CsvBench/release/CsvBench.dll")

csv="$work/bench-$rows.csv"
[ -f "$csv" ] || "${bench[@]}" generate "$csv" "$rows"
echo "input: $csv ($(du -h "$csv" | cut -f1), $rows rows x 10 columns)"

# Warm the page cache so every contender reads from memory.
cat "$csv" >/dev/null

measure() { # name, command...  => "name seconds peakMB" using /usr/bin/time for wall clock and max RSS
  local name="$1"; shift
  local out
  out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -1 )
  echo "$name $(echo "$out" | awk '{printf "%.2f %.0f", $1, $2/1024}')"
}

for i in $(seq 1 "$repeats"); do
  measure ours     "${bench[@]}" convert "$csv" "$work/ours.parquet"
  measure duckdb   node "$oracles/.csvbench-duckdb.mjs" "$csv" "$work/duck.parquet"
  measure read     "${bench[@]}" read "$csv"
  measure csvhelper "${bench[@]}" csvhelper "$csv"
done | tee "$work/results.txt"

echo
awk '{ t[$1] = (t[$1] == "" || $2 < t[$1]) ? $2 : t[$1]; m[$1] = ($3 > m[$1]) ? $3 : m[$1] }
     END {
       printf "best of runs (seconds, peak RSS MB):\n";
       for (k in t) printf "  %-10s %6.2f s  %5d MB\n", k, t[k], m[k];
       printf "ours / duckdb wall-time ratio: %.2fx\n", t["ours"] / t["duckdb"];
     }' "$work/results.txt"
ls -l "$work/ours.parquet" "$work/duck.parquet" | awk '{print $5, $9}'
