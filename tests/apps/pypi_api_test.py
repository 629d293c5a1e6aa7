#!/usr/bin/env python3
"""The PyPI app's server side (docs/pypi_app.md) over a real `tally server` and, as the oracle,
Debian's ClickHouse 18.16 loaded with the same rows:

* every widget, with every filter, answers the rows its query gives on the raw table (the rollup
  the chooser picked holds the same data) — checked on tally;
* every widget query, its parameters written as literals, gives the same rows on ClickHouse
  18.16, except the queries 18.16's dialect cannot run (UNSUPPORTED_ON_18_16, documented in
  docs/pypi_app.md): those must fail there, not silently pass;
* the rollup choice: the smallest covering table, the raw table when none covers;
* the pypistats.org API: shapes, parameters, 404s, values recomputed from the raw table;
* badges: valid SVG with the pepy-style value; errors: 400/404 with suggestions;
* the same app over ClickHouse 18.16 (`tally server --pypi_clickhouse`): every widget, the
  pypistats.org API and badges answer what the embedded app answers, the queries 18.16 cannot
  run fail with ClickHouse's error.

Usage: pypi_api_test.py <tally binary>"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "storage"))
import pypi_data  # noqa: E402
from sql_literals import with_literals  # noqa: E402
from server_process import Server  # noqa: E402

TALLY = os.path.abspath(sys.argv[1])
ROWS = 300000
CH_HTTP, CH_TCP = 18731, 19731

# Widget queries ClickHouse 18.16 cannot run, and why (docs/pypi_app.md keeps the same list).
UNSUPPORTED_ON_18_16 = {
    "stable": "DDL dictionaries (last_updated_dict) do not exist in 18.16",
    "countries": "DDL dictionaries (countries_dict) do not exist in 18.16",
    "emerging": "18.16 has no SimpleAggregateFunction: its copy of pypi_downloads_max_min keeps AggregateFunction "
                "states, read with minMerge, not min",
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL", message)


def http_get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


def on_raw_table(sql):
    """The widget's query on the raw table: every count rollup replaced by pypi.pypi."""
    sql = re.sub(r"pypi\.pypi_downloads(?!_max_min|_per_month)\w*", "pypi.pypi", sql)
    return sql.replace("sumIf(count, ", "countIf(").replace("sum(count)", "count()")


def tally_query(server, sql, fmt="TabSeparated", params=None):
    extra = "&default_format=" + fmt + "&output_format_json_quote_64bit_integers=0"
    for k, v in (params or {}).items():
        extra += "&param_" + urllib.parse.quote(k) + "=" + urllib.parse.quote(v)
    return server.query(sql, params=extra)


def ch_query(sql):
    req = urllib.request.Request(f"http://127.0.0.1:{CH_HTTP}/?allow_experimental_low_cardinality_type=1",
                                 data=sql.encode(), method="POST")
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return True, r.read().decode()
    except urllib.error.HTTPError as e:
        return False, e.read().decode()


def norm(v):
    if isinstance(v, float) and v == int(v):
        return str(int(v))
    return str(v)


def rows_of(json_rows, columns):
    return [[norm(r[c]) for c in columns] for r in json_rows]


PACKAGE_FILTERS = ["", "min_date={d60}&max_date={d1}", "version=2.1", "country_code=DE", "type=sdist",
                   "python_minor=3.11", "system=Windows", "installer=uv", "ci=exclude", "ci=true",
                   "version=1.0&country_code=US&type=bdist_wheel", "installer=pip&python_minor=3.12&system=Linux",
                   "min_date={d200}&installer=uv&ci=false"]
PACKAGE_WIDGETS = ["date_range", "rank", "downloads_by_period", "downloads_over_time", "top_versions", "python_over_time",
                   "system_over_time", "countries", "file_types_by_installer", "dependents", "dependencies"]


