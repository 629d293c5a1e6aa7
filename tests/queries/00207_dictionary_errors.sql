-- Invalid definitions and lookups fail with ClickHouse's error codes and leave nothing behind.
CREATE DATABASE d207;
CREATE TABLE d207.t (id UInt64, v String) ENGINE = Memory;
INSERT INTO d207.t VALUES (1, 'x'), (1000000, 'far');
CREATE DICTIONARY d207.no_key (id UInt64, v String) SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(HASHED()) LIFETIME(0); -- { serverError INCORRECT_DICTIONARY_DEFINITION }
CREATE DICTIONARY d207.bad_key (id UInt64, v String) PRIMARY KEY nope SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(HASHED()) LIFETIME(0); -- { serverError INCORRECT_DICTIONARY_DEFINITION }
CREATE DICTIONARY d207.no_source (id UInt64, v String) PRIMARY KEY id LAYOUT(HASHED()) LIFETIME(0); -- { serverError INCORRECT_DICTIONARY_DEFINITION }
CREATE DICTIONARY d207.no_layout (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LIFETIME(0); -- { serverError INCORRECT_DICTIONARY_DEFINITION }
CREATE DICTIONARY d207.bad_layout (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(TREE()) LIFETIME(0); -- { serverError UNKNOWN_ELEMENT_IN_CONFIG }
CREATE DICTIONARY d207.bad_source (id UInt64, v String) PRIMARY KEY id SOURCE(MYSQL(TABLE 't')) LAYOUT(HASHED()) LIFETIME(0); -- { serverError UNKNOWN_ELEMENT_IN_CONFIG }
CREATE DICTIONARY d207.string_key (id String, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(HASHED()) LIFETIME(0); -- { serverError BAD_ARGUMENTS }
CREATE DICTIONARY d207.two_keys (id UInt64, v String) PRIMARY KEY id, v SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(FLAT()) LIFETIME(0); -- { serverError BAD_ARGUMENTS }
CREATE DICTIONARY d207.no_range (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(RANGE_HASHED()) LIFETIME(0); -- { serverError BAD_ARGUMENTS }
CREATE DICTIONARY d207.bad_type (id UInt64, v Strin) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(HASHED()) LIFETIME(0); -- { serverError UNKNOWN_TYPE }
CREATE DICTIONARY d207.t (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(HASHED()) LIFETIME(0); -- { serverError TABLE_ALREADY_EXISTS }
CREATE DICTIONARY nodb.d (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(HASHED()) LIFETIME(0); -- { serverError UNKNOWN_DATABASE }
SELECT count() FROM system.dictionaries WHERE database = 'd207';

-- FLAT keys must be below max_array_size.
CREATE DICTIONARY d207.flat (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(FLAT()) LIFETIME(0);
SELECT dictGet('d207.flat', 'v', 1); -- { serverError ARGUMENT_OUT_OF_BOUND }
CREATE OR REPLACE DICTIONARY d207.flat (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't'))
LAYOUT(FLAT(MAX_ARRAY_SIZE 2000000)) LIFETIME(0);
SELECT dictGet('d207.flat', 'v', 1000000);
CREATE DICTIONARY d207.flat (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(FLAT()) LIFETIME(0); -- { serverError DICTIONARY_ALREADY_EXISTS }
CREATE DICTIONARY IF NOT EXISTS d207.flat (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(FLAT()) LIFETIME(0);
SELECT dictGet('d207.flat', 'v', 1000000);

-- Lookups.
SELECT dictGet('d207.nope', 'v', 1); -- { serverError BAD_ARGUMENTS }
SELECT dictGet('d207.flat', 'nope', 1); -- { serverError BAD_ARGUMENTS }
SELECT dictGet('d207.flat', 'v', 'one'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT dictGet('d207.flat', 'v'); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
SELECT dictGet(materialize('d207.flat'), 'v', 1); -- { serverError ILLEGAL_COLUMN }
SELECT dictGetUInt64('d207.flat', 'v', 1); -- { serverError TYPE_MISMATCH }
SELECT * FROM dictionary('d207.nope'); -- { serverError BAD_ARGUMENTS }
DROP DICTIONARY d207.nope; -- { serverError UNKNOWN_TABLE }
DROP DICTIONARY d207.t; -- { serverError BAD_ARGUMENTS }
SELECT dictGet('d207.flat', 'v', 1);
DROP DATABASE d207;

-- A source that uses the dictionary itself fails instead of waiting for itself.
CREATE DATABASE d207b;
CREATE TABLE d207b.s (id UInt64, v String) ENGINE = Memory;
INSERT INTO d207b.s VALUES (1, 'a');
CREATE DICTIONARY d207b.self (id UInt64, v String) PRIMARY KEY id
SOURCE(CLICKHOUSE(QUERY 'SELECT id, dictGet(''d207b.self'', ''v'', id) AS v FROM d207b.s')) LAYOUT(HASHED()) LIFETIME(0);
SELECT dictGet('d207b.self', 'v', 1); -- { serverError BAD_ARGUMENTS }
SELECT name, status FROM system.dictionaries WHERE database = 'd207b';
DROP DATABASE d207b;
