-- Tags: clickhouse-reference
-- Several arrayJoin() calls multiply the rows (a Cartesian product), a later call may use the
-- element of an earlier one, and they come after the ARRAY JOIN clause (whose arrays are zipped).
SELECT arrayJoin([1, 2]) AS a, arrayJoin(['x', 'y', 'z']) AS b ORDER BY a, b;
SELECT arrayJoin([1, 2]) AS a, arrayJoin([a, a + 100]) AS c ORDER BY a, c;
SELECT count() FROM (SELECT arrayJoin(range(3)), arrayJoin(range(4)), arrayJoin(range(5)));
SELECT x, y, arrayJoin([y, y + 1]) AS z FROM (SELECT 5 AS x) ARRAY JOIN [7, 8] AS y ORDER BY y, z;
SELECT n, arrayJoin(['p', 'q']) AS s FROM (SELECT number AS n FROM numbers(2)) ARRAY JOIN [1, 2] AS m, ['a', 'b'] AS k ORDER BY n, m, s;
