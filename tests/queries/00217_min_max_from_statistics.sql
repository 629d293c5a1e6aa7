-- Tags: clickhouse-reference
-- min() and max() of columns, alone and without a filter, come from the parts statistics
-- instead of the data: the same answers as reading, over several parts, for integer, date,
-- enum, String and LowCardinality columns; Nullable and floating point columns, a filter, a
-- GROUP BY or another aggregate read the data as before.
SET allow_experimental_low_cardinality_type = 1;
DROP TABLE IF EXISTS mm;
CREATE TABLE mm (d Date, t DateTime, s LowCardinality(String), n Nullable(UInt8), f Float64, e Enum8('a' = 1, 'b' = -2), i Int32, u UInt64, w String) ENGINE = MergeTree ORDER BY (d, i);
INSERT INTO mm SELECT toDate('2020-01-01') + number % 5000, toDateTime('2021-01-01 00:00:00') + number * 7, toString(number % 13), number % 3, number / 7, if(number % 2, 'a', 'b'), -number, number * 1000000000000, toString(number) FROM numbers(50000);
INSERT INTO mm SELECT toDate('2019-01-01'), toDateTime('2030-01-01 00:00:00'), 'zz', NULL, 0, 'a', 5, 18446744073709551615, '' FROM numbers(3);
SELECT min(d), max(d), min(t), max(t), min(s), max(s), min(e), max(e), min(i), max(i), min(u), max(u), min(w), max(w) FROM mm;
SELECT min(d), max(d), min(t), max(t), min(s), max(s), min(e), max(e), min(i), max(i), min(u), max(u), min(w), max(w) FROM mm WHERE i < 0;
SELECT max(n), min(n), max(f), min(f) FROM mm;
SELECT min(d), count() FROM mm;
SELECT max(s) FROM mm GROUP BY e ORDER BY e;
SELECT max(d) - 1, toString(min(s)) FROM mm;
ALTER TABLE mm ADD COLUMN z UInt8 DEFAULT 3;
SELECT min(z), max(z) FROM mm;
INSERT INTO mm (d, t, s, n, f, e, i, u, w, z) VALUES ('2040-01-01', '2031-01-01 00:00:00', 'a', 1, 1, 'b', 7, 1, 'x', 9);
SELECT min(z), max(z), max(d), max(i) FROM mm;
DROP TABLE mm;
