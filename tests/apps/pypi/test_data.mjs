// Small, deterministic PyPI data for the browser test, loaded with plain SQL through the HTTP
// interface: the schema (apps/pypi/schema.sql, when the server has not created it), ~400 days of
// downloads for a few packages (every filter column varies, so every filter changes the
// charts), their metadata in pypi.projects (with markup in a summary, to check escaping), and
// country names.

import { readFileSync } from 'node:fs'

/// Runs one statement; throws with the server's message on an error status.
export async function sql(origin, query) {
  const r = await fetch(origin + '/', { method: 'POST', body: query })
  const text = await r.text()
  if (!r.ok) throw new Error(`${r.status} for ${query.slice(0, 120)}: ${text}`)
  return text
}

export const PACKAGES = {
  // name: [share of rows in twentieths, how many days back its downloads go]
  requests: [6, 400],
  numpy: [4, 400],
  numba: [3, 400],
  urllib3: [3, 400],
  'old-stable': [3, 400],
  'tally-demo': [1, 60],
}

export const XSS_SUMMARY = '<img src=x onerror="window.__xss=1">HTTP for <b>humans</b>'

/// Loads `rows` downloads whose newest day is `newestDaysAgo` days before today.
export async function loadTestData(origin, schemaPath, rows = 120000, newestDaysAgo = 1) {
  const exists = (await sql(origin, 'EXISTS TABLE pypi.pypi')).trim() === '1'
  if (!exists) {
    const text = readFileSync(schemaPath, 'utf8').split('\n').filter((l) => !l.trim().startsWith('--')).join('\n')
    for (const stmt of text.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) await sql(origin, stmt)
  }
  const hasCi = (await sql(origin,
    "SELECT count() FROM system.columns WHERE database = 'pypi' AND table = 'pypi' AND name = 'ci'")).trim() === '1'

  // The project of row n: n % 20 falls in each package's share.
  let at = 0
  const projectCases = []
  const daysCases = []
  for (const [name, [share, days]] of Object.entries(PACKAGES)) {
    at += share
    projectCases.push(`n % 20 < ${at}, '${name}'`)
    daysCases.push(`n % 20 < ${at}, ${days}`)
  }
  const project = `multiIf(${projectCases.join(', ')}, 'other')`
  const days = `multiIf(${daysCases.join(', ')}, 400)`
  // Newer days get more rows (growth): days back = days × (1 − √uniform).
  const columns = ['date', 'country_code', 'project', 'type', 'installer', 'python_minor', 'system', 'version']
  const values = [
    `toDate(today() - ${newestDaysAgo} - toUInt32(floor(${days} * (1 - sqrt((intHash32(n) % 10000) / 10000)))))`,
    `['US', 'DE', 'CN', 'GB', 'FR', 'IN', 'JP', 'BR'][(intHash32(n * 3 + 1) % 8) + 1]`,
    project,
    `if(intHash32(n * 5 + 2) % 5 = 0, 'sdist', 'bdist_wheel')`,
    `['pip', 'pip', 'pip', 'uv', 'uv', 'poetry', 'pdm', 'requests'][(intHash32(n * 7 + 3) % 8) + 1]`,
    `['3.8', '3.9', '3.10', '3.11', '3.12', '3.12', '3.13', '3.13'][(intHash32(n * 11 + 4) % 8) + 1]`,
    `['Linux', 'Linux', 'Linux', 'Windows', 'Darwin', ''][(intHash32(n * 13 + 5) % 6) + 1]`,
    `concat(toString(1 + intHash32(n * 17 + 6) % 3), '.', toString(intHash32(n * 19 + 7) % 4), '.0')`,
  ]
  if (hasCi) {
    columns.push('ci')
    values.push(`['false', 'false', 'true', 'unknown'][(intHash32(n * 23 + 8) % 4) + 1]`)
  }
  await sql(origin, `INSERT INTO pypi.pypi (${columns.join(', ')}) SELECT ${values.join(', ')} ` +
    `FROM (SELECT number AS n FROM numbers(${rows}))`)

  const projects = [
    // name, version, summary, author, license, home_page, requires_dist, upload days ago
    ['requests', '3.3.0', XSS_SUMMARY, 'Kenneth <Reitz>', 'Apache-2.0', 'https://requests.readthedocs.io',
      ['urllib3<3,>=1.21.1', 'charset-normalizer<4,>=2'], [5, 40, 100, 150]],
    ['numpy', '2.3.0', 'Fundamental package for array computing in Python', 'Travis E. Oliphant et al.', 'BSD-3-Clause',
      'https://numpy.org', [], [10, 70, 130]],
    ['numba', '1.1.0', 'compiling Python code using LLVM', 'Anaconda', 'BSD', 'https://numba.pydata.org',
      ['numpy>=1.24', 'llvmlite<0.45,>=0.44.0dev0'], [20, 90]],
    ['urllib3', '3.2.0', 'HTTP library with thread-safe connection pooling', 'Andrey Petrov', 'MIT',
      'javascript:alert(1)', [], [3, 60]],
    ['old-stable', '1.0.0', 'Finished software', 'Someone', 'MIT', 'https://example.org', [], [300, 500]],
    ['tally-demo', '0.1.0', 'A new package', 'tally', 'MIT', 'https://example.org', ['requests>=2'], [50]],
  ]
  const rowsSql = []
  for (const [name, version, summary, author, license, home, requires, uploads] of projects)
    uploads.forEach((ago, i) => rowsSql.push(`(${[name, olderVersion(version, i),
      summary, author, 'dev@example.org', license, home, '>=3.9'].map(q).join(', ')}, ` +
      `[${requires.map(q).join(', ')}], now() - toIntervalDay(${ago}))`))
  await sql(origin, 'INSERT INTO pypi.projects (name, version, summary, author, author_email, license, home_page, ' +
    'requires_python, requires_dist, upload_time) VALUES ' + rowsSql.join(', '))
  await sql(origin, "INSERT INTO pypi.countries (name, code) VALUES ('United States', 'US'), ('Germany', 'DE'), " +
    "('China', 'CN'), ('United Kingdom', 'GB'), ('France', 'FR'), ('India', 'IN'), ('Japan', 'JP'), ('Brazil', 'BR')")
}

function q(s) {
  return "'" + String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'"
}

/// The version uploaded i uploads before `latest` (i = 0: latest): the major version i lower.
function olderVersion(latest, i) {
  const [major, ...rest] = latest.split('.')
  return [Number(major) - i, ...rest].join('.')
}
