// Parquet input against a real producer: DuckDB (npm @duckdb/node-api) writes the files with
// every compression, nested STRUCT/LIST columns, NULLs, dictionary and plain encodings and
// several row groups; DuckDB then reads each file back, and tally's reading of the same file
// must give the same values. Also: DESCRIBE (the type mapping), explicit structures, stdin
// input, only the requested columns decoded, and truncated/corrupt files failing cleanly.
// Usage: node parquet_test.mjs <tally binary>
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const tally = process.argv[2] && resolve(process.argv[2]);
if (!tally) throw new Error('usage: node parquet_test.mjs <tally binary>');
const dir = mkdtempSync(join(tmpdir(), 'tally-parquet-'));
const duck = await (await DuckDBInstance.create(':memory:')).connect();
let failures = 0;
let checks = 0;

function fail(message) {
  failures++;
  console.error('FAIL: ' + message);
}

function runTally(args, input) {
  const r = spawnSync(tally, ['local', ...args], { input, maxBuffer: 1 << 30, cwd: dir });
  return { status: r.status, signal: r.signal, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

function query(sql, input, extra = []) {
  const r = runTally([...extra, '-q', sql], input);
  if (r.status !== 0) throw new Error(`tally failed (${r.status} ${r.signal}) on ${sql}:\n${r.stderr}`);
  return r.stdout;
}

function jsonRows(sql) {
  return query(sql + ' FORMAT JSONEachRow').split('\n').filter((l) => l).map((l) => JSON.parse(l));
}

async function duckRows(sql) {
  return (await duck.runAndReadAll(sql)).getRowObjectsJson();
}

/// A NULL of DuckDB matches tally's NULL, an empty array (NULL lists) or a tuple of such
/// (NULL structs): tally has no Nullable(Array) / Nullable(Tuple), like ClickHouse.
function isEmptyValue(v) {
  if (v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v).every(isEmptyValue);
  return false;
}

function same(expected, actual, path) {
  if (expected === null) return isEmptyValue(actual) ? null : `${path}: expected NULL, got ${JSON.stringify(actual)}`;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const e = same(expected[i], actual[i], `${path}[${i}]`);
      if (e) return e;
    }
    return null;
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
    const ek = Object.keys(expected).sort().join(','), ak = Object.keys(actual).sort().join(',');
    if (ek !== ak) return `${path}: fields ${ek} expected, got ${ak}`;
    for (const k of Object.keys(expected)) {
      const e = same(expected[k], actual[k], `${path}.${k}`);
      if (e) return e;
    }
    return null;
  }
  if (typeof expected === 'boolean') return actual === expected ? null : `${path}: expected ${expected}, got ${actual}`;
  if (String(expected) === String(actual)) return null;
  // Floats: DuckDB prints FLOAT widened to double, tally the shortest Float32 form.
  const a = Number(actual), e = Number(expected);
  if (typeof expected === 'number' && !Number.isInteger(expected) && Number.isFinite(a) &&
      Math.abs(a - e) <= 1e-6 * Math.max(1, Math.abs(e)))
    return null;
  return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

function compareRows(name, expected, actual) {
  checks++;
  if (expected.length === 0) return fail(`${name}: DuckDB returned no rows (the fixture is empty)`);
  if (expected.length !== actual.length) return fail(`${name}: ${expected.length} rows expected, tally gave ${actual.length}`);
  for (let i = 0; i < expected.length; i++) {
    const e = same(expected[i], actual[i], `${name} row ${i}`);
    if (e) return fail(e);
  }
  console.log(`ok ${name}: ${expected.length} rows equal`);
}

// ---------------------------------------------------------------------------------------------
// Fixture 1: every supported type, NULLs, nesting, 3 row groups (DuckDB cuts them at multiples of 2048 rows).
const typesSelect = `
  SELECT i AS id,
    (i % 100 - 50)::TINYINT AS i8, (i * 7 % 60000 - 30000)::SMALLINT AS i16,
    (i * 1000003 % 2000000000 - 1000000000)::INTEGER AS i32,
    (i % 256)::UTINYINT AS u8, (i * 13 % 65536)::USMALLINT AS u16, (i * 2654435761 % 4294967296)::UINTEGER AS u32,
    (18446744073709551615 - i)::UBIGINT AS u64,
    (i / 8.0 - 100)::FLOAT AS f, i * 1.5 - 1e6 AS d,
    CASE WHEN i % 11 = 0 THEN NULL ELSE i % 2 = 0 END AS b,
    CASE WHEN i % 5 = 0 THEN NULL ELSE 'city-' || (i % 17) END AS s,
    md5(i::VARCHAR) AS u,
    DATE '1950-01-01' + (i * 37 % 40000)::INTEGER AS dt,
    CASE WHEN i % 13 = 0 THEN NULL ELSE TIMESTAMP '1969-06-01 12:00:00' + to_microseconds(i * 123456789) END AS ts,
    (TIMESTAMP '2023-06-01' + to_milliseconds(i * 1001))::TIMESTAMP_MS AS ts_ms,
    (TIMESTAMP '2023-06-01' + to_microseconds(i))::TIMESTAMP_NS AS ts_ns,
    (i * 3.17 - 500)::DECIMAL(12, 2) AS dec,
    (i * 1234567.891)::DECIMAL(30, 3) AS dec_wide,
    CASE WHEN i % 9 = 0 THEN NULL ELSE {'a': (i % 10)::INTEGER, 'b': CASE WHEN i % 3 = 0 THEN NULL ELSE 'b' || i END} END AS st,
    CASE WHEN i % 4 = 0 THEN NULL WHEN i % 4 = 1 THEN [] ELSE [i, NULL, i * 2] END AS l,
    ['x' || (i % 3), NULL] AS ls,
    [{'k': 'k' || i, 'v': i}, {'k': NULL, 'v': NULL}] AS lst,
    {'x': [i, i + 1], 'y': {'z': 'z' || (i % 4)}} AS nest,
    [[i, i + 1], [], NULL] AS ll
  FROM range(6000) t(i)`;
const typesColumns = ['id', 'i8', 'i16', 'i32', 'u8', 'u16', 'u32', 'u64', 'f', 'd', 'b', 's', 'u', 'dt', 'ts', 'ts_ms',
  'ts_ns', 'dec', 'dec_wide', 'st', 'l', 'ls', 'lst', 'nest', 'll'];
// Timestamps are compared as epoch numbers, decimals as doubles (tally reads DECIMAL as Float64).
const duckExpr = { ts: 'epoch_us(ts)', ts_ms: 'epoch_ms(ts_ms)', ts_ns: 'epoch_ns(ts_ns)', dec: 'dec::DOUBLE',
  dec_wide: 'dec_wide::DOUBLE' };
const tallyExpr = { ts: 'toUnixTimestamp64Micro(ts)', ts_ms: 'toUnixTimestamp64Milli(ts_ms)',
  ts_ns: 'toUnixTimestamp64Nano(ts_ns)' };
const list = (exprs) => typesColumns.map((c) => `${exprs[c] ?? c} AS ${c}`).join(', ');

for (const compression of ['zstd', 'snappy', 'gzip', 'uncompressed']) {
  const file = join(dir, `types_${compression}.parquet`);
  await duck.run(`COPY (${typesSelect}) TO '${file}' (FORMAT PARQUET, COMPRESSION ${compression}, ROW_GROUP_SIZE 2048)`);
  const groups = await duckRows(`SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata('${file}')`);
  if (Number(groups[0].n) < 3) fail(`${compression}: expected 3 row groups, DuckDB wrote ${groups[0].n}`);
  const expected = await duckRows(`SELECT ${list(duckExpr)} FROM read_parquet('${file}') ORDER BY id`);
  const actual = jsonRows(`SELECT ${list(tallyExpr)} FROM file('${file}') ORDER BY id`);
  compareRows(`types (${compression})`, expected, actual);
}

// The same rows in Parquet format version 2 (DuckDB: DELTA encodings, Data Page V2).
{
  const file = join(dir, 'types_v2.parquet');
  await duck.run(`COPY (${typesSelect}) TO '${file}' (FORMAT PARQUET, COMPRESSION zstd, PARQUET_VERSION V2, ROW_GROUP_SIZE 2048)`);
  const expected = await duckRows(`SELECT ${list(duckExpr)} FROM read_parquet('${file}') ORDER BY id`);
  const r = runTally(['-q', `SELECT ${list(tallyExpr)} FROM file('${file}') ORDER BY id FORMAT JSONEachRow`]);
  if (r.status === 0) {
    compareRows('types (Parquet V2)', expected, r.stdout.split('\n').filter((l) => l).map((l) => JSON.parse(l)));
  } else {
    checks++;
    // Encodings tally does not decode must be a clean NOT_IMPLEMENTED, never a crash.
    if (!/Code: 48\./.test(r.stderr)) fail(`types (Parquet V2): unexpected failure ${r.status} ${r.signal}: ${r.stderr}`);
    else console.log(`ok types (Parquet V2): unsupported encoding reported cleanly: ${r.stderr.trim()}`);
  }
}

// DESCRIBE: the ClickHouse type mapping of each Parquet type.
{
  const file = join(dir, 'types_zstd.parquet');
  const described = Object.fromEntries(query(`DESCRIBE file('${file}') FORMAT TSV`).split('\n').filter((l) => l)
    .map((l) => l.split('\t')).map(([n, t]) => [n, t.replace(/\\'/g, "'")]));
  const mapping = {
    id: 'Nullable(Int64)', i8: 'Nullable(Int8)', i16: 'Nullable(Int16)', i32: 'Nullable(Int32)', u8: 'Nullable(UInt8)',
    u16: 'Nullable(UInt16)', u32: 'Nullable(UInt32)', u64: 'Nullable(UInt64)', f: 'Nullable(Float32)',
    d: 'Nullable(Float64)', b: 'Nullable(Bool)', s: 'Nullable(String)', dt: 'Nullable(Date32)',
    ts: "Nullable(DateTime64(6, 'UTC'))", ts_ms: "Nullable(DateTime64(3, 'UTC'))", ts_ns: "Nullable(DateTime64(9, 'UTC'))",
    dec: 'Nullable(Float64)', st: 'Tuple(a Nullable(Int32), b Nullable(String))', l: 'Array(Nullable(Int64))',
    lst: 'Array(Tuple(k Nullable(String), v Nullable(Int64)))',
    nest: 'Tuple(x Array(Nullable(Int64)), y Tuple(z Nullable(String)))', ll: 'Array(Array(Nullable(Int64)))',
  };
  checks++;
  const wrong = Object.entries(mapping).filter(([n, t]) => described[n] !== t);
  if (wrong.length) fail('DESCRIBE: ' + wrong.map(([n, t]) => `${n} is ${described[n]}, expected ${t}`).join('; '));
  else console.log('ok DESCRIBE: type mapping');
}

// ---------------------------------------------------------------------------------------------
// Fixture 2: shaped like BigQuery's export of PyPI's file_downloads (nested optional STRUCTs).
const bq = join(dir, 'file_downloads.parquet');
await duck.run(`COPY (
  SELECT TIMESTAMP '2024-05-01 00:00:00' + to_microseconds(i * 86413) AS timestamp,
    CASE WHEN i % 50 = 0 THEN NULL ELSE ['US', 'DE', 'CN', 'IN', 'FR'][1 + i % 5] END AS country_code,
    '/packages/' || md5((i % 97)::VARCHAR) AS url,
    ['numpy', 'requests', 'boto3', 'pandas', 'urllib3', 'setuptools'][1 + i % 6] AS project,
    {'filename': 'pkg-' || (i % 31) || '.whl', 'project': ['numpy', 'requests', 'boto3', 'pandas', 'urllib3', 'setuptools'][1 + i % 6],
     'version': '1.' || (i % 9), 'type': CASE WHEN i % 3 = 0 THEN 'sdist' ELSE 'bdist_wheel' END} AS file,
    {'installer': CASE WHEN i % 17 = 0 THEN NULL ELSE {'name': ['pip', 'uv', 'poetry'][1 + i % 3], 'version': '24.' || (i % 3)} END,
     'python': CASE WHEN i % 7 = 0 THEN NULL ELSE '3.' || (8 + i % 5) END,
     'implementation': {'name': 'CPython', 'version': '3.' || (8 + i % 5) || '.1'},
     'distro': {'name': CASE WHEN i % 4 = 0 THEN NULL ELSE 'Ubuntu' END, 'version': '22.04', 'id': 'jammy',
                'libc': {'lib': 'glibc', 'version': '2.35'}},
     'system': {'name': CASE WHEN i % 10 = 0 THEN 'Windows' ELSE 'Linux' END, 'release': '5.15'},
     'cpu': 'x86_64', 'openssl_version': 'OpenSSL 3.0.2', 'setuptools_version': CASE WHEN i % 6 = 0 THEN NULL ELSE '68.0' END,
     'rustc_version': NULL::VARCHAR, 'ci': CASE WHEN i % 5 = 0 THEN NULL ELSE i % 2 = 0 END} AS details,
    'TLSv1.3' AS tls_protocol, CASE WHEN i % 2 = 0 THEN 'TLS_AES_128_GCM_SHA256' ELSE 'TLS_AES_256_GCM_SHA384' END AS tls_cipher
  FROM range(20000) t(i)) TO '${bq}' (FORMAT PARQUET, COMPRESSION snappy, ROW_GROUP_SIZE 8192)`);
{
  const expected = await duckRows(`SELECT epoch_us(timestamp) AS ts, country_code, url, project, file, details, tls_protocol,
    tls_cipher FROM read_parquet('${bq}') ORDER BY ts`);
  const actual = jsonRows(`SELECT toUnixTimestamp64Micro(timestamp) AS ts, country_code, url, project, file, details,
    tls_protocol, tls_cipher FROM file('${bq}') ORDER BY ts`);
  compareRows('file_downloads rows', expected, actual);
  const e2 = await duckRows(`SELECT file.project AS p, details.installer.name AS i, count(*) AS c FROM read_parquet('${bq}')
    GROUP BY ALL ORDER BY p, i NULLS FIRST`);
  const a2 = jsonRows(`SELECT file.project AS p, details.installer.name AS i, count() AS c FROM file('${bq}')
    GROUP BY ALL ORDER BY p, i NULLS FIRST`);
  compareRows('file_downloads GROUP BY file.project, details.installer.name', e2, a2);
  const a3 = jsonRows(`SELECT tupleElement(file, 'project') AS p, tupleElement(tupleElement(details, 'installer'), 'name') AS i,
    count() AS c FROM file('${bq}') GROUP BY ALL ORDER BY p, i NULLS FIRST`);
  compareRows('file_downloads GROUP BY tupleElement(...)', e2, a3);
}

// ---------------------------------------------------------------------------------------------
// An explicit structure: columns by name, converted; NULLs become defaults for non-Nullable types.
{
  const file = join(dir, 'types_snappy.parquet');
  const expected = await duckRows(`SELECT id, coalesce(s, '') AS s, i32::BIGINT AS i32, coalesce(b, false) AS b
    FROM read_parquet('${file}') ORDER BY id`);
  const actual = jsonRows(`SELECT id, s, i32, b FROM file('${file}', Parquet, 'b Bool, s String, id UInt32, i32 Int64') ORDER BY id`);
  compareRows('explicit structure', expected, actual);
  checks++;
  const r = runTally(['-q', `SELECT * FROM file('${file}', Parquet, 'id UInt64, nope String')`]);
  if (r.status === 0 || !/Code: 8\..*nope/.test(r.stderr)) fail(`missing column: expected code 8, got ${r.status}: ${r.stderr}`);
  else console.log('ok missing column: ' + r.stderr.trim());
}

// LowCardinality in a structure: string leaves are read as dictionary indices (no string per
// row), at any depth; a Tuple naming a subset of a struct's fields reads only those, by name.
{
  const file = join(dir, 'types_zstd.parquet');
  const expected = await duckRows(`SELECT id, s, u, ls, st.b AS b FROM read_parquet('${file}') ORDER BY id`);
  const actual = jsonRows(`SELECT id, s, u, ls, tupleElement(st, 'b') AS b FROM file('${file}', Parquet,
    'id Int64, s LowCardinality(Nullable(String)), u LowCardinality(Nullable(String)), ls Array(LowCardinality(Nullable(String))),
     st Tuple(b LowCardinality(Nullable(String)))') ORDER BY id`);
  compareRows('LowCardinality structure (types)', expected, actual);
  checks++;
  const types = query(`SELECT toTypeName(s), toTypeName(ls), toTypeName(st) FROM file('${file}', Parquet,
    's LowCardinality(Nullable(String)), ls Array(LowCardinality(Nullable(String))), st Tuple(b LowCardinality(Nullable(String)))')
    LIMIT 1 FORMAT TSV`).trim();
  const wanted = 'LowCardinality(Nullable(String))\tArray(LowCardinality(Nullable(String)))\tTuple(b LowCardinality(Nullable(String)))';
  if (types !== wanted) fail(`LowCardinality structure types: ${types}`);
  else console.log('ok LowCardinality structure: column types');

  const e2 = await duckRows(`SELECT epoch_us(timestamp) AS ts, file.type AS t, file.project AS p, details.installer.name AS i,
    details.system.name AS sys, details.python AS py, details.ci AS ci FROM read_parquet('${bq}') ORDER BY ts`);
  const a2 = jsonRows(`SELECT toUnixTimestamp64Micro(timestamp) AS ts, tupleElement(file, 'type') AS t,
    tupleElement(file, 'project') AS p, tupleElement(tupleElement(details, 'installer'), 'name') AS i,
    tupleElement(tupleElement(details, 'system'), 'name') AS sys, tupleElement(details, 'python') AS py,
    tupleElement(details, 'ci') AS ci
    FROM file('${bq}', Parquet, 'timestamp DateTime64(6, \\'UTC\\'), file Tuple(type LowCardinality(String), project LowCardinality(String)),
      details Tuple(installer Tuple(name LowCardinality(Nullable(String))), system Tuple(name LowCardinality(Nullable(String))),
      python LowCardinality(Nullable(String)), ci Nullable(Bool))') ORDER BY ts`);
  compareRows('struct fields by name, LowCardinality leaves (file_downloads)', e2, a2);
}

// Input from stdin: tally local --input-format Parquet (table `table`, read into memory, not
// mapped), also as the source of an INSERT into a MergeTree table.
{
  const file = join(dir, 'types_gzip.parquet');
  const bytes = readFileSync(file);
  const expected = await duckRows(`SELECT count(*) AS c, sum(id) AS sum_id, count(s) AS n FROM read_parquet('${file}')`);
  const actual = query('SELECT count() AS c, sum(id) AS sum_id, count(s) AS n FROM table FORMAT JSONEachRow', bytes,
    ['--input-format', 'Parquet']).split('\n').filter((l) => l).map((l) => JSON.parse(l));
  compareRows('stdin --input-format Parquet', expected, actual);
  const db = join(dir, 'db');
  query('CREATE TABLE t (id UInt64, s Nullable(String), l Array(Nullable(Int64))) ENGINE = MergeTree ORDER BY id', undefined, ['--path', db]);
  query('INSERT INTO t SELECT id, s, l FROM table', bytes, ['--path', db, '--input-format', 'Parquet']);
  const inserted = query('SELECT count() AS c, sum(id) AS sum_id, count(s) AS n FROM t FORMAT JSONEachRow', undefined, ['--path', db])
    .split('\n').filter((l) => l).map((l) => JSON.parse(l));
  compareRows('INSERT INTO t SELECT ... FROM stdin (Parquet)', expected, inserted);
}

// INSERT INTO t FORMAT Parquet with the file as the request body of `tally server` (HTTP).
{
  const file = join(dir, 'types_zstd.parquet');
  const expected = await duckRows(`SELECT count(*) AS c, sum(id) AS sum_id, count(s) AS n, sum(len(l)) AS items
    FROM read_parquet('${file}')`);
  const server = spawn(tally, ['server', '--path', join(dir, 'server'), '--http_port', '0', '--log_file',
    join(dir, 'server_log.jsonl')], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const port = await new Promise((resolvePort, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('tally server did not start: ' + text)), 30000);
      server.stderr.on('data', (d) => {
        text += d;
        const m = text.match(/listening on http:\/\/[^:]+:(\d+)/);
        if (m) { clearTimeout(timer); resolvePort(Number(m[1])); }
      });
      server.on('exit', (code) => reject(new Error(`tally server exited (${code}): ${text}`)));
    });
    const post = async (sql, body) => {
      const r = await fetch(`http://127.0.0.1:${port}/?query=${encodeURIComponent(sql)}`, { method: 'POST', body });
      const text = await r.text();
      if (!r.ok) throw new Error(`HTTP ${r.status} for ${sql}: ${text}`);
      return text;
    };
    await post('CREATE TABLE t (id UInt64, s Nullable(String), l Array(Nullable(Int64))) ENGINE = MergeTree ORDER BY id');
    await post('INSERT INTO t FORMAT Parquet', readFileSync(file));
    const actual = (await post('SELECT count() AS c, sum(id) AS sum_id, count(s) AS n, sum(length(l)) AS items FROM t FORMAT JSONEachRow'))
      .split('\n').filter((l) => l).map((l) => JSON.parse(l));
    compareRows('HTTP INSERT INTO t FORMAT Parquet', expected, actual);
  } finally {
    server.kill('SIGTERM');
  }
}

// count() decodes no column: the row count comes from the row groups.
{
  const file = join(dir, 'types_snappy.parquet');
  compareRows('count()', await duckRows(`SELECT count(*) AS c FROM read_parquet('${file}')`),
    jsonRows(`SELECT count() AS c FROM file('${file}')`));
}

// Only the requested columns are decoded: with the pages of `u` destroyed, other columns still read.
{
  const file = join(dir, 'types_uncompressed.parquet');
  const chunks = await duckRows(`SELECT data_page_offset AS o, total_compressed_size AS n FROM parquet_metadata('${file}')
    WHERE path_in_schema = 'u'`);
  const bytes = Buffer.from(readFileSync(file));
  for (const c of chunks) bytes.fill(0xff, Number(c.o), Number(c.o) + Number(c.n));
  const broken = join(dir, 'broken_u.parquet');
  writeFileSync(broken, bytes);
  const expected = await duckRows(`SELECT sum(id) AS sum_id, count(s) AS n FROM read_parquet('${file}')`);
  compareRows('unrequested corrupt column', expected, jsonRows(`SELECT sum(id) AS sum_id, count(s) AS n FROM file('${broken}')`));
  checks++;
  const r = runTally(['-q', `SELECT count(u) FROM file('${broken}')`]);
  if (r.status === 0 || r.signal || !/Code: \d+\..*Parquet/.test(r.stderr)) fail(`corrupt column u: ${r.status} ${r.signal} ${r.stderr}`);
  else console.log('ok corrupt column reported: ' + r.stderr.trim());
}

// Truncated and corrupted files: a ClickHouse error, never a crash.
{
  const whole = readFileSync(join(dir, 'types_zstd.parquet'));
  const cuts = [0, 3, 4, 100, whole.length >> 2, whole.length >> 1, whole.length - 9, whole.length - 5, whole.length - 1];
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cases = cuts.map((n) => [`truncated at ${n}`, whole.subarray(0, n)]);
  for (let k = 0; k < 40; k++) {
    const b = Buffer.from(whole);
    for (let j = 0; j < 8; j++) b[Math.floor(random() * b.length)] = Math.floor(random() * 256);
    cases.push([`corrupted #${k}`, b]);
  }
  for (const [name, data] of cases) {
    checks++;
    const f = join(dir, 'bad.parquet');
    writeFileSync(f, data);
    const r = runTally(['-q', `SELECT * FROM file('${f}') FORMAT Null`]);
    if (r.signal || (r.status !== 0 && !/Code: \d+\. DB::Exception/.test(r.stderr)))
      fail(`${name}: status ${r.status} signal ${r.signal}: ${r.stderr}`);
    if (name.startsWith('truncated') && r.status === 0) fail(`${name}: a truncated file was read without an error`);
  }
  console.log(`ok ${cases.length} truncated/corrupted files: errors, no crash`);
}

rmSync(dir, { recursive: true, force: true });
console.log(`${checks} checks, ${failures} failures`);
process.exit(failures ? 1 : 0);