def widget_urls(days):
    urls = ["totals", "top_packages", "top_packages?limit=10&ci=exclude", "search?q=Py", "recent_releases", "emerging",
            "stable", "hot", "installer_trends", "freshness", "compare_over_time?packages=numpy,pandas,tiny-lib",
            "compare_over_time?packages=boto3,requests&min_date={d60}&installer=pip",
            "package_details?package=numpy", "filter_values?package=numpy&column=version",
            "filter_values?package=requests&column=installer&type=sdist"]
    for package in ["boto3", "tiny-lib"]:
        for w in PACKAGE_WIDGETS:
            for f in PACKAGE_FILTERS:
                urls.append(f"{w}?package={package}" + ("&" + f if f else ""))
    return [u.format(**days) for u in urls]


def main():
    downloads, projects, countries = pypi_data.generate(TALLY, ROWS)
    with tempfile.TemporaryDirectory(prefix="tally-pypi-api-") as tmp:
        ch_dir = os.path.join(tmp, "ch")
        subprocess.run([os.path.join(ROOT, "scripts", "clickhouse-oracle.sh"), "start", ch_dir, str(CH_HTTP), str(CH_TCP)],
                       check=True)
        server = None
        try:
            schema = subprocess.run([os.path.join(ROOT, "scripts", "pypi-schema-ch18.sh")], capture_output=True, text=True,
                                    check=True).stdout
            for statement in [s.strip() for s in schema.split(";") if s.strip()]:
                ok, err = ch_query(statement)
                assert ok, err
            server = Server(TALLY, os.path.join(tmp, "tally"))
            for target, query, data in [("pypi", "INSERT INTO pypi.pypi FORMAT TabSeparated", downloads),
                                        ("projects", f"INSERT INTO pypi.projects ({pypi_data.PROJECT_COLUMNS}) FORMAT TabSeparated", projects),
                                        ("countries", "INSERT INTO pypi.countries FORMAT TabSeparated", countries)]:
                server.query(query, body=data.encode())
                ok, err = ch_query(query + "\n" + data)
                assert ok, err
            server.query("SYSTEM RELOAD DICTIONARIES")
            count = tally_query(server, "SELECT count() FROM pypi.pypi").strip()
            check(count == str(ROWS), f"tally holds {count} rows, expected {ROWS}")

            days = {k: tally_query(server, f"SELECT toString(today() - {n})").strip() for k, n in
                    [("d1", 1), ("d60", 60), ("d200", 200)]}
            checked_raw = checked_ch = 0
            unsupported_seen = set()
            tables = set()
            for url in widget_urls(days):
                status, headers, body = http_get(server.port, "/api/app/widgets/" + url)
                if status != 200:
                    check(False, f"{url}: HTTP {status} {body[:300]}")
                    continue
                w = json.loads(body)
                name = w["widget"]
                tables.add(w["table"])
                columns = [c["name"] for c in w["columns"]]
                check(set(w) >= {"widget", "table", "sql", "params", "play", "columns", "rows", "elapsed_ms"}, f"{url}: fields {sorted(w)}")
                check(w["play"].startswith("/play?user=play"), f"{url}: play link {w['play'][:80]}")
                # 1. The chosen table holds the same data as the raw table.
                if w["table"].startswith("pypi.pypi_downloads") and name != "hot":
                    raw = tally_query(server, on_raw_table(w["sql"]), "JSONEachRow", w["params"])
                    raw_rows = rows_of([json.loads(line) for line in raw.splitlines()], columns)
                    check(raw_rows == rows_of(w["rows"], columns),
                          f"{url}: {w['table']} differs from the raw table: {rows_of(w['rows'], columns)[:5]} vs {raw_rows[:5]}")
                    checked_raw += 1
                # 2. ClickHouse 18.16 gives the same rows.
                sql = with_literals(w["sql"], w["params"])
                ok, ch = ch_query(sql + " FORMAT TabSeparated")
                if name in UNSUPPORTED_ON_18_16:
                    check(not ok, f"{url}: runs on 18.16 although listed as unsupported")
                    unsupported_seen.add(name)
                    continue
                if not ok:
                    check(False, f"{url}: ClickHouse 18.16 failed: {ch[:300]}\n  SQL: {sql[:500]}")
                    continue
                mine = tally_query(server, sql)
                check(mine == ch, f"{url}: tally and ClickHouse 18.16 differ:\n  tally {mine[:300]!r}\n  ch    {ch[:300]!r}\n  SQL: {sql[:400]}")
                checked_ch += 1
            print(f"{checked_raw} widget queries checked against the raw table, {checked_ch} against ClickHouse 18.16; "
                  f"not runnable on 18.16: {sorted(unsupported_seen)}")
            check(checked_raw > 200 and checked_ch > 200, "too few widget queries checked")
            check("pypi.pypi" in tables, "no filter combination fell back to the raw table")
            check(len([t for t in tables if t.startswith("pypi.pypi_downloads")]) >= 10, f"few rollups chosen: {sorted(tables)}")

            check_remote_app(server, os.path.join(tmp, "remote-ch"), widget_urls(days), CH_HTTP, "ClickHouse 18.16")
            check_remote_app(server, os.path.join(tmp, "remote-tally"), widget_urls(days), server.port, "tally server")
            check_chooser(server)
            check_pypistats(server)
            check_badges(server)
            check_cache_follows_data(server)
            check_errors(server)
        finally:
            if server:
                server.stop()
            subprocess.run([os.path.join(ROOT, "scripts", "clickhouse-oracle.sh"), "stop", ch_dir], check=False)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("ok")


