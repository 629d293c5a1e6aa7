DROP TABLE IF EXISTS t;
CREATE TABLE t (id UInt32, name String, score Float64, day Date) ENGINE = Memory;
INSERT INTO t VALUES (1, 'alpha', 1.5, '2024-01-01'), (2, 'beta', 2.25, '2024-01-02');
INSERT INTO t (id, name) VALUES (3, 'gamma');
INSERT INTO t SELECT number + 10, concat('n', toString(number)), number / 2, toDate('2024-02-01') + number FROM numbers(3);
SELECT * FROM t ORDER BY id;
SELECT count(), sum(score) FROM t;
SELECT name FROM t WHERE day >= '2024-01-02' ORDER BY name;
EXISTS TABLE t;
EXISTS TABLE t_missing;
DESCRIBE TABLE t;
TRUNCATE TABLE t;
SELECT count() FROM t;
DROP TABLE t;
EXISTS TABLE t;
CREATE TABLE t2 (a UInt8, b String DEFAULT 'none', c UInt16 DEFAULT a * 10) ENGINE = Memory;
INSERT INTO t2 (a) VALUES (1), (2);
INSERT INTO t2 VALUES (3, 'x', 7);
SELECT * FROM t2 ORDER BY a;
DROP TABLE t2;
-- Expressions in VALUES are evaluated (input_format_values_interpret_expressions); a bad one
-- fails the whole INSERT.
CREATE TABLE ve (x UInt32, s String, d Date, n Nullable(Int8)) ENGINE = Memory;
INSERT INTO ve VALUES (1 + 1, concat('a', 'b'), toDate('2024-02-03') + 1, NULL), (3, 'c', '2024-01-01', -1 * 2);
INSERT INTO ve VALUES (4, 'd', '2024-01-01', 1), (no_such_function(1), 'e', '2024-01-01', 1); -- { serverError UNKNOWN_FUNCTION }
SELECT * FROM ve ORDER BY x;
DROP TABLE ve;
