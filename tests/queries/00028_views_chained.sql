-- Views fire for rows that views insert (chains), as today's ClickHouse documents; ClickHouse
-- 18.16 did not cascade, so this file has no 18.16 reference.
CREATE TABLE raw (date Date, project String, version String, country_code LowCardinality(String)) ENGINE = MergeTree ORDER BY (project, date);
CREATE TABLE per_day (project String, date Date, count Int64) ENGINE = SummingMergeTree ORDER BY (project, date);
CREATE MATERIALIZED VIEW per_day_mv TO per_day AS SELECT project, date, count() AS count FROM raw GROUP BY project, date;
INSERT INTO raw VALUES ('2024-01-01', 'numpy', '1.0', 'US'), ('2024-01-02', 'pandas', '2.0', 'US');
-- the staging pattern: a Null table whose view transforms rows into the real table
CREATE TABLE staging (ts DateTime, project String, version String, cc String) ENGINE = Null;
CREATE MATERIALIZED VIEW staging_mv TO raw AS SELECT toDate(ts) AS date, lower(project) AS project, version, cc AS country_code FROM staging;
INSERT INTO staging VALUES ('2024-01-03 10:00:00', 'NumPy', '2.0', 'JP'), ('2024-01-03 11:00:00', 'Pandas', '2.1', 'US');
SELECT count() FROM staging;
SELECT project, date, sum(count) FROM per_day GROUP BY project, date ORDER BY project, date;
-- chained: a view on a view's target
CREATE TABLE totals (n Int64) ENGINE = SummingMergeTree ORDER BY tuple();
CREATE MATERIALIZED VIEW totals_mv TO totals AS SELECT sum(count) AS n FROM per_day;
INSERT INTO raw VALUES ('2024-01-04', 'scipy', '1.0', 'US'), ('2024-01-04', 'scipy', '1.0', 'US');
SELECT sum(n) FROM totals;
SELECT count() FROM raw;
DROP TABLE totals_mv;
DROP TABLE totals;
DROP TABLE staging_mv;
DROP TABLE staging;
DROP TABLE per_day_mv;
DROP TABLE per_day;
DROP TABLE raw;
-- a failing view aborts the whole insert: nothing reaches the table or the other views
CREATE TABLE t1 (x UInt8) ENGINE = MergeTree ORDER BY x;
CREATE TABLE t1_ok (x UInt8) ENGINE = MergeTree ORDER BY x;
CREATE TABLE t1_bad (y UInt8) ENGINE = MergeTree ORDER BY y;
CREATE MATERIALIZED VIEW t1_ok_mv TO t1_ok AS SELECT x FROM t1;
CREATE MATERIALIZED VIEW t1_bad_mv TO t1_bad AS SELECT throwIf(x = 3, 'bad row') AS y FROM t1;
INSERT INTO t1 VALUES (1), (2), (3); -- { serverError FUNCTION_THROW_IF_VALUE_IS_NON_ZERO }
SELECT count() FROM t1;
SELECT count() FROM t1_ok;
INSERT INTO t1 VALUES (1), (2);
SELECT count(), sum(x) FROM t1_ok;
SELECT count() FROM t1_bad;
-- inserting into a view inserts into its target
INSERT INTO t1_ok_mv VALUES (7);
SELECT sum(x) FROM t1_ok;
DROP TABLE t1_bad_mv;
DROP TABLE t1_ok_mv;
DROP TABLE t1;
DROP TABLE t1_ok;
DROP TABLE t1_bad;