def widget(server, url):
    status, _, body = http_get(server.port, "/api/app/widgets/" + url)
    assert status == 200, (url, status, body[:300])
    return json.loads(body)


def check_remote_app(server, path, urls, backend_port, backend):
    """A second tally server whose app reads another server (--pypi_clickhouse). On ClickHouse
    18.16, which has no query parameters, they travel as checked literals; on a tally server as
    param_*. The rollup chooser reads that server's catalog. Every answer equals the embedded
    app's, except the widgets 18.16 cannot run."""
    os.makedirs(path)
    remote = Server(TALLY, os.path.join(path, "data"), ["--pypi_clickhouse", f"http://default@127.0.0.1:{backend_port}"])
    unsupported = UNSUPPORTED_ON_18_16 if backend_port == CH_HTTP else {}
    try:
        compared = failed_as_expected = 0
        for url in urls:
            _, _, body = http_get(server.port, "/api/app/widgets/" + url)
            status, _, remote_body = http_get(remote.port, "/api/app/widgets/" + url)
            local = json.loads(body)
            name = local["widget"]
            if name in unsupported:
                # 18.16's own error, its code and message (its old text form parsed, not wrapped).
                err = json.loads(remote_body) if status == 500 else {}
                check(err.get("code") == 36 and err.get("error", "").startswith("Code: 36. DB::Exception: No such external dictionary")
                      or err.get("code", 0) > 0 and name == "emerging",
                      f"remote {url}: expected ClickHouse's error, got {status} {remote_body[:200]}")
                failed_as_expected += 1
                continue
            if status != 200:
                check(False, f"remote {url}: HTTP {status} {remote_body[:300]}")
                continue
            r = json.loads(remote_body)
            columns = [c["name"] for c in local["columns"]]
            check([c["name"] for c in r["columns"]] == columns, f"remote {url}: columns {r['columns']} vs {local['columns']}")
            check(rows_of(r["rows"], columns) == rows_of(local["rows"], columns),
                  f"remote {url}: rows differ: {rows_of(r['rows'], columns)[:4]} vs {rows_of(local['rows'], columns)[:4]}")
            check("play" not in r, f"remote {url}: a Play link to the embedded playground")
            compared += 1
        for path_ in ["/api/packages/boto3/recent", "/api/packages/tiny-lib/overall?mirrors=false",
                      "/api/packages/boto3/python_minor?version=3.11", "/api/packages/__all__/system",
                      "/api/packages/no-such-package/recent", "/badge/boto3/month", "/badge/no-such-package"]:
            local = http_get(server.port, path_)
            theirs = http_get(remote.port, path_)
            check((theirs[0], theirs[2]) == (local[0], local[2]), f"remote {path_}: {theirs[0]} {theirs[2][:200]} vs {local[0]} {local[2][:200]}")
            compared += 1
        status, _, body = http_get(remote.port, "/api/app/widgets/top_versions?package=boto3&version=x%27%29%20OR%201%3D1%20--")
        check(status == 200 and json.loads(body)["rows"] == [], f"remote: a quote in a filter value is a value: {status} {body[:200]}")
        status, _, body = http_get(remote.port, "/dashboard/no-such-package")
        check(status == 404, f"remote: unknown package page {status}")
        print(f"app over {backend}: {compared} answers equal the embedded app's, {failed_as_expected} failed as expected")
        check(compared > 250, "too few answers compared over ClickHouse")
    finally:
        remote.stop()


