#!/usr/bin/env bash
# Generates (once) a 1M-row x 10-column workbook and times: unzip alone, our reader's stages, our reader end to end,
# a naive ZipArchive+XmlReader loop and ExcelDataReader, all in one process so the ratios are comparable.
# Usage: bench/xlsx/run.sh [--rows N] [--runs K] [--file path] [--skip-edr]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
artifacts="${XLSX_BENCH_ARTIFACTS:-/tmp/xlsx-bench-artifacts}"
dotnet build "$here/XlsxBench.csproj" -c Release --artifacts-path "$artifacts" -v q -nologo
exec dotnet "$artifacts/bin/XlsxBench/release/XlsxBench.dll" "$@"
