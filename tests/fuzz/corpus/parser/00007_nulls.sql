SELECT NULL, toTypeName(NULL), NULL + 1, isNull(NULL), isNotNull(1), ifNull(NULL, 5), coalesce(NULL, NULL, 3);
SELECT nullIf(1, 1), nullIf(1, 2), toNullable(5), assumeNotNull(toNullable(7));
SELECT x, x + 1, isNull(x) FROM (SELECT arrayJoin([1, NULL, 3]) AS x);
SELECT count(), count(x), sum(x) FROM (SELECT arrayJoin([1, NULL, 3, NULL]) AS x);
SELECT x FROM (SELECT arrayJoin([3, NULL, 1]) AS x) ORDER BY x;
SELECT x FROM (SELECT arrayJoin([3, NULL, 1]) AS x) ORDER BY x DESC;
SELECT x FROM (SELECT arrayJoin([3, NULL, 1]) AS x) ORDER BY x NULLS FIRST;
SELECT x FROM (SELECT arrayJoin([3, NULL, 1]) AS x) WHERE x > 1;
