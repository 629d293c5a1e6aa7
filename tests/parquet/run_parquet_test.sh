#!/usr/bin/env bash
# Installs the pinned DuckDB npm package (package-lock.json) and runs the Parquet input tests.
# Node and npm are required: without them the test fails (it is never skipped).
# Usage: run_parquet_test.sh <path to tally binary> [test script, default parquet_test.mjs]
set -euo pipefail
binary="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
(
  flock 9
  if [ ! -d node_modules/@duckdb/node-api ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    # npm install, not npm ci: npm 11's ci rejects this lock for the optional per-platform
    # DuckDB bindings it leaves out; the version is pinned exactly in package.json.
    npm install --no-audit --no-fund --loglevel=error
  fi
) 9>"${TMPDIR:-/tmp}/tally-parquet-test-npm.lock"
exec node "${2:-parquet_test.mjs}" "$binary"
