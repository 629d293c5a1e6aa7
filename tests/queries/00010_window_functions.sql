-- Window functions (not in ClickHouse 18.16): reference checked by hand against today's semantics.
SELECT number, row_number() OVER (ORDER BY number DESC) AS rn, rank() OVER (ORDER BY intDiv(number, 2)) AS r,
       dense_rank() OVER (ORDER BY intDiv(number, 2)) AS dr
FROM numbers(6) ORDER BY number;
SELECT number % 2 AS g, number, sum(number) OVER (PARTITION BY number % 2 ORDER BY number) AS running,
       sum(number) OVER (PARTITION BY number % 2) AS total
FROM numbers(8) ORDER BY g, number;
SELECT number, lagInFrame(number) OVER (ORDER BY number ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS prev,
       leadInFrame(number, 2, 99) OVER (ORDER BY number ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS next2
FROM numbers(5) ORDER BY number;
SELECT number, avg(number) OVER (ORDER BY number ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS moving
FROM numbers(5) ORDER BY number;
SELECT number, first_value(number) OVER w AS f, last_value(number) OVER w AS l, nth_value(number, 2) OVER w AS n2
FROM numbers(5) WINDOW w AS (ORDER BY number ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY number;
SELECT g, count() AS c, rank() OVER (ORDER BY count() DESC, g) AS r FROM (SELECT number % 3 AS g FROM numbers(10)) GROUP BY g ORDER BY g;
SELECT number, count() OVER (ORDER BY intDiv(number, 3) RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c FROM numbers(7) ORDER BY number;
SELECT number, ntile(3) OVER (ORDER BY number) AS t FROM numbers(7) ORDER BY number;
