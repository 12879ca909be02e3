#!/usr/bin/env bash
# xlsx -> Parquet end to end: ours (one pass, as the copy step reads) vs ours in two passes vs the app's `convert` verb
# as a native executable vs DuckDB's CSV -> Parquet on the same data vs the ExcelDataReader path, each a fresh process,
# interleaved; then the in-process split of ours, memory at 250k/500k/1M rows, and a parity check.
# Usage: bench/xlsx-e2e/run.sh [rows=1000000] [repeats=3]
# Env:   XLSX_E2E_DIR (scratch, default /tmp/xlsx-e2e), XLSX_E2E_SKIP_EDR=1, XLSX_E2E_SKIP_STAGES=1, XLSX_E2E_SKIP_NATIVE=1,
#        XLSX_E2E_BASE=/path/to/XlsxBench.dll (a build of other code, e.g. before a change: timed as "base", interleaved)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
repeats="${2:-3}"
work="${XLSX_E2E_DIR:-/tmp/xlsx-e2e}"
mkdir -p "$work"

[ -f "$root/tests/oracles/node_modules/@duckdb/node-api/package.json" ] || npm ci --prefix "$root/tests/oracles" --no-audit --no-fund >/dev/null
export NODE_PATH="$root/tests/oracles/node_modules"

dotnet build "$here/XlsxE2E.csproj" -c Release --artifacts-path "$work/art" -v q -nologo >/dev/null
bench=(dotnet "$work/art/bin/XlsxE2E/release/XlsxBench.dll")
native="$work/native/FunctionsIngest.App"
if [ "${XLSX_E2E_SKIP_NATIVE:-0}" != 1 ]; then # the product's own CLI, published as users deploy it natively (minutes)
  dotnet publish "$root/src/FunctionsIngest.App/FunctionsIngest.App.csproj" -c Release -r linux-x64 -p:PublishAot=true \
    --artifacts-path "$work/native-art" -o "$work/native" -v q -nologo >/dev/null
fi

xlsx="$work/bench-$rows.xlsx"; csv="$work/bench-$rows.csv"
[ -f "$xlsx" ] && [ -f "$csv" ] || "${bench[@]}" generate "$rows" "$xlsx" "$csv"
small=()
for n in $((rows / 4)) $((rows / 2)); do
  [ -f "$work/bench-$n.xlsx" ] || "${bench[@]}" generate "$n" "$work/bench-$n.xlsx"
  small+=("$n")
done
echo "input: $xlsx ($(du -h "$xlsx" | cut -f1)), $csv ($(du -h "$csv" | cut -f1)); $rows rows x 10 columns; $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$xlsx" "$csv" "$work"/bench-*.xlsx >/dev/null # page cache

measure() { # name, command...  => "name wall-s maxRSS-MB cpu-s"
  local name="$1"; shift
  local out
  out=$( { /usr/bin/time -f "%e %M %U %S" "$@" >/dev/null; } 2>&1 | tail -1 )
  echo "$name $(echo "$out" | awk '{printf "%.2f %.0f %.2f", $1, $2/1024, $3+$4}')"
}

results="$work/results.txt"
for i in $(seq 1 "$repeats"); do
  measure ours   "${bench[@]}" ours "$xlsx" "$work/ours.parquet"
  measure duckdb node "$root/bench/csv/duckdb-convert.cjs" "$csv" "$work/duck.parquet"
  [ "${XLSX_E2E_SKIP_NATIVE:-0}" = 1 ] || { rm -f "$work/native.parquet"; measure native "$native" convert "$xlsx" "$work/native.parquet"; }
  XLSX_BENCH_TWO_PASS=1 measure two-pass "${bench[@]}" ours "$xlsx" "$work/two-pass.parquet"
  [ -z "${XLSX_E2E_BASE:-}" ] || measure base dotnet "$XLSX_E2E_BASE" ours "$xlsx" "$work/base.parquet"
  [ "${XLSX_E2E_SKIP_EDR:-0}" = 1 ] || measure edr "${bench[@]}" edr "$xlsx" "$work/edr.parquet"
  for n in "${small[@]}"; do measure "ours-$n" "${bench[@]}" ours "$work/bench-$n.xlsx" "$work/ours-$n.parquet"; done
done | tee "$results"

# Memory attribution: our reader alone (no writer) at the same sizes, once each.
for n in "${small[@]}" "$rows"; do measure "read-$n" "${bench[@]}" read "$work/bench-$n.xlsx"; done | tee "$work/read.txt"

echo
node - "$results" "$rows" <<'JS'
const fs = require('fs');
const [file, rows] = process.argv.slice(2);
const runs = {};
for (const line of fs.readFileSync(file, 'utf8').trim().split('\n')) {
  const [name, wall, rss, cpu] = line.split(' ');
  (runs[name] ??= []).push({ wall: +wall, rss: +rss, cpu: +cpu });
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stat = (name, key, f) => f(runs[name].map((r) => r[key]));
const min = (xs) => Math.min(...xs), max = (xs) => Math.max(...xs);
console.log(`| contender | wall s best / median | CPU s best / median | max RSS MB (max) | wall vs DuckDB (median) | CPU vs DuckDB (median) |`);
console.log('|---|---|---|---|---|---|');
for (const name of Object.keys(runs)) {
  const ratio = (key) => name.startsWith('ours-') ? '' : (stat(name, key, median) / stat('duckdb', key, median)).toFixed(2) + 'x';
  console.log(`| ${name} | ${stat(name, 'wall', min).toFixed(2)} / ${stat(name, 'wall', median).toFixed(2)} | ${stat(name, 'cpu', min).toFixed(2)} / ${stat(name, 'cpu', median).toFixed(2)} | ${stat(name, 'rss', max)} | ${ratio('wall')} | ${ratio('cpu')} |`);
}
const flat = Object.keys(runs).filter((n) => n.startsWith('ours')).map((n) => `${n === 'ours' ? rows : n.slice(5)} rows: ${stat(n, 'rss', max)} MB`);
console.log(`ours peak RSS by rows: ${flat.join(', ')}`);
JS
cmp -s "$work/ours.parquet" "$work/two-pass.parquet" && echo "ours.parquet and two-pass.parquet are byte-identical" || echo "ours.parquet and two-pass.parquet DIFFER"
if [ -n "${XLSX_E2E_BASE:-}" ]; then # another build: the footer's created_by names its commit (12 hex digits)
  differing=$( (cmp -l "$work/ours.parquet" "$work/base.parquet" 2>/dev/null || true) | wc -l)
  if [ "$(stat -c %s "$work/ours.parquet")" = "$(stat -c %s "$work/base.parquet")" ] && [ "$differing" -le 12 ]; then
    echo "ours.parquet and base.parquet are byte-identical but for the build id in created_by ($differing bytes)"
  else
    echo "ours.parquet and base.parquet DIFFER ($differing bytes)"
  fi
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l "$work/ours.parquet" "$work/duck.parquet" | awk '{print $5, $9}'

if [ "${XLSX_E2E_SKIP_STAGES:-0}" != 1 ]; then
  echo; echo "split of ours (in-process, best of $repeats):"
  "${bench[@]}" stages "$xlsx" "$repeats"
fi
echo; node "$here/parity.cjs" "$work/ours.parquet" "$work/duck.parquet"
[ "${XLSX_E2E_SKIP_NATIVE:-0}" = 1 ] || { echo "native:"; node "$here/parity.cjs" "$work/native.parquet" "$work/duck.parquet"; }
