#!/usr/bin/env bash
# The PyPI app's end-to-end browser test: builds the web app beside the binary if it is missing
# (<binary's directory>/web, where `tally server` serves it from), installs playwright-core
# (package-lock.json), and runs pypi_browser_test.mjs.
# Usage: run_pypi_browser_test.sh <path to tally binary>
set -euo pipefail
binary="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
web_src="$(cd "$here/../../../apps/pypi/web" && pwd)"
web_out="$(dirname "$binary")/web"
npm_quiet=(--no-audit --no-fund --loglevel=error)
(
  flock 9
  if [ ! -f "$web_out/index.html" ]; then
    cd "$web_src"
    # npm 11's ci can reject a lock holding optional platform packages: then install from it.
    npm ci "${npm_quiet[@]}" || npm install "${npm_quiet[@]}"
    TALLY_WEB_OUT="$web_out" npm run build --silent
  fi
  cd "$here"
  if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --include=dev "${npm_quiet[@]}" || npm install --include=dev "${npm_quiet[@]}"
  fi
) 9>"${TMPDIR:-/tmp}/tally-pypi-web-test-npm.lock"
cd "$here"
exec node pypi_browser_test.mjs "$binary"
