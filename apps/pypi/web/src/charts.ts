// ECharts, imported piece by piece (echarts/core plus only the charts and components used) to
// keep the bundle small. Charts take their colours from the stylesheet's custom properties and
// are rebuilt when the theme changes.

import * as echarts from 'echarts/core'
import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart } from 'echarts/charts'
import { BrushComponent, GridComponent, LegendScrollComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { cssVar, onThemeChange } from './theme'

echarts.use([BarChart, HeatmapChart, LineChart, PieChart, ScatterChart, BrushComponent, GridComponent,
  LegendScrollComponent, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer])

export { echarts }
export type Option = echarts.EChartsCoreOption
export type Chart = echarts.ECharts

interface Handle {
  el: HTMLElement
  chart: Chart
  build: () => Option
  after?: (chart: Chart) => void
  resize: ResizeObserver
}

const handles = new Map<HTMLElement, Handle>()

export const PALETTE = ['#3b82f6', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16',
  '#f97316', '#6366f1', '#94a3b8']

/// The options every chart shares: palette, text and tooltip colours of the current theme.
export function base(): Option {
  const text = cssVar('--text')
  return {
    color: PALETTE,
    backgroundColor: 'transparent',
    textStyle: { color: text, fontFamily: 'inherit' },
    animationDuration: 300,
    tooltip: {
      backgroundColor: cssVar('--surface'),
      borderColor: cssVar('--border'),
      textStyle: { color: text },
      confine: true,
    },
    legend: { textStyle: { color: text }, type: 'scroll', top: 0 },
  }
}

export function axis(): Record<string, unknown> {
  const muted = cssVar('--muted')
  return {
    axisLine: { lineStyle: { color: cssVar('--border') } },
    axisLabel: { color: muted },
    splitLine: { lineStyle: { color: cssVar('--grid') } },
  }
}

/// Makes (or remakes) the chart inside `el`; `build` is called again on theme changes,
/// `events` once (event handlers), and `after` after every build (e.g. the brush cursor).
export function makeChart(el: HTMLElement, build: () => Option,
  hooks: { events?: (chart: Chart) => void; after?: (chart: Chart) => void } = {}): Chart {
  const after = hooks.after
  disposeChart(el)
  const chart = echarts.init(el, null, { renderer: 'canvas' })
  const resize = new ResizeObserver(() => chart.resize())
  resize.observe(el)
  const handle: Handle = { el, chart, build, after, resize }
  handles.set(el, handle)
  chart.setOption({ ...base(), ...build() })
  hooks.events?.(chart)
  after?.(chart)
  return chart
}

export function disposeChart(el: HTMLElement): void {
  const h = handles.get(el)
  if (!h) return
  h.resize.disconnect()
  h.chart.dispose()
  handles.delete(el)
}

/// Disposes every chart inside `root` (before its widgets are re-rendered or removed).
export function disposeChartsIn(root: Element): void {
  for (const el of [...handles.keys()]) if (root.contains(el)) disposeChart(el)
}

onThemeChange(() => {
  for (const h of handles.values()) {
    if (!h.el.isConnected) { disposeChart(h.el); continue }
    h.chart.setOption({ ...base(), ...h.build() }, { notMerge: true })
    h.after?.(h.chart)
  }
})

// For the end-to-end test: the chart drawn in a widget's element, to find where its bars, slices
// and countries are on screen (the test then clicks and drags there with the real mouse).
;(window as unknown as { __tallyChartOf?: (el: Element) => Chart | undefined }).__tallyChartOf =
  (el: Element) => handles.get(el as HTMLElement)?.chart
