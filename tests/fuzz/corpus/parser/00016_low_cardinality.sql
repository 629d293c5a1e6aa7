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
DROP TABLE lc;
