// The PyPI app end to end: `tally server` on loopback with a fresh data directory and small
// deterministic data (test_data.mjs), the built web app (apps/pypi/web), and Debian's headless
// Chromium driven by npm's playwright-core. Everything goes through the page as a person would
// use it: typing and arrow keys in the search, clicks on pie slices, map countries, bars and
// lines, a mouse drag across the time chart, chips, selects, the back button, the Play link;
// plus the badges (parsed as SVG in the page), the pypistats-compatible API and the 404 page.
// Usage: node pypi_browser_test.mjs <path to tally binary>

import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'
import { makeChecks, startTallyServer } from '../../server/js/harness.mjs'
import { loadTestData, PACKAGES, XSS_SUMMARY } from './test_data.mjs'

const binary = process.argv[2]
if (!binary) throw new Error('usage: pypi_browser_test.mjs <tally binary>')
const chromiumPath = '/usr/bin/chromium'
if (!existsSync(chromiumPath))
  throw new Error(chromiumPath + ' is missing: scripts/install-deps.sh installs the Debian package chromium')
const here = dirname(fileURLToPath(import.meta.url))
const schemaPath = join(here, '../../../apps/pypi/schema.sql')
if (!existsSync(join(dirname(binary), 'web', 'index.html')))
  throw new Error('the web app is not built beside the binary (run_pypi_browser_test.sh builds it)')

const ROWS = 120000
// Rows per package, as test_data.mjs spreads them (n % 20 over the shares).
const expectedRows = {}
for (const [name, [share]] of Object.entries(PACKAGES)) expectedRows[name] = ROWS / 20 * share

const dir = mkdtempSync(join(tmpdir(), 'tally-pypi-web-test-'))
let server = null
let serverExited = false
let browser = null
const { check, fail, counts } = makeChecks()

