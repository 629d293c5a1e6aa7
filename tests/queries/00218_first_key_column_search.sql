-- Tags: clickhouse-reference
-- Conditions on the first column of the sorting key pick granules by binary search over the
-- primary index: equality, ranges, IN sets, values between granules, before the first and after
-- the last, runs of one value over many granules, over several parts, for LowCardinality, String,
-- integer and Date keys. Answers equal a full read of the same rows.
SET allow_experimental_low_cardinality_type = 1;
DROP TABLE IF EXISTS fk;
CREATE TABLE fk (p LowCardinality(String), s String, n UInt32, d Date, v UInt64) ENGINE = MergeTree ORDER BY (p, d) SETTINGS index_granularity = 4;
INSERT INTO fk SELECT concat('p', toString(intDiv(number, 37) % 20)), concat('s', toString(number % 50)), number, toDate('2024-01-01') + number % 40, number FROM numbers(3000);
INSERT INTO fk SELECT 'p7', 'x', 5, toDate('2024-03-01'), number FROM numbers(100);
SELECT count(), sum(v) FROM fk WHERE p = 'p7';
SELECT count(), sum(v) FROM fk WHERE p = 'p7' AND d >= toDate('2024-01-20');
SELECT count() FROM fk WHERE p = 'p70';
SELECT count() FROM fk WHERE p = 'a';
SELECT count() FROM fk WHERE p = 'z';
SELECT count() FROM fk WHERE p < 'p12';
SELECT count() FROM fk WHERE p <= 'p12';
SELECT count() FROM fk WHERE p > 'p18';
SELECT count() FROM fk WHERE p >= 'p18';
SELECT count() FROM fk WHERE p IN ('p0', 'p19', 'p5', 'q', 'p55');
SELECT count() FROM fk WHERE p IN (SELECT concat('p', toString(number)) FROM numbers(3));
SELECT count() FROM fk WHERE p > 'p3' AND p < 'p5';
DROP TABLE fk;
CREATE TABLE fk (s String, n UInt32, d Date) ENGINE = MergeTree ORDER BY s SETTINGS index_granularity = 3;
INSERT INTO fk SELECT toString(number % 11), number, toDate('2024-01-01') + number FROM numbers(500);
SELECT count(), sum(n) FROM fk WHERE s = '5';
SELECT count() FROM fk WHERE s < '10';
SELECT count() FROM fk WHERE s >= '9';
SELECT count() FROM fk WHERE s IN ('0', '10', '7');
DROP TABLE fk;
CREATE TABLE fk (n UInt32, d Date) ENGINE = MergeTree ORDER BY n SETTINGS index_granularity = 5;
INSERT INTO fk SELECT intDiv(number, 3), toDate('2024-01-01') + number % 10 FROM numbers(1000);
INSERT INTO fk SELECT 100, toDate('2024-01-01') FROM numbers(50);
SELECT count() FROM fk WHERE n = 100;
SELECT count() FROM fk WHERE n < 7;
SELECT count() FROM fk WHERE n <= 7;
SELECT count() FROM fk WHERE n > 330;
SELECT count() FROM fk WHERE n >= 333;
SELECT count() FROM fk WHERE n = 1000;
SELECT count() FROM fk WHERE n IN (0, 2, 100, 332, 5000);
DROP TABLE fk;
CREATE TABLE fk (d Date, n UInt32) ENGINE = MergeTree ORDER BY d SETTINGS index_granularity = 4;
INSERT INTO fk SELECT toDate('2024-01-01') + intDiv(number, 7), number FROM numbers(700);
SELECT count() FROM fk WHERE d = toDate('2024-01-05');
SELECT count() FROM fk WHERE d >= toDate('2024-04-01');
SELECT count() FROM fk WHERE d < toDate('2024-01-03');
DROP TABLE fk;
