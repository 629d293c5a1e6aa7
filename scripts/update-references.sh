#!/usr/bin/env bash
# Regenerates SQL test references. Tests tagged `clickhouse-reference` get ClickHouse 18.16's
# output (a private server is started on loopback); the others get tally's output, which must
# then be reviewed by hand before committing (git diff tests/queries).
#   scripts/update-references.sh [TEST_NAME_PATTERN]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
pattern=${1:-}
DIR=$(mktemp -d /tmp/tally-refgen.XXXXXX)
trap '"$ROOT/scripts/clickhouse-oracle.sh" stop "$DIR"; rm -rf "$DIR"' EXIT
"$ROOT/scripts/clickhouse-oracle.sh" start "$DIR" 18200 18201
for t in "$ROOT"/tests/queries/*${pattern}*.sql; do
  if head -1 "$t" | grep -q 'clickhouse-reference'; then
    python3 "$ROOT/tests/run_sql_test.py" --clickhouse http://127.0.0.1:18200 --update "$t"
  else
    python3 "$ROOT/tests/run_sql_test.py" --binary "$ROOT/build/tally" --update "$t"
  fi
done
