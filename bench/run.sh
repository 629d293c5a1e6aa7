#!/usr/bin/env bash
# Benchmark: tally next to ClickHouse 18.16 (Debian's clickhouse-server) and DuckDB (npm
# @duckdb/node-api) on the same synthetic PyPI downloads data, in one run.
#
#   bench/run.sh                 # 100 million rows (data generated once, cached in $BENCH_DIR)
#   ROWS=10000000 bench/run.sh   # smaller
#
# Prints, per query, each engine's median of RUNS timed runs (after one warm-up run) and
# tally's ratio to the best peer; then the ingestion of 10M JSON lines and CSV rows.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
ROWS=${ROWS:-100000000}
INGEST_ROWS=${INGEST_ROWS:-10000000}
RUNS=${RUNS:-5}
BENCH_DIR=${BENCH_DIR:-/tmp/tally-bench}
DATA="$BENCH_DIR/$ROWS"
TALLY="$ROOT/build/tally"
CH_HTTP=18125
CH_TCP=19005
mkdir -p "$DATA"
# The files' structure, given to tally as ClickHouse and DuckDB get it from their tables.
STRUCTURE='date Date, country_code String, project String, type String, installer String, python_minor String, system String, version String'

[ -x "$TALLY" ] || { echo "build tally first (make build)"; exit 1; }
[ -d node_modules/@duckdb ] || npm install --silent --no-audit --no-fund >/dev/null

ch() { curl -sS --fail-with-body "http://127.0.0.1:$CH_HTTP/" --data-binary "$1"; }

# ---- ClickHouse: generate the data once, export it for the other engines ----
"$ROOT/scripts/clickhouse-oracle.sh" start "$BENCH_DIR/ch" $CH_HTTP $CH_TCP
trap '"$ROOT/scripts/clickhouse-oracle.sh" stop "$BENCH_DIR/ch" $CH_HTTP $CH_TCP' EXIT
table="pa.downloads_$ROWS"
if [ "$(ch "EXISTS TABLE $table")" != "1" ]; then
  echo "generating $ROWS rows in ClickHouse ..." >&2
  ch "CREATE DATABASE IF NOT EXISTS pa"
  ch "CREATE TABLE $table (date Date, country_code String, project String, type String, installer String,
      python_minor String, system String, version String) ENGINE = MergeTree ORDER BY (project, date)
      SETTINGS index_granularity = 8192"
  step=10000000
  for ((off = 0; off < ROWS; off += step)); do
    n=$(( ROWS - off < step ? ROWS - off : step ))
    ch "INSERT INTO $table $(sed -e "s/OFFSET/$off/" -e "s/NROWS/$n/" generate.sql)"
  done
  ch "OPTIMIZE TABLE $table FINAL"
fi
if [ ! -s "$DATA/downloads.tsv" ]; then
  echo "exporting TSV ..." >&2
  ch "SELECT * FROM $table FORMAT TabSeparatedWithNames" > "$DATA/downloads.tsv"
fi
INGEST_JSON="$BENCH_DIR/ingest-$INGEST_ROWS.jsonl"
INGEST_CSV="$BENCH_DIR/ingest-$INGEST_ROWS.csv"
if [ ! -s "$INGEST_JSON" ] || [ ! -s "$INGEST_CSV" ]; then
  ch "$(sed -e 's/OFFSET/0/' -e "s/NROWS/$INGEST_ROWS/" generate.sql) FORMAT JSONEachRow" > "$INGEST_JSON"
  ch "$(sed -e 's/OFFSET/0/' -e "s/NROWS/$INGEST_ROWS/" generate.sql) FORMAT CSVWithNames" > "$INGEST_CSV"
fi

# ---- DuckDB: load once ----
if [ ! -s "$DATA/duck.db" ]; then
  echo "loading DuckDB ..." >&2
  node duckdb.mjs load "$DATA/duck.db" "$DATA/downloads.tsv"
fi

# ---- Queries ----
declare -A CH_T DUCK_T TALLY_T
while IFS=$'\t' read -r name sql; do
  [ -n "$name" ] || continue
  q=${sql//downloads/$table}
  curl -s -o /dev/null "http://127.0.0.1:$CH_HTTP/" --data-binary "$q"
  times=()
  for ((i = 0; i < RUNS; i++)); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$CH_HTTP/" --data-binary "$q")")
  done
  CH_T[$name]=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(( (RUNS + 1) / 2 ))p")
done < queries.tsv

