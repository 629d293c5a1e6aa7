// Parquet reading speed, DuckDB side (npm @duckdb/node-api).
//   node parquet.mjs write FILE ROWS   write ROWS rows shaped like BigQuery's PyPI file_downloads
//                                      export (nested STRUCTs, snappy, DuckDB's default row groups)
//   node parquet.mjs query FILE RUNS   run each query of parquetQueries RUNS times on read_parquet(FILE);
//                                      print "name\tmedian_seconds"
import { DuckDBInstance } from '@duckdb/node-api';

const [mode, file, arg] = process.argv.slice(2);
const conn = await (await DuckDBInstance.create(':memory:')).connect();
export const queries = [
  ['count', 'SELECT count(*) FROM F'],
  ['by_project', 'SELECT project, count(*) FROM F GROUP BY ALL ORDER BY 2 DESC LIMIT 5'],
  ['nested_group', 'SELECT file.project, details.installer.name, count(*) FROM F GROUP BY ALL ORDER BY 3 DESC LIMIT 5'],
  ['url_length', 'SELECT sum(length(url)), max(timestamp) FROM F'],
];
if (mode === 'write') {
  await conn.run(`COPY (
    SELECT TIMESTAMP '2024-05-01' + to_microseconds(i * 8641) AS timestamp,
      ['US', 'DE', 'CN', 'IN', 'FR', NULL][1 + i % 6] AS country_code,
      '/packages/' || md5((i % 5003)::VARCHAR) || '/pkg-' || (i % 5003) || '.whl' AS url,
      'project' || (hash(i) % 20000) AS project,
      {'filename': 'pkg-' || (i % 5003) || '.whl', 'project': 'project' || (hash(i) % 20000), 'version': '1.' || (i % 40),
       'type': CASE WHEN i % 3 = 0 THEN 'sdist' ELSE 'bdist_wheel' END} AS file,
      {'installer': {'name': ['pip', 'uv', 'poetry', 'bandersnatch'][1 + i % 4], 'version': '24.' || (i % 3)},
       'python': '3.' || (8 + i % 5), 'implementation': {'name': 'CPython', 'version': '3.' || (8 + i % 5) || '.1'},
       'distro': {'name': 'Ubuntu', 'version': '22.04', 'id': 'jammy', 'libc': {'lib': 'glibc', 'version': '2.35'}},
       'system': {'name': 'Linux', 'release': '5.15.' || (i % 100)}, 'cpu': 'x86_64', 'openssl_version': 'OpenSSL 3.0.2',
       'setuptools_version': CASE WHEN i % 6 = 0 THEN NULL ELSE '68.0' END, 'rustc_version': NULL::VARCHAR,
       'ci': CASE WHEN i % 5 = 0 THEN NULL ELSE i % 2 = 0 END} AS details,
      'TLSv1.3' AS tls_protocol, 'TLS_AES_128_GCM_SHA256' AS tls_cipher
    FROM range(${Number(arg)}) t(i)) TO '${file}' (FORMAT PARQUET, COMPRESSION snappy)`);
} else if (mode === 'query') {
  for (const [name, sql] of queries) {
    const q = sql.replace(/\bF\b/, `read_parquet('${file}')`);
    await conn.runAndReadAll(q);
    const times = [];
    for (let i = 0; i < Number(arg || 3); i++) {
      const s = performance.now();
      await conn.runAndReadAll(q);
      times.push((performance.now() - s) / 1000);
    }
    times.sort((a, b) => a - b);
    console.log(`${name}\t${times[Math.floor(times.length / 2)].toFixed(3)}`);
  }
}
