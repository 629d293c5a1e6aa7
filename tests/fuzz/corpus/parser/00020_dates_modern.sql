-- Date functions newer than ClickHouse 18.16 (reference follows today's documentation).
SELECT toStartOfInterval(toDateTime('2024-03-15 13:47:30'), INTERVAL 15 MINUTE), toStartOfFiveMinute(toDateTime('2024-03-15 13:47:30'));
SELECT fromUnixTimestamp(1700000000), toDateTime(1700000000), toDate(19000);
