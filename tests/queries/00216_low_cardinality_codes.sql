-- Tags: clickhouse-reference
-- GROUP BY a LowCardinality column keys groups by dictionary code while every block shares one
-- dictionary, and falls back to values when another dictionary (a second table) or a full column
-- arrives, also when threads meet with different dictionaries. IN over a LowCardinality column
-- looks each code up once. NULL keys of LowCardinality(Nullable) stay one group.
SET allow_experimental_low_cardinality_type = 1;
SET max_block_size = 1000;
DROP TABLE IF EXISTS lc_a;
DROP TABLE IF EXISTS lc_b;
DROP TABLE IF EXISTS lc_n;
CREATE TABLE lc_a (s LowCardinality(String), v UInt64) ENGINE = MergeTree ORDER BY v;
CREATE TABLE lc_b (s LowCardinality(String), v UInt64) ENGINE = MergeTree ORDER BY v;
CREATE TABLE lc_n (s LowCardinality(Nullable(String)), v UInt64) ENGINE = MergeTree ORDER BY v;
INSERT INTO lc_a SELECT concat('p', toString(number % 37)), number FROM numbers(20000);
INSERT INTO lc_a SELECT concat('q', toString(number % 11)), number FROM numbers(5000);
INSERT INTO lc_b SELECT concat('p', toString(number % 53)), number FROM numbers(7000);
INSERT INTO lc_n SELECT if(number % 5 = 0, NULL, concat('n', toString(number % 4))), number FROM numbers(3000);
SELECT s, count(), sum(v) FROM lc_a GROUP BY s ORDER BY s;
SELECT count(), sum(c) FROM (SELECT s, count() AS c FROM lc_a GROUP BY s);
SELECT s, count(), sum(v) FROM (SELECT s, v FROM lc_a UNION ALL SELECT s, v FROM lc_b) GROUP BY s ORDER BY s;
SELECT s, count(), sum(v) FROM (SELECT s, v FROM lc_b UNION ALL SELECT s, v FROM lc_a) GROUP BY s ORDER BY count() DESC, s LIMIT 5;
SELECT s, count(), sum(v) FROM (SELECT toString(s) AS s, v FROM lc_b UNION ALL SELECT s, v FROM lc_a) GROUP BY s ORDER BY s LIMIT 5;
SELECT s, count(), sum(v) FROM lc_n GROUP BY s ORDER BY s;
SELECT s, count() FROM lc_a GROUP BY s HAVING count() > 600 ORDER BY s;
SELECT count(), sum(v) FROM lc_a WHERE s IN ('p1', 'p2', 'q3', 'zz');
SELECT count(), sum(v) FROM lc_a WHERE s NOT IN ('p1', 'p2', 'q3', 'zz');
SELECT count() FROM lc_a WHERE s IN (SELECT s FROM lc_b WHERE v < 40);
SELECT count() FROM lc_a WHERE s NOT IN (SELECT s FROM lc_b);
SELECT s, count() FROM lc_a WHERE s IN (SELECT s FROM lc_b WHERE v % 10 = 3) GROUP BY s ORDER BY s;
SELECT count() FROM lc_n WHERE s IN ('n1', 'n2');
SELECT count(), sum(v) FROM lc_b WHERE s IN ('p52') OR s IN ('p0', 'p51');
DROP TABLE lc_a;
DROP TABLE lc_b;
DROP TABLE lc_n;
