-- Tags: clickhouse-reference
SELECT x FROM (SELECT [1, 2, 3] AS arr) ARRAY JOIN arr AS x;
SELECT number, x FROM numbers(3) ARRAY JOIN range(number) AS x ORDER BY number, x;
SELECT number, arr FROM (SELECT number, range(number) AS arr FROM numbers(3)) LEFT ARRAY JOIN arr ORDER BY number;
SELECT arrayJoin([10, 20]) AS v, 'x' AS s;
SELECT a, b FROM (SELECT [1, 2] AS xs, ['a', 'b'] AS ys) ARRAY JOIN xs AS a, ys AS b;
SELECT count() FROM (SELECT arrayJoin(range(10)) AS x) WHERE x > 4;
