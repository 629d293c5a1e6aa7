SELECT 1 FRM numbers(1); -- { serverError SYNTAX_ERROR }
SELECT missing_column FROM numbers(1); -- { serverError UNKNOWN_IDENTIFIER }
SELECT noSuchFunction(1); -- { serverError UNKNOWN_FUNCTION }
SELECT * FROM no_such_table; -- { serverError UNKNOWN_TABLE }
SELECT 'a' + 1; -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT intDiv(1, 0); -- { serverError ILLEGAL_DIVISION }
SELECT toUInt8('abc'); -- { serverError CANNOT_PARSE_TEXT }
SELECT number, count() FROM numbers(3) GROUP BY number % 2; -- { serverError NOT_AN_AGGREGATE }
SELECT sum(count()) FROM numbers(3); -- { serverError ILLEGAL_AGGREGATION }
SELECT * FROM numbers(10) SETTINGS max_rows_to_read = 5; -- { serverError TOO_MANY_ROWS }
SELECT number FROM numbers(100) SETTINGS max_result_rows = 10, result_overflow_mode = 'throw'; -- { serverError TOO_MANY_ROWS_OR_BYTES }
SELECT count() FROM numbers(100000000000) WHERE NOT ignore(sipHash64(number)) SETTINGS max_execution_time = 1; -- { serverError TIMEOUT_EXCEEDED }
SELECT 'still running after errors';
SELECT length(groupArray(number)) FROM numbers(10000000) SETTINGS max_memory_usage = 10000000; -- { serverError MEMORY_LIMIT_EXCEEDED }
CREATE TABLE e (x UInt8) ENGINE = Memory;
CREATE TABLE e (x UInt8) ENGINE = Memory; -- { serverError TABLE_ALREADY_EXISTS }
SELECT count() FROM e;
DROP TABLE e;
