#!/usr/bin/env bash
# `tally pypi load` over real-shaped files. DuckDB (npm @duckdb/node-api, installed in
# tests/parquet exactly as the Parquet tests install it) writes the Parquet fixtures and computes
# their expected rows. Node and npm are required: without them the test fails (never skipped).
# Usage: run_pypi_load_test.sh <path to tally binary>
set -euo pipefail
binary="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
parquet_dir="$(cd "$here/../../parquet" && pwd)"
(
  flock 9
  if [ ! -d "$parquet_dir/node_modules/@duckdb/node-api" ] || [ "$parquet_dir/package-lock.json" -nt "$parquet_dir/node_modules/.package-lock.json" ]; then
    cd "$parquet_dir" && npm install --no-audit --no-fund --loglevel=error
  fi
) 9>"${TMPDIR:-/tmp}/tally-parquet-test-npm.lock"
exec node "$here/pypi_load_test.mjs" "$binary" "$parquet_dir"
