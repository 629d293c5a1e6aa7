// Long rows ({x, key, value}) to chart series: the sorted x values and one array per key,
// keys ordered by total (largest first, "other" last).
import { num, str, type Row } from './api'

export interface Pivot {
  xs: string[]
  keys: string[]
  values: Map<string, number[]>
}

export function pivot(rows: Row[], xKey: string, seriesKey: string, valueKey: string): Pivot {
  const xs = [...new Set(rows.map((r) => str(r[xKey])))].sort()
  const index = new Map(xs.map((x, i) => [x, i]))
  const values = new Map<string, number[]>()
  const totals = new Map<string, number>()
  for (const r of rows) {
    const k = str(r[seriesKey])
    let arr = values.get(k)
    if (!arr) { arr = new Array<number>(xs.length).fill(0); values.set(k, arr) }
    const v = num(r[valueKey])
    arr[index.get(str(r[xKey])) ?? 0] += v
    totals.set(k, (totals.get(k) ?? 0) + v)
  }
  const keys = [...values.keys()].sort((a, b) =>
    a === 'other' ? 1 : b === 'other' ? -1 : (totals.get(b) ?? 0) - (totals.get(a) ?? 0))
  return { xs, keys, values }
}