def check_chooser(server):
    """The smallest table holding every column a query reads; the raw table when none does."""
    sizes = {r.split("\t")[0]: int(r.split("\t")[1]) for r in tally_query(
        server, "SELECT table, sum(rows) FROM system.parts WHERE database = 'pypi' AND active GROUP BY table").splitlines()}
    cols = {}
    for line in tally_query(server, "SELECT table, name FROM system.columns WHERE database = 'pypi' AND table IN "
                                    "(SELECT name FROM system.tables WHERE database = 'pypi' AND engine LIKE '%MergeTree')").splitlines():
        t, c = line.split("\t")
        cols.setdefault(t, set()).add(c)
    for url, needed in [("top_versions?package=boto3", {"project", "version"}),
                        ("top_versions?package=boto3&country_code=DE", {"project", "version", "country_code"}),
                        ("python_over_time?package=boto3&installer=uv", {"project", "date", "python_minor", "installer"}),
                        ("system_over_time?package=boto3&type=sdist&country_code=US", {"project", "date", "system", "type", "country_code"}),
                        ("installer_trends", {"date", "installer"}),
                        ("totals", {"project"})]:
        chosen = widget(server, url)["table"].split(".")[1]
        candidates = [t for t, c in cols.items() if needed <= c and ("count" in c or t == "pypi")]
        best = min(candidates, key=lambda t: (sizes.get(t, 0), len(cols[t]), t))
        check(chosen == best, f"chooser: {url} read {chosen}, the smallest covering table is {best}")


