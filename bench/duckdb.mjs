// DuckDB side of the benchmark (npm @duckdb/node-api).
//   node duckdb.mjs load DB TSV            load the TSV export into a sorted table `downloads`
//   node duckdb.mjs query DB QUERIES RUNS  run each query RUNS times; print "name\tmedian_seconds"
//   node duckdb.mjs ingest FILE FORMAT     load 10M JSONL/CSV rows into a fresh table; print seconds
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, rmSync } from 'node:fs';

const [mode, a, b, c] = process.argv.slice(2);
const columns = `{'date':'DATE','country_code':'VARCHAR','project':'VARCHAR','type':'VARCHAR','installer':'VARCHAR',` +
                `'python_minor':'VARCHAR','system':'VARCHAR','version':'VARCHAR'}`;

function toDuck(sql) {
  // The benchmark queries are written for ClickHouse; the few differences are mapped here.
  return sql.replace(/count\(\)/g, 'count(*)')
            .replace(/'(\d{4}-\d{2}-\d{2})'/g, "DATE '$1'")
            .replace(/toStartOfMonth\(date\)/g, "date_trunc('month', date)")
            .replace(/date \+ 0 >=/g, 'date + 0 >=');
}

if (mode === 'load') {
  const inst = await DuckDBInstance.create(a);
  const conn = await inst.connect();
  await conn.run(`CREATE OR REPLACE TABLE raw AS SELECT * FROM read_csv('${b}', delim='\t', header=true, columns=${columns})`);
  await conn.run('CREATE OR REPLACE TABLE downloads AS SELECT * FROM raw ORDER BY project, date');
  await conn.run('DROP TABLE raw');
  await conn.run('CHECKPOINT');
} else if (mode === 'query') {
  const inst = await DuckDBInstance.create(a, { access_mode: 'READ_ONLY' });
  const conn = await inst.connect();
  const runs = Number(c || 5);
  for (const line of readFileSync(b, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [name, sql] = line.split('\t');
    const q = toDuck(sql);
    await conn.runAndReadAll(q);  // warm-up
    const times = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await conn.runAndReadAll(q);
      times.push((performance.now() - s) / 1000);
    }
    times.sort((x, y) => x - y);
    console.log(`${name}\t${times[Math.floor(times.length / 2)]}`);
  }
} else if (mode === 'ingest') {
  const db = '/tmp/tally-bench-duck-ingest.db';
  rmSync(db, { force: true });
  rmSync(db + '.wal', { force: true });
  const inst = await DuckDBInstance.create(db);
  const conn = await inst.connect();
  const s = performance.now();
  if (b === 'json')
    await conn.run(`CREATE TABLE ingest AS SELECT * FROM read_json('${a}', format='newline_delimited', columns=${columns})`);
  else
    await conn.run(`CREATE TABLE ingest AS SELECT * FROM read_csv('${a}', header=true, columns=${columns})`);
  await conn.run('CHECKPOINT');
  console.log((performance.now() - s) / 1000);
} else {
  console.error('usage: duckdb.mjs load|query|ingest ...');
  process.exit(2);
}
