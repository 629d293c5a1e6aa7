-- Every layout over an empty source: loaded, no elements, lookups give the defaults.
CREATE DATABASE d208;
CREATE TABLE d208.e (id UInt64, k String, lo Date, hi Date, v String) ENGINE = Memory;
CREATE DICTIONARY d208.f (id UInt64, v String DEFAULT 'dflt') PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'e')) LAYOUT(FLAT()) LIFETIME(0);
CREATE DICTIONARY d208.h (id UInt64, v String DEFAULT 'dflt') PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'e')) LAYOUT(HASHED()) LIFETIME(0);
CREATE DICTIONARY d208.c (k String, v String DEFAULT 'dflt') PRIMARY KEY k SOURCE(CLICKHOUSE(TABLE 'e')) LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(0);
CREATE DICTIONARY d208.r (id UInt64, lo Date, hi Date, v String DEFAULT 'dflt') PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'e')) LAYOUT(RANGE_HASHED()) RANGE(MIN lo MAX hi) LIFETIME(0);
SELECT dictGet('d208.f', 'v', 1), dictGet('d208.h', 'v', 1), dictGet('d208.c', 'v', 'x'), dictGet('d208.r', 'v', 1, toDate('2024-01-01')), dictHas('d208.f', 0);
SELECT count() FROM dictionary('d208.r');
SELECT name, status, element_count FROM system.dictionaries WHERE database = 'd208' ORDER BY name;
DROP DATABASE d208;
