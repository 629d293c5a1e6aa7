#!/usr/bin/env python3
"""ClickPy's data model (apps/pypi/schema.sql) on tally's durable storage: rows inserted into
the raw table reach all twenty-one rollups (ci included) through their materialized views, and every rollup
equals the same aggregation over the raw table — after the inserts, after merges (OPTIMIZE
FINAL), after the data directory is reopened, and after one day is repaired with seed 002's
procedure (delete the day from the daily rollups and the raw table, drop the non-daily views,
re-insert the day, recreate the views, rebuild their tables)."""
import os
import subprocess
import sys
import tempfile

TALLY = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "apps", "pypi", "schema.sql")

DAILY = {
    "pypi_downloads_per_day": ["date", "project"],
    "pypi_downloads_per_day_by_version": ["date", "project", "version"],
    "pypi_downloads_per_day_by_version_by_country": ["date", "project", "version", "country_code"],
    "pypi_downloads_per_day_by_version_by_file_type": ["date", "project", "version", "type"],
    "pypi_downloads_per_day_by_version_by_python": ["date", "project", "version", "python_minor"],
    "pypi_downloads_per_day_by_version_by_system": ["date", "project", "version", "system"],
    "pypi_downloads_per_day_by_version_by_installer_by_type_by_country":
        ["date", "project", "version", "country_code", "installer", "type"],
    "pypi_downloads_per_day_by_version_by_python_by_country": ["date", "project", "version", "country_code", "python_minor"],
    "pypi_downloads_per_day_by_version_by_system_by_country": ["date", "project", "version", "country_code", "system"],
    # `type` is in this key in tally (ClickPy left it out, so its merges collapsed types).
    "pypi_downloads_per_day_by_version_by_installer_by_type": ["date", "project", "version", "installer", "type"],
    # tally's additions: package-manager trends over all projects, breakdowns without the version.
    "pypi_downloads_per_day_by_installer": ["date", "installer"],
    "pypi_downloads_per_day_by_python": ["date", "project", "python_minor"],
    "pypi_downloads_per_day_by_system": ["date", "project", "system"],
    "pypi_downloads_per_day_by_country": ["date", "project", "country_code"],
    "pypi_downloads_per_day_by_installer_by_type": ["date", "project", "installer", "type"],
    "pypi_downloads_per_day_by_python_by_system_by_country_by_installer_by_type":
        ["date", "project", "country_code", "installer", "python_minor", "system", "type"],
    "pypi_downloads_by_date": ["date", "project"],  # sorted by date first
}
NON_DAILY = {"pypi_downloads": ["project"], "pypi_downloads_by_version": ["project", "version"]}


