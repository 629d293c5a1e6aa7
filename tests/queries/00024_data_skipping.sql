-- Data skipping in Memory tables: granules whose min/max cannot satisfy the filter are not read.
-- Each query runs twice: as written, and with the column hidden in an expression (no skipping);
-- the two results must agree.
CREATE TABLE s (k UInt32, d Date, name String, lc LowCardinality(String), i Int16) ENGINE = Memory;
INSERT INTO s SELECT number, toDate('2024-01-01') + intDiv(number, 1000), concat('n', toString(intDiv(number, 5000))),
  concat('p', toString(intDiv(number, 10000))), toInt16(number % 200) - 100 FROM numbers(100000);
SELECT count(), sum(k) FROM s WHERE k = 12345;
SELECT count(), sum(k) FROM s WHERE k + 0 = 12345;
SELECT count() FROM s WHERE k < 1.5;
SELECT count() FROM s WHERE k + 0 < 1.5;
SELECT count() FROM s WHERE k > -1;
SELECT count() FROM s WHERE k + 0 > -1;
SELECT count() FROM s WHERE 99990 <= k AND k < 99999.5;
SELECT count() FROM s WHERE 99990 <= k + 0 AND k + 0 < 99999.5;
SELECT count(), min(d), max(d) FROM s WHERE d BETWEEN '2024-02-01' AND '2024-02-10';
SELECT count(), min(d), max(d) FROM s WHERE d + 0 BETWEEN '2024-02-01' AND '2024-02-10';
SELECT count() FROM s WHERE name = 'n7';
SELECT count() FROM s WHERE concat(name, '') = 'n7';
SELECT count() FROM s WHERE name > 'n9';
SELECT count() FROM s WHERE concat(name, '') > 'n9';
SELECT count(), min(k) FROM s WHERE lc = 'p3';
SELECT count(), min(k) FROM s WHERE concat(lc, '') = 'p3';
SELECT count() FROM s WHERE lc = 'nope';
SELECT count() FROM s PREWHERE i < -99 WHERE k < 50000;
SELECT count() FROM s WHERE i + 0 < -99 AND k + 0 < 50000;
SELECT count() FROM s WHERE k < 10 SETTINGS max_rows_to_read = 10000;
SELECT count() FROM s WHERE k + 0 < 10 SETTINGS max_rows_to_read = 10000; -- { serverError TOO_MANY_ROWS }
-- count() of a whole table comes from the table's row count (no data read).
SELECT count(), count() + 1 FROM s SETTINGS max_rows_to_read = 1;
EXPLAIN SELECT count() FROM s;
DROP TABLE s;