try {
  const started = await startTallyServer(binary, ['--path', join(dir, 'data'), '--http_port', '0', '--log_file', 'none'])
  server = started.server
  const port = started.port
  server.on('exit', () => { serverExited = true })
  const origin = `http://127.0.0.1:${port}`
  await loadTestData(origin, schemaPath, ROWS)

  browser = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    colorScheme: 'light',
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30000,
  })
  const page = browser.pages()[0] ?? await browser.newPage()
  page.setDefaultTimeout(15000)

  const requests = []
  browser.on('request', (r) => requests.push(r.url()))
  const pageErrors = []
  const watch = (p) => {
    p.on('pageerror', (e) => pageErrors.push(String(e)))
    // Chromium logs every HTTP error status; the 404s of the unknown package and the 400s of the
    // bad date are meant, any other console error counts.
    p.on('console', (m) => {
      if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 40[04]/.test(m.text()))
        pageErrors.push('console: ' + m.text())
    })
  }
  watch(page)
  // The latest answer of each widget the page fetched.
  const answers = {}
  page.on('response', async (r) => {
    const u = new URL(r.url())
    const m = /^\/api\/app\/widgets\/([a-z_]+)$/.exec(u.pathname)
    if (!m || u.searchParams.has('format') || !r.ok()) return
    try { answers[m[1]] = { url: r.url(), body: await r.json() } } catch { /* navigated away */ }
  })

  const widget = (name) => page.locator(`section[data-widget="${name}"]`)
  /// Waits until every widget on the page has answered (ready or error) and the map is drawn.
  async function settled() {
    await page.waitForFunction(() => {
      const all = [...document.querySelectorAll('section[data-widget]')]
      if (!all.length || all.some((s) => s.dataset.state === 'loading')) return false
      const map = document.querySelector('section[data-widget="countries"][data-state="ready"]')
      if (map && map.querySelector('.chart') && !window.__tallyChartOf(map.querySelector('.chart'))) return false
      return true
    })
  }
  async function states() {
    return page.locator('section[data-widget]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.dataset.widget, e.dataset.state])))
  }
  async function allReady() {
    const s = await states()
    const bad = Object.entries(s).filter(([, v]) => v !== 'ready')
    assert.deepEqual(bad, [], 'widgets not ready: ' + JSON.stringify(s) + ' ' +
      JSON.stringify(await page.locator('.widget-error').allTextContents()))
  }
  /// The data of the chart drawn in a widget: [{name, data}] per series.
  async function chartSeries(name) {
    return widget(name).locator('.chart').first().evaluate((el) => {
      const c = window.__tallyChartOf(el)
      if (!c) return null
      return c.getOption().series.map((s) => ({ name: s.name, data: s.data }))
    })
  }
  async function periodTotals() {
    return widget('downloads_by_period').locator('.tile-value').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.closest('.tile').dataset.key, Number(e.dataset.value)])))
  }
  const param = (key) => new URL(page.url()).searchParams.get(key)
  /// Page coordinates of a point given in a widget chart's own pixels.
  async function chartPoint(name, fn, arg) {
    return widget(name).locator('.chart').first().evaluate((el, [src, a]) => {
      el.scrollIntoView({ block: 'center' })
      const c = window.__tallyChartOf(el)
      const [x, y] = new Function('c', 'a', src)(c, a)
      const r = el.getBoundingClientRect()
      return { x: r.left + x, y: r.top + y }
    }, [fn, arg])
  }
  async function gotoPackage(pkg, query = '') {
    const response = await page.goto(`${origin}/dashboard/${pkg}${query}`)
    await settled()
    return response
  }
  /// Applies a filter through `act`, then checks the URL, the chip, and that the downloads chart
  /// and the period totals changed; then removes it with its chip (by keyboard if asked) and
  /// checks both are back.
  async function filterChanges(keys, act, { expect = {}, removeByKeyboard = false } = {}) {
    const beforeSeries = await chartSeries('downloads_over_time')
    const beforeTotals = await periodTotals()
    const beforeUrl = page.url()
    await act()
    await page.waitForFunction((ks) => ks.every((k) => new URL(location.href).searchParams.has(k)), keys)
    await settled()
    await allReady()
    for (const [k, v] of Object.entries(expect)) assert.equal(param(k), v, 'URL parameter ' + k)
    for (const k of keys) assert.equal(await page.locator(`.chip[data-filter="${k}"]`).count(), 1, 'a chip for ' + k)
    const afterSeries = await chartSeries('downloads_over_time')
    const afterTotals = await periodTotals()
    assert.notDeepEqual(afterSeries, beforeSeries, 'the downloads chart changed')
    assert.ok(afterTotals.total > 0 && afterTotals.total < beforeTotals.total,
      `the total went down: ${beforeTotals.total} → ${afterTotals.total}`)
    for (const k of keys) {
      const chip = page.locator(`.chip[data-filter="${k}"]`)
      if (removeByKeyboard) { await chip.focus(); await page.keyboard.press('Delete') } else await chip.click()
      await page.waitForFunction((key) => !new URL(location.href).searchParams.has(key), k)
      if (removeByKeyboard)
        assert.ok(await page.evaluate(() => !!document.activeElement?.closest('.filters')), 'focus stays in the filter bar')
    }
    await settled()
    assert.equal(page.url(), beforeUrl, 'removing the chips restores the URL')
    assert.deepEqual(await periodTotals(), beforeTotals, 'and the totals')
    assert.deepEqual(await chartSeries('downloads_over_time'), beforeSeries, 'and the chart')
    return afterTotals
  }

  await check('landing: totals, top packages, releases, emerging, stable, hot, package managers, freshness', async () => {
    const response = await page.goto(origin + '/')
    assert.equal(response.status(), 200)
    assert.match(response.headers()['content-type'], /^text\/html/)
    await settled()
    await allReady()
    const totals = await widget('totals').locator('strong').evaluateAll((els) => els.map((e) => Number(e.dataset.value)))
    assert.deepEqual(totals, [Object.keys(PACKAGES).length, ROWS], 'packages and downloads')
    const top = await widget('top_packages').locator('.link-list a').allTextContents()
    assert.deepEqual(top.slice(0, 2), ['requests', 'numpy'], 'top packages by downloads: ' + top)
    assert.ok((await chartSeries('top_packages'))[0].data.length >= 5)
    assert.ok((await widget('emerging').locator('a').allTextContents()).includes('tally-demo'), 'tally-demo is emerging')
    assert.ok((await widget('stable').locator('a').allTextContents()).includes('old-stable'), 'old-stable is stable')
    const installers = (await chartSeries('installer_trends')).map((s) => s.name)
    for (const i of ['pip', 'uv', 'poetry']) assert.ok(installers.includes(i), 'installer trends have ' + i + ': ' + installers)
    assert.ok((await chartSeries('recent_releases'))[0].data.length > 0, 'releases heat map has cells')
    assert.ok((await chartSeries('hot'))[0].data.length > 0, 'hot packages has points')
    const fresh = await widget('freshness').textContent()
    const yesterday = new Date(Date.now() - 86400000)
    assert.match(fresh, new RegExp(yesterday.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })))
    assert.equal(await widget('freshness').locator('.stale').count(), 0, 'fresh data is not flagged stale')
    // Every widget offers Play, CSV and JSON.
    for (const name of Object.keys(await states()))
      for (const cls of ['play-link', 'csv-link', 'json-link'])
        assert.equal(await widget(name).locator('a.' + cls).count(), 1, `${name} has ${cls}`)
  })

  await check('landing: clicking a bar of the top packages opens that package', async () => {
    const [series] = await chartSeries('top_packages')
    const names = await widget('top_packages').locator('.chart').evaluate((el) =>
      window.__tallyChartOf(el).getOption().yAxis[0].data)
    const i = names.indexOf('numpy')
    const point = await chartPoint('top_packages', 'return c.convertToPixel({ seriesIndex: 0 }, a)', [series.data[i] / 2, i])
    await page.mouse.click(point.x, point.y)
    await page.waitForURL(origin + '/dashboard/numpy')
    await settled()
    await allReady()
  })

  await check('keyboard only: Tab to the search, type a prefix, ArrowDown twice, Enter opens the second suggestion', async () => {
    await page.goto(origin + '/')
    await settled()
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate(() => document.activeElement?.matches('.hero .search-input'))) break
    }
    assert.ok(await page.evaluate(() => document.activeElement?.matches('.hero .search-input')), 'Tab reaches the search box')
    await page.keyboard.type('num')
    await page.locator('.hero .suggestions li[role="option"]').nth(1).waitFor()
    const options = await page.locator('.hero .suggestions li[role="option"]').evaluateAll((els) => els.map((e) => e.dataset.project))
    assert.deepEqual(options, ['numpy', 'numba'], 'suggestions ordered by downloads')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    assert.equal(await page.locator('.hero .suggestions li[aria-selected="true"]').getAttribute('data-project'), 'numba')
    await page.keyboard.press('Enter')
    await page.waitForURL(origin + '/dashboard/numba')
    await settled()
    assert.equal(await page.locator('h1').first().textContent(), 'numba downloads')
    // Enter on typed text with no suggestion chosen goes to that package (PEP 503 normalized).
    await page.locator('.package-head .search-input').focus()
    await page.keyboard.type('URLLib3')
    await page.keyboard.press('Enter')
    await page.waitForURL(origin + '/dashboard/urllib3')
    await settled()
    await allReady()
    assert.equal(await widget('package_details').locator('a[href^="javascript"]').count(), 0, 'no javascript: link')
    // ArrowUp from the top wraps to the last suggestion.
    await page.locator('.package-head .search-input').focus()
    await page.keyboard.type('num')
    await page.locator('.package-head .suggestions li[role="option"]').nth(1).waitFor()
    await page.keyboard.press('ArrowUp')
    assert.equal(await page.locator('.package-head .suggestions li[aria-selected="true"]').getAttribute('data-project'), 'numba')
    await page.keyboard.press('Escape')
    assert.equal(await page.locator('.package-head .suggestions').isHidden(), true, 'Escape closes the list')
  })

  await check('package page: metadata escaped, rank, downloads by period, every widget loads', async () => {
    const response = await gotoPackage('requests')
    assert.equal(response.status(), 200)
    await allReady()
    assert.equal(await widget('package_details').locator('.summary').textContent(), XSS_SUMMARY, 'markup shown as text')
    assert.equal(await widget('package_details').locator('img, b').count(), 0, 'no element made from data')
    assert.equal(await page.evaluate(() => window.__xss), undefined)
    const meta = await widget('package_details').locator('dl').textContent()
    assert.match(meta, /Kenneth <Reitz>/)
    assert.match(meta, /3\.3\.0/, 'latest version')
    assert.match(meta, /Apache-2\.0/)
    assert.equal(await widget('package_details').locator('a[href="https://requests.readthedocs.io/"]').count(), 1, 'home page link')
    assert.match(await widget('rank').textContent(), /#1 of 6 packages/)
    assert.equal(await widget('rank').locator('.medal').count(), 1, 'a medal for the top package')
    const t = await periodTotals()
    assert.equal(t.total, expectedRows.requests, 'total = every download of the package')
    assert.ok(t.last_day > 0 && t.last_day <= t.last_week && t.last_week <= t.last_month && t.last_month <= t.total, JSON.stringify(t))
    assert.ok((await widget('dependencies').locator('td a').allTextContents()).includes('urllib3'), 'dependencies')
    assert.ok((await widget('dependents').locator('td a').allTextContents()).includes('tally-demo'), 'dependents')
    for (const name of Object.keys(await states()))
      for (const cls of ['play-link', 'csv-link', 'json-link'])
        assert.equal(await widget(name).locator('a.' + cls).count(), 1, `${name} has ${cls}`)
    const countries = (await chartSeries('countries'))[0].data.filter((d) => d.downloads > 0)
    assert.deepEqual(countries.map((d) => d.name).sort(), ['BR', 'CN', 'DE', 'FR', 'GB', 'IN', 'JP', 'US'], 'countries on the map')
  })

  await check('filter: clicking a pie slice sets version; back and forward buttons', async () => {
    const first = (await chartSeries('top_versions'))[0].data[0].name
    const point = await chartPoint('top_versions', `
      const l = c.getModel().getSeriesByIndex(0).getData().getItemLayout(0)
      const mid = (l.startAngle + l.endAngle) / 2, r = (l.r0 + l.r) / 2
      return [l.cx + Math.cos(mid) * r, l.cy + Math.sin(mid) * r]`)
    const base = page.url()
    await filterChanges(['version'], async () => {
      await page.mouse.click(point.x, point.y)
      await page.waitForFunction(() => new URL(location.href).searchParams.has('version'))
      await settled()
      // The back button returns to the unfiltered page, forward to the filtered one.
      await page.goBack()
      await page.waitForURL(base)
      await settled()
      assert.equal(await page.locator('.chip[data-filter]').count(), 0, 'no chips after going back')
      await page.goForward()
    }, { expect: { version: first } })
  })

  await check('filter: clicking a country on the map sets country_code', async () => {
    const point = await chartPoint('countries', 'return c.convertToPixel({ seriesIndex: 0 }, [10.4, 51.1])')
    await filterChanges(['country_code'], () => page.mouse.click(point.x, point.y), { expect: { country_code: 'DE' } })
  })

  await check('filter: clicking a Python version bar sets python_minor (removed by keyboard)', async () => {
    const series = await chartSeries('python_over_time')
    const s0 = series[0]
    const xi = s0.data.indexOf(Math.max(...s0.data))
    const point = await chartPoint('python_over_time', 'return c.convertToPixel({ seriesIndex: 0 }, a)', [xi, s0.data[xi] / 2])
    await filterChanges(['python_minor'], () => page.mouse.click(point.x, point.y),
      { expect: { python_minor: s0.name }, removeByKeyboard: true })
  })

  await check('filter: clicking a system line sets system', async () => {
    const series = await chartSeries('system_over_time')
    // The point of the first line farthest from every other line.
    let best = 0, bestGap = -1
    series[0].data.forEach((v, i) => {
      const gap = Math.min(...series.slice(1).map((s) => Math.abs(s.data[i] - v)))
      if (gap > bestGap) { bestGap = gap; best = i }
    })
    const point = await chartPoint('system_over_time', 'return c.convertToPixel({ seriesIndex: 0 }, a)', [best, series[0].data[best]])
    await filterChanges(['system'], () => page.mouse.click(point.x, point.y), { expect: { system: series[0].name } })
  })

  await check('filter: clicking a file-type bar sets installer and type', async () => {
    const series = await chartSeries('file_types_by_installer')
    const installers = await widget('file_types_by_installer').locator('.chart').evaluate((el) =>
      window.__tallyChartOf(el).getOption().yAxis[0].data)
    const i = series[0].data.indexOf(Math.max(...series[0].data))
    const point = await chartPoint('file_types_by_installer', 'return c.convertToPixel({ seriesIndex: 0 }, a)', [series[0].data[i] / 2, i])
    await filterChanges(['installer', 'type'], () => page.mouse.click(point.x, point.y),
      { expect: { installer: installers[i], type: series[0].name } })
  })

  await check('filter: dragging across the downloads chart sets min_date and max_date', async () => {
    const series = await chartSeries('downloads_over_time')
    const n = series[0].data.length
    const xs = await widget('downloads_over_time').locator('.chart').evaluate((el) =>
      window.__tallyChartOf(el).getOption().xAxis[0].data)
    const lo = Math.floor(n * 0.3), hi = Math.floor(n * 0.6)
    const max = Math.max(...series[0].data)
    const a = await chartPoint('downloads_over_time', 'return c.convertToPixel({ seriesIndex: 0 }, a)', [lo, max / 2])
    const b = await chartPoint('downloads_over_time', 'return c.convertToPixel({ seriesIndex: 0 }, a)', [hi, max / 2])
    await filterChanges(['min_date', 'max_date'], async () => {
      await page.mouse.move(a.x, a.y)
      await page.mouse.down()
      await page.mouse.move(b.x, b.y, { steps: 12 })
      await page.mouse.up()
    }, { expect: { min_date: xs[lo] } })
  })

  await check('filter: date inputs, CI select and the column picker; Clear all', async () => {
    await gotoPackage('requests')
    const before = await periodTotals()
    await page.locator('#f-min_date').fill(new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10))
    await page.waitForFunction(() => new URL(location.href).searchParams.has('min_date'))
    await settled()
    const sinceDate = await periodTotals()
    assert.ok(sinceDate.total < before.total, `the date input cut the total: ${before.total} → ${sinceDate.total}`)
    await page.locator('#f-ci').selectOption('exclude')
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ci') === 'exclude')
    await settled()
    const noCi = await periodTotals()
    assert.ok(noCi.total < sinceDate.total, `excluding CI cut the total: ${sinceDate.total} → ${noCi.total}`)
    await page.locator('#f-column').selectOption('system')
    await page.locator('#f-value option[value="Windows"]').waitFor({ state: 'attached' })
    await page.locator('#f-value').selectOption('Windows')
    await page.waitForFunction(() => new URL(location.href).searchParams.get('system') === 'Windows')
    await settled()
    await allReady()
    const after = await periodTotals()
    assert.ok(after.total > 0 && after.total < noCi.total, `the picked system cut the total: ${noCi.total} → ${after.total}`)
    assert.deepEqual(await page.locator('.chip[data-filter]').evaluateAll((els) => els.map((e) => e.dataset.filter)),
      ['min_date', 'system', 'ci'])
    assert.match(await page.locator('.chip[data-filter="ci"]').textContent(), /exclude CI/)
    await page.locator('.chip.clear').click()
    await page.waitForURL(origin + '/dashboard/requests')
    await settled()
    assert.deepEqual(await periodTotals(), before)
  })

  await check('a bad parameter breaks only the widgets that use it', async () => {
    await gotoPackage('requests', '?min_date=2025-13-45')
    const s = await states()
    assert.equal(s.package_details, 'ready', 'the details still load')
    assert.equal(s.downloads_over_time, 'error')
    assert.ok(await widget('downloads_over_time').locator('[role="alert"] button').count() === 1, 'a Retry button')
  })

  await check('Play link opens /play with the widget query and parameters, and it runs', async () => {
    await gotoPackage('requests', '?country_code=US')
    const answer = answers.downloads_over_time.body
    assert.equal(answer.params.country_code, 'US')
    const href = await widget('downloads_over_time').locator('a.play-link').getAttribute('href')
    assert.equal(href, answer.play)
    const play = await browser.newPage()
    watch(play)
    await play.goto(new URL(href, origin).href)
    assert.equal(await play.locator('#query').inputValue(), answer.sql)
    assert.equal(await play.locator('#user').inputValue(), 'play')
    for (const [k, v] of Object.entries(answer.params)) {
      const field = play.locator(`#params input[data-name="${k}"]`)
      if (await field.count()) assert.equal(await field.inputValue(), String(v), 'parameter ' + k)
    }
    await play.locator('#run').click()
    await play.waitForFunction(() => {
      const s = document.getElementById('stats').textContent
      return s !== '' && s !== 'Running...'
    })
    assert.equal(await play.locator('#error').textContent(), '')
    const rows = await play.locator('#result table tr').count()
    assert.equal(rows - 1, answer.rows.length, 'Play returns the widget rows')
    await play.close()
  })

  await check('CSV and JSON downloads hold the widget rows', async () => {
    const answer = answers.downloads_over_time.body
    const csvHref = await widget('downloads_over_time').locator('a.csv-link').getAttribute('href')
    const jsonHref = await widget('downloads_over_time').locator('a.json-link').getAttribute('href')
    const got = await page.evaluate(async ([c, j]) => {
      const rc = await fetch(c), rj = await fetch(j)
      return { csv: await rc.text(), csvDisp: rc.headers.get('content-disposition'), json: await rj.json(),
        jsonDisp: rj.headers.get('content-disposition') }
    }, [csvHref, jsonHref])
    assert.match(got.csvDisp ?? '', /attachment/)
    assert.match(got.jsonDisp ?? '', /attachment/)
    const lines = got.csv.trim().split('\n')
    assert.match(lines[0], /x.*downloads/, 'CSV header')
    assert.equal(lines.length - 1, answer.rows.length)
    assert.deepEqual(got.json, answer.rows)
  })

  await check('compare: from the package page, add two packages by search, totals, remove one', async () => {
    await gotoPackage('requests')
    await page.locator('a.compare-link').click()
    await page.waitForURL(origin + '/compare?packages=requests')
    await settled()
    const search = page.locator('.compare-controls .search-input')
    await search.focus()
    await page.keyboard.type('numpy')
    await page.keyboard.press('Enter')
    await page.waitForURL(origin + '/compare?packages=requests,numpy')
    await settled()
    await page.locator('.compare-controls .search-input').focus()
    await page.keyboard.type('url')
    await page.locator('.compare-controls .suggestions li[role="option"]').first().waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.waitForURL(origin + '/compare?packages=requests,numpy,urllib3')
    await settled()
    await allReady()
    const names = (await chartSeries('compare_over_time')).map((s) => s.name).sort()
    assert.deepEqual(names, ['numpy', 'requests', 'urllib3'])
    const totals = await page.locator('.compare-totals tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.dataset.package, Number(tr.querySelector('[data-value]').dataset.value)]))
    assert.deepEqual(totals.map((t) => t[0]), ['requests', 'numpy', 'urllib3'])
    assert.ok(totals[0][1] > totals[1][1] && totals[1][1] > totals[2][1] && totals[2][1] > 0, JSON.stringify(totals))
    await page.locator('.chip[data-package="numpy"]').click()
    await page.waitForURL(origin + '/compare?packages=requests,urllib3')
    await settled()
    assert.deepEqual((await chartSeries('compare_over_time')).map((s) => s.name).sort(), ['requests', 'urllib3'])
  })

  await check('badges are valid SVG with the download count', async () => {
    const badges = await page.evaluate(async () => {
      const out = {}
      for (const path of ['/badge/requests', '/badge/requests/month', '/badge/requests/week']) {
        const r = await fetch(path)
        const text = await r.text()
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
        out[path] = { status: r.status, type: r.headers.get('content-type'), root: doc.documentElement.localName,
          ns: doc.documentElement.namespaceURI, errors: doc.getElementsByTagName('parsererror').length,
          text: doc.documentElement.textContent }
      }
      return out
    })
    for (const [path, b] of Object.entries(badges)) {
      assert.equal(b.status, 200, path)
      assert.match(b.type, /^image\/svg\+xml/, path)
      assert.equal(b.errors, 0, path + ' parses')
      assert.equal(b.root, 'svg')
      assert.equal(b.ns, 'http://www.w3.org/2000/svg')
    }
    assert.match(badges['/badge/requests'].text, /downloads/)
    assert.match(badges['/badge/requests'].text, new RegExp(Math.floor(expectedRows.requests / 1000) + 'k'))
    assert.match(badges['/badge/requests/month'].text, /downloads\/month/)
    assert.match(badges['/badge/requests/week'].text, /downloads\/week/)
  })

  await check("pypistats API: recent and overall in pypistats.org's shapes", async () => {
    const got = await page.evaluate(async () => {
      const j = async (p) => { const r = await fetch(p); return { status: r.status, body: await r.json().catch(() => null) } }
      return { recent: await j('/api/packages/requests/recent'), overall: await j('/api/packages/requests/overall'),
        missing: await j('/api/packages/requestz/recent') }
    })
    assert.equal(got.recent.status, 200)
    assert.equal(got.recent.body.package, 'requests')
    assert.equal(got.recent.body.type, 'recent_downloads')
    const d = got.recent.body.data
    assert.deepEqual(Object.keys(d).sort(), ['last_day', 'last_month', 'last_week'])
    assert.ok(d.last_day > 0 && d.last_day <= d.last_week && d.last_week <= d.last_month, JSON.stringify(d))
    assert.equal(got.overall.status, 200)
    assert.equal(got.overall.body.type, 'overall_downloads')
    assert.equal(got.overall.body.package, 'requests')
    const cats = new Set(got.overall.body.data.map((r) => r.category))
    assert.deepEqual([...cats].sort(), ['with_mirrors', 'without_mirrors'])
    for (const r of got.overall.body.data) {
      assert.match(r.date, /^\d{4}-\d{2}-\d{2}$/)
      assert.equal(typeof r.downloads, 'number')
    }
    assert.equal(got.missing.status, 404)
  })

  await check('unknown package: 404 page with a suggestion that leads to the package', async () => {
    const response = await page.goto(origin + '/dashboard/requestz')
    assert.equal(response.status(), 404)
    await page.locator('[data-page="not-found"]').waitFor()
    const links = await page.locator('.suggestion-links a').allTextContents()
    assert.ok(links.includes('requests'), 'suggestions: ' + links)
    await page.locator('.suggestion-links a', { hasText: /^requests$/ }).click()
    await page.waitForURL(origin + '/dashboard/requests')
    await settled()
    await allReady()
  })

  await check('dark theme: toggle, saved across reloads, follows the system until chosen', async () => {
    await page.goto(origin + '/')
    await settled()
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light')
    const light = await bg()
    await page.locator('#theme-toggle').click()
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark')
    assert.notEqual(await bg(), light, 'the page is dark')
    assert.equal(await page.evaluate(() => localStorage.getItem('tally-theme')), 'dark')
    await page.reload()
    await settled()
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'kept after reload')
    await allReady()
    await page.locator('#theme-toggle').focus()
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'the toggle works by keyboard')
    await page.evaluate(() => localStorage.removeItem('tally-theme'))
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.reload()
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'follows prefers-color-scheme')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  await check('stale data: a second server whose newest day is 10 days old shows the warning', async () => {
    const stale = await startTallyServer(binary, ['--path', join(dir, 'stale-data'), '--http_port', '0', '--log_file', 'none'])
    try {
      const staleOrigin = `http://127.0.0.1:${stale.port}`
      await loadTestData(staleOrigin, schemaPath, 2000, 10)
      await page.goto(staleOrigin + '/')
      await settled()
      const warning = widget('freshness').locator('.stale[role="alert"]')
      assert.equal(await warning.count(), 1, 'a stale warning')
      assert.match(await warning.textContent(), /Stale data/)
      assert.match(await warning.textContent(), /10 days ago/)
    } finally {
      stale.server.kill('SIGTERM')
      await new Promise((resolve) => stale.server.on('exit', resolve))
    }
  })

  await check('no request leaves 127.0.0.1, no script errors', async () => {
    assert.ok(requests.some((u) => u.includes('/api/app/widgets/')), 'the widgets were fetched')
    assert.ok(requests.some((u) => /\/assets\/world_map-/.test(u)), 'the map chunk was loaded lazily')
    const outside = requests.filter((u) => !u.startsWith('data:') && new URL(u).hostname !== '127.0.0.1')
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
