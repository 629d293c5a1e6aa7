// Fixtures of the `tally pypi load` test: linehaul log lines with their expected rows (or
// reject reasons), and generators of BigQuery-shaped JSON/CSV rows. Expected values are written
// out by hand (logs) or derived from the generated objects by the independent mapping below.

export const TIME = 'Thu, 07 Jan 2021 20:54:54 GMT';
const URL = '/packages/f7/12/ec3f4d3ef7c5f7f4c0e5c1f6c9a2d4d2b0e1f7d8a9b0c1d2e3f4a5b6c7d8e9f0/x.whl';
const TLS = 'TLSv1.2|ECDHE-RSA-AES128-GCM-SHA256';

export function logLine({ time = TIME, country = 'US', project = 'requests', version = '2.31.0', type = 'bdist_wheel', ua }) {
  return `download|${time}|${country}|${URL}|${TLS}|${project}|${version}|${type}|${ua}`;
}

const pipJson = (v, extra = '') =>
  `pip/${v} {"ci":null,"cpu":"x86_64","distro":{"id":"jammy","libc":{"lib":"glibc","version":"2.35"},"name":"Ubuntu","version":"22.04"},` +
  `"implementation":{"name":"CPython","version":"3.11.4"},"installer":{"name":"pip","version":"${v}"},` +
  `"openssl_version":"OpenSSL 3.0.2 15 Mar 2022","python":"3.11.4","setuptools_version":"68.0.0",` +
  `"system":{"name":"Linux","release":"5.15.0-1041-azure"}${extra}}`;

/// [user agent, expected {installer, python_minor, system, ci}] — one per installer family.
export const AGENTS = [
  [pipJson('23.2.1'), { installer: 'pip', python_minor: '3.11', system: 'Linux', ci: 'false' }],
  [pipJson('24.0').replace('"ci":null', '"ci":true'), { installer: 'pip', python_minor: '3.11', system: 'Linux', ci: 'true' }],
  ['pip/24.0 {"ci":true,"cpu":"AMD64","implementation":{"name":"CPython","version":"3.12.1"},"installer":{"name":"pip","version":"24.0"},"python":"3.12.1","system":{"name":"Windows","release":"10"}}',
    { installer: 'pip', python_minor: '3.12', system: 'Windows', ci: 'true' }],
  ['uv/0.4.18 {"installer":{"name":"uv","version":"0.4.18"},"python":"3.12.6","implementation":{"name":"CPython","version":"3.12.6"},"distro":{"name":"Ubuntu","version":"22.04","id":"jammy","libc":{"lib":"glibc","version":"2.35"}},"system":{"name":"Linux","release":"6.5.0-1025-azure"},"cpu":"x86_64","openssl_version":null,"setuptools_version":null,"rustc_version":null,"ci":true}',
    { installer: 'uv', python_minor: '3.12', system: 'Linux', ci: 'true' }],
  ['uv/0.1.22 {"installer":{"name":"uv","version":"0.1.22"},"python":"3.10.12","system":{"name":"Darwin","release":"23.2.0"},"ci":null}',
    { installer: 'uv', python_minor: '3.10', system: 'Darwin', ci: 'false' }],
  ['pip/1.4.1 CPython/2.7.14 Darwin/17.7.0', { installer: 'pip', python_minor: '2.7', system: 'Darwin', ci: 'false' }],
  ['pip/1.5.6 PyPy/2.3.1 Linux/3.13.0-32-generic', { installer: 'pip', python_minor: '', system: 'Linux', ci: 'false' }],
  ['poetry/1.1.11 CPython/3.9.2 Linux/5.10.16.3-microsoft-standard-WSL2', { installer: 'poetry', python_minor: '', system: 'Linux', ci: 'unknown' }],
  ['pdm/2.1.6 CPython/3.11.0', { installer: 'pdm', python_minor: '', system: '', ci: 'unknown' }],
  ['twine/4.0.2 importlib_metadata/6.0.0 pkginfo/1.9.6 requests/2.28.2 CPython/3.11.1', { installer: 'twine', python_minor: '', system: '', ci: 'unknown' }],
  ['Python-urllib/2.7 setuptools/0.6c11', { installer: 'setuptools', python_minor: '2.7', system: '', ci: 'unknown' }],
  ['setuptools/3.4.4 Python-urllib/3.4', { installer: 'setuptools', python_minor: '3.4', system: '', ci: 'unknown' }],
  ['Python-urllib/2.6 distribute/0.6.10', { installer: 'distribute', python_minor: '2.6', system: '', ci: 'unknown' }],
  ['pex/2.1.137', { installer: 'pex', python_minor: '', system: '', ci: 'unknown' }],
  ['conda/4.3.21 requests/2.14.2 CPython/3.6.1 Linux/4.4.0', { installer: 'conda', python_minor: '', system: '', ci: 'unknown' }],
  ['Bazel/release 0.6.1', { installer: 'Bazel', python_minor: '', system: '', ci: 'unknown' }],
  ['maturin/1.5.1', { installer: 'maturin', python_minor: '', system: '', ci: 'unknown' }],
  ['bandersnatch/6.1.0 (cpython 3.11.4-final0, Linux x86_64)', { installer: 'bandersnatch', python_minor: '', system: '', ci: 'unknown' }],
  ['devpi-server/6.9.2 (py3.11.4; linux)', { installer: 'devpi', python_minor: '', system: '', ci: 'unknown' }],
  ['z3c.pypimirror/1.0.16', { installer: 'z3c.pypimirror', python_minor: '', system: '', ci: 'unknown' }],
  ['Artifactory/7.55.10', { installer: 'Artifactory', python_minor: '', system: '', ci: 'unknown' }],
  ['Nexus/3.61.0-02 (OSS; Linux; 5.15.0; amd64; 1.8.0_382)', { installer: 'Nexus', python_minor: '', system: '', ci: 'unknown' }],
  ['pep381client-proxy/1.5', { installer: 'pep381client', python_minor: '', system: '', ci: 'unknown' }],
  ['python-requests/2.31.0', { installer: 'requests', python_minor: '', system: '', ci: 'unknown' }],
  ['Homebrew/4.1.0 (Macintosh; Intel Mac OS X 13.4) curl/7.88.1', { installer: 'Homebrew', python_minor: '', system: '', ci: 'unknown' }],
  ['fetch libfetch/2.0', { installer: 'OS', python_minor: '', system: '', ci: 'unknown' }],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0', { installer: 'Browser', python_minor: '', system: '', ci: 'unknown' }],
  ['curl/7.81.0', { installer: 'Browser', python_minor: '', system: '', ci: 'unknown' }],
  ['Python-urllib/3.6', { installer: '', python_minor: '3.6', system: '', ci: 'unknown' }],
  ['my-internal-mirror/0.3', { installer: '', python_minor: '', system: '', ci: 'unknown' }],
  ['pip/23.0 {"installer":{"name":"pip"', { installer: '', python_minor: '', system: '', ci: 'unknown' }],
];

