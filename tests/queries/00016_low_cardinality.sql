-- LowCardinality columns in Memory tables.
CREATE TABLE lc (s LowCardinality(String), n LowCardinality(Nullable(String)), x UInt32) ENGINE = Memory;
INSERT INTO lc SELECT toString(number % 3), if(number % 4 = 0, NULL, concat('v', toString(number % 2))), number FROM numbers(12);
INSERT INTO lc VALUES ('new', 'w', 100);
SELECT s, count(), sum(x) FROM lc GROUP BY s ORDER BY s;
SELECT n, count() FROM lc GROUP BY n ORDER BY n;
SELECT toTypeName(s), toTypeName(n), toTypeName(upper(s)) FROM lc LIMIT 1;
SELECT count() FROM lc WHERE s = '1';
SELECT upper(s) AS u, length(s) FROM lc WHERE x < 3 ORDER BY u;
SELECT s FROM lc ORDER BY s DESC, x LIMIT 3;
SELECT DISTINCT s FROM lc ORDER BY s;
SELECT uniqExact(s), groupUniqArray(n) FROM lc FORMAT Null;
-- Functions over a LowCardinality column run per dictionary entry, cached with the dictionary:
-- results must stay right across many blocks and after the dictionary grows.
INSERT INTO lc SELECT toString(number % 1000), NULL, number FROM numbers(200000);
SELECT count() FROM lc WHERE s = '7';
INSERT INTO lc VALUES ('zz', NULL, 1);
SELECT countIf(s = 'zz'), countIf(s = '7'), countIf(s = '1'), countIf(startsWith(s, 'z')), sum(length(s)) FROM lc;
SELECT upper(s) AS u, count() FROM lc WHERE s IN ('new', 'zz', '999') GROUP BY u ORDER BY u;
DROP TABLE lc;
-- GROUP BY several keys with LowCardinality among them (grouped by value ids): the same groups
-- as with the keys cast to plain types.
CREATE TABLE g (a LowCardinality(String), b LowCardinality(Nullable(String)), d Date) ENGINE = Memory;
INSERT INTO g SELECT toString(number % 3), if(number % 5 = 0, NULL, toString(number % 2)), toDate('2024-01-01') + number % 2 FROM numbers(30);
SELECT a, b, d, count() FROM g GROUP BY a, b, d ORDER BY a, b, d;
SELECT a, b, d, count() FROM (SELECT CAST(a, 'String') AS a, CAST(b, 'Nullable(String)') AS b, d FROM g) GROUP BY a, b, d ORDER BY a, b, d;
SELECT toTypeName(a), toTypeName(b) FROM (SELECT a, b, count() FROM g GROUP BY a, b) LIMIT 1;
DROP TABLE g;
