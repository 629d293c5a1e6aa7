-- Native: blocks written by ClickHouse 18.16 (data/clickhouse_*.native) read back, multi-block
-- input, inserts, and malformed input. tests/server checks that tally writes the same bytes.
SELECT * FROM file('data/clickhouse_types.native', Native, 'u8 UInt8, i64 Int64, s String, n Nullable(UInt32), ns Nullable(String), arr Array(UInt8), aa Array(Array(String)), d Date, dt DateTime, f Float64, fs FixedString(3), t Tuple(UInt8, String)') FORMAT TSV;
SELECT count(), sum(n), sum(length(s)), countIf(m IS NULL), sum(m), sum(length(r)), sum(arraySum(r)) FROM file('data/clickhouse_blocks.native', Native, 'n UInt64, s String, m Nullable(UInt64), r Array(UInt8)');
-- Columns are matched by name; a column missing from the data gets its default.
SELECT s, u8, missing FROM file('data/clickhouse_types.native', Native, 's String, u8 UInt8, missing UInt32');
CREATE TABLE native_t (n UInt64, s String, m Nullable(UInt64), r Array(UInt8)) ENGINE = Memory;
INSERT INTO native_t SELECT * FROM file('data/clickhouse_blocks.native', Native, 'n UInt64, s String, m Nullable(UInt64), r Array(UInt8)');
SELECT * FROM native_t WHERE n IN (0, 1, 9999) ORDER BY n;
SELECT count() FROM file('data/clickhouse_types.native', Native, 'u8 String'); -- { serverError TYPE_MISMATCH }
SELECT count() FROM file('data/clickhouse_types_truncated.native', Native, 'u8 UInt8, i64 Int64, s String, n Nullable(UInt32), ns Nullable(String), arr Array(UInt8), aa Array(Array(String)), d Date, dt DateTime, f Float64, fs FixedString(3), t Tuple(UInt8, String)'); -- { serverError CANNOT_READ_ALL_DATA }
