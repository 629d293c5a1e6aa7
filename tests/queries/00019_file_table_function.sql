-- file(): formats and compression from extensions, globs, schema inference, virtual columns.
SELECT * FROM file('data/people.csv', CSVWithNames, 'id UInt32, name String, score Nullable(Float64)') ORDER BY id;
SELECT project, sum(downloads) AS d FROM file('data/downloads.jsonl.gz', JSONEachRow, 'project String, version String, downloads UInt32') GROUP BY project ORDER BY d DESC;
SELECT sum(downloads) FROM file('data/downloads.jsonl.gz');
DESCRIBE file('data/downloads.jsonl.gz');
DESCRIBE file('data/people.csv');
SELECT x, y FROM file('data/pairs.tsv', TSVWithNames, 'x UInt8, y String') ORDER BY x;
SELECT count(), sum(n) FROM file('data/globs/**/*.jsonl', JSONEachRow, 'dir String, n UInt8');
SELECT dir, n FROM file('data/globs/{a,c}/*', JSONEachRow, 'dir String, n UInt8') ORDER BY dir, n;
SELECT _file, n FROM file('data/globs/a/part?.jsonl', JSONEachRow, 'dir String, n UInt8') ORDER BY _file;
SELECT count() FROM file('data/globs/**/part{1..2}.jsonl', JSONEachRow, 'dir String, n UInt8');
SELECT * FROM file('data/bad_rows.tsv', TSV, 'a UInt8, b String'); -- { serverError CANNOT_PARSE_INPUT_ASSERTION_FAILED }
SELECT * FROM file('data/bad_rows.tsv', TSV, 'a UInt8, b String') SETTINGS input_format_allow_errors_num = 1;
SELECT * FROM file('data/missing.csv', CSV, 'a UInt8'); -- { serverError FILE_DOESNT_EXIST }
SELECT count() FROM file('data/downloads.jsonl.gz', JSONAsString);
-- INSERT INTO t SELECT * FROM file(...): the file is read with t's structure (names matched by the header).
CREATE TABLE p (name String, id UInt64) ENGINE = Memory;
INSERT INTO p SELECT * FROM file('data/people.csv', CSVWithNames);
SELECT id, name, toTypeName(id) FROM p ORDER BY id;
DROP TABLE p;
