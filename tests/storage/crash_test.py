#!/usr/bin/env python3
"""Crash safety of durable storage without a server: a `tally local --path` process inserts
numbered batches into a MergeTree table that feeds two materialized views (and merges run in
the background); it is killed with SIGKILL at random moments, many times over. After each kill
a fresh process opens the data directory and checks that every acknowledged batch is present
in full, no batch is present in part, and both views still equal their source.
Also checks that a second process cannot open a data directory in use."""
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

TALLY = sys.argv[1]
ROUNDS = int(os.environ.get("CRASH_ROUNDS", "12"))
BATCH = 5000

SCHEMA = """
CREATE TABLE IF NOT EXISTS default.events (batch UInt32, n UInt32, project LowCardinality(String), d Date)
  ENGINE = MergeTree ORDER BY (project, d, batch) PARTITION BY toYYYYMM(d);
CREATE TABLE IF NOT EXISTS default.per_batch (batch UInt32, c Int64) ENGINE = SummingMergeTree ORDER BY batch;
CREATE MATERIALIZED VIEW IF NOT EXISTS default.per_batch_mv TO default.per_batch AS SELECT batch, count() AS c FROM default.events GROUP BY batch;
CREATE TABLE IF NOT EXISTS default.per_project (project String, c SimpleAggregateFunction(sum, Int64), last SimpleAggregateFunction(max, UInt32)) ENGINE = AggregatingMergeTree ORDER BY project;
CREATE MATERIALIZED VIEW IF NOT EXISTS default.per_project_mv TO default.per_project AS SELECT project, count() AS c, max(batch) AS last FROM default.events GROUP BY project;
"""


def local(path, sql, timeout=120):
    return subprocess.run([TALLY, "local", "--path", path, "-q", sql], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=timeout)


def insert_script(first_batch, count):
    parts = []
    for b in range(first_batch, first_batch + count):
        parts.append(f"INSERT INTO default.events SELECT {b}, number, ['numpy','pandas','boto3'][number % 3 + 1], "
                     f"toDate('2024-01-01') + (number + {b}) % 90 FROM numbers({BATCH})")
        parts.append(f"SELECT 'ack', {b}")
    return ";\n".join(parts) + ";"


def main():
    failures = []
    with tempfile.TemporaryDirectory(prefix="tally-crash-") as path:
        r = local(path, SCHEMA)
        if r.returncode != 0:
            raise SystemExit(r.stderr)
        acked = set()
        next_batch = 1
        rng = random.Random(42)
        for round_no in range(ROUNDS):
            proc = subprocess.Popen([TALLY, "local", "--path", path, "-q", insert_script(next_batch, 200)],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
            time.sleep(rng.uniform(0.2, 1.5))
            # A second process must not open the directory while this one runs.
            if round_no == 0:
                other = local(path, "SELECT 1", timeout=30)
                if proc.poll() is None and (other.returncode == 0 or "Another server instance" not in other.stderr):
                    failures.append("a second process opened a data directory in use: " + other.stderr.strip())
            proc.send_signal(signal.SIGKILL)
            out, _ = proc.communicate()
            for line in out.splitlines():
                if line.startswith("ack\t"):
                    acked.add(int(line.split("\t")[1]))
            next_batch += 200

            r = local(path, "SELECT batch, count() FROM default.events GROUP BY batch ORDER BY batch FORMAT TSV;"
                            "SELECT '--';"
                            "SELECT batch, sum(c) FROM default.per_batch GROUP BY batch ORDER BY batch FORMAT TSV;"
                            "SELECT '--';"
                            "SELECT (SELECT count() FROM default.events) = (SELECT sum(c) FROM default.per_project),"
                            " (SELECT max(batch) FROM default.events) = (SELECT max(last) FROM default.per_project)")
            if r.returncode != 0:
                failures.append(f"round {round_no}: reopening failed: {r.stderr.strip()}")
                break
            events, per_batch, views = r.stdout.split("--\n")
            counts = {int(b): int(c) for b, c in (l.split("\t") for l in events.splitlines() if l)}
            for b, c in counts.items():
                if c != BATCH:
                    failures.append(f"round {round_no}: batch {b} has {c} of {BATCH} rows (half an insert)")
            for b in acked:
                if counts.get(b) != BATCH:
                    failures.append(f"round {round_no}: acknowledged batch {b} lost ({counts.get(b)} rows)")
            if events != per_batch:
                failures.append(f"round {round_no}: per_batch view differs from its source")
            if views.strip() not in ("1\t1", "1\t1\n"):
                failures.append(f"round {round_no}: per_project view differs from its source: {views.strip()}")
            if failures:
                break
        r = local(path, "SELECT count() FROM default.events")
        total = int(r.stdout) if r.returncode == 0 else -1
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"{ROUNDS} kills survived: {len(acked)} acknowledged batches all present, {total} rows, views consistent")


if __name__ == "__main__":
    main()
