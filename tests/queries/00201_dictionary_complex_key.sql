-- COMPLEX_KEY_HASHED: String keys, composite keys, the QUERY source.
CREATE DATABASE d201;
CREATE TABLE d201.countries (name String, code String) ENGINE = Memory;
INSERT INTO d201.countries VALUES ('France', 'FR'), ('Germany', 'DE'), ('Japan', 'JP');

CREATE DICTIONARY d201.countries_dict (code String, name String DEFAULT '??')
PRIMARY KEY code SOURCE(CLICKHOUSE(TABLE 'countries')) LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(MIN 0 MAX 300);

-- A String key as a plain value or as a one-element tuple.
SELECT c, dictGet('d201.countries_dict', 'name', c), dictGet('d201.countries_dict', 'name', tuple(c)), dictHas('d201.countries_dict', c)
FROM (SELECT arrayJoin(['FR', 'DE', 'US', '', 'JP']) AS c) ORDER BY c;
SELECT dictGetOrDefault('d201.countries_dict', 'name', 'XX', 'unknown'), dictGetOrNull('d201.countries_dict', 'name', 'XX'),
       dictGetOrNull('d201.countries_dict', 'name', 'JP');
-- LowCardinality and Nullable keys.
SELECT dictGet('d201.countries_dict', 'name', toLowCardinality('DE')), dictGet('d201.countries_dict', 'name', toNullable('FR'));
SELECT c, dictGet('d201.countries_dict', 'name', c), dictHas('d201.countries_dict', tuple(c)) FROM (SELECT arrayJoin(['JP', NULL]) AS c);
SELECT c, dictGet('d201.countries_dict', 'name', c) AS n, toTypeName(n), dictGetOrDefault('d201.countries_dict', 'name', c, toLowCardinality('none'))
FROM (SELECT toLowCardinality(toNullable(arrayJoin(['JP', 'XX', NULL]))) AS c);

-- Composite keys, from a query.
CREATE TABLE d201.prices (shop String, item UInt32, price Float64, currency String) ENGINE = Memory;
INSERT INTO d201.prices VALUES ('a', 1, 1.5, 'EUR'), ('a', 2, 2.5, 'EUR'), ('b', 1, 10, 'USD');
INSERT INTO d201.prices VALUES ('c', 2, 3.5, 'GBP');
CREATE DICTIONARY d201.prices_dict (shop String, item UInt32, price Float64 DEFAULT nan, currency String)
PRIMARY KEY shop, item
SOURCE(CLICKHOUSE(QUERY 'SELECT shop, item, price, currency FROM d201.prices' USER 'default' PASSWORD '' HOST 'localhost' PORT 9000))
LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(300);
SELECT s, i, dictGet('d201.prices_dict', 'price', (s, i)), dictGet('d201.prices_dict', 'currency', tuple(s, i))
FROM (SELECT arrayJoin(['a', 'b', 'c']) AS s) ARRAY JOIN [1, 2] AS i ORDER BY s, i;
SELECT dictGet('d201.prices_dict', ('price', 'currency'), ('a', toUInt64(1)));
SELECT * FROM dictionary('d201.prices_dict') ORDER BY shop, item;
SELECT name, type, element_count, `key.names`, `key.types`, source FROM system.dictionaries WHERE database = 'd201' ORDER BY name;

-- Wrong key shapes.
SELECT dictGet('d201.prices_dict', 'price', 'a'); -- { serverError TYPE_MISMATCH }
SELECT dictGet('d201.prices_dict', 'price', ('a', 1, 2)); -- { serverError TYPE_MISMATCH }
-- A LowCardinality key column, alone or in a one-element tuple, over many blocks: looked up once
-- per distinct code, the same answers as its String values.
CREATE TABLE d201.lc_keys (c LowCardinality(String)) ENGINE = MergeTree ORDER BY tuple();
INSERT INTO d201.lc_keys SELECT arrayElement(['FR', 'DE', 'XX', 'JP', ''], number % 5 + 1) FROM numbers(30000);
SELECT count(), countIf(dictHas('d201.countries_dict', tuple(c))), countIf(dictHas('d201.countries_dict', c)),
       countIf(dictGet('d201.countries_dict', 'name', tuple(c)) != dictGet('d201.countries_dict', 'name', tuple(toString(c)))),
       countIf(dictGetOrDefault('d201.countries_dict', 'name', c, concat('no ', toString(c))) = 'no XX')
FROM d201.lc_keys SETTINGS max_block_size = 1000;
SELECT c, dictGet('d201.countries_dict', 'name', c) AS n FROM d201.lc_keys GROUP BY c ORDER BY c;

DROP DATABASE d201;

