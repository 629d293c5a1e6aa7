// DuckDB side of bench/pypi_app.py (npm @duckdb/node-api): the PyPI app's widget queries over
// the same rows in the same tables (copied from tally's).
//   node pypi_duckdb.mjs load DB DIR             a table per DIR/TABLE.parquet; prints load seconds
//   node pypi_duckdb.mjs query DB JSON RUNS      JSON: [{name, sql}]; prints "name\tmedian_ms"
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync, readFileSync, rmSync } from 'node:fs';

const [mode, db, file, runsArg] = process.argv.slice(2);

// Sort keys of the tables (apps/pypi/schema.sql's ORDER BY), so DuckDB's zone maps skip as well.
const sortKeys = {
  pypi: 'project, date',
  pypi_downloads: 'project, ci',
  pypi_downloads_per_day: 'project, date, ci',
  pypi_downloads_by_version: 'project, version, ci',
  pypi_downloads_per_day_by_python: 'project, date, python_minor, ci',
  pypi_downloads_per_day_by_system: 'project, date, system, ci',
  pypi_downloads_per_day_by_country: 'project, date, country_code, ci',
  pypi_downloads_per_day_by_installer: 'date, installer, ci',
};

if (mode === 'load') {
  // DIR holds one TABLE.parquet per table, copied from tally's tables.
  rmSync(db, { force: true });
  rmSync(db + '.wal', { force: true });
  const inst = await DuckDBInstance.create(db);
  const conn = await inst.connect();
  const start = performance.now();
  for (const f of readdirSync(file).filter((n) => n.endsWith('.parquet'))) {
    const name = f.slice(0, -'.parquet'.length);
    const order = sortKeys[name] ? ` ORDER BY ${sortKeys[name]}` : '';
    await conn.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${file}/${f}')${order}`);
  }
  await conn.run('CHECKPOINT');
  console.log(((performance.now() - start) / 1000).toFixed(1));
} else if (mode === 'query') {
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await inst.connect();
  const runs = Number(runsArg || 7);
  for (const { name, sql } of JSON.parse(readFileSync(file, 'utf8'))) {
    await conn.runAndReadAll(sql);  // warm-up
    const times = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await conn.runAndReadAll(sql);
      times.push(performance.now() - s);
    }
    times.sort((x, y) => x - y);
    console.log(`${name}\t${times[Math.floor(runs / 2)].toFixed(2)}`);
  }
} else {
  console.error('usage: pypi_duckdb.mjs load DB DIR | query DB JSON RUNS');
  process.exit(2);
}
