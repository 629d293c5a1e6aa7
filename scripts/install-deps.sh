#!/usr/bin/env bash
# Installs the Debian packages tally needs to build, test and benchmark.
# Idempotent: packages already present are skipped, so a second run does nothing.
set -euo pipefail

BUILD_PKGS=(
  build-essential cmake ninja-build pkg-config
  libfmt-dev libsimdjson-dev libre2-dev libfast-float-dev
  zlib1g-dev libzstd-dev libsnappy-dev liblz4-dev liblzma-dev libbz2-dev
  libedit-dev libboost-dev libyaml-cpp-dev libxxhash-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  tzdata iso-codes  # iso-codes: `tally pypi load --countries` (ISO 3166-1 names)
)
TEST_PKGS=(clickhouse-server clickhouse-client curl python3 xz-utils bzip2 zstd lz4 gzip nodejs npm chromium)  # npm: tests/server/js (@clickhouse/client, playwright-core); chromium: its /play browser test

BENCH_PKGS=(nodejs npm bc wrk)  # bench/: DuckDB through npm's @duckdb/node-api; wrk: bench/http_load.sh

want=("${BUILD_PKGS[@]}")
case "${1:-}" in
  --build-only) ;;
  --bench) want+=("${TEST_PKGS[@]}" "${BENCH_PKGS[@]}") ;;
  *) want+=("${TEST_PKGS[@]}") ;;
esac

missing=()
for p in "${want[@]}"; do
  # Node.js from another source (e.g. NodeSource, which bundles npm) satisfies nodejs and npm;
  # Debian's npm package would conflict with it.
  if [ "$p" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
  if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#want[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# clickhouse-server's maintainer scripts try to start a service; there is no init here, so
# stop policy-rc.d from failing the install.
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
