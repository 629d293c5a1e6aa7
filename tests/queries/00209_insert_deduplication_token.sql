-- insert_deduplication_token: a repeated insert with a token the table holds is skipped, views
-- included; merges and mutations keep the tokens; insert_deduplicate = 0 turns it off.
CREATE TABLE t (a UInt64) ENGINE = MergeTree ORDER BY a;
CREATE TABLE per_insert (c UInt64) ENGINE = SummingMergeTree ORDER BY tuple();
CREATE MATERIALIZED VIEW mv TO per_insert AS SELECT count() AS c FROM t;
INSERT INTO t SELECT number FROM numbers(10) SETTINGS insert_deduplication_token = 'file-1';
INSERT INTO t SELECT number FROM numbers(10) SETTINGS insert_deduplication_token = 'file-1';
INSERT INTO t SETTINGS insert_deduplication_token = 'file-2' VALUES (100);
SELECT count(), sum(a) FROM t;
SELECT sum(c) FROM per_insert;
OPTIMIZE TABLE t FINAL;
INSERT INTO t SETTINGS insert_deduplication_token = 'file-2' VALUES (100);
SELECT count() FROM t;
ALTER TABLE t DELETE WHERE a = 0;
INSERT INTO t SELECT number FROM numbers(10) SETTINGS insert_deduplication_token = 'file-1';
SELECT count() FROM t;
INSERT INTO t SETTINGS insert_deduplication_token = 'file-2', insert_deduplicate = 0 VALUES (100);
INSERT INTO t SETTINGS insert_deduplication_token = 'file-3' VALUES (7);
INSERT INTO t VALUES (8);
INSERT INTO t VALUES (8);
SELECT count(), sum(a) FROM t;
SELECT sum(c) FROM per_insert;
