SELECT a.number AS x, b.number AS y FROM numbers(4) AS a ALL INNER JOIN (SELECT number FROM numbers(2, 4)) AS b ON a.number = b.number ORDER BY x;
SELECT a.number AS x, b.v FROM numbers(4) AS a ALL LEFT JOIN (SELECT number, number * 10 AS v FROM numbers(2)) AS b ON a.number = b.number ORDER BY x;
SELECT number, v FROM numbers(3) ALL INNER JOIN (SELECT number, toString(number) AS v FROM numbers(5)) USING number ORDER BY number;
SELECT count() FROM numbers(3) AS a CROSS JOIN numbers(4) AS b;
SELECT a.number AS x, b.number AS y FROM numbers(3) AS a ALL INNER JOIN (SELECT number % 2 AS number FROM numbers(4)) AS b ON a.number = b.number ORDER BY x, y;
SELECT x, y FROM (SELECT number AS x FROM numbers(3)) ANY LEFT JOIN (SELECT number AS x, number + 100 AS y FROM numbers(1, 2)) USING x ORDER BY x;
SELECT a.number, b.number FROM numbers(3) AS a FULL JOIN (SELECT number + 1 AS number FROM numbers(3)) AS b ON a.number = b.number ORDER BY a.number, b.number;
SELECT a.number, b.number FROM numbers(2) AS a RIGHT JOIN (SELECT number + 1 AS number FROM numbers(2)) AS b USING number ORDER BY 1, 2;
