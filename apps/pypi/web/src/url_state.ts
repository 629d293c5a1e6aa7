// The package page's filters, kept in the URL's query string.

export const FILTER_KEYS = ['min_date', 'max_date', 'version', 'country_code', 'type', 'python_minor',
  'system', 'installer', 'ci'] as const
export type FilterKey = typeof FILTER_KEYS[number]
export type Filters = Partial<Record<FilterKey, string>>

export const FILTER_LABELS: Record<FilterKey, string> = {
  min_date: 'from',
  max_date: 'to',
  version: 'version',
  country_code: 'country',
  type: 'file type',
  python_minor: 'Python',
  system: 'system',
  installer: 'installer',
  ci: 'CI',
}

export const CI_LABELS: Record<string, string> = {
  exclude: 'exclude CI',
  true: 'CI only',
  false: 'not CI',
  unknown: 'CI unknown',
}

export function readFilters(search: string = location.search): Filters {
  const q = new URLSearchParams(search)
  const f: Filters = {}
  for (const k of FILTER_KEYS) {
    const v = q.get(k)
    if (v !== null && v !== '') f[k] = v
  }
  return f
}

export function filtersToQuery(f: Filters): string {
  const q = new URLSearchParams()
  for (const k of FILTER_KEYS) {
    const v = f[k]
    if (v !== undefined && v !== '') q.set(k, v)
  }
  const s = q.toString()
  return s ? '?' + s : ''
}

export function filterParams(f: Filters): Record<string, string> {
  const p: Record<string, string> = {}
  for (const k of FILTER_KEYS) {
    const v = f[k]
    if (v !== undefined && v !== '') p[k] = v
  }
  return p
}

export function packageFromPath(path: string = location.pathname): string | null {
  const m = /^\/dashboard\/([^/]+)\/?$/.exec(path)
  if (!m) return null
  try { return decodeURIComponent(m[1]) } catch { return null }
}

export function dashboardPath(pkg: string, f: Filters = {}): string {
  return '/dashboard/' + encodeURIComponent(pkg) + filtersToQuery(f)
}

export function comparePath(packages: string[]): string {
  return packages.length ? '/compare?packages=' + packages.map(encodeURIComponent).join(',') : '/compare'
}

export function comparePackages(search: string = location.search): string[] {
  const raw = new URLSearchParams(search).get('packages') ?? ''
  const seen: string[] = []
  for (const p of raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
    if (!seen.includes(p)) seen.push(p)
  return seen.slice(0, 5)
}
