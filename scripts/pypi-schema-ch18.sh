#!/usr/bin/env bash
# Prints apps/pypi/schema.sql in ClickHouse 18.16's dialect (the oracle and benchmark peer):
# SimpleAggregateFunction -> AggregateFunction states, Int64 counts, ClickPy's String for project,
# version and type and LowCardinality for the other dimensions, Bool -> UInt8, DateTime64 ->
# DateTime, no CREATE DICTIONARY (18.16 has no DDL dictionaries) and no users or profiles.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
sed -e 's/SimpleAggregateFunction(max, Date)/AggregateFunction(max, Date)/' \
    -e 's/SimpleAggregateFunction(min, Date)/AggregateFunction(min, Date)/' \
    -e 's/maxSimpleState(date)/maxState(date)/' -e 's/minSimpleState(date)/minState(date)/' \
    -e 's/count() AS count/toInt64(count()) AS count/' \
    -e 's/`\(project\|version\|type\|dependency\)` LowCardinality(String)/`\1` String/' \
    -e 's/`\(country_code\|installer\|python_minor\|system\)` String/`\1` LowCardinality(String)/' \
    -e 's/`has_signature` Bool/`has_signature` UInt8/' -e 's/DateTime64(3)/DateTime/' \
    "$ROOT/apps/pypi/schema.sql" | grep -v '^--' |
  awk '/^CREATE DICTIONARY/ { skip = 1 } !skip { print } skip && /;$/ { skip = 0 }'
