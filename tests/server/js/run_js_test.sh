#!/usr/bin/env bash
# Installs the pinned npm packages (package-lock.json) and runs one JS test against tally server.
# Usage: run_js_test.sh <path to tally binary> [test script, default client_test.mjs]
set -euo pipefail
binary="$(realpath "$1")"
script="${2:-client_test.mjs}"
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
# ctest runs the JS tests in parallel: one installs while the others wait for it, under a lock.
(
  flock 9
  if [ ! -d node_modules/@clickhouse/client ] || [ ! -d node_modules/playwright-core ] ||
     [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --include=dev --no-audit --no-fund --loglevel=error
  fi
) 9>"${TMPDIR:-/tmp}/tally-js-test-npm.lock"
exec node "$script" "$binary"