while IFS=$'\t' read -r name t; do DUCK_T[$name]=$t; done < <(node duckdb.mjs query "$DATA/duck.db" queries.tsv "$RUNS")

# tally: load the TSV into a Memory table (LowCardinality strings), then run every query
# RUNS+1 times in the same process; --time prints each statement's seconds on stderr.
script="$BENCH_DIR/tally_script.sql"
{
  echo "CREATE TABLE downloads (date Date, country_code LowCardinality(String), project LowCardinality(String),"
  echo "  type LowCardinality(String), installer LowCardinality(String), python_minor LowCardinality(String),"
  echo "  system LowCardinality(String), version LowCardinality(String)) ENGINE = Memory;"
  echo "INSERT INTO downloads SELECT * FROM file('$DATA/downloads.tsv', TabSeparatedWithNames, '$STRUCTURE');"
  while IFS=$'\t' read -r name sql; do
    [ -n "$name" ] || continue
    for ((i = 0; i <= RUNS; i++)); do echo "$sql FORMAT Null;"; done
  done < queries.tsv
} > "$script"
mapfile -t tally_times < <("$TALLY" local --time-precision=6 --queries-file "$script" 2>&1 >/dev/null)
TALLY_LOAD=${tally_times[1]}
idx=2
while IFS=$'\t' read -r name sql; do
  [ -n "$name" ] || continue
  runs=("${tally_times[@]:$((idx + 1)):$RUNS}")   # skip the warm-up run
  TALLY_T[$name]=$(printf '%s\n' "${runs[@]}" | sort -g | sed -n "$(( (RUNS + 1) / 2 ))p")
  idx=$((idx + RUNS + 1))
done < queries.tsv

printf '\n%d rows; median of %d runs (seconds); ratio = tally / best peer\n\n' "$ROWS" "$RUNS"
printf '| query | ClickHouse 18.16 | DuckDB | tally | ratio |\n|---|---:|---:|---:|---:|\n'
while IFS=$'\t' read -r name sql; do
  [ -n "$name" ] || continue
  c=${CH_T[$name]}; d=${DUCK_T[$name]}; t=${TALLY_T[$name]}
  best=$(awk -v a="$c" -v b="$d" 'BEGIN { print (a < b ? a : b) }')
  ratio=$(awk -v t="$t" -v b="$best" 'BEGIN { printf "%.2f", t / b }')
  printf '| %s | %.4f | %.4f | %.4f | %s |\n' "$name" "$c" "$d" "$t" "$ratio"
done < queries.tsv
echo
echo "tally load of the TSV export into Memory: ${TALLY_LOAD}s"

# ---- Ingestion of 10M rows (JSON lines, CSV) into a table ----
ingest() {  # format file
  local fmt=$1 file=$2 s e
  ch "DROP TABLE IF EXISTS pa.ingest"
  ch "CREATE TABLE pa.ingest AS $table"
  s=$(date +%s.%N); curl -sS -X POST -T "$file" "http://127.0.0.1:$CH_HTTP/?query=INSERT%20INTO%20pa.ingest%20FORMAT%20$fmt" >/dev/null; e=$(date +%s.%N)
  local ch_t; ch_t=$(echo "$e - $s" | bc)
  local duck_t; duck_t=$(node duckdb.mjs ingest "$file" "$( [ "$fmt" = JSONEachRow ] && echo json || echo csv)")
  local tally_t
  tally_t=$("$TALLY" local --time-precision=6 -q "CREATE TABLE t (date Date, country_code LowCardinality(String), project LowCardinality(String),
    type LowCardinality(String), installer LowCardinality(String), python_minor LowCardinality(String),
    system LowCardinality(String), version LowCardinality(String)) ENGINE = Memory;
    INSERT INTO t SELECT * FROM file('$file', $fmt, '$STRUCTURE')" 2>&1 >/dev/null | tail -1)
  local best; best=$(awk -v a="$ch_t" -v b="$duck_t" 'BEGIN { print (a < b ? a : b) }')
  printf '| ingest %s (%d rows) | %.2f | %.2f | %.2f | %.2f |\n' "$fmt" "$INGEST_ROWS" "$ch_t" "$duck_t" "$tally_t" \
    "$(awk -v t="$tally_t" -v b="$best" 'BEGIN { print t / b }')"
}
printf '\n| ingestion | ClickHouse 18.16 | DuckDB | tally | ratio |\n|---|---:|---:|---:|---:|\n'
ingest JSONEachRow "$INGEST_JSON"
ingest CSVWithNames "$INGEST_CSV"
