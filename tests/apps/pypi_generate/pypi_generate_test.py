#!/usr/bin/env python3
"""`tally pypi generate`: determinism across thread counts, exact row counts, BigQuery's nested
shape (DESCRIBE), the attribute mixes within the tolerances of docs/pypi_app.md on a 1M-row
sample, weekly cycle and growth, rank order following the top-packages CSV, release waves,
distribution_metadata consistent with the downloads, JSON lines output, DuckDB reading the
Parquet files, and ClickHouse-style errors for bad options.

Usage: pypi_generate_test.py <tally binary>
"""
import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

TALLY = os.path.abspath(sys.argv[1])
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
failures = 0
checks = 0


def check(name, ok, detail=""):
    global failures, checks
    checks += 1
    if ok:
        print(f"ok {name}")
    else:
        failures += 1
        print(f"FAIL {name}: {detail}")


def generate(out, *args):
    r = subprocess.run([TALLY, "pypi", "generate", "--out", out, "--quiet", *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"generate failed ({r.returncode}): {r.stderr}")
    return r.stderr


def q(sql):
    r = subprocess.run([TALLY, "local", "-q", sql], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"query failed: {sql}\n{r.stderr}")
    return r.stdout


def rows(sql):
    return [l.replace("\\'", "'").split("\t") for l in q(sql + " FORMAT TSV").splitlines()]


def tree_digest(path):
    out = {}
    for base, _, files in os.walk(path):
        for f in files:
            p = os.path.join(base, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, path)] = hashlib.sha256(fh.read()).hexdigest()
    return out


