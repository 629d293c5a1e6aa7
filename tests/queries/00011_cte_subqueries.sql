-- Common table expressions, scalar and IN subqueries.
WITH x AS (SELECT number AS n FROM numbers(5)) SELECT sum(n) FROM x;
WITH x AS (SELECT number AS n FROM numbers(5)), y AS (SELECT n * 2 AS m FROM x WHERE n > 1) SELECT groupArray(m) FROM y;
WITH 10 AS ten, ten * 2 AS twenty SELECT ten, twenty, number + ten FROM numbers(2);
WITH (SELECT max(number) FROM numbers(7)) AS m SELECT m, m + 1;
SELECT (SELECT count() FROM numbers(12)) AS c;
SELECT number FROM numbers(10) WHERE number IN (SELECT number * 3 FROM numbers(4)) ORDER BY number;
SELECT number FROM numbers(6) WHERE number NOT IN (1, 2, 3) ORDER BY number;
SELECT (number, number % 2) IN ((1, 1), (2, 0), (3, 0)) FROM numbers(4);
WITH s AS (SELECT number FROM numbers(3)) SELECT number FROM numbers(5) WHERE number IN s ORDER BY number;
SELECT count() FROM (SELECT * FROM (SELECT number FROM numbers(10)) WHERE number > 3);
SELECT CAST((1, 'x'), 'Tuple(a UInt8, b String)') AS nt, nt.b, nt.a + 1, tupleElement(nt, 'a');
