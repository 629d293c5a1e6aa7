DROP TABLE IF EXISTS m;
CREATE TABLE m (d Date, k String, v UInt64, lc LowCardinality(String)) ENGINE = MergeTree ORDER BY (k, d) PARTITION BY toYYYYMM(d);
INSERT INTO m SELECT toDate('2024-01-20') + number % 20, concat('k', toString(number % 4)), number, ['x', 'y'][number % 2 + 1] FROM numbers(200);
ALTER TABLE m DELETE WHERE v % 10 = 0;
SELECT count(), sum(v) FROM m;
ALTER TABLE m UPDATE v = v * 2 WHERE k = 'k1';
SELECT k, count(), sum(v) FROM m GROUP BY k ORDER BY k;
DELETE FROM m WHERE d >= '2024-02-01';
SELECT count(), max(d) FROM m;
SELECT command, is_done FROM system.mutations WHERE table = 'm' ORDER BY create_time, mutation_id;
ALTER TABLE m ADD COLUMN w UInt32 DEFAULT toUInt32(v + 1);
SELECT sum(w) - sum(v) = count() FROM m;
ALTER TABLE m RENAME COLUMN w TO w2;
ALTER TABLE m MODIFY COLUMN w2 String;
SELECT toTypeName(w2), w2 FROM m ORDER BY v LIMIT 2;
ALTER TABLE m DROP COLUMN w2;
DESCRIBE TABLE m;
SELECT lc, count() FROM m GROUP BY lc ORDER BY lc;
ALTER TABLE m UPDATE k = 'z' WHERE 1; -- { serverError CANNOT_UPDATE_COLUMN }
ALTER TABLE m DROP COLUMN k; -- { serverError ALTER_OF_COLUMN_IS_FORBIDDEN }
TRUNCATE TABLE m;
SELECT count() FROM m;
INSERT INTO m (d, k, v, lc) VALUES ('2024-01-01', 'a', 1, 'x');
RENAME TABLE m TO m2;
SELECT * FROM m2;
CREATE TABLE m3 AS m2;
INSERT INTO m3 VALUES ('2024-01-02', 'b', 2, 'y');
EXCHANGE TABLES m2 AND m3;
SELECT k FROM m2;
SELECT k FROM m3;
CREATE OR REPLACE TABLE m3 (x UInt8) ENGINE = MergeTree ORDER BY x;
SELECT count() FROM m3;
DROP TABLE m2;
DROP TABLE m3;
CREATE TABLE c (a UInt64 CODEC(Delta, ZSTD(3)), b Float64 CODEC(Gorilla), t DateTime CODEC(DoubleDelta, LZ4), n UInt32 CODEC(T64), s String CODEC(ZSTD(1)), z UInt8 CODEC(NONE)) ENGINE = MergeTree ORDER BY a;
INSERT INTO c SELECT number * 3, number / 7, toDateTime('2024-01-01 00:00:00') + number * 60, number % 1000, toString(number), number % 256 FROM numbers(20000);
SELECT sum(a), round(sum(b), 3), max(t), sum(n), sum(length(s)), sum(z) FROM c;
SELECT a, b, t, n, s, z FROM c WHERE a = 300;
DROP TABLE c;
CREATE TABLE bad (a String CODEC(Delta)) ENGINE = MergeTree ORDER BY a; -- { serverError ILLEGAL_SYNTAX_FOR_CODEC_TYPE }
CREATE TABLE bad (a UInt8 CODEC(Foo)) ENGINE = MergeTree ORDER BY a; -- { serverError UNKNOWN_CODEC }
CREATE TABLE bad (a UInt8) ENGINE = MergeTree; -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
SELECT * FROM system.one FINAL; -- { serverError ILLEGAL_FINAL }
CREATE TABLE ag (k String, s AggregateFunction(sum, UInt64), mx SimpleAggregateFunction(max, UInt64), mn SimpleAggregateFunction(min, Date)) ENGINE = AggregatingMergeTree ORDER BY k;
INSERT INTO ag SELECT toString(number % 3), sumState(number), max(number), min(toDate('2024-01-01') + number) FROM numbers(30) GROUP BY toString(number % 3);
INSERT INTO ag SELECT toString(number % 4), sumState(number), max(number), min(toDate('2024-01-01') + number) FROM numbers(100, 40) GROUP BY toString(number % 4);
SELECT k, sumMerge(s), max(mx), min(mn) FROM ag GROUP BY k ORDER BY k;
SELECT k, mx, mn FROM ag FINAL ORDER BY k;
OPTIMIZE TABLE ag FINAL;
SELECT k, sumMerge(s), mx, mn FROM ag GROUP BY k, mx, mn ORDER BY k;
SELECT count() FROM ag;
DROP TABLE ag;
