#!/usr/bin/env bash
# Checks that every SQL test tagged `clickhouse-reference` has exactly the output Debian's
# ClickHouse 18.16 gives: starts a private clickhouse-server on loopback, runs each such test
# through it (tests/run_sql_test.py --clickhouse) against the committed .reference, stops it.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
DIR=$(mktemp -d /tmp/tally-chref.XXXXXX)
HTTP_PORT=$(( 20000 + RANDOM % 20000 ))
TCP_PORT=$(( HTTP_PORT + 1 ))
trap '"$ROOT/scripts/clickhouse-oracle.sh" stop "$DIR"; rm -rf "$DIR"' EXIT
"$ROOT/scripts/clickhouse-oracle.sh" start "$DIR" "$HTTP_PORT" "$TCP_PORT"
failed=0
count=0
for t in "$HERE"/queries/*.sql; do
  head -1 "$t" | grep -q 'clickhouse-reference' || continue
  count=$((count + 1))
  if ! python3 "$HERE/run_sql_test.py" --clickhouse "http://127.0.0.1:$HTTP_PORT" "$t"; then
    echo "FAILED: $(basename "$t") differs from ClickHouse 18.16"
    failed=$((failed + 1))
  fi
done
echo "$count tests checked against ClickHouse 18.16, $failed differ"
[ "$failed" -eq 0 ]
