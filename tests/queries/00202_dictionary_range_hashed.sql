-- RANGE_HASHED: per key, ranges [range_min, range_max] (inclusive); NULL bounds are open;
-- overlapping ranges resolve by range_lookup_strategy ('min' by default).
CREATE DATABASE d202;
CREATE TABLE d202.discounts (advertiser_id UInt64, start_date Nullable(Date), end_date Nullable(Date), amount Float64) ENGINE = Memory;
INSERT INTO d202.discounts VALUES
    (123, '2015-01-16', '2015-01-31', 0.25), (123, '2015-01-01', '2015-01-15', 0.15), (456, '2015-01-01', '2015-01-15', 0.05),
    (789, NULL, '2015-01-10', 0.7), (789, '2015-02-01', NULL, 0.8),
    (900, '2015-01-01', '2015-01-31', 0.1), (900, '2015-01-10', '2015-01-20', 0.2);

CREATE DICTIONARY d202.discounts_dict (advertiser_id UInt64, start_date Nullable(Date), end_date Nullable(Date), amount Float64 DEFAULT -1)
PRIMARY KEY advertiser_id SOURCE(CLICKHOUSE(TABLE 'discounts')) LIFETIME(MIN 1 MAX 1000)
LAYOUT(RANGE_HASHED()) RANGE(MIN start_date MAX end_date);
CREATE DICTIONARY d202.discounts_max (advertiser_id UInt64, start_date Nullable(Date), end_date Nullable(Date), amount Float64)
PRIMARY KEY advertiser_id SOURCE(CLICKHOUSE(TABLE 'discounts')) LIFETIME(MIN 1 MAX 1000)
LAYOUT(RANGE_HASHED(range_lookup_strategy 'max')) RANGE(MIN start_date MAX end_date);

SELECT id, d, dictGet('d202.discounts_dict', 'amount', id, d), dictGet('d202.discounts_max', 'amount', id, d),
       dictHas('d202.discounts_dict', id, d), dictGetOrNull('d202.discounts_dict', 'amount', id, d)
FROM (SELECT arrayJoin([123, 456, 789, 900, 1000]) AS id)
ARRAY JOIN [toDate('2014-12-31'), toDate('2015-01-01'), toDate('2015-01-10'), toDate('2015-01-15'), toDate('2015-01-16'),
            toDate('2015-01-20'), toDate('2015-01-31'), toDate('2015-02-01'), toDate('2030-01-01')] AS d
ORDER BY id, d;
-- The range point may be any integer or date type; it is converted to the range columns' type.
SELECT dictGet('d202.discounts_dict', 'amount', 123, '2015-01-20'::Date), dictGet('d202.discounts_dict', 'amount', 123, toUInt16(16450)),
       dictGetOrDefault('d202.discounts_dict', 'amount', 123, toDate('2016-01-01'), 42.);
SELECT * FROM dictionary('d202.discounts_dict') ORDER BY advertiser_id, start_date, end_date;
SELECT name, type, element_count, `attribute.names` FROM system.dictionaries WHERE database = 'd202' ORDER BY name;

-- Integer ranges.
CREATE TABLE d202.tiers (id UInt64, lo Int64, hi Int64, tier String) ENGINE = Memory;
INSERT INTO d202.tiers VALUES (1, -10, 0, 'neg'), (1, 1, 100, 'small'), (1, 101, 1000, 'big');
CREATE DICTIONARY d202.tiers_dict (id UInt64, lo Int64, hi Int64, tier String DEFAULT 'none')
PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'tiers')) LAYOUT(RANGE_HASHED()) RANGE(MIN lo MAX hi) LIFETIME(0);
SELECT v, dictGet('d202.tiers_dict', 'tier', 1, v) FROM (SELECT arrayJoin([-11, -10, 0, 1, 100, 101, 1000, 1001]) AS v) ORDER BY v;

-- The range argument is required, and only for range dictionaries.
SELECT dictGet('d202.tiers_dict', 'tier', 1); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
SELECT dictGet('d202.tiers_dict', 'tier', 1, 'x'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
DROP DATABASE d202;
