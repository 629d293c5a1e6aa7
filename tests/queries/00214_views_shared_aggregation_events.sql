-- The shared GROUP BY for counting views happens (system.events counts the rows it collapsed),
-- only with two or more such views, and not with optimize_views_shared_aggregation = 0.
DROP TABLE IF EXISTS src;
DROP TABLE IF EXISTS a;
DROP TABLE IF EXISTS b;
DROP TABLE IF EXISTS a_mv;
DROP TABLE IF EXISTS b_mv;
CREATE TABLE src (k String, d Date, x UInt64) ENGINE = MergeTree ORDER BY k;
CREATE TABLE a (k String, c UInt64) ENGINE = SummingMergeTree ORDER BY k;
CREATE TABLE b (d Date, c UInt64, last Date) ENGINE = SummingMergeTree ORDER BY d;
CREATE MATERIALIZED VIEW a_mv TO a AS SELECT k, count() AS c FROM src GROUP BY k;
INSERT INTO src SELECT toString(number % 5), toDate('2024-03-01') + number % 2, number FROM numbers(1000);
SELECT event, value FROM system.events WHERE event LIKE 'ViewsCollapsed%' ORDER BY event;
CREATE MATERIALIZED VIEW b_mv TO b AS SELECT d, count() AS c, max(d) AS last FROM src GROUP BY d;
INSERT INTO src SELECT toString(number % 5), toDate('2024-03-01') + number % 2, number FROM numbers(1000);
SELECT event, value FROM system.events WHERE event LIKE 'ViewsCollapsed%' ORDER BY event;
SET optimize_views_shared_aggregation = 0;
INSERT INTO src SELECT toString(number % 5), toDate('2024-03-01') + number % 2, number FROM numbers(1000);
SELECT event, value FROM system.events WHERE event LIKE 'ViewsCollapsed%' ORDER BY event;
SELECT k, sum(c) FROM a GROUP BY k ORDER BY k;
SELECT d, sum(c) FROM b GROUP BY d ORDER BY d;
SELECT (SELECT sum(c) FROM a) = (SELECT count() FROM src), (SELECT sum(c) FROM b) = (SELECT count() FROM src) - 1000;
DROP TABLE a_mv;
DROP TABLE b_mv;
DROP TABLE a;
DROP TABLE b;
DROP TABLE src;
