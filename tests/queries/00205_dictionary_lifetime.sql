-- LIFETIME(MIN 1 MAX 1): a loaded dictionary is refreshed in the background about one
-- second after each load; LIFETIME(0) never refreshes.
CREATE DATABASE d205;
CREATE TABLE d205.src (id UInt64, v String) ENGINE = Memory;
INSERT INTO d205.src VALUES (1, 'a');
CREATE DICTIONARY d205.refreshed (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'src')) LAYOUT(HASHED()) LIFETIME(MIN 1 MAX 1);
CREATE DICTIONARY d205.fixed (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'src')) LAYOUT(HASHED()) LIFETIME(0);
SELECT dictGet('d205.refreshed', 'v', 1), dictGet('d205.fixed', 'v', 1);
INSERT INTO d205.src VALUES (2, 'b');
SELECT dictGet('d205.refreshed', 'v', 2), dictGet('d205.fixed', 'v', 2);
SELECT sleep(3) FORMAT Null;
SELECT dictGet('d205.refreshed', 'v', 2), dictGet('d205.fixed', 'v', 2);
SELECT name, element_count FROM system.dictionaries WHERE database = 'd205' ORDER BY name;
DROP DATABASE d205;
