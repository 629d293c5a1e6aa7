// Parquet output: tally writes files (FORMAT Parquet, INTO OUTFILE, INSERT INTO FUNCTION file)
// with every supported type, NULLs and nesting, every compression, several row groups and the
// dictionary -> PLAIN fallback; tally reads each back with the original structure (same values
// as the query), and DuckDB reads them too (same values, and the footer's codec, encodings and
// statistics as expected). Also the appending rules and the errors for bad settings.
// Usage: node parquet_output_test.mjs <tally binary>
import { DuckDBInstance } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const tally = process.argv[2] && resolve(process.argv[2]);
if (!tally) throw new Error('usage: node parquet_output_test.mjs <tally binary>');
const dir = mkdtempSync(join(tmpdir(), 'tally-parquet-out-'));
const duck = await (await DuckDBInstance.create(':memory:')).connect();
let failures = 0;
let checks = 0;

function fail(message) {
  failures++;
  console.error('FAIL: ' + message);
}

function runTally(args, input) {
  const r = spawnSync(tally, ['local', ...args], { input, maxBuffer: 1 << 30, cwd: dir });
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

function query(sql, extra = []) {
  const r = runTally([...extra, '-q', sql]);
  if (r.status !== 0) throw new Error(`tally failed (${r.status}) on ${sql}:\n${r.stderr}`);
  return r.stdout;
}

async function duckRows(sql) {
  return (await duck.runAndReadAll(sql)).getRowObjectsJson();
}

function check(name, ok, detail) {
  checks++;
  if (!ok) fail(`${name}: ${detail}`);
  else console.log(`ok ${name}`);
}

// Every type the writer maps, with NULLs, nesting, and values that dictionaries like and not.
const selectWith = (e) => `SELECT
    toUInt32(number) AS id, toInt8(number % 256 - 128) AS i8, toInt16(number * 7 % 65536 - 32768) AS i16,
    toInt32(number * 1000003 % 4294967296 - 2147483648) AS i32, toInt64(number * 0x9E3779B97F4A7C15) AS i64,
    toUInt8(number % 256) AS u8, toUInt16(number * 13 % 65536) AS u16, toUInt32(number * 2654435761 % 4294967296) AS u32,
    toUInt64(18446744073709551615 - number) AS u64, toFloat32(number / 8 - 100) AS f32, number * 1.5 - 1e6 AS f64,
    CAST(number % 3 = 0 AS Bool) AS b, concat('city-', toString(number % 17)) AS s, hex(number * 0x9E3779B97F4A7C15) AS hs,
    toFixedString(substring(hex(number), 1, 4), 4) AS fs, toDate('2020-01-01') + number % 3000 AS d,
    toDate32('1950-01-01') + number * 37 % 60000 AS d32, toDateTime('2024-01-01 00:00:00', 'UTC') + number * 61 AS dt,
    toDateTime64('2024-01-01 00:00:00', 3, 'UTC') + number * 1.001 AS dt3,
    toDateTime64('2024-01-01 00:00:00', 6, 'UTC') + number * 0.000123 AS dt6,
    if(number % 7 = 0, NULL, toInt32(number) - 100) AS ni, if(number % 5 = 0, NULL, concat('n', toString(number % 50))) AS ns,
    if(number % 11 = 0, NULL, CAST(number % 2 = 0 AS Bool)) AS nb, toLowCardinality(concat('lc', toString(number % 9))) AS lc,
    toLowCardinality(if(number % 4 = 0, NULL, concat('lcn', toString(number % 6)))) AS lcn,
    CAST(tuple(toInt32(number % 1000), if(number % 3 = 0, NULL, concat('b', toString(number))),
          tuple(number / 3, arrayMap(x -> toInt16(x), range(number % 4)))),
         'Tuple(a Int32, b Nullable(String), c Tuple(x Float64, y Array(Int16)))') AS t,
    arrayMap(x -> toInt32(x * number), range(number % 5)) AS ai,
    arrayMap(x -> if(x % 2 = 1, NULL, concat('x', toString(x))), range(number % 4)) AS ans,
    arrayMap(x -> arrayMap(y -> toInt64(y + x), range(x)), range(number % 4)) AS aai,
    CAST(arrayMap(x -> tuple(concat('k', toString(x)), if(x = 1, NULL, toUInt64(x * number))), range(number % 3)),
         'Array(Tuple(k String, v Nullable(UInt64)))') AS at,
    ${e} AS e
  FROM numbers(25000)`;
const enumExpr = "CAST(if(number % 2 = 0, 'red', 'green'), 'Enum8(\\'red\\' = 1, \\'green\\' = 2)')";
const select = selectWith(enumExpr);
// Read back with the query's own column types (Enums are written as their text: String).
const readStructure = query(`DESCRIBE (${select}) FORMAT TSV`).trim().split('\n')
  .map((l) => l.split('\t')).map(([n, t]) => `${n} ${n === 'e' ? 'String' : t.replaceAll("\\'", "'")}`).join(', ');
const expectedJson = query(`${selectWith(`toString(${enumExpr})`)} FORMAT JSONEachRow`);

for (const compression of ['zstd', 'snappy', 'gzip', 'none']) {
  const file = join(dir, `types_${compression}.parquet`);
  query(`${select} INTO OUTFILE '${file}' FORMAT Parquet SETTINGS output_format_parquet_compression_method = '${compression}', output_format_parquet_row_group_size = 10000`);
  const back = query(`SELECT * FROM file('${file}', Parquet, '${readStructure.replaceAll("'", "\\'")}') FORMAT JSONEachRow`);
  const got = back.split('\n'), want = expectedJson.split('\n');
  const line = back === expectedJson ? -1 : got.findIndex((l, i) => l !== want[i]);
  check(`tally round trip (${compression})`, back === expectedJson,
    `line ${line} differs:\n  ${got[line]?.slice(0, 700)}\n  ${want[line]?.slice(0, 700)}`);
  const meta = await duckRows(`SELECT DISTINCT compression, row_group_id FROM parquet_metadata('${file}')`);
  const codec = { zstd: 'ZSTD', snappy: 'SNAPPY', gzip: 'GZIP', none: 'UNCOMPRESSED' }[compression];
  check(`codec and row groups (${compression})`,
    meta.every((m) => m.compression === codec) && new Set(meta.map((m) => m.row_group_id)).size === 3,
    JSON.stringify(meta.slice(0, 4)));
  // DuckDB's view of the same file.
  const duck1 = await duckRows(`SELECT count(*)::BIGINT AS n, sum(i64)::VARCHAR AS si64, sum(u64 % 1000003)::VARCHAR AS su64,
      sum(i8)::BIGINT AS si8, sum(u32)::BIGINT AS su32, count(ni)::BIGINT AS cni, count(ns)::BIGINT AS cns,
      sum(len(ai))::BIGINT AS lai, sum(len(aai))::BIGINT AS laai, count(lcn)::BIGINT AS clcn, min(d)::VARCHAR AS mind,
      epoch(max(dt))::BIGINT AS maxdt, epoch_us(max(dt6))::BIGINT AS maxdt6, sum(t.a)::BIGINT AS sta, count(t.b)::BIGINT AS ctb,
      sum(len(t.c.y))::BIGINT AS lty, min(hs) AS minhs, max(s) AS maxs, sum(f32)::DOUBLE AS sf32,
      count(*) FILTER (WHERE b)::BIGINT AS cb, min(d32)::VARCHAR AS mind32, max(hex(fs)) AS maxfs,
      sum(len(list_filter("at", x -> x.v IS NULL)))::BIGINT AS atnull
    FROM read_parquet('${file}')`);
  const tally1 = JSON.parse(query(`SELECT count() AS n, toString(sum(i64)) AS si64, toString(sum(u64 % 1000003)) AS su64,
      sum(i8) AS si8, sum(u32) AS su32, count(ni) AS cni, count(ns) AS cns, sum(length(ai)) AS lai,
      sum(length(aai)) AS laai, count(lcn) AS clcn, toString(min(d)) AS mind, toUnixTimestamp(max(dt)) AS maxdt,
      toUnixTimestamp64Micro(max(dt6)) AS maxdt6, sum(t.1) AS sta, count(t.2) AS ctb, sum(length(t.3.2)) AS lty,
      min(hs) AS minhs, max(s) AS maxs, sum(toFloat64(f32)) AS sf32, countIf(b) AS cb, toString(min(d32)) AS mind32,
      max(hex(fs)) AS maxfs, sum(arrayCount(x -> x.2 IS NULL, at)) AS atnull
    FROM (${select}) FORMAT JSONEachRow`, ['--output_format_json_quote_64bit_integers=0']));
  const d = duck1[0];
  const diffs = [];
  for (const k of Object.keys(tally1)) {
    let a = d[k], e = tally1[k];
    if (k === 'sf32') { if (Math.abs(Number(a) - Number(e)) > 1e-3 * Math.abs(Number(e))) diffs.push(`${k}: ${a} vs ${e}`); continue; }
    if (String(a) !== String(e)) diffs.push(`${k}: duckdb ${a} vs expected ${e}`);
  }
  check(`DuckDB reads the file (${compression})`, diffs.length === 0, diffs.join('; '));
}

// Statistics and encodings of one file, as DuckDB reads the footer.
{
  const file = join(dir, 'types_zstd.parquet');
  const stats = await duckRows(`SELECT path_in_schema AS p, stats_min_value AS mn, stats_max_value AS mx, stats_null_count AS nc,
      encodings AS enc FROM parquet_metadata('${file}') WHERE row_group_id = 0`);
  const by = Object.fromEntries(stats.map((s) => [s.p, s]));
  check('statistics: id', by.id && by.id.mn === '0' && by.id.mx === '9999' && Number(by.id.nc) === 0, JSON.stringify(by.id));
  check('statistics: ni null_count', by.ni && Number(by.ni.nc) === 1429, JSON.stringify(by.ni));
  check('statistics: s min/max', by.s && by.s.mn === 'city-0' && by.s.mx === 'city-9', JSON.stringify(by.s));
  check('statistics: i8 signed', by.i8 && by.i8.mn === '-128' && by.i8.mx === '127', JSON.stringify(by.i8));
  check('encodings: dictionary for s', by.s && String(by.s.enc).includes('RLE_DICTIONARY'), JSON.stringify(by.s));
  const schema = await duckRows(`SELECT name, type, converted_type, logical_type FROM parquet_schema('${file}')`);
  const st = Object.fromEntries(schema.map((s) => [s.name, s]));
  check('schema: LIST annotation', st.ai && st.ai.converted_type === 'LIST', JSON.stringify(st.ai));
  check('schema: DATE', st.d && st.d.converted_type === 'DATE', JSON.stringify(st.d));
  check('schema: unsigned', st.u16 && st.u16.converted_type === 'UINT_16', JSON.stringify(st.u16));
  const desc = query(`DESCRIBE file('${file}') FORMAT TSV`).replaceAll("\\'", "'");
  check('DESCRIBE of the written file', /\nt\tTuple\(a Int32, b Nullable\(String\), c Tuple\(x Float64, y Array\(Int16\)\)\)/.test('\n' + desc) &&
    /\ndt6\tDateTime64\(6, 'UTC'\)/.test('\n' + desc) && /\nlcn\tNullable\(String\)/.test('\n' + desc), desc);
}

// Dictionary fallback: a high-cardinality column with a small dictionary limit goes PLAIN.
{
  const file = join(dir, 'fallback.parquet');
  query(`SELECT number AS n, concat('value-', toString(number * 7919)) AS v FROM numbers(200000) INTO OUTFILE '${file}' FORMAT Parquet
         SETTINGS output_format_parquet_max_dictionary_size = 65536`);
  const enc = await duckRows(`SELECT encodings AS e FROM parquet_metadata('${file}') WHERE path_in_schema = 'v'`);
  check('fallback to PLAIN', String(enc[0].e).includes('PLAIN') && String(enc[0].e).includes('RLE_DICTIONARY'), JSON.stringify(enc));
  const sums = await duckRows(`SELECT count(DISTINCT v)::BIGINT AS d, sum(n)::BIGINT AS s FROM read_parquet('${file}')`);
  const t = query(`SELECT uniqExact(v), sum(n) FROM file('${file}') FORMAT TSV`).trim();
  check('fallback values', `${sums[0].d}\t${sums[0].s}` === t && t === '200000\t19999900000', `${JSON.stringify(sums)} / ${t}`);
  const nodict = join(dir, 'nodict.parquet');
  query(`SELECT number AS n FROM numbers(1000) INTO OUTFILE '${nodict}' FORMAT Parquet SETTINGS output_format_parquet_use_dictionary = 0`);
  const enc2 = await duckRows(`SELECT encodings AS e FROM parquet_metadata('${nodict}')`);
  check('use_dictionary = 0', !String(enc2[0].e).includes('DICTIONARY'), JSON.stringify(enc2));
}

// INSERT INTO FUNCTION file(): one file per INSERT, no appending, truncation on request.
{
  const file = join(dir, 'insert.parquet');
  query(`INSERT INTO FUNCTION file('${file}', Parquet, 'a UInt32, s String') SELECT number, toString(number) FROM numbers(150000)`);
  check('INSERT INTO FUNCTION file', query(`SELECT count(), sum(a) FROM file('${file}') FORMAT TSV`).trim() === '150000\t11249925000', 'count/sum');
  const again = runTally(['-q', `INSERT INTO FUNCTION file('${file}', Parquet, 'a UInt32, s String') SELECT 1, 'x'`]);
  check('second INSERT refuses to append', again.status !== 0 && /Code: 641\..*CANNOT_APPEND_TO_FILE/.test(again.stderr), again.stderr);
  query(`INSERT INTO FUNCTION file('${file}', Parquet, 'a UInt32, s String') SELECT 7, 'x' SETTINGS engine_file_truncate_on_insert = 1`);
  check('truncate on insert', query(`SELECT a, s FROM file('${file}') FORMAT TSV`).trim() === '7\tx', 'content');
  const bad = runTally(['-q', `SELECT 1 FORMAT Parquet SETTINGS output_format_parquet_compression_method = 'lzma'`]);
  check('unknown compression method', bad.status !== 0 && /Code: 36\./.test(bad.stderr), bad.stderr);
  const stdout = spawnSync(tally, ['local', '-q', 'SELECT number FROM numbers(10) FORMAT Parquet'], { cwd: dir });
  check('FORMAT Parquet to stdout', stdout.stdout.subarray(0, 4).toString() === 'PAR1' &&
    stdout.stdout.subarray(-4).toString() === 'PAR1', `${stdout.stdout.length} bytes`);
  const empty = join(dir, 'empty.parquet');
  query(`SELECT number AS n FROM numbers(0) INTO OUTFILE '${empty}' FORMAT Parquet`);
  const er = existsSync(empty) ? await duckRows(`SELECT count(*)::BIGINT AS n FROM read_parquet('${empty}')`) : [{ n: -1 }];
  check('empty result is a valid file', Number(er[0].n) === 0, JSON.stringify(er));
}

rmSync(dir, { recursive: true, force: true });
console.log(`${checks} checks, ${failures} failures`);
process.exit(failures ? 1 : 0);
