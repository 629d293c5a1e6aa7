// The official ClickHouse JS client (npm @clickhouse/client) against `tally server`:
// connect, ping, query with query_params, insert JSONEachRow, read JSON, JSONEachRow and
// JSONCompactEachRow, and see server errors with their codes.
// Usage: node client_test.mjs <path to tally binary>

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import assert from 'node:assert/strict'
import { ClickHouseLogLevel, createClient } from '@clickhouse/client'
import { makeChecks, startTallyServer } from './harness.mjs'

const binary = process.argv[2]
if (!binary) throw new Error('usage: client_test.mjs <tally binary>')

const dir = mkdtempSync(join(tmpdir(), 'tally-js-test-'))
const { server, port } = await startTallyServer(binary, ['--path', join(dir, 'data'), '--http_port', '0', '--log_file', 'none',
  '--default_password', 'jspw'])

// The client logs the server errors this test provokes on purpose; keep the output to the checks.
const log = { level: ClickHouseLogLevel.OFF }
const client = createClient({ url: `http://127.0.0.1:${port}`, username: 'default', password: 'jspw', log })
const { check, counts } = makeChecks()

try {
  await check('ping', async () => {
    const r = await client.ping()
    assert.equal(r.success, true)
  })

  await check('query with query_params, JSON', async () => {
    const rs = await client.query({
      query: 'SELECT {a:UInt32} + number AS n, {s:String} AS s FROM numbers(3)',
      query_params: { a: 10, s: 'hi there' },
      format: 'JSON',
    })
    const json = await rs.json()
    assert.deepEqual(json.meta, [{ name: 'n', type: 'UInt64' }, { name: 's', type: 'String' }])
    assert.deepEqual(json.data, [{ n: '10', s: 'hi there' }, { n: '11', s: 'hi there' }, { n: '12', s: 'hi there' }])
    assert.equal(json.rows, 3)
    assert.ok(rs.query_id.length > 0)
  })

  await check('command CREATE TABLE', async () => {
    await client.command({ query: 'CREATE TABLE js_t (id UInt32, name String, tags Array(String)) ENGINE = Memory' })
  })

  await check('insert JSONEachRow', async () => {
    const r = await client.insert({
      table: 'js_t',
      values: [
        { id: 1, name: 'one', tags: ['a'] },
        { id: 2, name: 'two', tags: [] },
        { id: 3, name: 'three', tags: ['b', 'c'] },
      ],
      format: 'JSONEachRow',
    })
    assert.equal(r.executed, true)
    assert.equal(r.summary?.written_rows, '3')
  })

  await check('read JSONEachRow', async () => {
    const rs = await client.query({ query: 'SELECT id, name, tags FROM js_t ORDER BY id', format: 'JSONEachRow' })
    assert.deepEqual(await rs.json(), [
      { id: 1, name: 'one', tags: ['a'] },
      { id: 2, name: 'two', tags: [] },
      { id: 3, name: 'three', tags: ['b', 'c'] },
    ])
  })

  await check('read JSONEachRow as a stream', async () => {
    const rs = await client.query({ query: 'SELECT number FROM numbers(100000)', format: 'JSONEachRow' })
    let count = 0
    let sum = 0n
    for await (const rows of rs.stream()) {
      for (const row of rows) {
        count++
        sum += BigInt(row.json().number)
      }
    }
    assert.equal(count, 100000)
    assert.equal(sum, 4999950000n)
  })

  await check('read JSONCompactEachRow', async () => {
    const rs = await client.query({
      query: 'SELECT id, name FROM js_t WHERE id >= {min:UInt32} ORDER BY id',
      query_params: { min: 2 },
      format: 'JSONCompactEachRow',
    })
    assert.deepEqual(await rs.json(), [[2, 'two'], [3, 'three']])
  })

  await check('server error code', async () => {
    await assert.rejects(client.query({ query: 'SELECT * FROM no_such_table', format: 'JSON' }), (e) => {
      assert.equal(e.code, '60')
      assert.equal(e.type, 'UNKNOWN_TABLE')
      return true
    })
  })

  await check('wrong password', async () => {
    const bad = createClient({ url: `http://127.0.0.1:${port}`, username: 'default', password: 'nope', log })
    await assert.rejects(bad.query({ query: 'SELECT 1', format: 'JSON' }), (e) => {
      assert.equal(e.code, '516')
      return true
    })
    await bad.close()
  })

  await check('compression both ways', async () => {
    const c = createClient({
      url: `http://127.0.0.1:${port}`, username: 'default', password: 'jspw', log,
      compression: { request: true, response: true },
    })
    await c.insert({ table: 'js_t', values: [{ id: 4, name: 'four', tags: [] }], format: 'JSONEachRow' })
    const rs = await c.query({ query: 'SELECT count() AS c FROM js_t', format: 'JSONEachRow' })
    assert.deepEqual(await rs.json(), [{ c: '4' }])
    await c.close()
  })
} finally {
  await client.close()
  server.kill('SIGTERM')
  await new Promise((resolve) => server.on('exit', resolve))
  rmSync(dir, { recursive: true, force: true })
}

const { failures } = counts()
if (failures) {
  console.log(`${failures} check(s) failed`)
  process.exit(1)
}
console.log('all checks passed')
