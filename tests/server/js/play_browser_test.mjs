// The SQL playground of `tally server` (/play) in a real browser: Debian's headless Chromium
// driven by npm's playwright-core. Through the page's own UI (typing into the editor, the Run
// button, Ctrl+Enter, the parameter fields) it runs a plain query, a query with parameters and a
// bad query, and checks the result table cell by cell, the elapsed time and rows read, the
// ClickHouse-style error, and that the page asks nothing of any host but the server.
// Usage: node play_browser_test.mjs <path to tally binary>

import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'
import { makeChecks, startTallyServer } from './harness.mjs'

const binary = process.argv[2]
if (!binary) throw new Error('usage: play_browser_test.mjs <tally binary>')
const chromiumPath = '/usr/bin/chromium'
if (!existsSync(chromiumPath))
  throw new Error(chromiumPath + ' is missing: scripts/install-deps.sh installs the Debian package chromium')

const password = 'play pw'
const dir = mkdtempSync(join(tmpdir(), 'tally-play-test-'))
let server = null
let serverExited = false
let browser = null
const { check, fail, counts } = makeChecks()

try {
  const started = await startTallyServer(binary, ['--path', join(dir, 'data'), '--http_port', '0', '--log_file', 'none',
    '--default_password', password])
  server = started.server
  const port = started.port
  server.on('exit', () => { serverExited = true })
  const origin = `http://127.0.0.1:${port}`

  // The network here is closed: without these flags Chromium waits on connections of its own.
  browser = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30000,
  })
  const page = browser.pages()[0] ?? await browser.newPage()
  page.setDefaultTimeout(10000)

  const requests = []
  page.on('request', (r) => requests.push(r.url()))
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  // Chromium logs every HTTP error status ("Failed to load resource"): the bad query's 400 and
  // the wrong password's 403 are meant; any other error counts.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: the server responded with a status of '))
      pageErrors.push('console: ' + m.text())
  })

  // Replaces the editor's text by typing, as a person would (select all, delete, type).
  async function typeQuery(sql) {
    const editor = page.locator('#query')
    await editor.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Delete')
    await page.keyboard.type(sql)
    assert.equal(await editor.inputValue(), sql, 'the editor holds the typed query')
  }
  // The page says "Running..." from the click until the answer is shown.
  async function waitForAnswer() {
    await page.waitForFunction(() => {
      const s = document.getElementById('stats').textContent
      return s !== '' && s !== 'Running...'
    })
  }
  async function resultTable() {
    return page.locator('#result table').evaluate((t) =>
      Array.from(t.rows, (r) => Array.from(r.cells, (c) => c.textContent)))
  }
  async function stats() { return page.locator('#stats').textContent() }
  async function errorText() { return page.locator('#error').textContent() }

  await check('GET /play serves the page', async () => {
    const response = await page.goto(origin + '/play')
    assert.equal(response.status(), 200)
    assert.match(response.headers()['content-type'], /^text\/html/)
    assert.equal(await page.title(), 'tally play')
    assert.equal(await page.locator('#query').count(), 1, 'an editor (#query)')
    assert.equal(await page.locator('#run').textContent(), 'Run')
    assert.equal(await page.locator('#run').getAttribute('title'), 'Ctrl+Enter', 'the Run button documents its key')
    assert.equal(await page.locator('#user').inputValue(), 'default')
    await page.locator('#password').fill(password)
  })

  await check('plain query: Run button, result table cell by cell, elapsed and rows read', async () => {
    await typeQuery('SELECT number, toString(number * 2) AS s FROM numbers(3)')
    assert.equal(await page.locator('#params input').count(), 0, 'no parameter fields for a query without parameters')
    await page.locator('#run').click()
    await waitForAnswer()
    assert.equal(await errorText(), '')
    assert.deepEqual(await resultTable(), [
      ['number', 's'],
      ['0', '0'],
      ['1', '2'],
      ['2', '4'],
    ])
    // The header cells carry the column types.
    assert.deepEqual(await page.locator('#result th').evaluateAll((ths) => ths.map((th) => th.title)),
      ['UInt64', 'String'])
    const s = await stats()
    assert.match(s, /Elapsed: \d+\.\d{3} s/, 'elapsed time in: ' + s)
    assert.match(s, /rows read: 3,/, 'rows read in: ' + s)
    assert.match(s, /result rows: 3$/, 'result rows in: ' + s)
  })

  await check('query with parameters: fields from the editor, values sent, Ctrl+Enter', async () => {
    await typeQuery('SELECT number * 10 AS x, {s:String} AS s FROM numbers({n:UInt32})')
    const labels = await page.locator('#params label').allTextContents()
    assert.deepEqual(labels.map((l) => l.trim()), ['s (String)', 'n (UInt32)'])
    const n = page.locator('#params input[data-name="n"]')
    const sField = page.locator('#params input[data-name="s"]')
    await n.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('4')
    await sField.click()
    await page.keyboard.type('hi {there} & more')
    assert.equal(await n.inputValue(), '4')
    // Run with the key the page documents, from the editor.
    await page.locator('#query').click()
    await page.keyboard.press('Control+Enter')
    await waitForAnswer()
    assert.equal(await errorText(), '')
    assert.deepEqual(await resultTable(), [
      ['x', 's'],
      ['0', 'hi {there} & more'],
      ['10', 'hi {there} & more'],
      ['20', 'hi {there} & more'],
      ['30', 'hi {there} & more'],
    ])
    const s = await stats()
    assert.match(s, /Elapsed: \d+\.\d{3} s/, 'elapsed time in: ' + s)
    assert.match(s, /rows read: 4,/, 'rows read in: ' + s)
  })

  await check('parameter values survive editing the query', async () => {
    await page.locator('#query').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' LIMIT 2')
    assert.equal(await page.locator('#params input[data-name="n"]').inputValue(), '4')
    await page.locator('#run').click()
    await waitForAnswer()
    assert.deepEqual(await resultTable(), [['x', 's'], ['0', 'hi {there} & more'], ['10', 'hi {there} & more']])
  })

  await check('bad query: the ClickHouse error is shown, no table', async () => {
    await typeQuery('SELEC 1')
    await page.locator('#run').click()
    await waitForAnswer()
    const e = await errorText()
    assert.match(e, /^Code: 62\. DB::Exception: Syntax error/, 'error shown: ' + e)
    assert.match(e, /\(SYNTAX_ERROR\)/)
    assert.equal(await page.locator('#result table').count(), 0, 'the previous table is gone')
    assert.equal(await page.locator('#error').isVisible(), true)
  })

  await check('a good query after the error clears it', async () => {
    await typeQuery('SELECT 1 AS one')
    await page.locator('#run').click()
    await waitForAnswer()
    assert.equal(await errorText(), '')
    assert.deepEqual(await resultTable(), [['one'], ['1']])
  })

  await check('wrong password: the authentication error is shown', async () => {
    await page.locator('#password').fill('nope')
    await page.locator('#run').click()
    await waitForAnswer()
    assert.match(await errorText(), /^Code: 516\. /)
    await page.locator('#password').fill(password)
  })

  await check('no request leaves 127.0.0.1, no script errors', async () => {
    const posts = requests.filter((u) => u.startsWith(origin + '/?'))
    assert.ok(posts.length >= 6, 'the queries went to the server: ' + JSON.stringify(requests))
    const outside = requests.filter((u) => new URL(u).host !== `127.0.0.1:${port}`)
    assert.deepEqual(outside, [], 'requests outside 127.0.0.1')
    assert.deepEqual(pageErrors, [])
  })
} catch (e) {
  fail()
  console.log('FAIL ' + (e && e.stack ? e.stack : e))
} finally {
  if (browser) await browser.close().catch((e) => console.log('closing chromium: ' + e))
  if (server && !serverExited) {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.on('exit', resolve))
  }
  rmSync(dir, { recursive: true, force: true })
}

const { passes, failures } = counts()
console.log(`${passes} passed, ${failures} failed`)
process.exit(failures ? 1 : 0)
