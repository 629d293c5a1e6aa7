-- A loaded dictionary keeps its data until it is reloaded (SYSTEM RELOAD DICTIONARY or
-- DICTIONARIES, or its LIFETIME); a failed reload keeps the old data and records the error.
CREATE DATABASE d204;
CREATE TABLE d204.src (id UInt64, v String) ENGINE = Memory;
INSERT INTO d204.src VALUES (1, 'a');
CREATE DICTIONARY d204.d (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'src')) LAYOUT(HASHED()) LIFETIME(0);
CREATE DICTIONARY d204.q (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(QUERY 'SELECT id, upper(v) AS v FROM d204.src'))
LAYOUT(FLAT()) LIFETIME(0);
SELECT dictGet('d204.d', 'v', 1), dictGet('d204.d', 'v', 2), dictGet('d204.q', 'v', 1);
INSERT INTO d204.src VALUES (2, 'b');
SELECT dictGet('d204.d', 'v', 2), dictGet('d204.q', 'v', 2);
SYSTEM RELOAD DICTIONARY d204.d;
SELECT dictGet('d204.d', 'v', 2), dictGet('d204.q', 'v', 2);
INSERT INTO d204.src VALUES (3, 'c');
SYSTEM RELOAD DICTIONARIES;
SELECT dictGet('d204.d', 'v', 3), dictGet('d204.q', 'v', 3);
USE d204;
INSERT INTO src VALUES (4, 'd');
SYSTEM RELOAD DICTIONARY q;
SELECT dictGet('q', 'v', 4), dictGet('d', 'v', 4);
SELECT name, status, element_count, last_exception FROM system.dictionaries WHERE database = 'd204' ORDER BY name;

-- The source table goes away: reloading fails, the old data stays.
DROP TABLE d204.src;
SYSTEM RELOAD DICTIONARY d204.d; -- { serverError UNKNOWN_TABLE }
SELECT dictGet('d204.d', 'v', 3);
SELECT name, status, element_count, last_exception LIKE '%UNKNOWN_TABLE%' FROM system.dictionaries WHERE database = 'd204' ORDER BY name;
SYSTEM RELOAD DICTIONARY d204.nope; -- { serverError BAD_ARGUMENTS }
DROP DATABASE d204;

-- RENAME keeps the definition under the new name (the data reloads from the source).
CREATE DATABASE d204b;
CREATE TABLE d204b.src (id UInt64, v String) ENGINE = Memory;
INSERT INTO d204b.src VALUES (1, 'one');
CREATE DICTIONARY d204b.a (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'src')) LAYOUT(HASHED()) LIFETIME(0);
SELECT dictGet('d204b.a', 'v', 1);
RENAME DICTIONARY d204b.a TO d204b.b;
SELECT dictGet('d204b.b', 'v', 1);
SELECT dictGet('d204b.a', 'v', 1); -- { serverError BAD_ARGUMENTS }
SHOW DICTIONARIES FROM d204b;
SHOW CREATE DICTIONARY d204b.b;
RENAME TABLE d204b.b TO d204b.src; -- { serverError TABLE_ALREADY_EXISTS }
DROP DATABASE d204b;
