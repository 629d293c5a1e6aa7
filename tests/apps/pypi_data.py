"""A small deterministic PyPI data set for the app's tests, as TSV for pypi.pypi, pypi.projects
and pypi.countries, produced by `tally local` so tally and ClickHouse 18.16 load the same rows.
Skewed packages, 420 days ending yesterday, independent mixes of every dimension with the
correlations of real data (mirrors carry no Python or system; only pip and uv report CI)."""
import subprocess

PACKAGES = ["boto3", "requests", "numpy", "pandas", "urllib3", "certifi", "idna", "typing-extensions", "packaging",
            "setuptools", "botocore", "pyyaml", "six", "attrs", "click", "jinja2", "markupsafe", "pydantic", "fastapi",
            "uvicorn", "httpx", "rich", "pytest", "tally-demo", "zope-interface", "ruamel-yaml", "backports-zoneinfo",
            "pip-tools", "uv", "tiny-lib"]


def h(k):
    return f"cityHash64(number, {k})"


DOWNLOADS_SQL = f"""
SELECT
    today() - 1 - ({h(1)} % 420) AS date,
    ['US', 'US', 'US', 'US', 'US', 'DE', 'IN', 'GB', '', 'FR', 'JP', 'IE', 'SG', 'NL'][{h(2)} % 14 + 1] AS country_code,
    {PACKAGES}[toUInt32(floor(pow(({h(3)} % 1000000) / 1000000, 2.5) * {len(PACKAGES)})) + 1] AS project,
    ['bdist_wheel', 'bdist_wheel', 'bdist_wheel', 'sdist', 'bdist_egg'][{h(4)} % 5 + 1] AS type,
    ['pip', 'pip', 'pip', 'pip', 'pip', 'uv', 'uv', 'poetry', 'requests', 'bandersnatch', '', 'Artifactory'][{h(5)} % 12 + 1] AS installer,
    if(installer IN ('bandersnatch', 'Artifactory', 'requests', 'poetry'), '',
       ['3.12', '3.12', '3.11', '3.11', '3.10', '3.9', '3.13', '3.8', '3.7', '3.14', '2.7', '3.6', '3.5'][{h(6)} % 13 + 1]) AS python_minor,
    if(installer IN ('bandersnatch', 'Artifactory'), '',
       ['Linux', 'Linux', 'Linux', 'Linux', 'Linux', 'Linux', 'Windows', 'Darwin', 'FreeBSD', ''][{h(7)} % 10 + 1]) AS system,
    concat(toString({h(8)} % 3 + 1), '.', toString({h(9)} % 4)) AS version,
    if(installer IN ('pip', 'uv'), ['false', 'false', 'true'][{h(10)} % 3 + 1], 'unknown') AS ci
FROM numbers({{rows}})
"""

PROJECTS_SQL = f"""
SELECT name, version, concat('The ', name, ' package') AS summary, concat('Author of ', name) AS author,
    ['MIT', 'BSD', 'Apache-2.0'][cityHash64(name) % 3 + 1] AS license, concat('https://example.org/', name) AS home_page,
    '>=3.8' AS requires_python,
    arrayMap(d -> concat(replaceAll(d, '-', '_'), if(cityHash64(d, name) % 2 = 1, '>=1.0', ' ; extra == "x"')),
             arrayFilter(d -> d != name AND cityHash64(d, name) % 4 = 0, {PACKAGES})) AS requires_dist,
    toDateTime(today() - 1 - (cityHash64(name, version) % 500)) + 3600 AS upload_time,
    concat(replaceAll(name, '-', '_'), '-', version, '.tar.gz') AS filename, 'sdist' AS packagetype
FROM (SELECT name, arrayJoin(['1.0', '1.1', '2.0', '2.1', '3.0', '3.2', '10.0']) AS version FROM (SELECT arrayJoin({PACKAGES}) AS name))
WHERE name != 'tiny-lib' OR version = '1.0'
"""
PROJECT_COLUMNS = "name, version, summary, author, license, home_page, requires_python, requires_dist, upload_time, filename, packagetype"

COUNTRIES_TSV = "United States\tUS\nGermany\tDE\nIndia\tIN\nUnited Kingdom\tGB\nFrance\tFR\nJapan\tJP\nIreland\tIE\nSingapore\tSG\nNetherlands\tNL\n"


def tsv(tally, sql):
    r = subprocess.run([tally, "local", "--output-format", "TabSeparated", "-q", sql], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("generating test data failed: " + r.stderr)
    return r.stdout


def generate(tally, rows):
    """(downloads TSV, projects TSV, countries TSV)."""
    return tsv(tally, DOWNLOADS_SQL.format(rows=rows)), tsv(tally, PROJECTS_SQL), COUNTRIES_TSV
