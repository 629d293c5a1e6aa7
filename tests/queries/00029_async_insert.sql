-- Asynchronous inserts: small inserts into one table are written together as one part.
CREATE TABLE ai (x UInt32, s String) ENGINE = MergeTree ORDER BY x;
CREATE TABLE ai_sum (c Int64) ENGINE = SummingMergeTree ORDER BY tuple();
CREATE MATERIALIZED VIEW ai_mv TO ai_sum AS SELECT count() AS c FROM ai;
SET async_insert = 1, wait_for_async_insert = 0, async_insert_busy_timeout_ms = 2000;
INSERT INTO ai VALUES (1, 'a');
INSERT INTO ai VALUES (2, 'b'), (3, 'c');
INSERT INTO ai VALUES (4, 'd');
INSERT INTO ai FORMAT JSONEachRow {"x": 5, "s": "e"}
;
SELECT sleep(2.5) FORMAT Null;
SELECT count(), sum(x) FROM ai;
SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'ai';
SELECT sum(c) FROM ai_sum;
-- waiting inserts return once their rows are committed
SET wait_for_async_insert = 1, async_insert_busy_timeout_ms = 100;
INSERT INTO ai VALUES (6, 'f');
SELECT count(), sum(x) FROM ai;
SELECT sum(c) FROM ai_sum;
DROP TABLE ai_mv;
DROP TABLE ai_sum;
DROP TABLE ai;
-- SYSTEM STOP MERGES keeps parts apart; SYSTEM FLUSH ASYNC INSERT QUEUE writes buffers now.
CREATE TABLE sm (x UInt32) ENGINE = MergeTree ORDER BY x;
SYSTEM STOP MERGES sm;
SET async_insert = 0;
INSERT INTO sm VALUES (1);
INSERT INTO sm VALUES (2);
INSERT INTO sm VALUES (3);
SELECT sleep(1) FORMAT Null;
SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'sm';
SET async_insert = 1, wait_for_async_insert = 0, async_insert_busy_timeout_ms = 60000;
INSERT INTO sm VALUES (4), (5);
SELECT count() FROM sm;
SYSTEM FLUSH ASYNC INSERT QUEUE;
SELECT count() FROM sm;
SYSTEM START MERGES sm;
OPTIMIZE TABLE sm FINAL;
SELECT count(), sum(x) FROM system.parts AS p, (SELECT sum(x) AS x FROM sm) AS s WHERE p.database = currentDatabase() AND p.table = 'sm' GROUP BY x;
DROP TABLE sm;
