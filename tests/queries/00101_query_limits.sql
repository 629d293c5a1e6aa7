-- Limits of settings profiles, enforced with ClickHouse's error codes.
SELECT sum(number) FROM numbers(1000000) SETTINGS max_rows_to_read = 1000; -- { serverError TOO_MANY_ROWS }
SELECT sum(number) FROM numbers(1000000) SETTINGS max_bytes_to_read = 1000; -- { serverError TOO_MANY_BYTES }
SELECT number FROM numbers(10) SETTINGS max_result_rows = 5; -- { serverError TOO_MANY_ROWS_OR_BYTES }
-- break: the result ends with the block that crossed the limit, without an error.
SELECT number FROM numbers(100) SETTINGS max_result_rows = 5, result_overflow_mode = 'break', max_block_size = 10, max_threads = 1;
SELECT groupArray(number) FROM numbers(10000000) SETTINGS max_memory_usage = 1000000 FORMAT Null; -- { serverError MEMORY_LIMIT_EXCEEDED }
-- readonly = 2: settings may change, data may not; readonly itself stays.
SET readonly = 2;
SET max_threads = 1;
SELECT getSetting('max_threads') SETTINGS max_threads = 3;
CREATE TABLE t_00101 (x UInt8) ENGINE = Memory; -- { serverError READONLY }
CREATE TEMPORARY TABLE tmp_00101 (x UInt8);
INSERT INTO tmp_00101 VALUES (1); -- { serverError READONLY }
SELECT count() FROM tmp_00101;
SET readonly = 1; -- { serverError READONLY }
SET readonly = 0; -- { serverError READONLY }
