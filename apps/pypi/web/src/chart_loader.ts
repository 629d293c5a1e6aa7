// ECharts is most of the bundle: it loads as its own chunk, started at once by main.ts, so the
// page, the API requests and the text widgets do not wait for it on a slow connection.
export type Charts = typeof import('./charts')

let loading: Promise<Charts> | null = null
let loaded: Charts | null = null

export function loadCharts(): Promise<Charts> {
  loading ??= import('./charts').then((m) => { loaded = m; return m })
  return loading
}

/// Disposes the charts inside `root` (nothing to do before ECharts has loaded).
export function disposeChartsIn(root: Element): void {
  loaded?.disposeChartsIn(root)
}
