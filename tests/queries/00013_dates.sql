-- Tags: clickhouse-reference
SELECT toDate('2024-03-15') AS d, toYear(d), toMonth(d), toDayOfMonth(d), toDayOfWeek(d), toDayOfYear(d), toQuarter(d);
SELECT toDateTime('2024-03-15 13:45:30') AS t, toHour(t), toMinute(t), toSecond(t), toStartOfHour(t), toStartOfMinute(t), toStartOfDay(t);
SELECT toStartOfMonth(toDate('2024-03-15')), toStartOfYear(toDate('2024-03-15')), toMonday(toDate('2024-03-15')), toStartOfQuarter(toDate('2024-05-15'));
SELECT toYYYYMM(toDate('2024-03-15')), toYYYYMMDD(toDate('2024-03-15')), toUnixTimestamp(toDateTime('2024-03-15 00:00:00'));
SELECT toDate('2024-03-15') + 10, toDate('2024-03-15') - 15, toDate('2024-03-15') - toDate('2024-01-01');
SELECT addMonths(toDate('2024-01-31'), 1), addDays(toDate('2024-02-28'), 2), subtractYears(toDate('2024-02-29'), 1), addHours(toDateTime('2024-03-15 23:00:00'), 2);
SELECT dateDiff('day', toDate('2024-01-01'), toDate('2024-03-01')), dateDiff('minute', toDateTime('2022-03-14 11:13:08'), toDateTime('2022-03-14 11:17:10'));
SELECT toDateTime('2024-03-15 13:45:30') + INTERVAL 1 DAY, toDate('2024-03-15') + INTERVAL 2 MONTH, toDate('2024-03-15') - INTERVAL 1 WEEK;
SELECT toDateTime('2024-03-15 13:45:30', 'Europe/Amsterdam') AS t, toString(t), toHour(t), toTypeName(t);
SELECT number, toDate('2024-01-01') + number AS d FROM numbers(3) WHERE d > '2024-01-01';
SELECT toUnixTimestamp(toDateTime('2050-07-01 12:00:00', 'Europe/Amsterdam')), toUnixTimestamp(toDateTime('2050-01-15 12:00:00', 'Australia/Sydney')), toString(toDateTime(4000000000, 'America/New_York')), toString(toDateTime(3500000000, 'Europe/London'));
