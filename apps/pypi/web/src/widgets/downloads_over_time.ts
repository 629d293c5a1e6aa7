// Package page: downloads over time (daily up to 6 months, else weekly); drag to zoom.
import { num, str } from '../api'
import { loadCharts } from '../chart_loader'
import { brushOption, brushToDates, enableBrush } from '../brush'
import { escapeHtml } from '../dom'
import { grouped, short } from '../format'
import type { PackageContext } from '../package_context'
import { cssVar } from '../theme'
import { chartBox, empty, type WidgetSpec } from '../widget_frame'

export function downloadsOverTime(ctx: PackageContext): WidgetSpec {
  return {
    name: 'downloads_over_time',
    title: 'Downloads over time',
    className: 'wide',
    note: (res) => (res.granularity === 'week' ? 'weekly' : res.granularity === 'day' ? 'daily' : str(res.granularity)) +
      ' · drag to zoom, double-click to reset',
    async render(body, res) {
      if (!res.rows.length) { empty(body); return }
      const { axis, makeChart } = await loadCharts()
      const xs = res.rows.map((r) => str(r.x))
      const ys = res.rows.map((r) => num(r.downloads))
      makeChart(chartBox(body, 300), () => ({
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: xs, ...axis(), boundaryGap: false },
        yAxis: { type: 'value', ...axis(), axisLabel: { ...axis().axisLabel as object, formatter: (v: number) => short(v) } },
        tooltip: { trigger: 'axis', formatter: (p: { axisValueLabel: string; value: number }[]) =>
          `${escapeHtml(p[0]?.axisValueLabel)}: <b>${grouped(p[0]?.value ?? 0)}</b>` },
        ...brushOption(),
        series: [{ type: 'line', data: ys, symbol: 'none', lineStyle: { color: cssVar('--accent'), width: 2 },
          itemStyle: { color: cssVar('--accent') }, areaStyle: { color: cssVar('--accent-soft') } }],
      }), { events: (chart) => brushToDates(chart, xs, res.granularity, ctx), after: enableBrush })
    },
  }
}
