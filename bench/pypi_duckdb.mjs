// DuckDB side of bench/pypi_app.py (npm @duckdb/node-api): the PyPI app's widget queries over
// the same raw rows, with the same rollups built as tables.
//   node pypi_duckdb.mjs load DB RAW.parquet     raw table + rollups; prints load seconds
//   node pypi_duckdb.mjs query DB JSON RUNS      JSON: [{name, sql}]; prints "name\tmedian_ms"
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, rmSync } from 'node:fs';

const [mode, db, file, runsArg] = process.argv.slice(2);

// The rollups of apps/pypi/schema.sql the benchmarked widgets read, as plain tables.
const rollups = {
  pypi_downloads: ['project', 'ci'],
  pypi_downloads_per_day: ['project', 'date', 'ci'],
  pypi_downloads_per_day_by_version: ['project', 'version', 'date', 'ci'],
  pypi_downloads_per_day_by_version_by_python: ['project', 'version', 'date', 'python_minor', 'ci'],
  pypi_downloads_per_day_by_version_by_system: ['project', 'version', 'date', 'system', 'ci'],
  pypi_downloads_per_day_by_version_by_country: ['project', 'version', 'date', 'country_code', 'ci'],
  pypi_downloads_per_day_by_installer: ['date', 'installer', 'ci'],
};

if (mode === 'load') {
  rmSync(db, { force: true });
  rmSync(db + '.wal', { force: true });
  const inst = await DuckDBInstance.create(db);
  const conn = await inst.connect();
  const start = performance.now();
  await conn.run(`CREATE TABLE pypi AS SELECT * FROM read_parquet('${file}') ORDER BY project, date`);
  for (const [name, keys] of Object.entries(rollups)) {
    const k = keys.join(', ');
    await conn.run(`CREATE TABLE ${name} AS SELECT ${k}, count(*) AS count FROM pypi GROUP BY ${k} ORDER BY ${k}`);
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
  console.error('usage: pypi_duckdb.mjs load DB RAW.parquet | query DB JSON RUNS');
  process.exit(2);
}
