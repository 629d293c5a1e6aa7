// `tally pypi load` end to end: linehaul logs (every installer family, malformed lines, gzip,
// a truncated gzip), BigQuery NDJSON and CSV exports, Parquet written by DuckDB in BigQuery's
// nested shape (snappy, zstd, gzip; dictionary and plain encodings) and ClickPy's flattened
// shape, distribution_metadata into pypi.projects. Checks the exact rows of pypi.pypi, that
// every rollup sums to the raw count, the rejects file, the ledger (rerun skips everything, a
// changed file is reported) and a kill -9 between the data commit and the ledger row.
// Usage: node pypi_load_test.mjs <tally binary> <tests/parquet dir with node_modules>
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AGENTS, BAD_LINES, bigQueryRows, expectedOfBigQueryRow, expectedRow, logLine } from './fixtures.mjs';

const tally = resolve(process.argv[2]);
const require = createRequire(join(resolve(process.argv[3]), 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');
const dir = mkdtempSync(join(tmpdir(), 'tally-pypi-load-'));
const data = join(dir, 'data');
const input = join(dir, 'input');
mkdirSync(input);
const duck = await (await DuckDBInstance.create(':memory:')).connect();
let failures = 0, checks = 0;

function check(ok, message, detail = '') {
  checks++;
  if (ok) console.log('ok ' + message);
  else {
    failures++;
    console.error('FAIL: ' + message + (detail ? '\n' + detail : ''));
  }
}

function load(args, env = {}) {
  const r = spawnSync(tally, ['pypi', 'load', '--path', data, '--progress-interval', '1000', ...args],
    { env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  return { status: r.status, signal: r.signal, stderr: r.stderr.toString() };
}

function sql(query) {
  const r = spawnSync(tally, ['local', '--path', data, '-q', query], { maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`tally local failed on ${query}:\n${r.stderr}`);
  return r.stdout.toString();
}

const jsonRows = (query) => sql(query + ' FORMAT JSONEachRow').split('\n').filter((l) => l).map((l) => JSON.parse(l));
const scalar = (query) => Number(sql(query).trim());
const COLS = ['date', 'country_code', 'project', 'type', 'installer', 'python_minor', 'system', 'version', 'ci'];
const key = (r) => COLS.map((c) => r[c]).join('|');

/// Expected rows as a multiset key -> count.
const expected = new Map();
function expect(row, n = 1) {
  expected.set(key(row), (expected.get(key(row)) ?? 0) + n);
}

function compareRaw(label) {
  const actual = new Map();
  for (const r of jsonRows(`SELECT ${COLS.join(', ')}, count() AS n FROM pypi.pypi GROUP BY ALL`)) actual.set(key(r), Number(r.n));
  const diffs = [];
  for (const [k, n] of expected) if (actual.get(k) !== n) diffs.push(`expected ${n} × ${k}, got ${actual.get(k) ?? 0}`);
  for (const [k, n] of actual) if (!expected.has(k)) diffs.push(`unexpected ${n} × ${k}`);
  const total = [...expected.values()].reduce((a, b) => a + b, 0);
  check(diffs.length === 0, `${label}: pypi.pypi holds exactly the expected ${total} rows`, diffs.slice(0, 15).join('\n'));
  return total;
}

function checkRollups(label, total) {
  // Every table with a `count` column fed from pypi.pypi (the monthly one keeps full history).
  const tables = sql("SELECT table FROM system.columns WHERE database = 'pypi' AND name = 'count' AND table LIKE 'pypi_downloads%' AND NOT endsWith(table, '_mv') ORDER BY table")
    .split('\n').filter((l) => l);
  const rawByCi = JSON.stringify(jsonRows('SELECT ci, count() AS n FROM pypi.pypi GROUP BY ci ORDER BY ci'));
  const wrong = [];
  for (const t of tables) {
    const s = scalar(`SELECT sum(count) FROM pypi.${t}`);
    if (s !== total) wrong.push(`${t}: ${s}`);
    const byCi = JSON.stringify(jsonRows(`SELECT ci, sum(count) AS n FROM pypi.${t} GROUP BY ci ORDER BY ci`));
    if (byCi !== rawByCi) wrong.push(`${t} by ci: ${byCi}, raw ${rawByCi}`);
  }
  check(tables.length >= 12 && wrong.length === 0, `${label}: every one of ${tables.length} count rollups sums to ${total}, per ci value too`, wrong.join('\n'));
  const mm = jsonRows('SELECT project, min(min_date) AS a, max(max_date) AS b FROM pypi.pypi_downloads_max_min GROUP BY project ORDER BY project');
  const raw = jsonRows('SELECT project, min(date) AS a, max(date) AS b FROM pypi.pypi GROUP BY project ORDER BY project');
  check(JSON.stringify(mm) === JSON.stringify(raw), `${label}: pypi_downloads_max_min matches the raw table`);
}

function rejectsOf(stderr) {
  const m = /rejects: (\S+)/.exec(stderr);
  return m ? readFileSync(m[1], 'utf8').split('\n').filter((l) => l).map((l) => JSON.parse(l)) : [];
}

// The raw table gets the `ci` column of docs/pypi_app.md when this checkout's schema lacks it.
load(['--countries']);
if (!sql("SELECT name FROM system.columns WHERE database = 'pypi' AND table = 'pypi' AND name = 'ci'").trim())
  sql("ALTER TABLE pypi.pypi ADD COLUMN ci Enum8('false' = 0, 'true' = 1, 'unknown' = 2)");
check(scalar('SELECT count() FROM pypi.countries') >= 249 && sql("SELECT name FROM pypi.countries WHERE code = 'DE'").trim() === 'Germany',
  'countries from iso-codes');

// ---------------------------------------------------------------------------------------------
// 1. Linehaul logs.
const logDir = join(input, 'logs');
mkdirSync(logDir);
{
  const lines = [];
  const badAt = new Map();
  AGENTS.forEach(([ua, agent], i) => {
    const f = { project: ['Requests', 'zope.interface', 'Django_REST.framework'][i % 3], version: `1.${i}`, country: i % 4 === 0 ? '' : 'DE' };
    lines.push(logLine({ ...f, ua }));
    expect(expectedRow({ ...f, project: ['requests', 'zope-interface', 'django-rest-framework'][i % 3] }, agent));
    if (i % 5 === 0) lines.push(`simple|${'Thu, 07 Jan 2021 20:54:54 GMT'}|US|/simple/requests/|TLSv1.3|X||||${ua}`);
    if (i % 4 === 1) {
      const [bad, reason] = BAD_LINES[(i >> 2) % BAD_LINES.length];
      lines.push(bad);
      badAt.set(lines.length, reason);
    }
  });
  for (const [bad, reason] of BAD_LINES) {
    lines.push(bad);
    badAt.set(lines.length, reason);
  }
  lines.push('');
  writeFileSync(join(logDir, 'downloads-2021-01-07-20-55.log'), lines.join('\n') + '\n');
  // Invalid UTF-8 in a line: rejected with its bytes in raw_hex.
  appendFileSync(join(logDir, 'downloads-2021-01-07-20-55.log'), Buffer.concat([Buffer.from(logLine({ project: 'caf', ua: 'curl/7' }).replace('caf', 'caf\xff'), 'latin1'), Buffer.from('\n')]));
  badAt.set(lines.length + 1, 'invalid UTF-8');

  // A gzip log of many pip/uv downloads across two days.
  const big = [];
  for (let i = 0; i < 20000; i++) {
    const uv = i % 3 === 0;
    const py = `3.${8 + (i % 5)}.${i % 13}`;
    const ci = i % 4 === 0;
    const day = i % 2 ? 'Fri, 08 Jan 2021 00:00:01 GMT' : 'Thu, 07 Jan 2021 23:59:59 GMT';
    const ua = `${uv ? 'uv/0.5.1' : 'pip/24.2'} {"installer":{"name":"${uv ? 'uv' : 'pip'}","version":"1"},"python":"${py}","system":{"name":"Linux","release":"6"},"ci":${ci ? 'true' : 'null'}}`;
    big.push(logLine({ time: day, project: `pkg_${i % 50}`, version: `0.${i % 4}`, country: 'US', ua }));
    expect({ date: i % 2 ? '2021-01-08' : '2021-01-07', country_code: 'US', project: `pkg-${i % 50}`, type: 'bdist_wheel',
      installer: uv ? 'uv' : 'pip', python_minor: `3.${8 + (i % 5)}`, system: 'Linux', version: `0.${i % 4}`, ci: ci ? 'true' : 'false' });
  }
  const gz = gzipSync(big.join('\n') + '\n');
  writeFileSync(join(logDir, 'downloads-2021-01-08.log.gz'), gz);
  writeFileSync(join(input, 'truncated.log.gz'), gz.subarray(0, gz.length >> 1));

  const r = load([logDir, '--rejects', join(dir, 'rejects-logs.ndjson')]);
  check(r.status === 0, 'logs: load exits 0', r.stderr);
  check(/2 loaded, 0 skipped/.test(r.stderr) && /simple requests skipped/.test(r.stderr), 'logs: summary reports files and simple requests', r.stderr);
  const rejects = rejectsOf(r.stderr);
  const got = new Map(rejects.map((x) => [x.line, x.reason]));
  const wrong = [...badAt].filter(([line, reason]) => got.get(line) !== reason).map(([l, w]) => `line ${l}: expected ${w}, got ${got.get(l)}`);
  check(rejects.length === badAt.size && wrong.length === 0, `logs: ${badAt.size} rejects with their line numbers and reasons`, wrong.join('\n') + JSON.stringify(rejects.slice(0, 3)));
  check(rejects.some((x) => x.raw_hex && x.raw_hex.includes('ff')) && rejects.some((x) => x.raw && x.raw.startsWith('download|')),
    'logs: rejects carry the raw line (raw_hex for invalid UTF-8)');
  const total = compareRaw('logs');
  checkRollups('logs', total);

  const t = load([join(input, 'truncated.log.gz'), '--rejects', join(dir, 'rejects-trunc.ndjson')]);
  check(t.status === 1 && /CANNOT_DECOMPRESS/.test(t.stderr) && /1 failed/.test(t.stderr), 'truncated gzip: the file fails with CANNOT_DECOMPRESS', t.stderr);
  compareRaw('truncated gzip commits nothing');
  check(scalar("SELECT count() FROM pypi.load_ledger WHERE path LIKE '%truncated%'") === 0, 'truncated gzip: not in the ledger');
}

// ---------------------------------------------------------------------------------------------
// 2. BigQuery NDJSON and CSV exports.
{
  const rows = bigQueryRows(3000, 0);
  const text = rows.map((r) => JSON.stringify(r)).join('\n');
  const bad = ['{"timestamp": "2024-02-01 00:00:00 UTC", "file": {"version": "1"}}', 'not json at all', '{"timestamp": "nope", "project": "x", "file": {"project": "x", "version": "1", "type": "sdist"}}',
    '{"timestamp": "2024-02-01 00:00:00 UTC", "project": "x", "file": {"project": "x", "version": "1"}'];
  writeFileSync(join(input, 'file_downloads-000.jsonl'), text + '\n' + bad.join('\n') + '\n');
  rows.forEach((r) => expect(expectedOfBigQueryRow(r)));
  const rows2 = bigQueryRows(2000, 7);
  writeFileSync(join(input, 'file_downloads-001.json.gz'), gzipSync(rows2.map((r) => JSON.stringify(r)).join('\n') + '\n'));
  rows2.forEach((r) => expect(expectedOfBigQueryRow(r)));
  // zstd (the zstd program, a TEST package of scripts/install-deps.sh).
  const rows4 = bigQueryRows(1000, 13);
  writeFileSync(join(input, 'file_downloads-002.ndjson'), rows4.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const z = spawnSync('zstd', ['-q', '--rm', join(input, 'file_downloads-002.ndjson')]);
  if (z.status !== 0) throw new Error('zstd failed: ' + z.stderr);
  rows4.forEach((r) => expect(expectedOfBigQueryRow(r)));

  // CSV: BigQuery's CSV export of flattened columns.
  const rows3 = bigQueryRows(1500, 3);
  const csv = ['timestamp,country_code,project,version,type,installer,python,system,ci'];
  for (const r of rows3) {
    const d = r.details ?? {};
    csv.push([r.timestamp, r.country_code ?? '', r.file.project, r.file.version, r.file.type, d.installer?.name ?? '', d.python ?? '', d.system?.name ?? '', d.ci === true ? 'true' : ''].join(','));
    expect(expectedOfBigQueryRow(r));
  }
  csv.push('2024-02-03 00:00:00 UTC,US,,1.0,sdist,pip,3.11.1,Linux,');  // no project
  csv.push('garbage-time,US,numpy,1.0,sdist,pip,3.11.1,Linux,');
  writeFileSync(join(input, 'export.csv'), csv.join('\n') + '\n');

  const r = load([join(input, 'file_downloads-00*'), join(input, 'export.csv'), '--rejects', join(dir, 'rejects-json.ndjson')]);
  check(r.status === 0 && /4 loaded/.test(r.stderr), 'json/csv: load exits 0, 4 files (plain, .gz, .zst, CSV)', r.stderr);
  const rejects = rejectsOf(r.stderr);
  const reasons = rejects.map((x) => `${x.file.split('/').pop()}:${x.line ?? 'row'}:${x.reason}`).sort();
  const want = ['export.csv:row:bad timestamp', 'export.csv:row:missing project', 'file_downloads-000.jsonl:3001:missing project',
    'file_downloads-000.jsonl:3002:malformed JSON', 'file_downloads-000.jsonl:3003:bad timestamp', 'file_downloads-000.jsonl:3004:malformed JSON'].sort();
  check(JSON.stringify(reasons) === JSON.stringify(want), 'json/csv: rejects with line numbers and reasons', reasons.join('\n'));
  const total = compareRaw('json/csv');
  checkRollups('json/csv', total);
}

// ---------------------------------------------------------------------------------------------
// 3. Parquet written by DuckDB in BigQuery's nested shape; DuckDB computes the expected rows.
{
  const pq = join(input, 'parquet');
  mkdirSync(pq);
  const shape = (n, seed) => `SELECT TIMESTAMPTZ '2024-03-01 00:00:00+00' + to_seconds((i * 7919 + ${seed}) % (86400 * 30)) AS timestamp,
      CASE WHEN i % 13 = 0 THEN NULL ELSE ['US', 'DE', 'JP', 'IE'][1 + i % 4] END AS country_code,
      '/packages/' || md5(i::VARCHAR) AS url,
      CASE WHEN i % 97 = 5 THEN NULL ELSE ['numpy', 'Django_REST.framework', 'requests', 'zope.interface', 'boto3', 'PyYAML'][1 + i % 6] END AS project,
      {'filename': 'f' || i || '.whl', 'project': CASE WHEN i % 97 = 5 THEN NULL WHEN i % 89 = 3 THEN '' ELSE ['numpy', 'Django_REST.framework', 'requests', 'zope.interface', 'boto3', 'PyYAML'][1 + i % 6] END,
       'version': '2.' || (i % 5), 'type': CASE WHEN i % 3 = 0 THEN 'sdist' ELSE 'bdist_wheel' END} AS file,
      CASE WHEN i % 17 = 0 THEN NULL ELSE {'installer': {'name': ['pip', 'uv', 'poetry', 'requests', 'bandersnatch'][1 + i % 5], 'version': '1'},
       'python': CASE WHEN i % 7 = 0 THEN NULL WHEN i % 19 = 0 THEN 'cpython' ELSE '3.' || (8 + i % 6) || '.' || (i % 4) END,
       'implementation': {'name': 'CPython', 'version': '3.11.1'},
       'distro': {'name': 'Ubuntu', 'version': '22.04', 'id': 'jammy', 'libc': {'lib': 'glibc', 'version': '2.35'}},
       'system': {'name': CASE WHEN i % 10 = 0 THEN NULL ELSE ['Linux', 'Darwin', 'Windows'][1 + i % 3] END, 'release': '6.1'},
       'cpu': 'x86_64', 'openssl_version': NULL::VARCHAR, 'setuptools_version': NULL::VARCHAR, 'rustc_version': NULL::VARCHAR,
       'ci': CASE WHEN i % 4 = 0 THEN TRUE ELSE NULL END} END AS details,
      'TLSv1.3' AS tls_protocol, 'TLS_AES_256_GCM_SHA384' AS tls_cipher
    FROM range(${n}) t(i)`;
  const files = [['snappy', 40000, 0, ''], ['zstd', 30000, 11, ', ROW_GROUP_SIZE 7000'], ['gzip', 20000, 23, ', DICTIONARY_SIZE_LIMIT 1']];
  for (const [codec, n, seed, extra] of files)
    await duck.run(`COPY (${shape(n, seed)}) TO '${join(pq, `file_downloads-${codec}.parquet`)}' (FORMAT PARQUET, COMPRESSION ${codec}${extra})`);
  const encodings = async (codec) => (await duck.runAndReadAll(`SELECT DISTINCT encodings FROM parquet_metadata('${join(pq, `file_downloads-${codec}.parquet`)}')
      WHERE path_in_schema LIKE '%project%'`)).getRowObjectsJson().map((r) => r.encodings).join();
  const [dictEnc, plainEnc] = [await encodings('snappy'), await encodings('gzip')];
  check(/DICTIONARY/.test(dictEnc) && !/DICTIONARY/.test(plainEnc), `parquet fixtures: dictionary (${dictEnc}) and plain (${plainEnc}) string pages`);
  // The flattened ClickPy export (installer/python/system at the top level, no ci).
  await duck.run(`COPY (SELECT timestamp, country_code, url, project, file, details.installer AS installer, details.python AS python,
      details.system AS system FROM (${shape(10000, 5)})) TO '${join(pq, 'clickpy-flat.parquet')}' (FORMAT PARQUET, COMPRESSION zstd)`);
  const mapping = (ci) => `SELECT strftime(CAST(timestamp AT TIME ZONE 'UTC' AS DATE), '%Y-%m-%d') AS date, coalesce(country_code, '') AS country_code,
      lower(regexp_replace(coalesce(file.project, project), '[-_.]+', '-', 'g')) AS project, file.type AS type, coalesce(INST, '') AS installer,
      coalesce(regexp_extract(PY, '^(\\d+\\.\\d+)', 1), '') AS python_minor, coalesce(SYS, '') AS system, file.version AS version, ${ci} AS ci, count(*) AS n`;
  const valid = `WHERE timestamp IS NOT NULL AND coalesce(file.project, project, '') <> '' AND file.version IS NOT NULL AND file.type IS NOT NULL GROUP BY ALL`;
  for (const [codec] of files) {
    const q = mapping(`CASE WHEN details.ci THEN 'true' WHEN details.installer.name IN ('pip', 'uv') THEN 'false' ELSE 'unknown' END`)
      .replace('INST', 'details.installer.name').replace('PY', 'details.python').replace('SYS', 'details.system.name');
    for (const r of (await duck.runAndReadAll(`${q} FROM read_parquet('${join(pq, `file_downloads-${codec}.parquet`)}') ${valid}`)).getRowObjectsJson())
      expect(r, Number(r.n));
  }
  {
    const q = mapping(`'unknown'`).replace('INST', 'installer.name').replace('PY', 'python').replace('SYS', 'system.name');
    for (const r of (await duck.runAndReadAll(`${q} FROM read_parquet('${join(pq, 'clickpy-flat.parquet')}') ${valid}`)).getRowObjectsJson())
      expect(r, Number(r.n));
  }
  const invalid = Number((await duck.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${pq}/*.parquet', union_by_name = true)
      WHERE coalesce(file.project, project, '') = ''`)).getRowObjectsJson()[0].n);
  const r = load([join(pq, '*.parquet'), '--threads', '2', '--rejects', join(dir, 'rejects-parquet.ndjson')]);
  check(r.status === 0 && /4 loaded/.test(r.stderr), 'parquet: load exits 0, 4 files', r.stderr);
  const rejects = rejectsOf(r.stderr);
  check(invalid > 0 && rejects.length === invalid && rejects.every((x) => x.reason === 'missing project' && x.raw_row && 'timestamp' in x.raw_row),
    `parquet: ${invalid} rows without a project go to the rejects file with their columns`, JSON.stringify(rejects.slice(0, 2)));
  const total = compareRaw('parquet');
  checkRollups('parquet', total);
}

// ---------------------------------------------------------------------------------------------
// 4. distribution_metadata -> pypi.projects (names normalized; reloading a newer export of the
//    same files replaces rows instead of duplicating them).
{
  const meta = (v) => `SELECT * FROM (VALUES ('2.1', 'Django_REST.framework', '3.14.0', 'Web APIs ${v}', ['Framework :: Django'], TIMESTAMP '2023-09-22 10:00:00', 'djangorestframework-3.14.0.tar.gz', 1064000, 'sdist', FALSE),
      ('2.1', 'Django_REST.framework', '3.15.0', 'Web APIs ${v}', ['Framework :: Django'], TIMESTAMP '2024-03-15 10:00:00', 'djangorestframework-3.15.0-py3-none-any.whl', 1071000, 'bdist_wheel', FALSE),
      ('2.1', 'requests', '2.31.0', 'HTTP ${v}', [], TIMESTAMP '2023-05-22 15:00:00', 'requests-2.31.0.tar.gz', 110794, 'sdist', TRUE))
      t(metadata_version, name, version, summary, classifiers, upload_time, filename, size, packagetype, has_signature)`;
  await duck.run(`COPY (${meta('v1')}) TO '${join(input, 'distribution_metadata-1.parquet')}' (FORMAT PARQUET)`);
  await duck.run(`COPY (${meta('v2')}) TO '${join(input, 'distribution_metadata-2.parquet')}' (FORMAT PARQUET)`);
  let r = load([join(input, 'distribution_metadata-1.parquet')]);
  r = load([join(input, 'distribution_metadata-2.parquet')]);
  check(r.status === 0 && /-> pypi\.projects/.test(r.stderr), 'metadata: loads into pypi.projects', r.stderr);
  const got = jsonRows('SELECT name, version, summary, filename, size, packagetype, has_signature, classifiers FROM pypi.projects ORDER BY filename');
  check(got.length === 3 && got.every((x) => x.summary.endsWith('v2')) && got[0].name === 'django-rest-framework' &&
    got[2].name === 'requests' && got[2].has_signature === true && Number(got[0].size) === 1064000,
    'metadata: one row per (name, filename), newest export wins, names normalized', JSON.stringify(got));
  check(sql("SELECT dictGet('pypi.last_updated_dict', 'last_update', 'django-rest-framework')").trim().startsWith('2024-03-15 10:00:00'),
    'metadata: last_updated_dict sees the upload times');
}

// ---------------------------------------------------------------------------------------------
// 5. The ledger: a rerun skips every file; a changed file is reported, not reloaded.
{
  const before = scalar('SELECT count() FROM pypi.pypi');
  const r = load([input, '--rejects', join(dir, 'rejects-rerun.ndjson')]);
  const loadedFiles = scalar('SELECT count() FROM pypi.load_ledger');
  check(/0 loaded, \d+ skipped/.test(r.stderr) && scalar('SELECT count() FROM pypi.pypi') === before && /already loaded/.test(r.stderr),
    `ledger: a rerun over everything (${loadedFiles} ledger rows) loads nothing`, r.stderr.split('\n').slice(-4).join('\n'));
  appendFileSync(join(logDir, 'downloads-2021-01-07-20-55.log'), logLine({ ua: 'curl/8' }) + '\n');
  const c = load([logDir]);
  check(/CHANGED .*downloads-2021-01-07-20-55\.log/.test(c.stderr) && /1 changed/.test(c.stderr) && scalar('SELECT count() FROM pypi.pypi') === before,
    'ledger: a changed file is reported and not reloaded', c.stderr);
  writeFileSync(join(input, 'copy.jsonl'), readFileSync(join(input, 'file_downloads-000.jsonl')));
  const k = load([join(input, 'copy.jsonl')]);
  check(/same content as/.test(k.stderr) && scalar('SELECT count() FROM pypi.pypi') === before, 'ledger: a copy of a loaded file is skipped', k.stderr);
}

// ---------------------------------------------------------------------------------------------
// 6. kill -9 after the data INSERT committed and before the ledger row: the rerun's INSERT has
//    the same insert_deduplication_token, so nothing is counted twice.
{
  const before = scalar('SELECT count() FROM pypi.pypi');
  const lines = [];
  for (let i = 0; i < 5000; i++)
    lines.push(logLine({ project: 'crashpkg', version: `${i % 3}.0`, ua: `pip/24.0 {"installer":{"name":"pip","version":"24.0"},"python":"3.12.${i % 4}","ci":null}` }));
  for (let i = 0; i < 5000; i++) expect({ date: '2021-01-07', country_code: 'US', project: 'crashpkg', type: 'bdist_wheel', installer: 'pip', python_minor: '3.12', system: '', version: `${i % 3}.0`, ci: 'false' });
  writeFileSync(join(input, 'crash.log'), lines.join('\n') + '\n');
  const k = load([join(input, 'crash.log')], { TALLY_PYPI_LOAD_CRASH_AFTER_INSERT: '1' });
  check(k.signal === 'SIGKILL', 'crash: the hook kills the loader after the INSERT', `${k.status} ${k.signal} ${k.stderr}`);
  check(scalar('SELECT count() FROM pypi.pypi') === before + 5000 && scalar("SELECT count() FROM pypi.load_ledger WHERE path LIKE '%crash.log'") === 0,
    'crash: the data committed, the ledger row did not');
  const r = load([join(input, 'crash.log')]);
  check(r.status === 0 && scalar("SELECT count() FROM pypi.load_ledger WHERE path LIKE '%crash.log'") === 1, 'crash: the rerun records the file', r.stderr);
  const total = compareRaw('after kill -9 and rerun');
  checkRollups('after kill -9 and rerun', total);
}

// ---------------------------------------------------------------------------------------------
// 6a. The same with a Parquet export, whose counts come from the INSERT itself: the rerun's
//     INSERT is skipped as a repeat, and the counts then come from the file.
{
  const before = scalar('SELECT count() FROM pypi.pypi');
  const gen = join(dir, 'crash-export');
  spawnSync(tally, ['pypi', 'generate', '--out', gen, '--downloads', '3000', '--days', '1', '--end-date', '2021-02-01', '--quiet']);
  const file = join(gen, 'file_downloads', '2021-02-01', '000000000000.parquet');
  const k = load([file], { TALLY_PYPI_LOAD_CRASH_AFTER_INSERT: '1' });
  check(k.signal === 'SIGKILL' && scalar('SELECT count() FROM pypi.pypi') === before + 3000,
    'crash (parquet): the data committed before the kill', `${k.status} ${k.signal} ${k.stderr}`);
  const r = load([file]);
  check(r.status === 0 && /\(parquet -> pypi\.pypi\): 3000 rows, 0 rejected/.test(r.stderr) &&
    scalar('SELECT count() FROM pypi.pypi') === before + 3000 && scalar("SELECT count() FROM pypi.load_ledger WHERE rows_loaded = 3000 AND path LIKE '%2021-02-01%'") === 1,
    'crash (parquet): the rerun is deduplicated, reports the file\'s 3000 rows and records them', r.stderr);
}

// ---------------------------------------------------------------------------------------------
// 6b. --force loads a file the ledger holds again, under a new deduplication token (for a repair
//     that deleted its days first; here nothing was deleted, so its rows count twice).
{
  const other = join(dir, 'data-force');
  const run = (args) => spawnSync(tally, ['pypi', 'load', '--path', other, ...args]).stderr.toString();
  run([join(input, 'crash.log')]);
  const skipped = run([join(input, 'crash.log')]);
  const forced = run(['--force', join(input, 'crash.log')]);
  const count = (q) => Number(spawnSync(tally, ['local', '--path', other, '-q', q]).stdout.toString().trim());
  check(/already loaded/.test(skipped) && /crash\.log \(log -> pypi\.pypi\): 5000 rows/.test(forced) &&
    count('SELECT count() FROM pypi.pypi') === 10000 && count('SELECT sum(count) FROM pypi.pypi_downloads') === 10000 &&
    count("SELECT count() FROM pypi.load_ledger WHERE path LIKE '%crash.log'") === 2,
    'force: skipped without --force; with it loaded again (new token), views included', skipped + forced);
}

// ---------------------------------------------------------------------------------------------
// 7. Bad options and files: ClickHouse-style errors.
{
  let r = load(['--threads', 'zero', input]);
  check(r.status === 36 && /Code: 36\. DB::Exception: Bad value for --threads: 'zero'.*\(BAD_ARGUMENTS\)/.test(r.stderr), 'errors: bad --threads', r.stderr);
  r = load([join(input, 'missing.parquet')]);
  check(r.status !== 0 && /Code: 107\. DB::Exception: File .*missing\.parquet doesn't exist\. \(FILE_DOESNT_EXIST\)/.test(r.stderr), 'errors: missing file', r.stderr);
  r = load(['--host', 'localhost', input]);  // load() passes --path too
  check(r.status === 36 && /--path and --host\/--port are exclusive.*\(BAD_ARGUMENTS\)/.test(r.stderr), 'errors: --path with --host', r.stderr);
  writeFileSync(join(dir, 'mystery.dat'), 'hello\n');
  r = load([join(dir, 'mystery.dat')]);
  check(r.status === 1 && /\(UNKNOWN_FORMAT\)/.test(r.stderr), 'errors: unknown format', r.stderr);
}

// ---------------------------------------------------------------------------------------------
// 8. Progress lines when stderr is not a terminal.
{
  const lines = [];
  for (let i = 0; i < 70000; i++) lines.push(logLine({ project: 'progresspkg', ua: 'python-requests/2.31.0' }));
  writeFileSync(join(input, 'progress.log'), lines.join('\n') + '\n');
  const r = spawnSync(tally, ['pypi', 'load', '--path', data, '--progress-interval', '0', join(input, 'progress.log')]);
  const err = r.stderr.toString();
  check(r.status === 0 && /progress: files 0\/1  rows 65536  \d+ rows\/s  [\d.]+ MB\/s  ETA \d+:\d\d/.test(err) &&
    /progress: files 1\/1  rows 70000 /.test(err) && /summary: files 1 loaded.*rows 70000 loaded, 0 rejected; elapsed [\d.]+ s, \d+ rows\/s/.test(err),
    'progress: periodic plain lines and the summary', err);
}

rmSync(dir, { recursive: true, force: true });
console.log(`${checks - failures}/${checks} checks passed`);
process.exit(failures ? 1 : 0);
