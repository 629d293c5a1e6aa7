-- String functions newer than ClickHouse 18.16 (reference follows today's documentation).
SELECT trimBoth('  x  '), trimLeft('  x  '), trimRight('  x  '), replaceAll('aaa', 'a', 'b'), replaceOne('aaa', 'a', 'b');
SELECT base64Encode('hello'), base64Decode('aGVsbG8='), hex('abc'), unhex('616263'), hex(255);
SELECT format('{} and {}', 'x', 'y'), concat('a', 'b', 'c'), leftPad('7', 3, '0'), repeat('ab', 3);
SELECT cityHash64('hello'), sipHash64('hello'), xxHash64('hello'), murmurHash3_64('hello'), cityHash64(''), cityHash64(1, 'a');
SELECT formatReadableSize(1536), formatReadableSize(1073741824), formatReadableQuantity(1234567), lengthUTF8('привет');
