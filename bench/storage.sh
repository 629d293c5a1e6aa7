#!/usr/bin/env bash
# Storage benchmark: tally next to ClickHouse 18.16 (and DuckDB for bytes on disk), same data,
# one run. Uses the synthetic PyPI downloads of bench/run.sh (generated once, cached in
# $BENCH_DIR/<ROWS>/downloads.tsv).
#
#   bench/storage.sh                 # 100 million rows
#   ROWS=10000000 bench/storage.sh   # smaller
#
# 1. Load the rows into ClickPy's raw table with all fourteen materialized views (tally:
#    apps/pypi/schema.sql; ClickHouse 18.16: the same model in its dialect — LowCardinality
#    enabled, AggregateFunction(max/min) for the SimpleAggregateFunction columns it lacks,
#    toInt64(count()) and LowCardinality rollup columns because its views do not convert
#    types, no dictionaries: it has no CREATE DICTIONARY); rows/s and the ratio.
# 2. Bytes on disk of the raw table after OPTIMIZE FINAL (tally, ClickHouse) and of the same rows
#    in a DuckDB database file.
# 3. Restart with 1,000 parts: time from process start to the first answer.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
ROWS=${ROWS:-100000000}
BENCH_DIR=${BENCH_DIR:-/tmp/tally-bench}
DATA="$BENCH_DIR/$ROWS"
TALLY="$ROOT/build/tally"
CH_HTTP=18127
CH_TCP=19007
[ -x "$TALLY" ] || { echo "build tally first (make build)"; exit 1; }
if [ ! -s "$DATA/downloads.tsv" ]; then
  echo "generate the data first: ROWS=$ROWS bench/run.sh" >&2
  exit 1
fi
STRUCTURE='date Date, country_code String, project String, type String, installer String, python_minor String, system String, version String'
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

# ---- ClickHouse 18.16 ----
CHDIR="$BENCH_DIR/ch-storage"
rm -rf "$CHDIR"
"$ROOT/scripts/clickhouse-oracle.sh" start "$CHDIR" $CH_HTTP $CH_TCP >/dev/null
trap '"$ROOT/scripts/clickhouse-oracle.sh" stop "$CHDIR" $CH_HTTP $CH_TCP >/dev/null; rm -rf "$CHDIR" "$BENCH_DIR/tally-storage" "$BENCH_DIR/tally-parts"' EXIT
chc() { clickhouse-client --port $CH_TCP --allow_experimental_low_cardinality_type=1 --multiquery "$@"; }
"$ROOT/scripts/pypi-schema-ch18.sh" > "$BENCH_DIR/schema-ch.sql"  # 18.16 has no DDL dictionaries
chc < "$BENCH_DIR/schema-ch.sql"
t0=$(now)
chc --query "INSERT INTO pypi.pypi FORMAT TabSeparatedWithNames" < "$DATA/downloads.tsv"
t1=$(now)
ch_load=$(secs "$t0" "$t1")
chc --query "OPTIMIZE TABLE pypi.pypi FINAL"
ch_bytes=$(chc --query "SELECT sum(bytes_on_disk) FROM system.parts WHERE active AND database = 'pypi' AND table = 'pypi'")
ch_rows=$(chc --query "SELECT sum(count) FROM pypi.pypi_downloads")

# ---- tally ----
TD="$BENCH_DIR/tally-storage"
rm -rf "$TD"
"$TALLY" local --path "$TD" --queries-file "$ROOT/apps/pypi/schema.sql"
t0=$(now)
"$TALLY" local --path "$TD" -q "INSERT INTO pypi.pypi SELECT * FROM file('$DATA/downloads.tsv', TabSeparatedWithNames, '$STRUCTURE')"
t1=$(now)
tally_load=$(secs "$t0" "$t1")
"$TALLY" local --path "$TD" -q "OPTIMIZE TABLE pypi.pypi FINAL"
tally_bytes=$("$TALLY" local --path "$TD" -q "SELECT sum(bytes_on_disk) FROM system.parts WHERE database = 'pypi' AND table = 'pypi'")
tally_rows=$("$TALLY" local --path "$TD" -q "SELECT sum(count) FROM pypi.pypi_downloads")
[ "$tally_rows" = "$ROWS" ] && [ "$ch_rows" = "$ROWS" ] || { echo "row counts differ: tally $tally_rows, ClickHouse $ch_rows, expected $ROWS"; exit 1; }

# ---- DuckDB: the raw rows in a database file ----
[ -d node_modules/@duckdb ] || npm install --silent --no-audit --no-fund >/dev/null
DUCK="$BENCH_DIR/storage-$ROWS.duckdb"
rm -f "$DUCK" "$DUCK.wal"
node -e "
const { DuckDBInstance } = require('@duckdb/node-api');
(async () => {
  const db = await DuckDBInstance.create('$DUCK');
  const c = await db.connect();
  await c.run(\"CREATE TABLE pypi AS SELECT * FROM read_csv('$DATA/downloads.tsv', delim='\\t', header=true, columns={'date':'DATE','country_code':'VARCHAR','project':'VARCHAR','type':'VARCHAR','installer':'VARCHAR','python_minor':'VARCHAR','system':'VARCHAR','version':'VARCHAR'})\");
  await c.run('CHECKPOINT');
})();"
duck_bytes=$(stat -c %s "$DUCK")
rm -f "$DUCK" "$DUCK.wal"

# ---- restart with 1,000 parts ----
TP="$BENCH_DIR/tally-parts"
rm -rf "$TP"
"$TALLY" local --path "$TP" -q "CREATE TABLE t (k UInt16, v UInt64, s String) ENGINE = MergeTree PARTITION BY k ORDER BY v;
  INSERT INTO t SELECT number % 1000, number, toString(number) FROM numbers(1000000)"
parts=$("$TALLY" local --path "$TP" -q "SELECT count() FROM system.parts WHERE table = 't'")
t0=$(now)
"$TALLY" local --path "$TP" -q "SELECT count(), sum(v) FROM t WHERE k = 7" >/dev/null
t1=$(now)
restart=$(secs "$t0" "$t1")

printf '\nrows: %s\n' "$ROWS"
printf 'load through 14 views   tally %6.2f s (%s rows/s)   ClickHouse 18.16 %6.2f s (%s rows/s)   speed-up %.2fx\n' \
  "$tally_load" "$(echo "$ROWS / $tally_load" | bc)" "$ch_load" "$(echo "$ROWS / $ch_load" | bc)" "$(echo "$ch_load / $tally_load" | bc -l)"
printf 'raw table bytes on disk tally %s   ClickHouse 18.16 %s (%.2fx)   DuckDB %s (%.2fx)\n' \
  "$tally_bytes" "$ch_bytes" "$(echo "$tally_bytes / $ch_bytes" | bc -l)" "$duck_bytes" "$(echo "$tally_bytes / $duck_bytes" | bc -l)"
printf 'restart with %s parts: %.3f s to the first answer\n' "$parts" "$restart"
