-- ClickPy's data model (ClickHouse/clickpy), as tally creates it: the raw downloads table,
-- its rollups fed by materialized views, project metadata, countries and the two dictionaries
-- over them. Table and column names, types and sorting keys are ClickPy's, so the same queries
-- run on both, with what ClickPy's users asked for (docs/pypi_app.md):
--   * `ci` (Enum8 false/true/unknown) in the raw table and every count rollup, last in the key;
--   * pypi_downloads_per_day_by_installer, package-manager trends over all projects;
--   * per-project daily breakdowns without the version (by python, system, country, installer
--     and type, and one by all of them), so package pages without a version filter read fewer
--     rows, whatever their other filters;
--   * pypi_downloads_by_date: the daily counts sorted by date first (ranges over every project);
--   * `type` in the sorting key of ..._by_installer_by_type (ClickPy's merges collapsed it);
--   * pypi_downloads_per_month holds every month (ClickPy's view forwards only the last 6);
--   * LowCardinality(String) for project, version and the other dimensions (ClickPy: String):
--     grouping and sorting by dictionary codes make loading through the views about 30% cheaper
--     in CPU, and the app's queries are the same.
-- Statements are idempotent (IF NOT EXISTS).

CREATE DATABASE IF NOT EXISTS pypi;

CREATE TABLE IF NOT EXISTS pypi.pypi
(
    `date` Date,
    `country_code` LowCardinality(String),
    `project` LowCardinality(String),
    `type` LowCardinality(String),
    `installer` LowCardinality(String),
    `python_minor` LowCardinality(String),
    `system` LowCardinality(String),
    `version` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2) DEFAULT 'unknown'
)
ENGINE = MergeTree
ORDER BY (project, date, version, country_code, python_minor, system);

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads
(
    `project` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_mv TO pypi.pypi_downloads
AS SELECT project, ci, count() AS count
FROM pypi.pypi
GROUP BY project, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_by_version
(
    `project` LowCardinality(String),
    `version` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, version, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_by_version_mv TO pypi.pypi_downloads_by_version
AS SELECT project, version, ci, count() AS count
FROM pypi.pypi
GROUP BY project, version, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day
(
    `date` Date,
    `project` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, date, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_mv TO pypi.pypi_downloads_per_day
AS SELECT date, project, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, ci;

-- tally's addition: the daily counts sorted by date first, for queries over a date range of
-- every project (rank among all packages, emerging and hot packages): the range is a slice of it.
CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_by_date
(
    `date` Date,
    `project` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (date, project, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_by_date_mv TO pypi.pypi_downloads_by_date
AS SELECT date, project, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_version
(
    `date` Date,
    `project` LowCardinality(String),
    `version` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, version, date, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_mv TO pypi.pypi_downloads_per_day_by_version
AS SELECT date, project, version, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, version, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_country
(
    `date` Date,
    `project` LowCardinality(String),
    `version` LowCardinality(String),
    `country_code` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, version, date, country_code, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_country_mv TO pypi.pypi_downloads_per_day_by_version_by_country
AS SELECT date, project, version, country_code, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, version, country_code, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_file_type
(
    `date` Date,
    `project` LowCardinality(String),
    `version` LowCardinality(String),
    `type` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, version, date, type, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_file_type_mv TO pypi.pypi_downloads_per_day_by_version_by_file_type
AS SELECT date, project, version, type, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, version, type, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_python
(
    `date` Date,
    `project` LowCardinality(String),
    `version` LowCardinality(String),
    `python_minor` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, version, date, python_minor, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_python_mv TO pypi.pypi_downloads_per_day_by_version_by_python
AS SELECT date, project, version, python_minor, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, version, python_minor, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_system
(
    `date` Date,
    `project` LowCardinality(String),
    `version` LowCardinality(String),
    `system` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, version, date, system, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_system_mv TO pypi.pypi_downloads_per_day_by_version_by_system
AS SELECT date, project, version, system, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, version, system, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_installer_by_type
(
    `date` Date,
    `project` LowCardinality(String),
    `version` LowCardinality(String),
    `installer` LowCardinality(String),
    `type` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, version, date, installer, type, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_installer_by_type_mv TO pypi.pypi_downloads_per_day_by_version_by_installer_by_type
AS SELECT date, project, version, installer, type, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, version, installer, type, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_installer_by_type_by_country
(
    `date` Date,
    `project` LowCardinality(String),
    `version` LowCardinality(String),
    `country_code` LowCardinality(String),
    `installer` LowCardinality(String),
    `type` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, version, date, country_code, installer, type, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_installer_by_type_by_country_mv TO pypi.pypi_downloads_per_day_by_version_by_installer_by_type_by_country
AS SELECT date, project, version, country_code, installer, type, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, version, country_code, installer, type, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_python_by_country
(
    `date` Date,
    `project` LowCardinality(String),
    `version` LowCardinality(String),
    `country_code` LowCardinality(String),
    `python_minor` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, version, date, country_code, python_minor, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_python_by_country_mv TO pypi.pypi_downloads_per_day_by_version_by_python_by_country
AS SELECT date, project, version, country_code, python_minor, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, version, country_code, python_minor, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_system_by_country
(
    `date` Date,
    `project` LowCardinality(String),
    `version` LowCardinality(String),
    `country_code` LowCardinality(String),
    `system` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, version, date, country_code, system, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_version_by_system_by_country_mv TO pypi.pypi_downloads_per_day_by_version_by_system_by_country
AS SELECT date, project, version, country_code, system, ci, count() AS count
FROM pypi.pypi
GROUP BY date, project, version, country_code, system, ci;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_max_min
(
    `project` LowCardinality(String),
    `max_date` SimpleAggregateFunction(max, Date),
    `min_date` SimpleAggregateFunction(min, Date)
)
ENGINE = AggregatingMergeTree
ORDER BY project;

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_max_min_mv TO pypi.pypi_downloads_max_min
AS SELECT project, maxSimpleState(date) AS max_date, minSimpleState(date) AS min_date
FROM pypi.pypi
GROUP BY project;

CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_month
(
    `month` Date,
    `project` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (month, project, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_month_mv TO pypi.pypi_downloads_per_month
AS SELECT toStartOfMonth(date) AS month, project, ci, count() AS count
FROM pypi.pypi
GROUP BY month, project, ci;

-- tally's additions: per-project breakdowns without the version (a package page without a
-- version filter reads one row per day and value instead of one per version too).

-- Python versions of a project by day.
CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_python
(
    `project` LowCardinality(String),
    `date` Date,
    `python_minor` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, date, python_minor, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_python_mv TO pypi.pypi_downloads_per_day_by_python
AS SELECT project, date, python_minor, ci, count() AS count
FROM pypi.pypi
GROUP BY project, date, python_minor, ci;

-- Systems of a project by day.
CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_system
(
    `project` LowCardinality(String),
    `date` Date,
    `system` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, date, system, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_system_mv TO pypi.pypi_downloads_per_day_by_system
AS SELECT project, date, system, ci, count() AS count
FROM pypi.pypi
GROUP BY project, date, system, ci;

-- Countries of a project by day.
CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_country
(
    `project` LowCardinality(String),
    `date` Date,
    `country_code` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, date, country_code, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_country_mv TO pypi.pypi_downloads_per_day_by_country
AS SELECT project, date, country_code, ci, count() AS count
FROM pypi.pypi
GROUP BY project, date, country_code, ci;

-- Installers and file types of a project by day.
CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_installer_by_type
(
    `project` LowCardinality(String),
    `date` Date,
    `installer` LowCardinality(String),
    `type` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, date, installer, type, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_installer_by_type_mv TO pypi.pypi_downloads_per_day_by_installer_by_type
AS SELECT project, date, installer, type, ci, count() AS count
FROM pypi.pypi
GROUP BY project, date, installer, type, ci;

-- tally's addition: a project's daily downloads by every dimension but the version, so a
-- package page filtered by any combination of country, installer, file type, Python version,
-- system and CI (but no version) reads this instead of the raw table: for the top package about
-- a tenth of the raw rows, fewer for the others (one row per distinct combination and day).
CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_python_by_system_by_country_by_installer_by_type
(
    `project` LowCardinality(String),
    `date` Date,
    `country_code` LowCardinality(String),
    `installer` LowCardinality(String),
    `python_minor` LowCardinality(String),
    `system` LowCardinality(String),
    `type` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (project, date, country_code, installer, python_minor, system, type, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_python_by_system_by_country_by_installer_by_type_mv TO pypi.pypi_downloads_per_day_by_python_by_system_by_country_by_installer_by_type
AS SELECT project, date, country_code, installer, python_minor, system, type, ci, count() AS count
FROM pypi.pypi
GROUP BY project, date, country_code, installer, python_minor, system, type, ci;

-- tally's addition: downloads per day by installer over all projects, for package-manager trends
-- (ClickPy PR #182: the same question over the per-project table took about 10 s).
CREATE TABLE IF NOT EXISTS pypi.pypi_downloads_per_day_by_installer
(
    `date` Date,
    `installer` LowCardinality(String),
    `ci` Enum8('false' = 0, 'true' = 1, 'unknown' = 2),
    `count` Int64
)
ENGINE = SummingMergeTree
ORDER BY (date, installer, ci);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.pypi_downloads_per_day_by_installer_mv TO pypi.pypi_downloads_per_day_by_installer
AS SELECT date, installer, ci, count() AS count
FROM pypi.pypi
GROUP BY date, installer, ci;

CREATE TABLE IF NOT EXISTS pypi.projects
(
    `metadata_version` String,
    `name` String,
    `version` String,
    `summary` String,
    `description` String,
    `description_content_type` String,
    `author` String,
    `author_email` String,
    `maintainer` String,
    `maintainer_email` String,
    `license` String,
    `keywords` String,
    `classifiers` Array(String),
    `platform` Array(String),
    `home_page` String,
    `download_url` String,
    `requires_python` String,
    `requires` Array(String),
    `provides` Array(String),
    `obsoletes` Array(String),
    `requires_dist` Array(String),
    `provides_dist` Array(String),
    `obsoletes_dist` Array(String),
    `requires_external` Array(String),
    `project_urls` Array(String),
    `uploaded_via` String,
    `upload_time` DateTime64(3),
    `filename` String,
    `size` Int64,
    `path` String,
    `python_version` String,
    `packagetype` String,
    `comment_text` String,
    `has_signature` Bool,
    `md5_digest` String,
    `sha256_digest` String,
    `blake2_256_digest` String
)
ENGINE = MergeTree
ORDER BY name;

-- tally's addition: who depends on whom, from the projects' requires_dist (names PEP 503-
-- normalized, whole names: ClickPy matched prefixes), keyed by the dependency so a package's
-- dependents are one key range.
CREATE TABLE IF NOT EXISTS pypi.project_dependencies
(
    `dependency` LowCardinality(String),
    `project` LowCardinality(String),
    `version` LowCardinality(String)
)
ENGINE = ReplacingMergeTree
ORDER BY (dependency, project, version);

CREATE MATERIALIZED VIEW IF NOT EXISTS pypi.project_dependencies_mv TO pypi.project_dependencies
AS SELECT lower(replaceRegexpAll(extract(req, '^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)'), '[-_.]+', '-')) AS dependency,
    name AS project, version
FROM pypi.projects
ARRAY JOIN requires_dist AS req;

CREATE TABLE IF NOT EXISTS pypi.countries
(
    `name` String,
    `code` String
)
ENGINE = MergeTree
ORDER BY code;

-- ClickPy's two dictionaries: country names by code, and each project's last upload.
CREATE DICTIONARY IF NOT EXISTS pypi.countries_dict
(
    `name` String,
    `code` String
)
PRIMARY KEY code
SOURCE(CLICKHOUSE(TABLE 'countries'))
LIFETIME(MIN 0 MAX 300)
LAYOUT(COMPLEX_KEY_HASHED());

CREATE DICTIONARY IF NOT EXISTS pypi.last_updated_dict
(
    `name` String,
    `last_update` DateTime64(3)
)
PRIMARY KEY name
SOURCE(CLICKHOUSE(QUERY 'SELECT name, max(upload_time) AS last_update FROM pypi.projects GROUP BY name'))
LIFETIME(MIN 0 MAX 300)
LAYOUT(COMPLEX_KEY_HASHED());
