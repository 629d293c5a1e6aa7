#!/usr/bin/env bash
# Installs the pinned npm packages (package-lock.json) and runs the JS client test.
# Usage: run_js_test.sh <path to tally binary>
set -euo pipefail
binary="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
if [ ! -d node_modules/@clickhouse/client ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node client_test.mjs "$binary"
