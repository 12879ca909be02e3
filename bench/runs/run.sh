#!/usr/bin/env bash
# Scheduler tick over N enabled jobs, and the overhead of a one-row run. Usage: bench/runs/run.sh [JOBS] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
artifacts="${RUNS_BENCH_ARTIFACTS:-/tmp/runs-bench-artifacts}"
dotnet build "$here/RunsBench.csproj" -c Release --artifacts-path "$artifacts" -v q -nologo
exec dotnet "$artifacts/bin/RunsBench/release/RunsBench.dll" "$@"
