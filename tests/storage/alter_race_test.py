#!/usr/bin/env python3
"""ALTER ... COLUMN while inserts run: three clients insert numbered batches over HTTP into a
MergeTree table while the columns change under them (ADD, MODIFY to another type, RENAME, DROP).
Every INSERT either succeeds or fails with a clear error (122, retried by the client); afterwards
every acknowledged batch is present in full, every part reads with the table's current types,
and the values filled by ADD COLUMN and converted by MODIFY COLUMN are right."""
import json
import os
import shutil
import sys
import tempfile
import threading
import time

from server_process import Server

TALLY = sys.argv[1]
BATCH = 500
BATCHES_PER_CLIENT = 60


def main():
    d = tempfile.mkdtemp(prefix="tally_alter_race_")
    failures = []
    try:
        server = Server(TALLY, os.path.join(d, "data"))
        server.query("CREATE TABLE t (batch UInt32, n UInt32, v UInt32, s String) ENGINE = MergeTree ORDER BY (batch, n)")
        acked, errors, lock = [], [], threading.Lock()

        def client(first):
            for b in range(first, first + BATCHES_PER_CLIENT):
                # Only the columns every version of the table has, so a retry can succeed.
                rows = "\n".join(json.dumps({"batch": b, "n": i}) for i in range(BATCH)).encode()
                for _ in range(50):
                    try:
                        server.query("INSERT INTO t (batch, n) FORMAT JSONEachRow", rows)
                        with lock:
                            acked.append(b)
                        break
                    except RuntimeError as e:
                        if "Code: 122" not in str(e):
                            with lock:
                                errors.append(str(e))
                            return
                        time.sleep(0.01)

        threads = [threading.Thread(target=client, args=(k * 1000,)) for k in range(3)]
        for t in threads:
            t.start()
        alters = ["ALTER TABLE t ADD COLUMN w UInt64 DEFAULT n * 3",
                  "ALTER TABLE t MODIFY COLUMN v String",
                  "ALTER TABLE t RENAME COLUMN s TO s2",
                  "ALTER TABLE t MODIFY COLUMN w String DEFAULT toString(n * 3)",  # a type-only MODIFY drops the DEFAULT (as in 18.16)
                  "ALTER TABLE t DROP COLUMN s2",
                  "ALTER TABLE t ADD COLUMN x UInt8 DEFAULT 1",
                  "ALTER TABLE t MODIFY COLUMN x UInt64"]
        for a in alters:
            time.sleep(0.3)
            server.query(a)
        for t in threads:
            t.join()
        if errors:
            failures.append(f"inserts failed with other errors: {errors[:3]}")

        types = server.query("SELECT name, type FROM system.columns WHERE table = 't' ORDER BY position FORMAT TSV")
        if types != "batch\tUInt32\nn\tUInt32\nv\tString\nw\tString\nx\tUInt64\n":
            failures.append(f"columns after the ALTERs: {types!r}")
        # Every part reads with the current types; every acknowledged batch is there in full.
        got = server.query("SELECT batch, count(), sum(n), sum(toUInt64(w) = n * 3), countIf(v IN ('0', '')), sum(x) "
                           "FROM t GROUP BY batch ORDER BY batch FORMAT TSV")
        present = {}
        for line in got.splitlines():
            b, c, s, w_ok, v_ok, x = line.split("\t")
            present[int(b)] = (int(c), int(s), int(w_ok), int(v_ok), int(x))
        expected_sum = BATCH * (BATCH - 1) // 2
        for b in acked:
            if present.get(b) != (BATCH, expected_sum, BATCH, BATCH, BATCH):
                failures.append(f"batch {b}: {present.get(b)}")
        for b in present:
            if b not in acked:
                failures.append(f"batch {b} present but never acknowledged")
        if len(acked) != 3 * BATCHES_PER_CLIENT:
            failures.append(f"only {len(acked)} of {3 * BATCHES_PER_CLIENT} batches acknowledged")
        # Survives a restart with the same answers.
        server.stop()
        server = Server(TALLY, os.path.join(d, "data"))
        again = server.query("SELECT batch, count(), sum(n), sum(toUInt64(w) = n * 3), countIf(v IN ('0', '')), sum(x) "
                             "FROM t GROUP BY batch ORDER BY batch FORMAT TSV")
        if again != got:
            failures.append("different rows after a restart")
        server.stop()
        print(f"{len(acked)} batches acknowledged through {len(alters)} ALTERs")
    finally:
        shutil.rmtree(d, ignore_errors=True)
    if failures:
        for f in failures[:20]:
            print("FAIL:", f)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
