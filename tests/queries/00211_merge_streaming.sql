-- Tags: clickhouse-reference
-- Merges larger than a merge window (65536 rows per source chunk): equal keys across parts are
-- summed in whichever window they meet, long runs of one key span several chunks, and a
-- LowCardinality column keeps every value through the merge.
SET allow_experimental_low_cardinality_type = 1;
DROP TABLE IF EXISTS ms;
CREATE TABLE ms (k UInt32, s LowCardinality(String), v UInt64) ENGINE = SummingMergeTree ORDER BY (k, s);
INSERT INTO ms SELECT number % 50000, toString(number % 700), 1 FROM numbers(300000);
INSERT INTO ms SELECT number % 70000, toString(number % 700), 2 FROM numbers(300000);
INSERT INTO ms SELECT number % 90000, toString(number % 7), 3 FROM numbers(200000);
OPTIMIZE TABLE ms FINAL;
SELECT count(), sum(v), uniqExact(k, s), uniqExact(s) FROM ms;
SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'ms' AND active;
SELECT k, s, v FROM ms WHERE k = 49999 ORDER BY s;
SELECT count(), sum(v) FROM ms WHERE k BETWEEN 60000 AND 60010;
DROP TABLE ms;
DROP TABLE IF EXISTS mo;
CREATE TABLE mo (k UInt8, n UInt64) ENGINE = MergeTree ORDER BY k;
INSERT INTO mo SELECT number % 3, number FROM numbers(200000);
INSERT INTO mo SELECT number % 2, number FROM numbers(150000);
INSERT INTO mo SELECT 2, number FROM numbers(100000);
OPTIMIZE TABLE mo FINAL;
SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'mo' AND active;
SELECT k, count(), sum(n) FROM mo GROUP BY k ORDER BY k;
SELECT count() FROM mo WHERE k = 1;
SELECT count() FROM mo WHERE k = 2;
DROP TABLE mo;
DROP TABLE IF EXISTS mr;
CREATE TABLE mr (k UInt32, ver UInt32, s String) ENGINE = ReplacingMergeTree(ver) ORDER BY k;
INSERT INTO mr SELECT number, 1, 'old' FROM numbers(150000);
INSERT INTO mr SELECT number * 2, 2, 'new' FROM numbers(100000);
INSERT INTO mr SELECT number * 3, 0, 'stale' FROM numbers(100000);
OPTIMIZE TABLE mr FINAL;
SELECT s, count() FROM mr GROUP BY s ORDER BY s;
SELECT count(), uniqExact(k) FROM mr;
DROP TABLE mr;