def check_pypistats(server):
    mirrors = "('bandersnatch', 'z3c.pypimirror', 'Artifactory', 'devpi')"
    last = tally_query(server, "SELECT toString(max(date)) FROM pypi.pypi").strip()
    for package in ["boto3", "tiny-lib", "__all__"]:
        where = "" if package == "__all__" else f" AND project = '{package}'"
        status, headers, body = http_get(server.port, f"/api/packages/{package}/recent")
        check(status == 200, f"recent {package}: {status}")
        d = json.loads(body)
        check(list(d) == ["data", "package", "type"] and d["type"] == "recent_downloads" and d["package"] == package,
              f"recent shape: {body[:200]}")
        check(list(d["data"]) == ["last_day", "last_month", "last_week"], f"recent keys: {list(d['data'])}")
        want = tally_query(server, f"SELECT countIf(date = '{last}'), countIf(date > toDate('{last}') - 7), "
                                   f"countIf(date > toDate('{last}') - 30) FROM pypi.pypi WHERE installer NOT IN {mirrors}{where}").split()
        check([str(d["data"][k]) for k in ["last_day", "last_week", "last_month"]] == want, f"recent {package}: {d['data']} vs {want}")
        status, _, body = http_get(server.port, f"/api/packages/{package}/recent?period=week")
        check(status == 200 and json.loads(body)["data"] == {"last_week": int(want[1])}, f"recent?period=week: {body}")
        # overall: both series, sorted by category then date; each value from the raw table.
        d = json.loads(http_get(server.port, f"/api/packages/{package}/overall")[2])
        check(d["type"] == "overall_downloads", "overall type")
        series = [(r["category"], r["date"], r["downloads"]) for r in d["data"]]
        check(series == sorted(series), "overall not sorted by category, date")
        want = []
        for category, cond in [("with_mirrors", "1"), ("without_mirrors", f"installer NOT IN {mirrors}")]:
            for line in tally_query(server, f"SELECT toString(date), count() FROM pypi.pypi WHERE date > toDate('{last}') - 180 "
                                            f"AND {cond}{where} GROUP BY date ORDER BY date").splitlines():
                day, n = line.split("\t")
                want.append((category, day, int(n)))
        check(series == want, f"overall {package}: {len(series)} rows vs {len(want)} expected, first {series[:2]} vs {want[:2]}")
        d = json.loads(http_get(server.port, f"/api/packages/{package}/overall?mirrors=false")[2])
        check({r["category"] for r in d["data"]} == {"without_mirrors"}, "overall?mirrors=false")
        # python_major / python_minor / system, without mirrors.
        for endpoint, category in [("python_major", "if(python_minor = '', 'null', splitByChar('.', python_minor)[1])"),
                                   ("python_minor", "if(python_minor = '', 'null', python_minor)"),
                                   ("system", "multiIf(system = '', 'null', system IN ('Windows', 'Linux', 'Darwin'), system, 'other')")]:
            d = json.loads(http_get(server.port, f"/api/packages/{package}/{endpoint}")[2])
            check(d["type"] == endpoint + "_downloads" and d["package"] == package, f"{endpoint} shape")
            got = [(r["category"], r["date"], r["downloads"]) for r in d["data"]]
            want = [(c, day, int(n)) for c, day, n in (line.split("\t") for line in tally_query(
                server, f"SELECT {category} AS c, toString(date) AS day, count() FROM pypi.pypi WHERE date > toDate('{last}') - 180 "
                        f"AND installer NOT IN {mirrors}{where} GROUP BY c, day ORDER BY c, day").splitlines())]
            check(got == want, f"{endpoint} {package}: {len(got)} vs {len(want)} rows; {got[:3]} vs {want[:3]}")
        d = json.loads(http_get(server.port, f"/api/packages/{package}/system?os=windows")[2])
        check(d["data"] and {r["category"] for r in d["data"]} == {"Windows"}, "system?os=windows (title-cased)")
        d = json.loads(http_get(server.port, f"/api/packages/{package}/python_minor?version=3.11")[2])
        check(d["data"] and {r["category"] for r in d["data"]} == {"3.11"}, "python_minor?version=3.11")
    check(http_get(server.port, "/api/packages/boto3/recent?period=year")[0] == 404, "recent?period=year must be 404")
    check(http_get(server.port, "/api/packages/no-such-package/recent")[0] == 404, "unknown package recent must be 404")
    check(http_get(server.port, "/api/packages/no-such-package/overall")[0] == 404, "unknown package overall must be 404")
    status, _, body = http_get(server.port, "/api/packages/no-such-package/python_major")
    check(status == 200 and json.loads(body)["data"] == [], "breakdowns of an unknown package are empty, not 404")
    status, _, body = http_get(server.port, "/api/packages/Typing_Extensions/recent")
    check(status == 200 and json.loads(body)["package"] == "typing-extensions", "names are normalized")


def si(n):
    units = ["", "k", "M", "G", "T", "P"]
    i = 0
    while n >= 1000 and i < 5:
        n //= 1000
        i += 1
    return f"{n}{units[i]}"