tmp = tempfile.mkdtemp(prefix="tally-pypi-gen-")
try:
    a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
    common = ["--downloads", "1000000", "--days", "84", "--end-date", "2026-03-29", "--seed", "7"]
    summary = generate(a, *common, "--threads", "1")
    generate(b, *common, "--threads", "2", "--rows-per-file", "4000000")
    da, db = tree_digest(a), tree_digest(b)
    check("byte-identical with 1 and 2 threads", da == db and len(da) > 80,
          f"{len(da)} vs {len(db)} files, differing: {[k for k in da if da.get(k) != db.get(k)][:3]}")
    check("one directory per day", len(os.listdir(os.path.join(a, "file_downloads"))) == 84,
          str(len(os.listdir(os.path.join(a, "file_downloads")))))
    check("BigQuery wildcard file names",
          all(re.fullmatch(r"file_downloads/\d{4}-\d\d-\d\d/\d{12}\.parquet|distribution_metadata/000000000000\.parquet", k)
              for k in da), str(list(da)[:3]))

    files = os.path.join(a, "file_downloads", "*", "*.parquet")
    src = f"file('{files}')"
    check("exact row count", rows(f"SELECT count() FROM {src}") == [["1000000"]], str(rows(f"SELECT count() FROM {src}")))

    desc = {r[0]: r[1] for r in rows(f"DESCRIBE {src}")}
    n = "Nullable(String)"
    expected = {
        "timestamp": "DateTime64(6, 'UTC')",
        "country_code": n,
        "url": "String",
        "project": "String",
        "file": "Tuple(filename String, project String, version String, type String)",
        "details": f"Tuple(installer Tuple(name {n}, version {n}), python {n}, implementation Tuple(name {n}, version {n}), "
                   f"distro Tuple(name {n}, version {n}, id {n}, libc Tuple(lib {n}, version {n})), "
                   f"system Tuple(name {n}, release {n}), cpu {n}, openssl_version {n}, setuptools_version {n}, "
                   f"rustc_version {n}, ci Nullable(Bool))",
        "tls_protocol": n,
        "tls_cipher": n,
    }
    check("DESCRIBE: BigQuery's names and nesting", desc == expected,
          "\n".join(f"{k}: {desc.get(k)} != {v}" for k, v in expected.items() if desc.get(k) != v) + str(set(desc) - set(expected)))

    # Mixes on the 1M sample.
    (pip, uv, poetry, requests, none, bander, total) = map(float, rows(
        f"SELECT countIf(details.installer.name = 'pip'), countIf(details.installer.name = 'uv'), "
        f"countIf(details.installer.name = 'poetry'), countIf(details.installer.name = 'requests'), "
        f"countIf(details.installer.name IS NULL), countIf(details.installer.name = 'bandersnatch'), count() FROM {src}")[0])
    check("installer pip 70-90 %", 0.70 <= pip / total <= 0.90, pip / total)
    check("installer uv 8-25 %", 0.08 <= uv / total <= 0.25, uv / total)
    check("installer poetry ~2 %", 0.01 <= poetry / total <= 0.03, poetry / total)
    check("installer requests ~2 %", 0.01 <= requests / total <= 0.035, requests / total)
    check("installer NULL ~1 %", 0.005 <= none / total <= 0.02, none / total)
    check("bandersnatch (mirror bursts) ~0.5 %", 0.002 <= bander / total <= 0.01, bander / total)

    linux, with_system = map(float, rows(
        f"SELECT countIf(details.system.name = 'Linux'), countIf(details.system.name IS NOT NULL) FROM {src}")[0])
    check("Linux >= 90 % of rows with a system", linux / with_system >= 0.90, linux / with_system)
    us, null_cc = map(float, rows(f"SELECT countIf(country_code = 'US'), countIf(country_code IS NULL) FROM {src}")[0])
    check("US 65-80 %", 0.65 <= us / total <= 0.80, us / total)
    check("country NULL 1-3 %", 0.01 <= null_cc / total <= 0.03, null_cc / total)
    pip_ci, uv_ci = map(float, rows(
        f"SELECT avgIf(details.ci IS NOT NULL, details.installer.name = 'pip'), "
        f"avgIf(details.ci IS NOT NULL, details.installer.name = 'uv') FROM {src}")[0])
    ci_all = float(rows(f"SELECT avgIf(details.ci IS NOT NULL, details.installer.name IN ('pip', 'uv')) FROM {src}")[0][0])
    check("CI TRUE on 20-40 % of pip/uv rows", 0.20 <= ci_all <= 0.40, ci_all)
    check("uv more often CI than pip", uv_ci > pip_ci, f"{uv_ci} vs {pip_ci}")
    wheels = float(rows(f"SELECT avg(file.type = 'bdist_wheel') FROM {src}")[0][0])
    check("bdist_wheel for most downloads", 0.75 <= wheels <= 0.98, wheels)
    py312 = float(rows(f"SELECT avgIf(details.python LIKE '3.12.%', details.python IS NOT NULL) FROM {src}")[0][0])
    check("Python 3.12 the largest minor in 2026 (20-40 %)", 0.20 <= py312 <= 0.40, py312)

    # linehaul's correlations, which must hold on every row.
    violations = rows(
        f"SELECT countIf(details.installer.name = 'poetry' AND (details.python IS NOT NULL OR details.ci IS NOT NULL)), "
        f"countIf(details.installer.name = 'pdm' AND details.python IS NOT NULL), "
        f"countIf(details.installer.name = 'uv' AND (details.openssl_version IS NOT NULL OR details.setuptools_version IS NOT NULL "
        f"OR details.rustc_version IS NOT NULL)), "
        f"countIf(details.system.name = 'Windows' AND details.distro.name IS NOT NULL), "
        f"countIf(details.installer.name IN ('bandersnatch', 'Browser', 'requests') AND (details.python IS NOT NULL "
        f"OR details.system.name IS NOT NULL)), "
        f"countIf(details.installer.name IS NULL AND details.python IS NOT NULL), "
        f"countIf(url != concat('/packages/', substring(url, 11, 2), '/', substring(url, 14, 2), '/', substring(url, 17, 60), '/', file.filename)), "
        f"countIf(project != file.project), countIf(details.ci = false) FROM {src}")[0]
    check("correlations (poetry/pdm python, uv openssl, Windows distro, mirrors, url shape, ci never false)",
          violations == ["0"] * 9, str(violations))
    bad_wheels = rows(f"SELECT count() FROM {src} WHERE details.installer.name = 'pip' AND file.filename LIKE '%-cp3%' "
                      f"AND position(file.filename, concat('-cp', arrayStringConcat(arraySlice(splitByChar('.', "
                      f"assumeNotNull(details.python)), 1, 2)), '-')) = 0")
    check("compiled wheels match the row's Python minor", bad_wheels == [["0"]], str(bad_wheels))

    # Weekly cycle (no holidays in Jan-Mar) and growth.
    by_dow = {int(r[0]): float(r[1]) for r in rows(
        f"SELECT toDayOfWeek(day), avg(c) FROM (SELECT toDate(timestamp) AS day, count() AS c FROM {src} GROUP BY day) GROUP BY 1")}
    ratio = (by_dow[6] + by_dow[7]) / (by_dow[2] + by_dow[3] + by_dow[4])
    check("weekend/midweek ratio ~0.6", 0.5 <= ratio * 3 / 2 <= 0.7, ratio * 3 / 2)
    first, last = map(float, rows(
        f"SELECT countIf(toDate(timestamp) < toDate('2026-01-05') + 28), countIf(toDate(timestamp) >= toDate('2026-03-29') - 27) FROM {src}")[0])
    check("growth ~+7 %/month", 1.08 <= last / first <= 1.25, last / first)

    # Rank order follows the CSV.
    with open(os.path.join(ROOT, "apps", "pypi", "data", "top-pypi-packages-30-days.csv")) as fh:
        ranked = [r["project"] for r in csv.DictReader(fh)]
    top = [r[0] for r in rows(f"SELECT project, count() AS c FROM {src} GROUP BY project ORDER BY c DESC, project LIMIT 10")]
    check("top project is one of the CSV's top 3", top[0] in ranked[:3], str(top))
    check("top 10 overlaps the CSV's top 10 by >= 7", len(set(top) & set(ranked[:10])) >= 7, str(top))
    counts = {r[0]: int(r[1]) for r in rows(
        f"SELECT project, count() FROM {src} WHERE project IN ('{ranked[0]}', '{ranked[99]}', '{ranked[999]}') GROUP BY project")}
    check("rank 1 > rank 100 > rank 1000", counts.get(ranked[0], 0) > counts.get(ranked[99], 0) > counts.get(ranked[999], 0),
          str(counts))

    # distribution_metadata: one row per file, consistent with the downloads.
    meta = f"file('{os.path.join(a, 'distribution_metadata', '*.parquet')}')"
    (meta_rows, meta_files, meta_names) = rows(f"SELECT count(), uniqExact(filename), uniqExact(name) FROM {meta}")[0]
    check("metadata: one row per file", meta_rows == meta_files, f"{meta_rows} rows, {meta_files} files")
    missing = rows(f"SELECT count() FROM (SELECT DISTINCT file.filename AS f FROM {src}) WHERE f NOT IN (SELECT filename FROM {meta})")
    check("every downloaded file is in the metadata", missing == [["0"]], str(missing))
    early = rows(f"SELECT count() FROM (SELECT file.filename AS f, min(timestamp) AS t FROM {src} GROUP BY f) AS d "
                 f"JOIN (SELECT filename, upload_time FROM {meta}) AS m ON d.f = m.filename WHERE d.t < m.upload_time - INTERVAL 1 DAY")
    check("no download before its file's upload day", early == [["0"]], str(early))
    deps = rows(f"SELECT count() FROM (SELECT arrayJoin(requires_dist) AS r FROM {meta}) "
                f"WHERE splitByString('>=', r)[1] NOT IN (SELECT name FROM {meta})")
    check("requires_dist names generated projects", deps == [["0"]], str(deps))
    has_deps = float(rows(f"SELECT avg(length(requires_dist) > 0) FROM {meta}")[0][0])
    check("most projects have dependencies", 0.5 <= has_deps <= 0.98, has_deps)
    meta_cols = [r[0] for r in rows(f"DESCRIBE {meta}")]
    for col in ["metadata_version", "name", "version", "summary", "author", "author_email", "license", "home_page",
                "requires_python", "requires_dist", "upload_time", "filename", "size", "path", "python_version",
                "packagetype", "md5_digest", "sha256_digest", "blake2_256_digest", "classifiers", "project_urls"]:
        if col not in meta_cols:
            check(f"metadata column {col}", False, str(meta_cols))
    check("metadata has ClickPy's projects columns", len(meta_cols) == 37, str(len(meta_cols)))

    # Release waves: on the last day, the newest release of boto3 (released >= 3 days before) leads.
    newest = rows(f"SELECT version FROM {meta} WHERE name = 'boto3' AND upload_time < toDateTime64('2026-03-26', 6, 'UTC') "
                  f"ORDER BY upload_time DESC LIMIT 1")
    lead = rows(f"SELECT file.version, count() AS c FROM {src} WHERE project = 'boto3' AND toDate(timestamp) = '2026-03-29' "
                f"GROUP BY 1 ORDER BY c DESC LIMIT 1")
    newer = rows(f"SELECT groupArray(version) FROM {meta} WHERE name = 'boto3' AND upload_time >= toDateTime64('2026-03-26', 6, 'UTC') "
                 f"AND upload_time < toDateTime64('2026-03-30', 6, 'UTC')")
    check("release wave: the day's top boto3 version is its newest (or a newer) release",
          bool(lead) and (lead[0][0] == newest[0][0] or lead[0][0] in newer[0][0]), f"{lead} vs {newest}, newer {newer}")

    # JSON lines.
    j = os.path.join(tmp, "j")
    generate(j, "--downloads", "20000", "--days", "3", "--end-date", "2025-01-07", "--format", "jsonl", "--projects", "500")
    jsrc = f"file('{os.path.join(j, 'file_downloads', '*', '*.jsonl.gz')}', JSONEachRow)"
    check("jsonl: exact row count", rows(f"SELECT count() FROM {jsrc}") == [["20000"]], str(rows(f"SELECT count() FROM {jsrc}")))
    import gzip
    day_dir = os.path.join(j, "file_downloads", "2025-01-07")
    with gzip.open(os.path.join(day_dir, sorted(os.listdir(day_dir))[0]), "rt") as fh:
        first_row = json.loads(fh.readline())
    check("jsonl: BigQuery NDJSON shape", re.fullmatch(r"2025-01-07 \d\d:\d\d:\d\d UTC", first_row["timestamp"]) is not None
          and set(first_row) == set(expected) and set(first_row["file"]) == {"filename", "project", "version", "type"}
          and "libc" in first_row["details"]["distro"], json.dumps(first_row)[:300])
    jprojects = int(rows(f"SELECT uniqExact(project) FROM {jsrc}")[0][0])
    check("--projects limits the projects", 0 < jprojects <= 500, jprojects)

    # DuckDB reads the generated files.
    duck = subprocess.run([os.path.join(ROOT, "tests", "parquet", "run_parquet_test.sh"), TALLY, "duckdb_query.mjs"],
                          capture_output=True, text=True,
                          env={**os.environ, "DUCKDB_SQL": f"SELECT count(*)::BIGINT AS n, count(DISTINCT project)::BIGINT AS p, "
                               f"sum((details.installer.name = 'pip')::INT)::BIGINT AS pip, max(timestamp)::VARCHAR AS t "
                               f"FROM read_parquet('{files}')"})
    expect = rows(f"SELECT count(), uniqExact(project), countIf(details.installer.name = 'pip'), toString(max(timestamp)) FROM {src}")[0]
    got = json.loads(duck.stdout)[0] if duck.returncode == 0 else {}
    check("DuckDB reads the Parquet files", duck.returncode == 0 and [str(got.get(k)) for k in ("n", "p", "pip")] == expect[:3]
          and got.get("t", "").startswith(expect[3][:19].replace(" ", " ")), f"{duck.stderr[-500:]} {got} vs {expect}")

    # Errors.
    for args, pattern in [(["--downloads", "x"], r"Code: 36\..*--downloads"), (["--format", "csv"], r"Code: 36\..*--format"),
                          (["--end-date", "2025-13-01"], r"Code: 36\."), (["--bogus", "1"], r"Code: 36\..*--bogus"),
                          (["--compression", "lzma"], r"Code: 36\.")]:
        r = subprocess.run([TALLY, "pypi", "generate", "--out", os.path.join(tmp, "e"), *args], capture_output=True, text=True)
        check(f"error for {' '.join(args)}", r.returncode != 0 and re.search(pattern, r.stderr) is not None, r.stderr)
    r = subprocess.run([TALLY, "pypi", "frobnicate"], capture_output=True, text=True)
    check("unknown pypi subcommand", r.returncode != 0 and "generate" in r.stderr, r.stderr)
    print(summary.strip().splitlines()[-1] if summary.strip() else "")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{checks} checks, {failures} failures")
sys.exit(1 if failures else 0)
