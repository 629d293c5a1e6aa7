-- A mutation of a part bigger than 4M rows rewrites it a chunk at a time: deleted rows go,
-- updated LowCardinality values get new dictionary entries, and the primary index still finds
-- rows afterwards. (Not checked against ClickHouse 18.16: its mutations run in the background.)
DROP TABLE IF EXISTS mm;
CREATE TABLE mm (k UInt32, s LowCardinality(String), v UInt64) ENGINE = MergeTree ORDER BY k;
INSERT INTO mm SELECT number, toString(number % 1000), number FROM numbers(5000000);
OPTIMIZE TABLE mm FINAL;
SELECT count(), max(rows) FROM system.parts WHERE database = currentDatabase() AND table = 'mm' AND active;
ALTER TABLE mm DELETE WHERE k % 10 = 0;
SELECT count(), sum(v), uniqExact(s) FROM mm;
ALTER TABLE mm UPDATE s = concat('u', s) WHERE k % 7 = 0;
SELECT count(), uniqExact(s), countIf(s LIKE 'u%') FROM mm;
SELECT count() FROM mm WHERE k BETWEEN 1000 AND 2000;
SELECT k, s, v FROM mm WHERE k IN (4999999, 4999997, 70, 77) ORDER BY k;
DROP TABLE mm;
