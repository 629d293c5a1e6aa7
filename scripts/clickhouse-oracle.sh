#!/usr/bin/env bash
# Starts and stops a private ClickHouse 18.16 server (Debian's clickhouse-server) on loopback,
# used as the reference ("oracle") for tests and as a peer in benchmarks.
#
#   scripts/clickhouse-oracle.sh start DIR [HTTP_PORT] [TCP_PORT]   # prints nothing, waits until ready
#   scripts/clickhouse-oracle.sh stop DIR
#
# Everything the server writes lives under DIR. It listens on 127.0.0.1 only.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?data directory}
http_port=${3:-18123}; tcp_port=${4:-19000}
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)

case "$cmd" in
start)
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then exit 0; fi
  mkdir -p "$dir/data" "$dir/log" "$dir/tmp" "$dir/user_files"
  cp /etc/clickhouse-server/users.xml "$dir/users.xml"
  sed -e "s#/var/log/clickhouse-server/#$dir/log/#g" \
      -e "s#/var/lib/clickhouse/tmp/#$dir/tmp/#g" \
      -e "s#/var/lib/clickhouse/user_files/#$dir/user_files/#g" \
      -e "s#/var/lib/clickhouse/#$dir/data/#g" \
      -e "s#<http_port>8123</http_port>#<http_port>$http_port</http_port>#" \
      -e "s#<tcp_port>9000</tcp_port>#<tcp_port>$tcp_port</tcp_port>#" \
      -e "s#<interserver_http_port>9009</interserver_http_port>#<interserver_http_port>$((tcp_port + 9))</interserver_http_port>#" \
      -e 's#<listen_host>::1</listen_host>##' \
      -e "s#users.xml#$dir/users.xml#" \
      /etc/clickhouse-server/config.xml > "$dir/config.xml"
  # UTC everywhere, like tally.
  sed -i -e 's#<!-- <timezone>Europe/Moscow</timezone> -->#<timezone>UTC</timezone>#' "$dir/config.xml"
  nohup /usr/sbin/clickhouse-server --config-file="$dir/config.xml" > "$dir/server.out" 2>&1 &
  echo $! > "$dir/pid"
  for _ in $(seq 1 200); do
    if curl -sf "http://127.0.0.1:$http_port/ping" >/dev/null 2>&1; then exit 0; fi
    sleep 0.1
  done
  echo "clickhouse-oracle: server did not start; see $dir/log" >&2; exit 1 ;;
stop)
  if [ -f "$dir/pid" ]; then kill "$(cat "$dir/pid")" 2>/dev/null || true; rm -f "$dir/pid"; fi ;;
*) echo "usage: $0 start|stop DIR [HTTP_PORT] [TCP_PORT]" >&2; exit 2 ;;
esac
