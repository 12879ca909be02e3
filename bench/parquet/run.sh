#!/usr/bin/env bash
# Parquet writer benchmark: FunctionsIngest's writer vs DuckDB (COPY ... TO, snappy) on the same synthetic 10-column
# table, 1M and 10M rows, measured side by side in one run. Prints one JSON line per run and a ratio table.
# Usage: bench/parquet/run.sh [rows...]        (default: 1000000 10000000)
# Env:   BENCH_OUT (scratch folder for the .parquet files), BENCH_ARTIFACTS (dotnet build output), BENCH_REPEAT (default 1),
#        BENCH_PGO=1 to run the .NET side with Dynamic PGO on (the runtime default; the bench host turns it off)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${BENCH_OUT:-${TMPDIR:-/tmp}/functionsingest-parquet-bench}"
artifacts="${BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/functionsingest-parquet-bench-artifacts}"
repeat="${BENCH_REPEAT:-1}"
rows_list=("$@")
[ ${#rows_list[@]} -gt 0 ] || rows_list=(1000000 10000000)
mkdir -p "$out"

# DuckDB comes from the oracle packages (pinned in tests/oracles/package-lock.json).
[ -f "$repo/tests/oracles/node_modules/@duckdb/node-api/package.json" ] || npm ci --prefix "$repo/tests/oracles" --no-audit --no-fund >/dev/null
dotnet build "$here/ParquetBench.csproj" -c Release --artifacts-path "$artifacts" -v q -nologo >/dev/null
bench="$artifacts/bin/ParquetBench/release/ParquetBench"

results="$out/results.jsonl"
: > "$results"
for rows in "${rows_list[@]}"; do
  for r in $(seq "$repeat"); do
    DOTNET_TieredPGO="${BENCH_PGO:-0}" "$bench" "$rows" "$out/fi-$rows.parquet" snappy | tee -a "$results"
    node "$here/duckdb-bench.mjs" "$rows" "$out/duckdb1-$rows.parquet" 1 | tee -a "$results"
    node "$here/duckdb-bench.mjs" "$rows" "$out/duckdb-$rows.parquet" default | tee -a "$results"
  done
done

node - "$results" <<'JS'
// Runs come in triples (FunctionsIngest, DuckDB 1 thread, DuckDB default threads) per rows x repeat, back to back, so
// each triple shares the machine's load at that moment: ratios are taken per triple, then the median is reported.
const fs = require('fs');
const runs = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f = (x, d = 2) => Number(x).toFixed(d);
const byRows = new Map();
for (let i = 0; i + 2 < runs.length; i += 3) {
  const [fi, d1, dn] = runs.slice(i, i + 3);
  if (!byRows.has(fi.rows)) byRows.set(fi.rows, []);
  byRows.get(fi.rows).push({ fi, d1, dn });
}
console.log('\n| rows | repeats | FI wall s (in writer) | FI CPU s | DuckDB 1t wall s | DuckDB 1t CPU s | DuckDB default wall s | wall FI/DuckDB-1t | CPU FI/DuckDB-1t | size FI/DuckDB | FI MiB | DuckDB MiB | peak MiB FI | peak MiB DuckDB-1t |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const [rows, ts] of byRows) {
  const m = (sel) => median(ts.map(sel));
  const fi = ts[0].fi, d1 = ts[0].d1;
  console.log(`| ${rows} | ${ts.length} | ${f(m(t => t.fi.seconds))} (${f(m(t => t.fi.writeSeconds))}) | ${f(m(t => t.fi.cpuSeconds))} | ${f(m(t => t.d1.seconds))} | ${f(m(t => t.d1.cpuSeconds))} | ${f(m(t => t.dn.seconds))} (${ts[0].dn.writer.replace('duckdb-threads-', '')}t) | ` +
    `${f(m(t => t.fi.seconds / t.d1.seconds))}x | ${f(m(t => t.fi.cpuSeconds / t.d1.cpuSeconds))}x | ${f(fi.bytes / d1.bytes, 3)}x | ${f(fi.bytes / 1048576, 1)} | ${f(d1.bytes / 1048576, 1)} | ` +
    `${f(m(t => t.fi.peakWorkingSetMB), 1)} | ${f(m(t => t.d1.peakWorkingSetMB), 1)} |`);
}
console.log('\nmedians over repeats; wall/CPU ratios are medians of per-triple ratios.');
JS
