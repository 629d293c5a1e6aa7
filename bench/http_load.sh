#!/usr/bin/env bash
# HTTP under load: the same small queries against `tally server` and ClickHouse 18.16's
# clickhouse-server (a private instance, scripts/clickhouse-oracle.sh), with wrk: 64 keep-alive
# connections on loopback. Prints requests/s and p99 latency of each and tally's throughput ratio.
#
#   bench/http_load.sh                    # needs wrk (scripts/install-deps.sh --bench) and a build
#   DURATION=20 CONNECTIONS=64 THREADS=2 TALLY=build/tally bench/http_load.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tally="${TALLY:-$root/build/tally}"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
work="$(mktemp -d /tmp/tally-http-load.XXXXXX)"
tally_port="${TALLY_PORT:-38123}"
ch_port="${CH_PORT:-38124}"
ch_tcp_port="${CH_TCP_PORT:-39000}"

command -v wrk >/dev/null || { echo "wrk is not installed (scripts/install-deps.sh --bench)" >&2; exit 1; }

cleanup() {
  [ -n "${tally_pid:-}" ] && kill "$tally_pid" 2>/dev/null && wait "$tally_pid" 2>/dev/null || true
  "$root/scripts/clickhouse-oracle.sh" stop "$work/clickhouse" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"$tally" server --path "$work/tally" --http_port "$tally_port" --log_file none 2>"$work/tally.err" &
tally_pid=$!
"$root/scripts/clickhouse-oracle.sh" start "$work/clickhouse" "$ch_port" "$ch_tcp_port"
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$tally_port/ping" >/dev/null && break; sleep 0.1; done

# name <TAB> URL-encoded query
queries=(
  "select_1	SELECT%201"
  "small_aggregate	SELECT%20number%20%25%2010%20AS%20k%2C%20count()%2C%20sum(number)%20FROM%20numbers(1000)%20GROUP%20BY%20k%20ORDER%20BY%20k"
)

# Runs wrk; prints "<requests per second> <p99 in ms>".
load() {
  local out rps p99
  out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$1")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")"
  if grep -q "Non-2xx" <<<"$out"; then echo "wrk saw errors for $1:" >&2; echo "$out" >&2; exit 1; fi
  echo "$rps $p99"
}

printf "%-16s %14s %12s %14s %12s %8s\n" query "tally req/s" "tally p99" "CH req/s" "CH p99" ratio
for entry in "${queries[@]}"; do
  name="${entry%%	*}"; query="${entry#*	}"
  # Same answer from both, before timing.
  a="$(curl -sf "http://127.0.0.1:$tally_port/?query=$query")"
  b="$(curl -sf "http://127.0.0.1:$ch_port/?query=$query")"
  [ "$a" = "$b" ] || { echo "$name: tally and ClickHouse disagree" >&2; exit 1; }
  read -r t_rps t_p99 < <(load "http://127.0.0.1:$tally_port/?query=$query")
  read -r c_rps c_p99 < <(load "http://127.0.0.1:$ch_port/?query=$query")
  ratio="$(awk -v t="$t_rps" -v c="$c_rps" 'BEGIN {printf "%.2f", t / c}')"
  printf "%-16s %14s %10sms %14s %10sms %7sx\n" "$name" "$t_rps" "$t_p99" "$c_rps" "$c_p99" "$ratio"
done
