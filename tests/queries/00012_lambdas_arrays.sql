-- Tags: clickhouse-reference
SELECT arrayMap(x -> x * 2, [1, 2, 3]), arrayFilter(x -> x % 2 = 1, [1, 2, 3, 4, 5]), arrayCount(x -> x > 1, [1, 2, 3]);
SELECT arrayExists(x -> x = 2, [1, 2]), arrayAll(x -> x > 0, [1, 2]), arraySum([1, 2, 3]), arrayMap((x, y) -> x + y, [1, 2], [10, 20]);
SELECT number, arrayMap(x -> x + number, range(3)) FROM numbers(3);
SELECT arraySort([3, 1, 2]), arrayReverseSort([3, 1, 2]), arrayDistinct([1, 1, 2]), arrayUniq([1, 1, 2]), arrayEnumerate(['a', 'b']);
SELECT arrayConcat([1], [2, 3]), arraySlice([1, 2, 3, 4], 2, 2), arrayPopFront([1, 2, 3]), arrayPopBack([1, 2, 3]);
SELECT arrayPushFront([1, 2], 0), arrayPushBack([1, 2], 3), arrayDifference([1, 4, 9]), arrayCumSum([1, 2, 3]);
SELECT has([1, 2, 3], 2), hasAny([1, 2], [3, 2]), hasAll([1, 2, 3], [1, 3]), indexOf(['a', 'b'], 'b'), arrayReduce('max', [1, 5, 3]);
