#!/usr/bin/env bash
# Parquet reading speed: tally vs DuckDB on the same file (10M rows shaped like BigQuery's PyPI
# file_downloads export, written by DuckDB with snappy). Prints "query  tally_s  duckdb_s"
# (median of 3 runs, after a warm-up; tally times include process start).
# Usage: bench/parquet.sh [path to tally] [rows]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tally="$(realpath "${1:-$here/../build/tally}")"
rows="${2:-10000000}"
cd "$here"
[ -d node_modules/@duckdb ] || npm install --silent --no-audit --no-fund >/dev/null
mkdir -p data
file="data/file_downloads_${rows}.parquet"
[ -f "$file" ] || node parquet.mjs write "$file" "$rows"
declare -A duck
while IFS=$'\t' read -r name seconds; do duck[$name]=$seconds; done < <(node parquet.mjs query "$file" 3)
run_tally() {  # median of 3 wall-clock runs after a warm-up
  "$tally" local -q "$1" >/dev/null
  for _ in 1 2 3; do
    s=$(date +%s.%N); "$tally" local -q "$1" >/dev/null; e=$(date +%s.%N)
    echo "$e - $s" | bc
  done | sort -n | sed -n 2p
}
F="file('$file')"
printf 'query\ttally_s\tduckdb_s\n'
printf 'count\t%.3f\t%s\n' "$(run_tally "SELECT count() FROM $F")" "${duck[count]}"
printf 'by_project\t%.3f\t%s\n' "$(run_tally "SELECT project, count() FROM $F GROUP BY ALL ORDER BY 2 DESC LIMIT 5")" "${duck[by_project]}"
printf 'nested_group\t%.3f\t%s\n' "$(run_tally "SELECT file.project, details.installer.name, count() FROM $F GROUP BY ALL ORDER BY 3 DESC LIMIT 5")" "${duck[nested_group]}"
printf 'url_length\t%.3f\t%s\n' "$(run_tally "SELECT sum(length(url)), max(timestamp) FROM $F")" "${duck[url_length]}"
