#!/usr/bin/env python3
"""Durability of `tally server` under SIGKILL: four clients insert numbered batches over HTTP
(JSONEachRow bodies) into a MergeTree table feeding two materialized views, some of them with
async_insert; the server is killed at a random moment, many times over. After each restart every
acknowledged batch (HTTP 200) is present in full, no batch is present in part, and every view
still equals its source."""
import json
import os
import random
import sys
import tempfile
import threading
import time
import urllib.error

from server_process import Server

TALLY = sys.argv[1]
ROUNDS = int(os.environ.get("CRASH_ROUNDS", "10"))
BATCH = 2000

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS events (batch UInt32, n UInt32, project LowCardinality(String), d Date) "
    "ENGINE = MergeTree ORDER BY (project, d, batch) PARTITION BY toYYYYMM(d)",
    "CREATE TABLE IF NOT EXISTS per_batch (batch UInt32, c Int64) ENGINE = SummingMergeTree ORDER BY batch",
    "CREATE MATERIALIZED VIEW IF NOT EXISTS per_batch_mv TO per_batch AS SELECT batch, count() AS c FROM events GROUP BY batch",
    "CREATE TABLE IF NOT EXISTS per_day (d Date, c SimpleAggregateFunction(sum, Int64), hi SimpleAggregateFunction(max, UInt32)) "
    "ENGINE = AggregatingMergeTree ORDER BY d",
    "CREATE MATERIALIZED VIEW IF NOT EXISTS per_day_mv TO per_day AS SELECT d, count() AS c, max(batch) AS hi FROM events GROUP BY d",
]


def client(server, batches, acked, lock, stop, async_insert):
    params = "&async_insert=1&wait_for_async_insert=1&async_insert_busy_timeout_ms=50" if async_insert else ""
    for b in batches:
        if stop.is_set():
            return
        rows = "\n".join(json.dumps({"batch": b, "n": i, "project": ["numpy", "pandas", "boto3"][i % 3],
                                     "d": f"2024-0{1 + (b + i) % 3}-1{i % 9}"}) for i in range(BATCH))
        try:
            server.query("INSERT INTO events FORMAT JSONEachRow", rows.encode(), params)
        except (urllib.error.URLError, ConnectionError, OSError, RuntimeError):
            return  # the server died: this batch is not acknowledged
        with lock:
            acked.add(b)


def main():
    failures = []
    rng = random.Random(7)
    acked = set()
    next_batch = 1
    with tempfile.TemporaryDirectory(prefix="tally-server-crash-") as tmp:
        path = os.path.join(tmp, "data")
        server = Server(TALLY, path)
        for sql in SCHEMA:
            server.query(sql)
        for round_no in range(ROUNDS):
            lock = threading.Lock()
            stop = threading.Event()
            threads = []
            for c in range(4):
                batches = list(range(next_batch + c * 1000, next_batch + c * 1000 + 1000))
                t = threading.Thread(target=client, args=(server, batches, acked, lock, stop, c % 2 == 1))
                t.start()
                threads.append(t)
            next_batch += 4000
            time.sleep(rng.uniform(0.3, 2.0))
            server.kill()
            stop.set()
            for t in threads:
                t.join()
            server = Server(TALLY, path)
            counts = {}
            for line in server.query("SELECT batch, count() FROM events GROUP BY batch").splitlines():
                b, c = line.split("\t")
                counts[int(b)] = int(c)
            partial = [b for b, c in counts.items() if c != BATCH]
            lost = [b for b in acked if counts.get(b) != BATCH]
            if partial:
                failures.append(f"round {round_no}: {len(partial)} batches present in part, e.g. {partial[:3]}")
            if lost:
                failures.append(f"round {round_no}: {len(lost)} acknowledged batches lost, e.g. {sorted(lost)[:3]}")
            same = server.query(
                "SELECT (SELECT groupArray((batch, c)) FROM (SELECT batch, toInt64(count()) AS c FROM events GROUP BY batch ORDER BY batch))"
                " = (SELECT groupArray((batch, c)) FROM (SELECT batch, sum(c) AS c FROM per_batch GROUP BY batch ORDER BY batch)),"
                " (SELECT groupArray((d, c, hi)) FROM (SELECT d, toInt64(count()) AS c, max(batch) AS hi FROM events GROUP BY d ORDER BY d))"
                " = (SELECT groupArray((d, c, hi)) FROM (SELECT d, sum(c) AS c, max(hi) AS hi FROM per_day GROUP BY d ORDER BY d))").strip()
            if same != "1\t1":
                failures.append(f"round {round_no}: a view differs from its source ({same})")
            if failures:
                break
        total = server.query("SELECT count() FROM events").strip()
        server.kill()
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"{ROUNDS} server kills during concurrent inserts: {len(acked)} acknowledged batches all present "
          f"({total} rows), no partial batch, views equal their sources")


if __name__ == "__main__":
    main()
