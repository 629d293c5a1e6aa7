-- Tags: clickhouse-reference
SELECT * FROM (SELECT number FROM numbers(3) UNION ALL SELECT number + 10 FROM numbers(2)) ORDER BY number;
SELECT * FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 1) ORDER BY x;
SELECT DISTINCT number % 3 AS k FROM numbers(10) ORDER BY k;
SELECT number % 3 AS k, number FROM numbers(12) ORDER BY k, number LIMIT 2 BY k;
SELECT toTypeName(x) FROM (SELECT 1 AS x UNION ALL SELECT 1000);
SELECT number FROM numbers(100) LIMIT 5 OFFSET 90;
