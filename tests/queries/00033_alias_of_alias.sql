-- An ALIAS column may name other ALIAS columns (as today's ClickHouse allows; 18.16 does not).
DROP TABLE IF EXISTS aa;
CREATE TABLE aa (a UInt32, b UInt64 ALIAS a * 2, c UInt32 MATERIALIZED a + 1, d UInt32 DEFAULT 7) ENGINE = MergeTree ORDER BY a;
INSERT INTO aa (a) VALUES (1), (2), (3);
ALTER TABLE aa ADD COLUMN e UInt64 ALIAS b + c + d;
ALTER TABLE aa ADD COLUMN f String ALIAS concat(toString(e), '/', toString(b));
SELECT a, e, f FROM aa ORDER BY a;
SELECT count() FROM aa WHERE e = 14;
DROP TABLE aa;
-- ALIAS and MATERIALIZED columns cannot be inserted.
CREATE TABLE ai (a UInt32, b UInt64 ALIAS a * 2, c UInt32 MATERIALIZED a + 1) ENGINE = MergeTree ORDER BY a;
INSERT INTO ai (a, b) VALUES (1, 2); -- { serverError ILLEGAL_COLUMN }
INSERT INTO ai (a, c) VALUES (1, 2); -- { serverError ILLEGAL_COLUMN }
INSERT INTO ai (a) VALUES (5);
SELECT a, b, c FROM ai;
DROP TABLE ai;
