-- Dictionaries with simple UInt64 keys: FLAT and HASHED layouts over a local table
-- (CLICKHOUSE(TABLE ...) source), dictGet and its variants, defaults and missing keys.
CREATE DATABASE d200;
CREATE TABLE d200.src (id UInt64, name String, score Int32, weight Float64, born Date) ENGINE = Memory;
INSERT INTO d200.src VALUES (1, 'one', 10, 1.5, '2020-01-01'), (2, 'two', -20, 2.5, '2021-02-03'), (5, 'five', 50, 5.5, '2022-12-31');

CREATE DICTIONARY d200.flat (id UInt64, name String DEFAULT 'none', score Int32 DEFAULT -1, weight Float64, born Date)
PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'src' DB 'd200')) LAYOUT(FLAT()) LIFETIME(0);
CREATE DICTIONARY d200.hashed (id UInt64, name String DEFAULT 'none', score Int32 DEFAULT -1, weight Float64, born Date)
PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'src')) LAYOUT(HASHED()) LIFETIME(MIN 0 MAX 1000);

-- Lazy: nothing is loaded before the first use.
SELECT name, status, type, element_count FROM system.dictionaries WHERE database = 'd200' ORDER BY name;

SELECT number, dictGet('d200.flat', 'name', number), dictGet('d200.flat', 'score', number), dictGet('d200.flat', 'weight', number),
       dictGet('d200.flat', 'born', number) FROM numbers(7);
SELECT number, dictGet('d200.hashed', 'name', number), dictGet('d200.hashed', 'score', number), dictGet('d200.hashed', 'weight', number),
       dictGet('d200.hashed', 'born', number) FROM numbers(7);

SELECT name, status, type, element_count, `key.names`, `key.types`, `attribute.names`, `attribute.types`, source, lifetime_min, lifetime_max
FROM system.dictionaries WHERE database = 'd200' ORDER BY name;

-- Variants.
SELECT number, dictHas('d200.hashed', number), dictGetOrDefault('d200.hashed', 'name', number, 'dflt'),
       dictGetOrNull('d200.hashed', 'score', number), dictGetOrDefault('d200.flat', 'score', number, toInt32(number * 100))
FROM numbers(6);
SELECT dictGet('d200.hashed', ('name', 'score'), toUInt64(2)), dictGetOrDefault('d200.flat', ('name', 'weight'), 9, ('x', 0.25));
SELECT dictGetString('d200.hashed', 'name', 1), dictGetInt32('d200.hashed', 'score', 2), dictGetFloat64('d200.flat', 'weight', 5),
       dictGetDate('d200.flat', 'born', 5), dictGetStringOrDefault('d200.flat', 'name', 3, 'nope');
-- Keys of any integer type, constant or not; attribute names as a constant.
SELECT dictGet('d200.flat', 'name', toUInt8(1)), dictGet('d200.hashed', 'name', toInt64(5)), dictGet('d200.hashed', 'name', materialize(toUInt32(2)));
-- NULL keys are absent keys.
SELECT k, dictGet('d200.hashed', 'name', k), dictHas('d200.flat', k), dictGetOrNull('d200.hashed', 'name', k),
       dictGetOrDefault('d200.flat', 'score', k, 7) FROM (SELECT arrayJoin([1, NULL, 5]) AS k);
SELECT toTypeName(dictGet('d200.hashed', 'score', 1)), toTypeName(dictGetOrNull('d200.hashed', 'score', 1)),
       toTypeName(dictGet('d200.hashed', ('name', 'born'), 1));

-- In WHERE, GROUP BY and with the unqualified name after USE.
SELECT dictGet('d200.hashed', 'name', number % 3) AS n, count() FROM numbers(30) GROUP BY n ORDER BY n;
SELECT number FROM numbers(10) WHERE dictHas('d200.flat', number) ORDER BY number;
USE d200;
SELECT dictGet('hashed', 'name', 5), dictGet('flat', 'name', 2);

-- The dictionary as a table.
SELECT * FROM dictionary('d200.flat') ORDER BY id;
SELECT id, name FROM d200.hashed ORDER BY id;
SELECT count() FROM dictionary('hashed');
SHOW DICTIONARIES FROM d200;
EXISTS DICTIONARY d200.flat;
EXISTS DICTIONARY d200.src;
SHOW CREATE DICTIONARY d200.hashed;

SELECT name, query_count > 0, found_rate > 0, bytes_allocated > 0, last_exception FROM system.dictionaries WHERE database = 'd200' ORDER BY name;

DROP DICTIONARY d200.flat;
EXISTS DICTIONARY d200.flat;
SELECT dictGet('d200.flat', 'name', 1); -- { serverError BAD_ARGUMENTS }
DROP DICTIONARY IF EXISTS d200.flat;
DROP TABLE d200.hashed;
SELECT count() FROM system.dictionaries WHERE database = 'd200';
DROP DATABASE d200;
