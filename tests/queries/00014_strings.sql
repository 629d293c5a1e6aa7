-- Tags: clickhouse-reference
SELECT length('hello'), lower('HeLLo'), upper('HeLLo'), reverse('abc'), substring('hello world', 7), substring('hello', 2, 3);
SELECT position('hello world', 'world'), startsWith('hello', 'he'), endsWith('hello', 'lo'), empty(''), notEmpty('x');
SELECT replaceRegexpAll('a1b22c333', '\\d+', '#'), replaceRegexpOne('abc', '(b)', '[\\1]'), match('abc123', '\\d{3}'), extract('key=value', 'key=(\\w+)');
SELECT extractAll('a1b22c333', '\\d+'), splitByString('::', 'a::b::c'), 'abc' LIKE 'a%', 'abc' LIKE '_b_', 'abc' NOT LIKE '%d';
