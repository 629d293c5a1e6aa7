"""`tally pypi reconcile` and `tally pypi repair`, through a running `tally server` and embedded.

Generated sources (BigQuery JSON lines and linehaul logs over three days, their expected valid
rows per day computed here, independently of the loader) are loaded with `--host/--port` while a
thread keeps querying the server (every query must succeed, the non-daily rollups must never
read empty once loaded). Then: reconcile -> all equal; a day corrupted through SQL -> reconcile
exit 1 naming that day; a repair failing midway -> a message with the state and the rerun, loads
refused while its lock is held; the rerun -> exit 0; reconcile -> exit 0; every rollup equals the
raw table's aggregation; the other days' rows untouched. Last, an embedded (--path) repair.

Usage: pypi_repair_test.py TALLY"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "storage"))
from server_process import Server  # noqa: E402

TALLY = os.path.abspath(sys.argv[1])
FAILURES = []

PIP_UA = ('pip/24.0 {"ci":null,"cpu":"x86_64","installer":{"name":"pip","version":"24.0"},"python":"3.11.4",'
          '"system":{"name":"Linux","release":"5.15"}}')
UV_UA = ('uv/0.4.18 {"installer":{"name":"uv","version":"0.4.18"},"python":"3.12.6",'
         '"system":{"name":"Darwin","release":"23.2.0"},"ci":true}')
PROJECTS = ["numpy", "requests", "boto3", "django", "zope-interface"]
DAYS = ["2024-03-01", "2024-03-02", "2024-03-03"]
LOG_DATE = {"2024-03-02": "Sat, 02 Mar 2024"}
URL = "/packages/aa/bb/cc/x.whl"
TLS = "TLSv1.2|ECDHE-RSA-AES128-GCM-SHA256"


def check(ok, message):
    if not ok:
        FAILURES.append(message)
        print("FAIL:", message, flush=True)


def ndjson_row(rng, day):
    installer = rng.choice(["pip", "uv", "poetry", None])
    return json.dumps({
        "timestamp": f"{day} {rng.randrange(24):02d}:{rng.randrange(60):02d}:00 UTC",
        "country_code": rng.choice(["US", "DE", "IE", None]),
        "project": "x",
        "file": {"filename": "f.whl", "project": rng.choice(PROJECTS), "version": f"1.{rng.randrange(4)}",
                 "type": rng.choice(["sdist", "bdist_wheel"])},
        "details": None if installer is None else {
            "installer": {"name": installer, "version": "1.0"},
            "python": rng.choice(["3.11.2", "3.12.0", None]),
            "system": {"name": rng.choice(["Linux", "Darwin"]), "release": "1"},
            **({"ci": True} if rng.random() < 0.3 else {}),
        },
    })


def log_line(rng, day):
    ua = rng.choice([PIP_UA, UV_UA, "poetry/1.1.11 CPython/3.9.2 Linux/5.10"])
    t = f"{LOG_DATE[day]} {rng.randrange(24):02d}:10:00 GMT"
    return f"download|{t}|{rng.choice(['US', 'FR'])}|{URL}|{TLS}|{rng.choice(PROJECTS)}|2.{rng.randrange(3)}|bdist_wheel|{ua}"


def write_sources(directory):
    """Files and the expected valid rows per day (file name -> {day: n})."""
    rng = random.Random(4)
    files, expected = {}, {}

    def add(name, lines, counts):
        path = os.path.join(directory, name)
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        files[name] = path
        expected[name] = counts

    lines = [ndjson_row(rng, "2024-03-01") for _ in range(400)]
    lines += ['{"timestamp": null, "file": {"project": "numpy"}}', "{not json", '{"country_code": "US"}']
    add("day1.ndjson", lines, {"2024-03-01": 400})
    lines = [log_line(rng, "2024-03-02") for _ in range(300)]
    lines += [f"simple|{LOG_DATE['2024-03-02']} 10:00:00 GMT|US|/simple/numpy/|{TLS}|numpy|||{PIP_UA}"] * 5
    add("day2.log", lines, {"2024-03-02": 300})
    lines = [ndjson_row(rng, "2024-03-02") for _ in range(200)] + [ndjson_row(rng, "2024-03-03") for _ in range(250)]
    rng.shuffle(lines)
    add("mixed.ndjson", lines, {"2024-03-02": 200, "2024-03-03": 250})
    return files, expected


def tally(*args, env=None, timeout=120):
    r = subprocess.run([TALLY, *args], capture_output=True, text=True, timeout=timeout,
                       env={**os.environ, **(env or {})})
    return r.returncode, r.stdout, r.stderr


class Reader(threading.Thread):
    """Queries the server until stopped; records every failure and every empty non-daily read."""
    QUERIES = [
        "SELECT count() FROM pypi.pypi",
        "SELECT sum(count) FROM pypi.pypi_downloads",
        "SELECT sum(count) FROM pypi.pypi_downloads_by_version",
        "SELECT count() FROM (SELECT project, max(max_date), min(min_date) FROM pypi.pypi_downloads_max_min GROUP BY project)",
        "SELECT sum(count) FROM pypi.pypi_downloads_per_month",
        "SELECT date, sum(count) FROM pypi.pypi_downloads_per_day GROUP BY date ORDER BY date",
    ]

    def __init__(self, server):
        super().__init__(daemon=True)
        self.server, self.stop, self.nonempty = server, threading.Event(), threading.Event()
        self.count, self.errors = 0, []

    def run(self):
        i = 0
        while not self.stop.is_set():
            sql = self.QUERIES[i % len(self.QUERIES)]
            i += 1
            try:
                out = self.server.query(sql, timeout=30).strip()
                self.count += 1
                if self.nonempty.is_set() and i % len(self.QUERIES) in (2, 3, 4, 5) and out in ("", "0"):
                    self.errors.append(f"{sql} read empty during the run")
            except Exception as e:  # noqa: BLE001
                self.errors.append(f"{sql}: {e}")
            time.sleep(0.005)


def rollup_mismatches(query):
    """Every count rollup and max_min against the raw table's aggregation (as clickpy_model_test)."""
    out = []
    views = set(query("SELECT name FROM system.tables WHERE database = 'pypi' AND engine = 'MaterializedView'").split())
    tables = [t for t in query("SELECT table FROM system.columns WHERE database = 'pypi' AND name = 'count' "
                               "AND startsWith(table, 'pypi_downloads') ORDER BY table").split() if t not in views]
    schema = open(os.path.join(ROOT, "apps", "pypi", "schema.sql")).read()
    expected = len(re.findall(r"CREATE TABLE IF NOT EXISTS pypi\.pypi_downloads\w*\s*\([^;]*`count` Int64", schema))
    check(len(tables) == expected, f"{expected} count rollups expected (schema.sql), found {len(tables)}: {tables}")
    for t in tables:
        cols = [c for c in query(f"SELECT name FROM system.columns WHERE database = 'pypi' AND table = '{t}' "
                                 "ORDER BY position").split() if c != "count"]
        k = ", ".join(cols)
        raw_k = k.replace("month", "toStartOfMonth(date) AS month") if "month" in cols else k
        a = query(f"SELECT {k}, sum(count) FROM pypi.{t} GROUP BY {k} ORDER BY {k}")
        b = query(f"SELECT {raw_k}, count() FROM pypi.pypi GROUP BY {k} ORDER BY {k}")
        if a != b or not a.strip():
            out.append(f"{t}: {len(a.splitlines())} rollup keys vs {len(b.splitlines())} raw keys differ")
    a = query("SELECT project, max(max_date), min(min_date) FROM pypi.pypi_downloads_max_min GROUP BY project ORDER BY project")
    b = query("SELECT project, max(date), min(date) FROM pypi.pypi GROUP BY project ORDER BY project")
    if a != b or not a.strip():
        out.append("pypi_downloads_max_min differs from the raw table")
    return out


