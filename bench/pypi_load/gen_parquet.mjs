// Writes N rows shaped like BigQuery's file_downloads export (nested STRUCTs, zstd) with DuckDB
// for the load benchmark. Usage: node gen_parquet.mjs N OUT (run from bench/, npm install done)
import { DuckDBInstance } from '@duckdb/node-api';
const duck = await (await DuckDBInstance.create(':memory:')).connect();
const n = Number(process.argv[2]);
await duck.run(`COPY (SELECT TIMESTAMPTZ '2026-02-01 00:00:00+00' + to_seconds((i * 7919) % (86400 * 28)) AS timestamp,
  ['US', 'US', 'US', 'DE', 'IE', NULL][1 + i % 6] AS country_code, '/packages/' || (i % 1000) AS url,
  'pkg' || (i % 3000) AS project,
  {'filename': 'f.whl', 'project': 'pkg' || (i % 3000), 'version': '1.' || (i % 20), 'type': CASE WHEN i % 5 = 0 THEN 'sdist' ELSE 'bdist_wheel' END} AS file,
  {'installer': {'name': ['pip', 'pip', 'pip', 'uv', 'poetry'][1 + i % 5], 'version': '24.0'},
   'python': '3.' || (8 + i % 6) || '.' || (i % 10),
   'implementation': {'name': 'CPython', 'version': '3.11.4'},
   'distro': {'name': 'Ubuntu', 'version': '22.04', 'id': 'jammy', 'libc': {'lib': 'glibc', 'version': '2.35'}},
   'system': {'name': ['Linux', 'Linux', 'Darwin', 'Windows'][1 + i % 4], 'release': '6.1'},
   'cpu': 'x86_64', 'openssl_version': 'OpenSSL 3.0.2', 'setuptools_version': '68.0.0', 'rustc_version': NULL::VARCHAR,
   'ci': CASE WHEN i % 4 = 0 THEN TRUE ELSE NULL END} AS details,
  'TLSv1.3' AS tls_protocol, 'TLS_AES_256_GCM_SHA384' AS tls_cipher
  FROM range(${n}) t(i)) TO '${process.argv[3]}' (FORMAT PARQUET, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