def run(path, sql, fmt="TabSeparated"):
    r = subprocess.run([TALLY, "local", "--path", path, "--output-format", fmt, "-n", "-q", sql],
                       capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if r.returncode != 0:
        raise SystemExit(f"query failed ({r.returncode}): {sql[:200]}\n{r.stderr}")
    return r.stdout


def generate(day_offset_from, days, rows, seed):
    """INSERT of `rows` deterministic downloads spread over `days` days ending today - day_offset_from."""
    return f"""INSERT INTO pypi.pypi SELECT
        today() - {day_offset_from} - (cityHash64(number, {seed}, 1) % {days}) AS date,
        ['US', 'DE', 'CN', 'FR', 'GB', 'JP', ''][cityHash64(number, {seed}, 2) % 7 + 1] AS country_code,
        ['numpy', 'pandas', 'requests', 'boto3', 'urllib3', 'tally-demo'][cityHash64(number, {seed}, 3) % 6 + 1] AS project,
        ['bdist_wheel', 'sdist'][cityHash64(number, {seed}, 4) % 2 + 1] AS type,
        ['pip', 'uv', 'poetry', 'bandersnatch'][cityHash64(number, {seed}, 5) % 4 + 1] AS installer,
        ['3.8', '3.9', '3.10', '3.11', '3.12', ''][cityHash64(number, {seed}, 6) % 6 + 1] AS python_minor,
        ['Linux', 'Windows', 'Darwin', ''][cityHash64(number, {seed}, 7) % 4 + 1] AS system,
        concat('1.', toString(cityHash64(number, {seed}, 8) % 5)) AS version,
        ['false', 'true', 'unknown'][cityHash64(number, {seed}, 9) % 3 + 1] AS ci
    FROM numbers({rows})"""


def check(path, stage):
    """Runs every comparison in one process: each rollup query, then its raw-table twin."""
    pairs = []
    for table, keys in {**DAILY, **NON_DAILY}.items():
        k = ", ".join(keys + ["ci"])  # every count rollup carries the CI dimension
        pairs.append((table, f"SELECT {k}, sum(count) FROM pypi.{table} GROUP BY {k} ORDER BY {k}",
                      f"SELECT {k}, count() FROM pypi.pypi GROUP BY {k} ORDER BY {k}"))
    pairs.append(("pypi_downloads (FINAL)", "SELECT project, ci, count FROM pypi.pypi_downloads FINAL ORDER BY project, ci",
                  "SELECT project, ci, count() FROM pypi.pypi GROUP BY project, ci ORDER BY project, ci"))
    pairs.append(("pypi_downloads_max_min",
                  "SELECT project, max(max_date), min(min_date) FROM pypi.pypi_downloads_max_min GROUP BY project ORDER BY project",
                  "SELECT project, max(date), min(date) FROM pypi.pypi GROUP BY project ORDER BY project"))
    pairs.append(("pypi_downloads_per_month",
                  "SELECT month, project, ci, sum(count) FROM pypi.pypi_downloads_per_month GROUP BY month, project, ci "
                  "ORDER BY month, project, ci",
                  "SELECT toStartOfMonth(date) AS month, project, ci, count() FROM pypi.pypi GROUP BY month, project, ci "
                  "ORDER BY month, project, ci"))
    script = ";\n".join(f"{a};\nSELECT '@@';\n{b};\nSELECT '@@'" for _, a, b in pairs) + ";"
    chunks = run(path, script).split("@@\n")
    failures = []
    for i, (name, _, _) in enumerate(pairs):
        a, b = chunks[2 * i], chunks[2 * i + 1]
        if a != b or not a.strip():
            failures.append(f"{stage}: {name} differs from the raw table ({len(a.splitlines())} vs {len(b.splitlines())} rows)")
    return failures


def main():
    with tempfile.TemporaryDirectory(prefix="tally-clickpy-") as path:
        r = subprocess.run([TALLY, "local", "--path", path, "--queries-file", SCHEMA], capture_output=True, text=True,
                           stdin=subprocess.DEVNULL)
        if r.returncode != 0:
            raise SystemExit("schema failed: " + r.stderr)
        # Three inserts: two years back, the last weeks, and a burst of small ones.
        run(path, generate(0, 700, 300000, 1))
        run(path, generate(0, 30, 100000, 2))
        for i in range(5):
            run(path, generate(0, 3, 2000, 10 + i))
        total = int(run(path, "SELECT count() FROM pypi.pypi"))
        assert total == 300000 + 100000 + 5 * 2000, total
        failures = check(path, "after inserts")
        parts_before = int(run(path, "SELECT count() FROM system.parts WHERE database = 'pypi' AND table = 'pypi_downloads'"))

        tables = ["pypi"] + list(DAILY) + list(NON_DAILY) + ["pypi_downloads_max_min", "pypi_downloads_per_month"]
        run(path, ";\n".join(f"OPTIMIZE TABLE pypi.{t} FINAL" for t in tables) + ";")
        parts_after = int(run(path, "SELECT count() FROM system.parts WHERE database = 'pypi' AND table = 'pypi_downloads'"))
        if not (parts_after == 1 and parts_before >= 1):
            failures.append(f"OPTIMIZE FINAL left {parts_after} parts (had {parts_before})")
        failures += check(path, "after merges")

        # Seed 002's repair of one day: the day is re-loaded from a corrected source.
        day = run(path, "SELECT toString(today() - 10)").strip()
        run(path, ";\n".join(f"DELETE FROM pypi.{t} WHERE date = '{day}'" for t in list(DAILY)) + ";")
        run(path, f"DELETE FROM pypi.pypi WHERE date = '{day}'")
        views = {}
        for table in list(NON_DAILY) + ["pypi_downloads_max_min", "pypi_downloads_per_month"]:
            views[table] = run(path, f"SELECT create_table_query FROM system.tables WHERE database = 'pypi' AND name = '{table}_mv'",
                               "TSVRaw").strip()
            run(path, f"DROP TABLE pypi.{table}_mv")
        run(path, generate(10, 1, 7777, 99))
        for table, ddl in views.items():
            run(path, ddl)
            run(path, f"TRUNCATE TABLE pypi.{table}")
        for table, keys in NON_DAILY.items():
            k = ", ".join(keys + ["ci"])
            run(path, f"INSERT INTO pypi.{table} SELECT {k}, count() AS count FROM pypi.pypi GROUP BY {k}")
        run(path, "INSERT INTO pypi.pypi_downloads_max_min SELECT project, max(date), min(date) FROM pypi.pypi GROUP BY project")
        run(path, "INSERT INTO pypi.pypi_downloads_per_month SELECT toStartOfMonth(date) AS month, project, ci, count() "
                  "FROM pypi.pypi GROUP BY month, project, ci")
        repaired = int(run(path, f"SELECT count() FROM pypi.pypi WHERE date = '{day}'"))
        if repaired != 7777:
            failures.append(f"the repaired day holds {repaired} rows, expected 7777")
        failures += check(path, "after repairing a day")
        # A new insert after the repair still reaches every rollup.
        run(path, generate(0, 5, 3000, 7))
        failures += check(path, "after an insert following the repair")
        # ClickPy's two dictionaries answer from the tables they are defined over.
        run(path, "INSERT INTO pypi.countries VALUES ('Germany', 'DE'), ('India', 'IN');"
                  "INSERT INTO pypi.projects (name, version, upload_time) VALUES ('numpy', '1.0', '2024-01-02 03:04:05.678'), "
                  "('numpy', '2.0', '2025-06-07 08:09:10.111'); SYSTEM RELOAD DICTIONARIES")
        looked_up = run(path, "SELECT dictGet('pypi.countries_dict', 'name', 'IN'), dictHas('pypi.countries_dict', 'FR'), "
                              "dictGet('pypi.last_updated_dict', 'last_update', 'numpy')").strip()
        if looked_up != "India\t0\t2025-06-07 08:09:10.111":
            failures.append(f"dictionaries: {looked_up!r}")
        # Every statement above was logged, durably, in system.query_log.
        log = run(path, "SELECT countIf(type = 'QueryFinish' AND query_kind = 'Insert' AND written_rows > 0), "
                        "countIf(type = 'QueryFinish' AND query_kind = 'Select' AND read_rows > 0 AND query_duration_ms >= 0), "
                        "countIf(type = 'QueryFinish' AND query LIKE 'DELETE FROM pypi.pypi WHERE%') FROM system.query_log").split()
        if not (int(log[0]) >= 8 and int(log[1]) >= 50 and int(log[2]) == 1):
            failures.append(f"system.query_log misses statements: {log}")
        parts = run(path, "SELECT sum(rows) FROM system.parts WHERE database = 'pypi' AND table = 'pypi'").strip()
        if parts != run(path, "SELECT count() FROM pypi.pypi").strip():
            failures.append("system.parts rows differ from the table's count")

    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"ClickPy model: 17 rollup checks x 4 stages passed ({total} rows at first)")


if __name__ == "__main__":
    main()
