-- Tags: clickhouse-reference
SELECT 1, 2 + 3, 10 / 4, 7 % 3, -5, 1.5 * 2, 'hello';
SELECT toTypeName(1), toTypeName(256), toTypeName(-1), toTypeName(1.5), toTypeName('a'), toTypeName(1 + 2), toTypeName(1 - 2);
SELECT 1 = 1, 1 != 2, 2 < 1, 'a' < 'b', 1 < 1.5;
SELECT 1 AND 0, 1 OR 0, NOT 1, 1 OR NULL;
SELECT number, number * number AS sq FROM numbers(5);
SELECT number FROM numbers(10) WHERE number % 3 = 0;
SELECT number AS x, x + 1 AS y, y * 2 AS z FROM numbers(3);
SELECT 'a' || 'b' || 'c', concat('x', toString(42));
SELECT if(1 > 2, 'yes', 'no'), multiIf(0, 'a', 1, 'b', 'c'), CASE WHEN 1 THEN 'one' ELSE 'other' END;
SELECT number FROM numbers(20) WHERE number BETWEEN 5 AND 8;
SELECT [1, 2, 3] AS arr, arr[2], length(arr), (1, 'x') AS t, t.1, t.2;
SELECT intDiv(17, 5), 17 % 5, -17 % 5, abs(-3), greatest(1, 5), least(4, 2);
SELECT toUInt8(300), toInt8(-129), toUInt32(-1), toFloat32(0.1), toInt64('123');
SELECT 18446744073709551615, -9223372036854775808, 0.1 + 0.2, 1e100, 1e-7, 100000000000000000000;
SELECT number FROM numbers(3) LIMIT 1, 2;
SELECT number FROM numbers(10) ORDER BY number DESC LIMIT 3;
SELECT * FROM (SELECT number AS n FROM numbers(4)) WHERE n > 1;
SELECT number + 1 AS number, number * 10 FROM numbers(2);
