#!/usr/bin/env bash
# Parquet writer benchmark: FunctionsIngest's writer vs DuckDB (COPY ... TO, snappy) on the same synthetic 10-column
# table, 1M and 10M rows, measured side by side in one run. Prints one JSON line per run and a ratio table.
# Usage: bench/parquet/run.sh [rows...]        (default: 1000000 10000000)
# Env:   BENCH_OUT (scratch folder for the .parquet files), BENCH_ARTIFACTS (dotnet build output), BENCH_REPEAT (default 1)
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
    "$bench" "$rows" "$out/fi-$rows.parquet" snappy | tee -a "$results"
    node "$here/duckdb-bench.mjs" "$rows" "$out/duckdb1-$rows.parquet" 1 | tee -a "$results"
    node "$here/duckdb-bench.mjs" "$rows" "$out/duckdb-$rows.parquet" default | tee -a "$results"
  done
done

node - "$results" <<'JS'
// Best (lowest wall time) run per configuration; ratios are FunctionsIngest / DuckDB single-threaded.
const fs = require('fs');
const runs = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(JSON.parse);
const kind = (r) => r.writer === 'duckdb-threads-1' ? 'duckdb1' : r.writer.startsWith('duckdb') ? 'duckdbN' : 'fi';
const best = {};
for (const r of runs) {
  const key = `${r.rows}|${kind(r)}`;
  if (!best[key] || r.seconds < best[key].seconds) best[key] = r;
}
const f = (x, d = 2) => Number(x).toFixed(d);
console.log('\n| rows | FI wall s (in writer) | FI CPU s | DuckDB 1t wall s | DuckDB 1t CPU s | DuckDB default-threads wall s | wall FI/DuckDB-1t | CPU FI/DuckDB-1t | size FI/DuckDB | FI MiB | DuckDB MiB | peak MiB FI | peak MiB DuckDB-1t |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const rows of [...new Set(runs.map(r => r.rows))]) {
  const fi = best[`${rows}|fi`], d1 = best[`${rows}|duckdb1`], dn = best[`${rows}|duckdbN`];
  console.log(`| ${rows} | ${f(fi.seconds)} (${f(fi.writeSeconds)}) | ${f(fi.cpuSeconds)} | ${f(d1.seconds)} | ${f(d1.cpuSeconds)} | ${f(dn.seconds)} (${dn.writer.replace('duckdb-threads-', '')}t) | ${f(fi.seconds / d1.seconds)}x | ${f(fi.cpuSeconds / d1.cpuSeconds)}x | ${f(fi.bytes / d1.bytes, 3)}x | ${f(fi.bytes / 1048576, 1)} | ${f(d1.bytes / 1048576, 1)} | ${fi.peakWorkingSetMB} | ${d1.peakWorkingSetMB} |`);
}
JS