/// [line, reject reason] — malformed lines of a log.
export const BAD_LINES = [
  [logLine({ time: 'Thu, 37 Jan 2021 20:54:54 GMT', ua: 'curl/7' }), 'bad time'],
  [logLine({ time: '2021-01-07 20:54:54', ua: 'curl/7' }), 'bad time'],
  [`download|${TIME}|US|/p|TLSv1.2`, 'missing fields: 5 of 10'],
  [logLine({ project: '(null)', ua: 'curl/7' }), 'null project'],
  [logLine({ version: '(null)', ua: 'curl/7' }), 'null version'],
  [logLine({ ua: '(null)' }), 'ignored user agent'],
  [logLine({ ua: 'Go-http-client/1.1' }), 'ignored user agent'],
  [logLine({ ua: 'Datadog Agent/7.40.0' }), 'ignored user agent'],
  ['\u0000\u0001garbage line without separators', 'not a linehaul log line'],
  [`upload|${TIME}|US|/p|a|b|c|d|e|f`, 'unknown event type'],
];

/// The row a download of `agent` with these fields gives.
export function expectedRow({ date = '2021-01-07', country = 'US', project = 'requests', version = '2.31.0', type = 'bdist_wheel' }, agent) {
  return { date, country_code: country, project, type, installer: agent.installer, python_minor: agent.python_minor,
    system: agent.system, version, ci: agent.ci };
}

/// PEP 503 and "major.minor", written independently of the loader.
export const normalize = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
export const pythonMinor = (py) => { const m = /^(\d+\.\d+)/.exec(py ?? ''); return m ? m[1] : ''; };
export const ciOf = (ci, installer) => ci === true ? 'true' : (ci === false || installer === 'pip' || installer === 'uv') ? 'false' : 'unknown';

/// Deterministic BigQuery-shaped download objects (nested `file`/`details`).
export function bigQueryRows(n, seed) {
  const projects = ['numpy', 'Django_REST.framework', 'requests', 'zope.interface', 'boto3'];
  const installers = ['pip', 'uv', 'poetry', null, 'bandersnatch'];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const k = i + seed;
    const installer = installers[k % 5];
    const day = 1 + (k % 28);
    rows.push({
      timestamp: `2024-02-${String(day).padStart(2, '0')} ${String(k % 24).padStart(2, '0')}:15:00 UTC`,
      country_code: k % 11 === 0 ? null : ['US', 'DE', 'IE', 'CN'][k % 4],
      url: `/packages/aa/bb/cc/file${k}.whl`,
      project: normalize(projects[k % 5]),
      file: { filename: `f${k}.whl`, project: projects[k % 5], version: `1.${k % 3}`, type: k % 4 === 0 ? 'sdist' : 'bdist_wheel' },
      details: installer === null ? null : {
        installer: { name: installer, version: '1.0' },
        python: k % 7 === 0 ? null : `3.${8 + (k % 5)}.${k % 10}`,
        system: { name: ['Linux', 'Darwin', 'Windows'][k % 3], release: '1' },
        ...(k % 3 === 0 ? { ci: true } : {}),
      },
    });
  }
  return rows;
}

export function expectedOfBigQueryRow(r) {
  const d = r.details ?? {};
  const installer = d.installer?.name ?? '';
  return { date: r.timestamp.slice(0, 10), country_code: r.country_code ?? '', project: normalize(r.file.project),
    type: r.file.type, installer, python_minor: pythonMinor(d.python), system: d.system?.name ?? '',
    version: r.file.version, ci: ciOf(d.ci ?? null, installer) };
}
