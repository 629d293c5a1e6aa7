-- Tags: clickhouse-reference
-- Filters over LowCardinality columns: comparisons run once per dictionary value and their 0/1
-- results feed AND, OR and NOT; parts whose dictionary codes fit in one, two or four bytes are
-- read together (the table dictionary grows past 256 and 65536 values between inserts); a
-- filter passes on only the columns later stages read, also when a later stage reuses the
-- filter or reads a column the filter also reads.
SET allow_experimental_low_cardinality_type = 1;
DROP TABLE IF EXISTS lcf;
CREATE TABLE lcf (p LowCardinality(String), c LowCardinality(String), i LowCardinality(String), d Date, n UInt64) ENGINE = MergeTree ORDER BY (p, d) SETTINGS index_granularity = 64;
INSERT INTO lcf SELECT concat('p', toString(number % 7)), ['US', 'DE', 'FR', 'CN'][number % 4 + 1], ['pip', 'uv', 'poetry'][number % 3 + 1], toDate('2024-01-01') + number % 30, number FROM numbers(5000);
INSERT INTO lcf SELECT concat('q', toString(number)), concat('c', toString(number % 300)), 'pip', toDate('2024-02-01'), number FROM numbers(1000);
INSERT INTO lcf SELECT concat('r', toString(number)), 'US', ['pip', 'uv'][number % 2 + 1], toDate('2024-03-01') + number % 3, number FROM numbers(70000);
INSERT INTO lcf SELECT 'p3', 'US', 'pip', toDate('2024-01-15'), number FROM numbers(10);
SELECT count(), sum(n) FROM lcf WHERE c = 'US' AND i = 'pip';
SELECT count(), sum(n) FROM lcf WHERE p = 'p3' AND c = 'US' AND i = 'pip';
SELECT d, i, count() FROM lcf WHERE p = 'p3' AND c = 'US' GROUP BY d, i ORDER BY d, i LIMIT 5;
SELECT count() FROM lcf WHERE c = 'US' OR i = 'uv';
SELECT count() FROM lcf WHERE NOT (c = 'US') AND i != 'pip';
SELECT count() FROM lcf WHERE c IN ('DE', 'c299', 'zz') AND i = 'pip';
SELECT c = 'US' AS us, count() FROM lcf WHERE c = 'US' OR c = 'DE' GROUP BY us ORDER BY us;
SELECT c, count() FROM lcf WHERE c = 'DE' GROUP BY c;
SELECT p, c FROM lcf WHERE p = 'q999' AND c != '';
SELECT count(), uniqExact(p) FROM lcf WHERE p >= 'r' AND i = 'uv';
SELECT max(p), min(c), max(i) FROM lcf WHERE d = toDate('2024-03-02');
SELECT toTypeName(c = 'US'), toTypeName(i) FROM lcf WHERE p = 'p0' LIMIT 1;
SELECT p, count() FROM lcf WHERE p IN ('p1', 'q5', 'r69999') AND c != 'FR' GROUP BY p ORDER BY p;
DROP TABLE lcf;
