-- Tags: clickhouse-reference
SELECT * FROM (SELECT number FROM numbers(3) UNION ALL SELECT number + 10 FROM numbers(2)) ORDER BY number;
SELECT * FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 1) ORDER BY x;
SELECT DISTINCT number % 3 AS k FROM numbers(10) ORDER BY k;
SELECT number % 3 AS k, number FROM numbers(12) ORDER BY k, number LIMIT 2 BY k;
SELECT toTypeName(x) FROM (SELECT 1 AS x UNION ALL SELECT 1000);
SELECT number FROM numbers(100) LIMIT 5 OFFSET 90;
SELECT count() FROM (SELECT number FROM numbers(10000000) LIMIT 1 UNION ALL SELECT number FROM numbers(5000000));
SELECT count() FROM (SELECT number FROM numbers(5000000) UNION ALL SELECT number FROM numbers(10000000) LIMIT 1);
SELECT count() FROM numbers(1000000) ALL INNER JOIN (SELECT number FROM numbers(1000000) LIMIT 5) USING number;
SELECT number FROM numbers(100000) WHERE number IN (SELECT number FROM numbers(100000) LIMIT 3) LIMIT 10;
SELECT count(), (SELECT number FROM numbers(1000000) LIMIT 1) FROM numbers(1000000);
