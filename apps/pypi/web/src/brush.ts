// Drag across a time chart to zoom: the selected range becomes min_date/max_date (ClickPy's
// brush); a double click clears the dates.
import type { Chart } from './charts'
import { addDays } from './format'
import type { PackageContext } from './package_context'

/// The brush options to add to a time chart's option.
export function brushOption(): Record<string, unknown> {
  return { brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', transformable: false,
    throttleType: 'debounce', throttleDelay: 100, outOfBrush: { colorAlpha: 0.35 } } }
}

export function enableBrush(chart: Chart): void {
  chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush',
    brushOption: { brushType: 'lineX', brushMode: 'single' } })
}

/// Wires the brush of a category time axis holding `xs` (bucket starts; weekly buckets end 6
/// days later) to the context's date filters.
export function brushToDates(chart: Chart, xs: string[], granularity: string | undefined, ctx: PackageContext): void {
  chart.on('brushEnd', (e) => {
    const areas = (e as { areas?: { coordRange?: number[] }[] }).areas ?? []
    const range = areas[0]?.coordRange
    if (!range || range.length < 2) return
    const lo = Math.max(0, Math.min(range[0], range[1]))
    const hi = Math.min(xs.length - 1, Math.max(range[0], range[1]))
    if (hi < lo || !xs[lo]) return
    const end = granularity === 'week' ? addDays(xs[hi], 6) : granularity === 'month' ? addDays(addDays(xs[hi], 31).slice(0, 8) + '01', -1) : xs[hi]
    chart.dispatchAction({ type: 'brush', areas: [] })
    ctx.setFilters({ min_date: xs[lo], max_date: end })
  })
  chart.getZr().on('dblclick', () => {
    if (ctx.filters.min_date || ctx.filters.max_date) ctx.setFilters({ min_date: '', max_date: '' })
  })
}
