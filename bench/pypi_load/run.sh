#!/usr/bin/env bash
# `tally pypi load` speed with the full schema (raw table + every rollup view): N linehaul log
# lines (plain and .gz) and N BigQuery-shaped Parquet rows, each into a fresh data directory.
# Prints wall time, CPU time (user+sys) and rows/s of both. Usage: bench/pypi_load/run.sh [tally] [N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tally="$(realpath "${1:-$here/../../build/tally}")"
rows="${2:-2000000}"
cd "$here/.."
[ -d node_modules/@duckdb ] || npm install --silent --no-audit --no-fund >/dev/null
mkdir -p data
logs="data/pypi_logs_${rows}.log"; parquet="data/pypi_file_downloads_${rows}.parquet"
[ -f "$logs" ] || python3 pypi_load/gen_logs.py "$rows" "$logs"
[ -f "$logs.gz" ] || gzip -1 -k "$logs"
[ -f "$parquet" ] || node pypi_load/gen_parquet.mjs "$rows" "$parquet"
for input in "$logs" "$logs.gz" "$parquet"; do
  dir="$(mktemp -d)"
  "$tally" pypi load --path "$dir" --countries >/dev/null 2>&1
  /usr/bin/time -f "%e %U %S" -o "$dir.time" "$tally" pypi load --path "$dir" "$input" 2>/dev/null
  read -r wall user sys < "$dir.time"
  echo "$(basename "$input")  rows $rows  wall ${wall}s  cpu $(echo "$user + $sys" | bc)s  $(echo "$rows / $wall" | bc) rows/s (wall)"
  rm -rf "$dir" "$dir.time"
done