def check_badges(server):
    last = tally_query(server, "SELECT toString(max(date)) FROM pypi.pypi").strip()
    for path, label, cond in [("/badge/boto3", "downloads", "1"),
                              ("/badge/boto3/month", "downloads/month", f"date > toDate('{last}') - 30"),
                              ("/badge/tiny-lib/week", "downloads/week", f"date > toDate('{last}') - 7")]:
        status, headers, body = http_get(server.port, path)
        check(status == 200 and headers["Content-Type"].startswith("image/svg+xml"), f"{path}: {status} {headers['Content-Type']}")
        svg = ET.fromstring(body)
        check(svg.tag == "{http://www.w3.org/2000/svg}svg", f"{path}: not SVG")
        package = path.split("/")[2]
        n = int(tally_query(server, f"SELECT count() FROM pypi.pypi WHERE project = '{package}' AND {cond}"))
        texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
        check(label in texts and si(n) in texts, f"{path}: texts {texts}, expected {label} and {si(n)}")
    status, _, body = http_get(server.port, "/badge/boto3?units=none&left_text=installs%3Cb%3E&right_color=blue")
    svg = ET.fromstring(body)
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    n = tally_query(server, "SELECT count() FROM pypi.pypi WHERE project = 'boto3'").strip()
    check("installs<b>" in texts and n in texts and "#007ec6" in body, f"personalized badge: {texts}")
    status, _, body = http_get(server.port, "/badge/no-such-package")
    check(status == 404 and ET.fromstring(body) is not None, "unknown package badge is a 404 SVG")


def check_cache_follows_data(server):
    """The API and badges answer repeated requests from a cache: a load must show within ~1 s."""
    last = tally_query(server, "SELECT toString(max(date)) FROM pypi.pypi").strip()
    recent = lambda: json.loads(http_get(server.port, "/api/packages/tiny-lib/recent")[2])["data"]["last_day"]
    badge_texts = lambda: [t.text for t in ET.fromstring(http_get(server.port, "/badge/tiny-lib?units=none")[2])
                           .iter("{http://www.w3.org/2000/svg}text")]
    before, before_badge = recent(), badge_texts()
    check(recent() == before and badge_texts() == before_badge, "repeated answers differ without a load")
    total = int(tally_query(server, "SELECT count() FROM pypi.pypi WHERE project = 'tiny-lib'"))
    server.query("INSERT INTO pypi.pypi (date, country_code, project, type, installer, python_minor, system, version, ci) "
                 f"SELECT toDate('{last}'), 'US', 'tiny-lib', 'bdist_wheel', 'pip', '3.12', 'Linux', '1.0', 'false' FROM numbers(7)")
    time.sleep(1.2)
    check(recent() == before + 7, f"recent after a load: {recent()} vs {before} + 7")
    check(str(total + 7) in badge_texts(), f"badge after a load: {badge_texts()} vs {total} + 7")


def check_errors(server):
    for url, status in [("top_versions?package=boto3&min_date=2025-13-01", 400), ("top_versions", 400),
                        ("top_versions?package=boto3&ci=maybe", 400), ("top_versions?package=boto3&bogus=1", 400),
                        ("compare_over_time?packages=a,b,c,d,e,f", 400), ("no_such_widget", 404),
                        ("filter_values?package=boto3&column=project;DROP", 500)]:
        got, _, body = http_get(server.port, "/api/app/widgets/" + url)
        check(got == status and "error" in json.loads(body), f"{url}: {got} {body[:200]}")
    got, _, body = http_get(server.port, "/api/app/widgets/top_versions?package=bot03")
    d = json.loads(body)
    check(got == 404 and "boto3" in d.get("suggestions", []), f"unknown package: {got} {body[:200]}")
    got, _, body = http_get(server.port, "/api/app/widgets/top_versions?package=boto3&format=csv")
    lines = body.splitlines()
    check(got == 200 and lines[0] == "version,downloads" and len(lines) == 7, f"CSV download: {lines[:3]}")
    # The ClickHouse interface is unchanged: GET / without a browser's Accept still answers Ok.
    check(http_get(server.port, "/")[2] == "Ok.\n", "GET / for a client")
    # A read-only play user exists with ClickPy's limits.
    out = server.query("SELECT 1", params="&user=play")
    check(out.strip() == "1", "play user can read")
    try:
        server.query("CREATE TABLE pypi.x (a UInt8) ENGINE = Memory", params="&user=play")
        check(False, "play user could create a table")
    except RuntimeError as e:
        check("164" in str(e) or "READONLY" in str(e) or "497" in str(e), f"play write refused with {e}")


if __name__ == "__main__":
    main()
