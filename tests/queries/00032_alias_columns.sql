-- Tags: clickhouse-reference
-- ALIAS columns are computed from the stored columns when read (not stored, not in SELECT *).
DROP TABLE IF EXISTS al;
CREATE TABLE al (a UInt32, s String, b UInt64 ALIAS a * 2, c UInt32 MATERIALIZED a + 1, d UInt32 DEFAULT 7, u String ALIAS upper(s)) ENGINE = MergeTree ORDER BY a;
INSERT INTO al (a, s) VALUES (1, 'x'), (2, 'yy'), (3, 'zzz');
SELECT a, b, c, d, u FROM al ORDER BY a;
SELECT * FROM al ORDER BY a;
SELECT toTypeName(b), toTypeName(u) FROM al LIMIT 1;
SELECT sum(b), max(u) FROM al WHERE b > 2;
SELECT a FROM al WHERE u = 'YY';
-- Added later, over stored and MATERIALIZED columns.
ALTER TABLE al ADD COLUMN e UInt64 ALIAS a + c + d;
SELECT a, e FROM al ORDER BY a;
SELECT count() FROM al WHERE e = 12;
DROP TABLE al;
