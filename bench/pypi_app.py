#!/usr/bin/env python3
"""The PyPI app's benchmark (issue 4's targets), side by side with ClickHouse 18.16 and DuckDB:

1. `tally pypi generate` writes N downloads as BigQuery-shaped Parquet exports (two years);
2. `tally pypi load` loads them with every rollup maintained: rows/s;
3. `tally server`: each widget of the landing and package pages, median server time over 15
   runs (the `elapsed_ms` the widget API reports), and a whole package page (the sum);
4. the pypistats API under 64 concurrent clients (wrk, 2 threads): requests/s, errors;
5. peers (--peers): the tables the widgets read, copied row for row from tally's into ClickHouse
   18.16 (TabSeparated through clickhouse-client; the raw table only up to --peers-raw-max rows)
   and into DuckDB (Parquet); the same widget SQL (parameters as literals) on ClickHouse and
   hand-written equivalents on DuckDB; client-side medians and ratios. (Loading through the
   views is compared separately: ClickHouse 18.16 takes hours for 1 B rows that way.)

  bench/pypi_app.py [--downloads N] [--peers] [--peers-raw-max N] [--dir DIR] [--reuse] [--tally build/tally]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "storage"))
sys.path.insert(0, os.path.join(ROOT, "tests", "apps"))
from server_process import Server  # noqa: E402
from sql_literals import with_literals  # noqa: E402

CH_HTTP, CH_TCP = 38731, 39731
CH_SETTINGS = "allow_experimental_low_cardinality_type=1"


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=300) as r:
        return r.read().decode()


def post(port, sql, extra=""):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/?{extra}", data=sql.encode(), method="POST")
    with urllib.request.urlopen(req, timeout=600) as r:
        return r.read().decode()


def timed_post(port, sql, runs, extra=""):
    post(port, sql, extra)  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        post(port, sql, extra)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def page_urls(top, mid):
    landing = ["totals", "top_packages", "search?q=bo", "recent_releases", "emerging", "stable", "hot", "installer_trends",
               "freshness"]
    package = ["package_details", "date_range", "rank", "downloads_by_period", "downloads_over_time", "top_versions",
               "python_over_time", "system_over_time", "countries", "file_types_by_installer", "dependents", "dependencies"]
    urls = [("landing", w) for w in landing]
    for p in [top, mid]:
        urls += [(p, f"{w}?package={p}") for w in package]
        urls += [(p + " (filtered)", f"{w}?package={p}&min_date={{d90}}&country_code=US&installer=pip") for w in
                 ["downloads_over_time", "top_versions", "python_over_time", "countries"]]
    return urls


def duckdb_queries(package, table):
    """Hand-written DuckDB equivalents of a few widgets, over the table tally's widget read
    (`table`: widget name -> table)."""
    p = f"'{package}'"
    week = "date_trunc('week', date)"
    t = lambda w: table[w].split(".")[-1]  # noqa: E731
    return [
        {"name": "top_packages", "sql": f"SELECT project, sum(count) AS d FROM {t('top_packages')} GROUP BY project ORDER BY d DESC, project LIMIT 5"},
        {"name": "downloads_over_time", "sql": f"SELECT {week} AS x, sum(count) FROM {t('downloads_over_time')} WHERE project = {p} GROUP BY x ORDER BY x"},
        {"name": "top_versions", "sql": f"SELECT version, sum(count) AS d FROM {t('top_versions')} WHERE project = {p} GROUP BY version ORDER BY d DESC, version LIMIT 6"},
        {"name": "python_over_time", "sql": f"SELECT x, name, d FROM (SELECT {week} AS x, CASE WHEN python_minor IN (SELECT python_minor FROM {t('python_over_time')} WHERE project = {p} GROUP BY python_minor ORDER BY sum(count) DESC, python_minor LIMIT 10) THEN python_minor ELSE 'other' END AS name, sum(count) AS d FROM {t('python_over_time')} WHERE project = {p} GROUP BY x, name) ORDER BY x, name"},
        {"name": "system_over_time", "sql": f"SELECT {week} AS x, system, sum(count) FROM {t('system_over_time')} WHERE project = {p} GROUP BY x, system ORDER BY x, system"},
        {"name": "countries", "sql": f"SELECT country_code, sum(count) AS d FROM {t('countries')} WHERE project = {p} GROUP BY country_code ORDER BY d DESC, country_code"},
        {"name": "rank", "sql": f"SELECT count(*) FILTER (WHERE d > (SELECT sum(count) FROM {t('rank')} WHERE project = {p})) + 1, count(*) FROM (SELECT project, sum(count) AS d FROM {t('rank')} GROUP BY project)"},
        {"name": "installer_trends", "sql": f"SELECT {week} AS x, installer, sum(count) FROM {t('installer_trends')} WHERE date > (SELECT max(date) FROM {t('installer_trends')}) - 548 GROUP BY x, installer ORDER BY x, installer"},
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--downloads", type=int, default=100_000_000)
    ap.add_argument("--peers", action="store_true")
    ap.add_argument("--peers-raw-max", type=int, default=200_000_000,
                    help="copy the raw table to the peers only up to this many rows")
    ap.add_argument("--dir", default="/tmp/tally-bench-pypi")
    ap.add_argument("--tally", default=os.path.join(ROOT, "build", "tally"))
    ap.add_argument("--reuse", action="store_true", help="keep an already loaded data directory")
    args = ap.parse_args()
    tally = os.path.abspath(args.tally)
    sh([os.path.join(ROOT, "scripts", "install-deps.sh"), "--bench"])  # wrk, node (present: nothing done)
    os.makedirs(args.dir, exist_ok=True)
    export = os.path.join(args.dir, f"export-{args.downloads}")
    if not os.path.exists(os.path.join(export, "done")):
        sh(["rm", "-rf", export])
        t = time.time()
        sh([tally, "pypi", "generate", "--out", export, "--downloads", str(args.downloads), "--days", "730", "--seed", "1"])
        print(f"generate: {args.downloads:,} downloads in {time.time() - t:.1f} s")
        open(os.path.join(export, "done"), "w").close()
    data = os.path.join(args.dir, f"tally-{args.downloads}")
    loaded_at = 0
    if not (args.reuse and os.path.isdir(data)):
        sh(["rm", "-rf", data])
        t = time.time()
        sh([tally, "pypi", "load", "--path", data, export])
        load_s = time.time() - t
        loaded_at = time.time()
        print(f"tally pypi load: {args.downloads:,} rows in {load_s:.1f} s = {args.downloads / load_s / 1e6:.2f} M rows/s "
              "(every rollup maintained)")
    server = Server(tally, data)
    try:
        port = server.port
        # Measure the steady state: wait until the background merges the load left behind are
        # done (their duration is part of the cost of loading, so it is printed). Parts younger
        # than 120 s merge only in 4x steps (3x once aged, merge_selector.h), so the last ones merge once they
        # have aged: wait at least that long after the load.
        t = time.time()
        settled = loaded_at + 125
        quiet = 0
        while quiet < 3 or time.time() < settled:
            busy = post(port, "SELECT count() FROM system.merges").strip() != "0"
            quiet = 0 if busy else quiet + 1
            time.sleep(1)
        parts = post(port, "SELECT count() FROM system.parts WHERE active AND database = 'pypi'").strip()
        print(f"background merges after the load: done {time.time() - t - 3:.0f} s after the server started ({parts} active parts)")
        top = json.loads(get(port, "/api/app/widgets/top_packages?limit=100"))["rows"]
        top_pkg, mid_pkg = top[0]["project"], top[min(len(top) - 1, 99)]["project"]
        newest = json.loads(get(port, "/api/app/widgets/freshness"))["rows"][0]["newest_day"]
        d90 = post(port, f"SELECT toString(toDate('{newest}') - 90)").strip()
        print(f"\nwidget server time, median of 15 (ms); packages: {top_pkg} (#1), {mid_pkg} (#100)")
        results = []
        for page, url in page_urls(top_pkg, mid_pkg):
            url = url.replace("{d90}", d90)
            get(port, "/api/app/widgets/" + url)
            times = [json.loads(get(port, "/api/app/widgets/" + url))["elapsed_ms"] for _ in range(15)]
            w = json.loads(get(port, "/api/app/widgets/" + url))
            results.append((page, url, statistics.median(times), w))
            print(f"  {page:28s} {url.split('?')[0]:26s} {statistics.median(times):8.2f}  {w['table']}")
        for page in sorted({r[0] for r in results}):
            total = sum(r[2] for r in results if r[0] == page)
            worst = max(r[2] for r in results if r[0] == page)
            print(f"  page {page:28s} total {total:8.2f} ms, slowest widget {worst:.2f} ms")

        lua = os.path.join(args.dir, "pypistats.lua")
        names = [r["project"] for r in top[:200]]
        with open(lua, "w") as f:
            f.write("local names = {" + ",".join(f'"{n}"' for n in names) + "}\nlocal i = 0\n"
                    "request = function()\n  i = i + 1\n  return wrk.format(nil, '/api/packages/' .. names[(i % #names) + 1] .. '/recent')\nend\n")
        out = subprocess.run(["wrk", "-t2", "-c64", "-d15s", "-s", lua, f"http://127.0.0.1:{port}"], capture_output=True,
                             text=True).stdout
        rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        sock = re.search(r"Socket errors: (.*)", out)
        print(f"\npypistats API /api/packages/<top 200>/recent, 64 clients: {float(rps):,.0f} requests/s, "
              f"non-2xx {errors.group(1) if errors else 0}, socket errors: {sock.group(1) if sock else 'none'}")

        if args.peers:
            peers(args, server, results, top_pkg)
    finally:
        server.stop()


# Widgets 18.16 cannot run: dictionaries, DateTime64, SimpleAggregateFunction (docs/pypi_app.md).
CH_UNSUPPORTED = ("stable", "countries", "emerging", "package_details", "recent_releases", "dependents", "dependencies")


def copy_table(port, table, sink):
    """Streams every row of tally's `table` (from the server on `port`) as TabSeparated into the
    stdin of the command `sink`."""
    src = subprocess.Popen(["curl", "-sS", "--fail", "--data-binary", f"SELECT * FROM {table} FORMAT TabSeparated",
                            f"http://127.0.0.1:{port}/"], stdout=subprocess.PIPE)
    subprocess.run(sink, stdin=src.stdout, check=True)
    src.stdout.close()
    if src.wait() != 0:
        raise RuntimeError(f"reading {table} from tally failed")


def peers(args, server, results, top_pkg):
    """ClickHouse 18.16 and DuckDB get the same rows in the same tables: each table the compared
    widgets read is copied from tally's (the raw table only up to --peers-raw-max rows; the
    views' load path is measured on its own, see docs/benchmarks.md), then the same SQL runs on
    ClickHouse and hand-written equivalents on DuckDB."""
    compared = [r for r in results if r[3]["widget"] not in CH_UNSUPPORTED]
    tables = sorted({r[3]["table"] for r in compared})
    raw = "pypi.pypi"
    if raw in tables and args.downloads > args.peers_raw_max:
        tables.remove(raw)
    ch_dir = os.path.join(args.dir, "clickhouse")
    sh(["rm", "-rf", ch_dir])
    sh([os.path.join(ROOT, "scripts", "clickhouse-oracle.sh"), "start", ch_dir, str(CH_HTTP), str(CH_TCP)])
    try:
        schema = subprocess.run([os.path.join(ROOT, "scripts", "pypi-schema-ch18.sh")], capture_output=True, text=True,
                                check=True).stdout
        for s in [s.strip() for s in schema.split(";") if s.strip()]:
            if "MATERIALIZED VIEW" not in s:  # rows are copied into every table, not derived again
                post(CH_HTTP, s, CH_SETTINGS)
        t = time.time()
        rows = 0
        for table in tables:
            copy_table(server.port, table, ["clickhouse-client", "--port", str(CH_TCP), "--allow_experimental_low_cardinality_type=1",
                                            "--query", f"INSERT INTO {table} FORMAT TabSeparated"])
            rows += int(post(CH_HTTP, f"SELECT count() FROM {table}").strip())
        print(f"\nClickHouse 18.16: {len(tables)} tables, {rows:,} rows copied from tally's in {time.time() - t:.1f} s "
              f"(TabSeparated through clickhouse-client)")
        if args.downloads > args.peers_raw_max:
            print(f"  raw table not copied above {args.peers_raw_max:,} rows: its widgets are not compared")
        quiet = 0
        while quiet < 3:  # let 18.16 finish merging what it was sent
            busy = post(CH_HTTP, "SELECT count() FROM system.merges").strip() != "0"
            quiet = 0 if busy else quiet + 1
            time.sleep(1)
        print("\nsame SQL over HTTP, client-side median of 7 (ms):  tally   ClickHouse 18.16   ratio")
        for page, url, _, w in compared:
            if w["table"] not in tables:
                continue
            sql = with_literals(w["sql"], w["params"])
            mine = timed_post(server.port, sql, 7)
            theirs = timed_post(CH_HTTP, sql, 7, CH_SETTINGS)
            print(f"  {page:28s} {w['widget']:26s} {mine:8.2f} {theirs:10.2f} {theirs / mine:8.1f}x")
    finally:
        sh([os.path.join(ROOT, "scripts", "clickhouse-oracle.sh"), "stop", ch_dir])
    bench = os.path.join(ROOT, "bench")
    if not os.path.isdir(os.path.join(bench, "node_modules", "@duckdb")):
        sh(["npm", "install", "--silent", "--no-audit", "--no-fund"], cwd=bench)
    table_of = {r[3]["widget"]: r[3]["table"] for r in results if r[0] in (top_pkg, "landing")}
    queries = duckdb_queries(top_pkg, table_of)
    needed = sorted({table_of[q["name"]] for q in queries})
    parquet_dir = os.path.join(args.dir, "duck_tables")
    sh(["rm", "-rf", parquet_dir])
    os.makedirs(parquet_dir)
    for table in needed:
        with open(f"{parquet_dir}/{table.split('.')[-1]}.parquet", "wb") as f:
            sh(["curl", "-sS", "--fail", "--data-binary", f"SELECT * FROM {table} FORMAT Parquet", f"http://127.0.0.1:{server.port}/"],
               stdout=f)
    duck = os.path.join(args.dir, "pypi.duckdb")
    load = subprocess.run(["node", os.path.join(bench, "pypi_duckdb.mjs"), "load", duck, parquet_dir], capture_output=True,
                          text=True, check=True).stdout.strip()
    print(f"\nDuckDB: {len(needed)} tables built from tally's rows (Parquet) in {load} s")
    qfile = os.path.join(args.dir, "duck_queries.json")
    json.dump(queries, open(qfile, "w"))
    out = subprocess.run(["node", os.path.join(bench, "pypi_duckdb.mjs"), "query", duck, qfile, "7"], capture_output=True,
                         text=True, check=True).stdout
    duck_ms = dict(line.split("\t") for line in out.strip().splitlines())
    tally_ms = {}
    for q in queries:  # tally: the same questions through the widget API's SQL, client-side
        match = [r for r in results if r[3]["widget"] == q["name"] and r[0] in (top_pkg, "landing")]
        if match:
            w = match[0][3]
            tally_ms[q["name"]] = timed_post(server.port, with_literals(w["sql"], w["params"]), 7)
    print("\nDuckDB (in-process) vs tally (over HTTP), median of 7 (ms):  tally   DuckDB   ratio")
    for q in queries:
        if q["name"] in tally_ms:
            d = float(duck_ms[q["name"]])
            print(f"  {q['name']:34s} {tally_ms[q['name']]:8.2f} {d:8.2f} {d / tally_ms[q['name']]:7.1f}x")


if __name__ == "__main__":
    main()
