// The widget API of docs/pypi_app.md: GET /api/app/widgets/<name>?<parameters>.

export type Row = Record<string, string | number | boolean | null>
export type Params = Record<string, string>

export interface WidgetResponse {
  widget: string
  table?: string
  sql?: string
  params?: Params
  play?: string
  columns?: { name: string; type: string }[]
  rows: Row[]
  granularity?: string
  elapsed_ms?: number
}

/// A failed widget request: the HTTP status, the server's message, and for an unknown package
/// the suggested names.
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly suggestions: string[] = []) {
    super(message)
  }
}

export function widgetUrl(name: string, params: Params, format?: 'csv' | 'json'): string {
  const query = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== '') query.set(k, v)
  if (format) query.set('format', format)
  const qs = query.toString()
  return '/api/app/widgets/' + encodeURIComponent(name) + (qs ? '?' + qs : '')
}

export async function fetchWidget(name: string, params: Params, signal?: AbortSignal): Promise<WidgetResponse> {
  const response = await fetch(widgetUrl(name, params), { signal, headers: { Accept: 'application/json' } })
  const text = await response.text()
  let body: unknown = null
  try { body = JSON.parse(text) } catch { /* not JSON: reported below */ }
  if (!response.ok) {
    const b = (body ?? {}) as { error?: unknown; suggestions?: unknown }
    const message = typeof b.error === 'string' ? b.error : `HTTP ${response.status}: ${text.slice(0, 200)}`
    const suggestions = Array.isArray(b.suggestions) ? b.suggestions.map(String) : []
    throw new ApiError(response.status, message, suggestions)
  }
  if (!body || typeof body !== 'object' || !Array.isArray((body as WidgetResponse).rows))
    throw new ApiError(response.status, 'unexpected answer: ' + text.slice(0, 200))
  return body as WidgetResponse
}

export function num(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v)
  return Number.isFinite(n) ? n : 0
}

export function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v)
}
