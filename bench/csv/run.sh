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

# DuckDB (@duckdb/node-api) from the test oracles' node_modules when present, else installed beside this script.
modules="$root/tests/oracles/node_modules"
if [ ! -d "$modules/@duckdb/node-api" ]; then
  modules="$here/node_modules"
  [ -d "$modules/@duckdb/node-api" ] || npm install --prefix "$here" --no-save --no-audit --no-fund @duckdb/node-api@1.5.6-r.1 >/dev/null
fi
export NODE_PATH="$modules"

dotnet build "$here/CsvBench.csproj" -c Release --artifacts-path "$work/art" -v q -nologo >/dev/null
bench=(dotnet "$work/art/bin/CsvBench/release/CsvBench.dll")

csv="$work/bench-$rows.csv"
[ -f "$csv" ] || "${bench[@]}" generate "$csv" "$rows"
echo "input: $csv ($(du -h "$csv" | cut -f1), $rows rows x 10 columns)"

# Warm the page cache so every contender reads from memory.
cat "$csv" >/dev/null

measure() { # name, command...  => "name wall-seconds peakMB cpu-seconds" from /usr/bin/time
  local name="$1"; shift
  local out
  out=$( { /usr/bin/time -f "%e %M %U %S" "$@" >/dev/null; } 2>&1 | tail -1 )
  echo "$name $(echo "$out" | awk '{printf "%.2f %.0f %.2f", $1, $2/1024, $3+$4}')"
}

for i in $(seq 1 "$repeats"); do
  measure ours     "${bench[@]}" convert "$csv" "$work/ours.parquet"
  measure two-pass env CSV_BENCH_TWO_PASS=1 "${bench[@]}" convert "$csv" "$work/two-pass.parquet"
  measure duckdb   node "$here/duckdb-convert.cjs" "$csv" "$work/duck.parquet"
  measure read     "${bench[@]}" read "$csv"
  measure csvhelper "${bench[@]}" csvhelper "$csv"
done | tee "$work/results.txt"

echo
awk '{ if (t[$1] == "" || $2 < t[$1]) { t[$1] = $2; c[$1] = $4 }; m[$1] = ($3 > m[$1]) ? $3 : m[$1] }
     END {
       printf "best of runs: wall s, cpu s (user+sys), peak RSS MB\n";
       for (k in t) printf "  %-10s %6.2f s  %6.2f s  %5d MB\n", k, t[k], c[k], m[k];
       printf "ours / duckdb wall-time ratio: %.2fx (cpu-time ratio %.2fx)\n", t["ours"] / t["duckdb"], c["ours"] / c["duckdb"];
     }' "$work/results.txt"
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l "$work/ours.parquet" "$work/duck.parquet" | awk '{print $5, $9}'
echo
node "$here/duckdb-compare.cjs" "$work/ours.parquet" "$work/duck.parquet"
