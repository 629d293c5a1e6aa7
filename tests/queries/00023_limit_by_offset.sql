-- LIMIT offset, n BY (newer than ClickHouse 18.16).
SELECT number % 2 AS k, number FROM numbers(10) ORDER BY k, number LIMIT 1, 2 BY k;
