-- Tags: clickhouse-reference
DROP TABLE IF EXISTS raw;
DROP TABLE IF EXISTS per_day;
DROP TABLE IF EXISTS per_day_mv;
DROP TABLE IF EXISTS by_project_mv;
DROP TABLE IF EXISTS staging;
DROP TABLE IF EXISTS staging_mv;
DROP TABLE IF EXISTS totals;
DROP TABLE IF EXISTS totals_mv;
CREATE TABLE raw (date Date, project String, version String, country_code String) ENGINE = MergeTree ORDER BY (project, date);
CREATE TABLE per_day (project String, date Date, count Int64) ENGINE = SummingMergeTree ORDER BY (project, date);
CREATE MATERIALIZED VIEW per_day_mv TO per_day AS SELECT project, date, toInt64(count()) AS count FROM raw GROUP BY project, date;
CREATE MATERIALIZED VIEW by_project_mv ENGINE = SummingMergeTree ORDER BY project POPULATE AS SELECT project, count() AS c FROM raw GROUP BY project;
INSERT INTO raw VALUES ('2024-01-01', 'numpy', '1.0', 'US'), ('2024-01-01', 'numpy', '1.1', 'DE'), ('2024-01-02', 'pandas', '2.0', 'US');
INSERT INTO raw VALUES ('2024-01-02', 'numpy', '1.1', 'FR');
SELECT project, date, sum(count) FROM per_day GROUP BY project, date ORDER BY project, date;
SELECT project, sum(c) FROM by_project_mv GROUP BY project ORDER BY project;
SELECT project, date, count FROM per_day FINAL ORDER BY project, date;
-- every rollup equals the aggregation over the raw table
SELECT (SELECT sum(count) FROM per_day) = (SELECT count() FROM raw);
DROP TABLE per_day_mv;
DROP TABLE by_project_mv;
DROP TABLE per_day;
DROP TABLE raw;
