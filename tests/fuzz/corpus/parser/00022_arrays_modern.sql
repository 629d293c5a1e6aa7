-- Array functions newer than ClickHouse 18.16.
SELECT arrayStringConcat(['a', 'b', 'c'], '-'), splitByChar(',', 'x,y,z'), arrayElement([10, 20, 30], -1), emptyArrayUInt8();
SELECT arrayMin([3, 1, 2]), arrayMax([3, 1, 2]), arrayAvg([1, 2, 3, 4]), range(5), range(2, 5);
