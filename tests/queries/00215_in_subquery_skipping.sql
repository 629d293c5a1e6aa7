-- x IN (subquery) and x IN (list) skip granules through the primary index and min/max, as in
-- ClickHouse: only the granules that may hold a value of the set are read. Each query also runs
-- with the column hidden in an expression (no skipping); the results must agree.
DROP TABLE IF EXISTS per_day;
DROP TABLE IF EXISTS new_projects;
CREATE TABLE per_day (project LowCardinality(String), date Date, n UInt32, count UInt64) ENGINE = MergeTree ORDER BY (project, date) SETTINGS index_granularity = 1024;
INSERT INTO per_day SELECT concat('p', toString(intDiv(number, 730))), toDate('2023-01-01') + number % 730, number % 1000, 1 FROM numbers(730000);
CREATE TABLE new_projects (project String) ENGINE = Memory;
INSERT INTO new_projects VALUES ('p7'), ('p512'), ('p999'), ('nope');
SELECT project, sum(count), min(date) FROM per_day WHERE project IN (SELECT project FROM new_projects) GROUP BY project ORDER BY project SETTINGS max_rows_to_read = 10000;
SELECT project, sum(count), min(date) FROM per_day WHERE concat(project, '') IN (SELECT project FROM new_projects) GROUP BY project ORDER BY project;
SELECT count() FROM per_day WHERE project IN (SELECT project FROM new_projects) AND date > '2024-12-01' SETTINGS max_rows_to_read = 10000;
SELECT count() FROM per_day WHERE concat(project, '') IN (SELECT project FROM new_projects) AND date > '2024-12-01';
SELECT count() FROM per_day WHERE project IN ('p1', 'p2') SETTINGS max_rows_to_read = 10000;
SELECT count() FROM per_day WHERE n IN (SELECT toUInt32(number) FROM numbers(3)) SETTINGS max_rows_to_read = 1000000;
SELECT count() FROM per_day WHERE n + 0 IN (SELECT toUInt32(number) FROM numbers(3));
-- a set with no value of the column reads nothing; NOT IN cannot skip
SELECT count() FROM per_day WHERE project IN (SELECT 'absent') SETTINGS max_rows_to_read = 1;
SELECT count() FROM per_day WHERE project NOT IN (SELECT project FROM new_projects) SETTINGS max_rows_to_read = 10000; -- { serverError TOO_MANY_ROWS }
SELECT count() FROM per_day WHERE project NOT IN (SELECT project FROM new_projects);
DROP TABLE per_day;
DROP TABLE new_projects;
