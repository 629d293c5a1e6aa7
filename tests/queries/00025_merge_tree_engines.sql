-- Tags: clickhouse-reference
DROP TABLE IF EXISTS mt;
CREATE TABLE mt (d Date, k String, v UInt64) ENGINE = MergeTree ORDER BY (k, d) PARTITION BY toYYYYMM(d) SETTINGS index_granularity = 16;
INSERT INTO mt SELECT toDate('2024-01-01') + number % 70, concat('k', toString(number % 5)), number FROM numbers(1000);
INSERT INTO mt SELECT toDate('2024-02-10') + number % 3, 'k9', number FROM numbers(10);
SELECT count(), sum(v), min(d), max(d) FROM mt;
SELECT k, count(), sum(v) FROM mt GROUP BY k ORDER BY k;
SELECT count(), sum(v) FROM mt WHERE k = 'k3';
SELECT count(), sum(v) FROM mt WHERE d >= '2024-02-01' AND d < '2024-02-05';
SELECT count() FROM mt WHERE k = 'nothing';
SELECT k, d, v FROM mt WHERE k = 'k9' ORDER BY v;
OPTIMIZE TABLE mt FINAL;
SELECT count(), sum(v) FROM mt;
SELECT k, count() FROM mt WHERE k >= 'k3' GROUP BY k ORDER BY k;
DROP TABLE mt;

DROP TABLE IF EXISTS sm;
CREATE TABLE sm (k String, d Date, c Int64, x Int32) ENGINE = SummingMergeTree ORDER BY (k, d);
INSERT INTO sm VALUES ('a', '2024-01-01', 1, 10), ('b', '2024-01-01', 2, 20);
INSERT INTO sm VALUES ('a', '2024-01-01', 3, 30), ('a', '2024-01-02', 4, 40);
INSERT INTO sm VALUES ('b', '2024-01-01', -2, -20);
SELECT k, d, c, x FROM sm FINAL ORDER BY k, d;
SELECT k, sum(c) FROM sm GROUP BY k HAVING sum(c) != 0 ORDER BY k;  -- b sums to 0 whether or not a background merge removed it
OPTIMIZE TABLE sm FINAL;
SELECT k, d, c, x FROM sm ORDER BY k, d;
DROP TABLE sm;

DROP TABLE IF EXISTS sm2;
CREATE TABLE sm2 (k UInt8, a UInt64, b UInt64) ENGINE = SummingMergeTree(a) ORDER BY k;
INSERT INTO sm2 VALUES (1, 1, 100), (2, 5, 5);
INSERT INTO sm2 VALUES (1, 2, 200);
OPTIMIZE TABLE sm2 FINAL;
SELECT k, a, b FROM sm2 ORDER BY k;
DROP TABLE sm2;

DROP TABLE IF EXISTS rp;
CREATE TABLE rp (k UInt32, ver UInt32, s String) ENGINE = ReplacingMergeTree(ver) ORDER BY k;
INSERT INTO rp VALUES (1, 1, 'one'), (2, 5, 'two-5');
INSERT INTO rp VALUES (1, 3, 'one-3'), (2, 4, 'two-4'), (3, 1, 'three');
SELECT k, ver, s FROM rp FINAL ORDER BY k;
OPTIMIZE TABLE rp FINAL;
SELECT k, ver, s FROM rp ORDER BY k;
DROP TABLE rp;

DROP TABLE IF EXISTS rp2;
CREATE TABLE rp2 (k UInt32, s String) ENGINE = ReplacingMergeTree ORDER BY k;
INSERT INTO rp2 VALUES (1, 'first');
INSERT INTO rp2 VALUES (1, 'second');
SELECT k, s FROM rp2 FINAL;
DROP TABLE rp2;

DROP TABLE IF EXISTS cl;
CREATE TABLE cl (k UInt32, views UInt32, sign Int8) ENGINE = CollapsingMergeTree(sign) ORDER BY k;
INSERT INTO cl VALUES (1, 5, 1), (2, 7, 1);
INSERT INTO cl VALUES (1, 5, -1), (1, 6, 1), (3, 1, -1);
SELECT k, views, sign FROM cl FINAL ORDER BY k, sign;
SELECT k, sum(views * sign) FROM cl GROUP BY k HAVING sum(sign) > 0 ORDER BY k;
DROP TABLE cl;

DROP TABLE IF EXISTS ag;
CREATE TABLE ag (k String, u AggregateFunction(uniq, UInt64), s AggregateFunction(sum, UInt64)) ENGINE = AggregatingMergeTree ORDER BY k;
INSERT INTO ag SELECT toString(number % 3), uniqState(number), sumState(number) FROM numbers(30) GROUP BY toString(number % 3);
INSERT INTO ag SELECT toString(number % 4), uniqState(number), sumState(number) FROM numbers(100, 40) GROUP BY toString(number % 4);
SELECT k, uniqMerge(u), sumMerge(s) FROM ag GROUP BY k ORDER BY k;
OPTIMIZE TABLE ag FINAL;
SELECT k, uniqMerge(u), sumMerge(s) FROM ag GROUP BY k ORDER BY k;
SELECT count() FROM ag;
DROP TABLE ag;
