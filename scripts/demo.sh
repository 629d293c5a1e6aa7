#!/usr/bin/env bash
# `make demo`: generates a realistic PyPI-downloads data set (compressed JSON lines, in the
# shape of ClickPy's raw table) with tally itself, then runs an analysis over the files with
# `tally local`, as a package maintainer would with clickhouse-local.
set -euo pipefail
cd "$(dirname "$0")/.."
TALLY=build/tally
DIR=${DEMO_DIR:-/tmp/tally-demo}
ROWS=${DEMO_ROWS:-5000000}
FILES=${DEMO_FILES:-8}
mkdir -p "$DIR"

if [ ! -s "$DIR/done.$ROWS" ]; then
  echo "Generating $ROWS download events into $FILES gzipped JSON-lines files in $DIR ..."
  rm -f "$DIR"/downloads-*.jsonl.gz
  per=$(( ROWS / FILES ))
  for ((i = 0; i < FILES; i++)); do
    sed -e "s/OFFSET/$(( i * per ))/" -e "s/NROWS/$per/" bench/generate.sql > "$DIR/gen.sql"
    echo " FORMAT JSONEachRow" >> "$DIR/gen.sql"
    "$TALLY" local --queries-file "$DIR/gen.sql" | gzip -1 > "$DIR/downloads-$i.jsonl.gz"
  done
  touch "$DIR/done.$ROWS"
fi

run() {
  echo
  echo "== $1"
  "$TALLY" local --time --output-format PrettyCompact -q "$2"
}

SRC="file('$DIR/downloads-*.jsonl.gz', JSONEachRow)"
run "Downloads in the data set" "SELECT count() AS downloads, uniqExact(project) AS projects, min(date) AS first_day, max(date) AS last_day FROM $SRC"
run "Top 10 projects" "SELECT project, count() AS downloads FROM $SRC GROUP BY project ORDER BY downloads DESC LIMIT 10"
run "project-1: downloads per month and installer share" "
  SELECT toStartOfMonth(date) AS month, count() AS downloads,
         round(countIf(installer = 'uv') / count() * 100, 2) AS uv_percent
  FROM $SRC WHERE project = 'project-1' GROUP BY month ORDER BY month DESC LIMIT 6"
run "project-1: Python versions over the last 90 days" "
  SELECT python_minor, count() AS downloads, round(downloads / sum(downloads) OVER () * 100, 1) AS percent,
         bar(percent, 0, 100, 30) AS share
  FROM $SRC WHERE project = 'project-1' AND date > (SELECT max(date) FROM $SRC) - 90
  GROUP BY python_minor ORDER BY downloads DESC LIMIT 8"
run "Countries with the most downloads of the top 3 projects" "
  SELECT country_code, count() AS downloads FROM $SRC
  WHERE project IN (SELECT project FROM $SRC GROUP BY project ORDER BY count() DESC LIMIT 3)
  GROUP BY country_code ORDER BY downloads DESC LIMIT 5"
