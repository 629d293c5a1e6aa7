// Writes the seed corpus of the Parquet fuzz target (tests/fuzz/corpus/parquet): small files
// from DuckDB covering each compression, nested STRUCT/LIST columns, NULLs, dictionary and plain
// pages, several row groups and format version 2 (DELTA encodings, Data Page V2).
// Usage (from tests/parquet, after npm ci): node make_fuzz_corpus.mjs ../fuzz/corpus/parquet
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? '../fuzz/corpus/parquet');
mkdirSync(out, { recursive: true });
const conn = await (await DuckDBInstance.create(':memory:')).connect();
const rows = `SELECT i AS id, (i % 7)::TINYINT AS small, (1000000 - i)::UINTEGER AS u, i / 3.0 AS d, (i / 4)::FLOAT AS f,
  CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || (i % 4) END AS s, md5(i::VARCHAR)[:6] AS uniq, i % 2 = 0 AS b,
  DATE '2020-01-01' + i::INTEGER AS dt, TIMESTAMP '2024-01-01' + to_seconds(i) AS ts, (i * 1.25)::DECIMAL(9, 2) AS dec,
  {'name': 'n' || (i % 3), 'inner': {'x': CASE WHEN i % 5 = 0 THEN NULL ELSE i END}} AS st,
  CASE WHEN i % 4 = 0 THEN NULL ELSE [i, NULL] END AS l, [{'k': 'a', 'v': i}] AS kv
  FROM range(40) t(i)`;
for (const c of ['zstd', 'snappy', 'gzip', 'uncompressed'])
  await conn.run(`COPY (${rows}) TO '${join(out, `types_${c}.parquet`)}' (FORMAT PARQUET, COMPRESSION ${c}, ROW_GROUP_SIZE 2048)`);
await conn.run(`COPY (${rows}) TO '${join(out, 'types_v2.parquet')}' (FORMAT PARQUET, COMPRESSION snappy, PARQUET_VERSION V2)`);
await conn.run(`COPY (SELECT i AS id, 'p' || (i % 3) AS project FROM range(4500) t(i)) TO '${join(out, 'row_groups.parquet')}'
  (FORMAT PARQUET, COMPRESSION zstd, ROW_GROUP_SIZE 2048)`);