def main():
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="tally-pypi-repair-") as tmp:
        src = os.path.join(tmp, "src")
        os.makedirs(src)
        files, expected = write_sources(src)
        per_day = {}
        for counts in expected.values():
            for d, n in counts.items():
                per_day[d] = per_day.get(d, 0) + n
        data = os.path.join(tmp, "data")
        os.makedirs(data)
        server = Server(TALLY, data)
        query = server.query
        remote = ["--host", "127.0.0.1", "--port", str(server.port)]
        reader = None
        try:
            # The first load creates the schema; the reader starts once the tables exist.
            rc, _, err = tally("pypi", "load", *remote, "--rejects", os.path.join(tmp, "rej1.ndjson"), files["day1.ndjson"])
            check(rc == 0 and "400 rows, 3 rejected" in err, f"remote load of day1.ndjson: rc {rc}: {err}")
            reader = Reader(server)
            reader.start()
            rc, _, err = tally("pypi", "load", *remote, "--rejects", os.path.join(tmp, "rej2.ndjson"),
                               files["day2.log"], files["mixed.ndjson"])
            check(rc == 0, f"remote load of the other files: rc {rc}: {err}")
            reader.nonempty.set()
            got = dict(line.split("\t") for line in query("SELECT date, count() FROM pypi.pypi GROUP BY date ORDER BY date").split("\n") if line)
            check(got == {d: str(n) for d, n in per_day.items()}, f"raw rows per day {got} != expected {per_day}")
            rc, _, err = tally("pypi", "load", *remote, files["day2.log"])
            check(rc == 0 and "skipped" in err, f"a second remote load skips by the ledger: rc {rc}: {err}")

            all_files = list(files.values())
            rc, out, err = tally("pypi", "reconcile", *remote, *all_files)
            check(rc == 0, f"reconcile after the load: rc {rc}\n{out}{err}")
            for d in DAYS:
                check(any(l.startswith(d) and f"source {per_day[d]}" in l and l.endswith("OK") for l in out.splitlines()),
                      f"reconcile line of {d}: {out}")
            check("ALL EQUAL" in out, f"reconcile summary: {out}")
            rc, out, err = tally("pypi", "reconcile", *remote, "--format", "json", *all_files)
            doc = json.loads(out)
            check(rc == 0 and doc["ok"] and {d["date"]: d["source"] for d in doc["days"]} == per_day,
                  f"reconcile --format json: {out}")
            check(rollup_mismatches(query) == [], f"rollups after the load: {rollup_mismatches(query)}")

            other_days = "SELECT * FROM pypi.pypi WHERE date != '2024-03-02' ORDER BY project, date, version, country_code, python_minor, system, installer, type, ci"
            other_days_before = query(other_days)
            check(other_days_before.count("\n") == 650, "other days' rows before the corruption")

            # Corrupt 2024-03-02: the raw table loses its pip rows, the rollups keep them.
            pip_rows = int(query("SELECT count() FROM pypi.pypi WHERE date = '2024-03-02' AND installer = 'pip'"))
            check(pip_rows > 0, "2024-03-02 has pip downloads")
            query("DELETE FROM pypi.pypi WHERE date = '2024-03-02' AND installer = 'pip'")
            rc, out, err = tally("pypi", "reconcile", *remote, *all_files)
            lines = out.splitlines()
            bad = [l for l in lines if l.startswith("2024-03-02")]
            check(rc == 1, f"reconcile of a corrupted day exits 1: rc {rc}\n{out}{err}")
            check(len(bad) == 1 and "DIFFERS" in bad[0] and f"raw-source -{pip_rows}" in bad[0] and
                  "pypi_downloads_per_day 500" in bad[0], f"reconcile names 2024-03-02: {bad}")
            check(all(l.endswith("OK") for l in lines if l[:10] in ("2024-03-01", "2024-03-03")),
                  f"the other days reconcile: {out}")
            check(any(l.startswith("pypi_downloads ") and "DIFFERS" in l for l in lines),
                  f"reconcile finds pypi_downloads off: {out}")
            check("DIFFERENCES FOUND" in out, "reconcile summary of a corrupted day")

            # A repair failing after dropping the non-daily views: a clear message, loads refused.
            all_views = int(query("SELECT count() FROM system.tables WHERE database = 'pypi' AND engine = 'MaterializedView'"))
            repair = ["pypi", "repair", "--date", "2024-03-02", *remote, files["day2.log"], files["mixed.ndjson"]]
            rc, out, err = tally(*repair, env={"TALLY_PYPI_REPAIR_FAIL_AFTER": "5"})
            check(rc == 2 and "Repair of 2024-03-02 failed at step 5" in err and "State:" in err and
                  "Rerun the same `tally pypi repair --date 2024-03-02" in err, f"failed repair message: rc {rc}: {err}")
            views = int(query("SELECT count() FROM system.tables WHERE database = 'pypi' AND engine = 'MaterializedView'"))
            check(views == all_views - 4, f"the failed repair left 4 of {all_views} views dropped: {views}")
            extra = os.path.join(tmp, "extra.ndjson")
            with open(extra, "w") as f:
                f.write(ndjson_row(random.Random(9), "2024-03-03") + "\n")
            rc, _, err = tally("pypi", "load", *remote, "--rejects", os.path.join(tmp, "rej3.ndjson"), extra)
            check(rc != 0 and "TABLE_IS_READ_ONLY" in err and "repair of 2024-03-02" in err,
                  f"a load during a repair is refused: rc {rc}: {err}")

            # The rerun repairs the day.
            rc, out, err = tally(*repair)
            check(rc == 0 and "ALL EQUAL" in out and "repaired 2024-03-02: 500 rows re-inserted (250 of other dates ignored"
                  in err, f"repair through the server: rc {rc}\n{out}{err}")
            check(query("SELECT count() FROM pypi.repair_lock").strip() == "0", "the repair lock is released")
            views = int(query("SELECT count() FROM system.tables WHERE database = 'pypi' AND engine = 'MaterializedView'"))
            check(views == all_views, f"all {all_views} views exist after the repair: {views}")
            check(query("SELECT count() FROM system.tables WHERE database = 'pypi' AND endsWith(name, '_repair_shadow')").strip()
                  == "0", "no shadow table left")
            rc, out, err = tally("pypi", "reconcile", *remote, *all_files)
            check(rc == 0 and "ALL EQUAL" in out, f"reconcile after the repair: rc {rc}\n{out}{err}")
            mism = rollup_mismatches(query)
            check(mism == [], f"rollups after the repair: {mism}")
            check(query(other_days) == other_days_before, "the other days' rows are untouched")
            got = dict(line.split("\t") for line in query("SELECT date, count() FROM pypi.pypi GROUP BY date ORDER BY date").split("\n") if line)
            check(got == {d: str(n) for d, n in per_day.items()}, f"raw rows per day after the repair {got}")
            # The extra file now loads (the lock is gone) and the rollups follow.
            rc, _, err = tally("pypi", "load", *remote, "--rejects", os.path.join(tmp, "rej4.ndjson"), extra)
            check(rc == 0, f"load after the repair: rc {rc}: {err}")
            mism = rollup_mismatches(query)
            check(mism == [], f"rollups after a load following the repair: {mism}")
        finally:
            if reader:
                reader.stop.set()
                reader.join()
            server.stop()
        check(reader is not None and reader.count > 20, f"the reader ran ({reader.count if reader else 0} queries)")
        check(not reader or reader.errors == [], f"queries failed while loading/repairing: {reader.errors[:5] if reader else ''}")

        # Embedded: corrupt 2024-03-03 (rollups only), repair it with --path.
        def local(sql):
            rc, out, err = tally("local", "--path", data, "--output-format", "TabSeparated", "-q", sql)
            if rc != 0:
                raise SystemExit(f"tally local failed: {err}")
            return out
        local("ALTER TABLE pypi.pypi_downloads_per_day_by_version DELETE WHERE date = '2024-03-03' AND version = '1.1'")
        rc, out, _ = tally("pypi", "reconcile", "--path", data, files["mixed.ndjson"], files["day1.ndjson"], extra)
        bad = [l for l in out.splitlines() if l.startswith("2024-03-03")]
        check(rc == 1 and len(bad) == 1 and "pypi_downloads_per_day_by_version" in bad[0],
              f"embedded reconcile finds the rollup off: rc {rc}: {out}")
        rc, out, err = tally("pypi", "repair", "--path", data, "--date", "2024-03-03", files["mixed.ndjson"], extra)
        check(rc == 0 and "ALL EQUAL" in out, f"embedded repair: rc {rc}\n{out}{err}")
        rc, out, err = tally("pypi", "reconcile", "--path", data, *files.values(), extra)
        check(rc == 0, f"embedded reconcile after the repair: rc {rc}\n{out}{err}")
        mism = rollup_mismatches(local)
        check(mism == [], f"rollups after the embedded repair: {mism}")
        # Parquet (tally pypi generate's BigQuery-shaped export): counted by the engine over the
        # loader's mapping, repaired from the day's files.
        gen = os.path.join(tmp, "gen")
        rc, _, err = tally("pypi", "generate", "--out", gen, "--downloads", "3000", "--days", "2", "--end-date",
                           "2024-04-02", "--projects", "30", "--threads", "1", "--quiet")
        check(rc == 0, f"pypi generate: {err}")
        parquet = os.path.join(gen, "file_downloads")
        rc, _, err = tally("pypi", "load", "--path", data, "--rejects", os.path.join(tmp, "rej5.ndjson"), parquet)
        check(rc == 0, f"load of the Parquet export: {err}")
        rc, out, err = tally("pypi", "reconcile", "--path", data, "--format", "json", parquet)
        doc = json.loads(out) if out.strip() else {"days": [], "ok": False}
        sources = {d["date"]: d["source"] for d in doc["days"]}
        raw_april = dict(line.split("\t") for line in local(
            "SELECT date, count() FROM pypi.pypi WHERE date >= '2024-04-01' GROUP BY date ORDER BY date").splitlines())
        check(rc == 0 and doc["ok"] and sorted(sources) == ["2024-04-01", "2024-04-02"] and
              {d: str(n) for d, n in sources.items()} == raw_april and sum(sources.values()) > 2900,
              f"reconcile of the Parquet export: rc {rc} {sources} raw {raw_april}: {err}")
        local("DELETE FROM pypi.pypi WHERE date = '2024-04-01' AND ci = 'true'")
        rc, out, _ = tally("pypi", "reconcile", "--path", data, parquet)
        check(rc == 1 and any(l.startswith("2024-04-01") and "DIFFERS" in l for l in out.splitlines()) and
              all(l.endswith("OK") for l in out.splitlines() if l.startswith("2024-04-02")),
              f"reconcile finds 2024-04-01 off: {out}")
        rc, out, err = tally("pypi", "repair", "--path", data, "--date", "2024-04-01", parquet)
        check(rc == 0 and "ALL EQUAL" in out and f"repaired 2024-04-01: {sources.get('2024-04-01')} rows re-inserted "
              f"({sources.get('2024-04-02')} of other dates ignored" in err, f"Parquet repair: rc {rc}\n{out}{err}")
        rc, out, err = tally("pypi", "reconcile", "--path", data, parquet, *files.values(), extra)
        check(rc == 0, f"reconcile after the Parquet repair: rc {rc}\n{out}{err}")
        mism = rollup_mismatches(local)
        check(mism == [], f"rollups after the Parquet repair: {mism}")

        rc, _, err = tally("pypi", "repair", "--path", data, "--date", "2024-03-09", files["mixed.ndjson"])
        check(rc == 36 and "no valid download of 2024-03-09" in err, f"a repair without rows of the day is refused: {err}")
        rc, _, err = tally("pypi", "repair", "--path", data, "--date", "2024-13-01", files["mixed.ndjson"])
        check(rc == 36 and "BAD_ARGUMENTS" in err, f"a bad --date: {err}")

    print(f"pypi_repair: {reader.count} concurrent queries, {time.time() - started:.1f} s")
    if FAILURES:
        print(f"{len(FAILURES)} failures")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
