#!/usr/bin/env bash
# `make demo`: generates a realistic two-year PyPI download data set as BigQuery-shaped export
# files (Parquet) with `tally pypi generate`, loads it with `tally pypi load` (every rollup
# maintained, exactly once: a second run skips what is loaded), then serves the dashboard with
# `tally server` on loopback and prints its URL. Ctrl-C stops the server; the data stays.
#
#   DEMO_DIR        where the export files and the database live (default /tmp/tally-demo)
#   DEMO_DOWNLOADS  downloads to generate (default 200000000)
#   DEMO_PORT       HTTP port (default 8123)
set -euo pipefail
cd "$(dirname "$0")/.."
TALLY=$PWD/build/tally
DIR=${DEMO_DIR:-/tmp/tally-demo}
DOWNLOADS=${DEMO_DOWNLOADS:-200000000}
PORT=${DEMO_PORT:-8123}
EXPORT="$DIR/export-$DOWNLOADS"
DATA="$DIR/data"
mkdir -p "$DIR"

if [ ! -f "$EXPORT/done" ]; then
  echo "== Generating $DOWNLOADS downloads over two years into $EXPORT"
  rm -rf "$EXPORT"
  "$TALLY" pypi generate --out "$EXPORT" --downloads "$DOWNLOADS" --days 730 --seed 1 --format parquet
  touch "$EXPORT/done"
fi

echo "== Loading $EXPORT into $DATA"
"$TALLY" pypi load --path "$DATA" "$EXPORT"

echo
echo "== tally server: the dashboard is at http://127.0.0.1:$PORT/ (ClickHouse's HTTP interface on the same port; Ctrl-C stops)"
exec "$TALLY" server --path "$DATA" --http_port "$PORT" --log_file "$DIR/queries.jsonl"
