// Package page: downloads over time split by Python version (stacked bars, top 10 + other) or
// by system (lines, top 4 + other). Drag to zoom; clicking a series sets its filter.
import { str } from '../api'
import { loadCharts } from '../chart_loader'
import { brushOption, brushToDates, enableBrush } from '../brush'
import { short } from '../format'
import type { PackageContext } from '../package_context'
import { pivot } from '../pivot'
import type { FilterKey } from '../url_state'
import { chartBox, empty, type WidgetSpec } from '../widget_frame'
import { axisTooltip } from './installer_trends'

/// The label of an empty value (e.g. a system the installer did not report).
const UNKNOWN = '(unknown)'

function breakdown(ctx: PackageContext, name: string, title: string, key: FilterKey, stacked: boolean): WidgetSpec {
  return {
    name,
    title,
    className: 'half',
    note: () => 'click a series to filter',
    async render(body, res) {
      if (!res.rows.length) { empty(body); return }
      const { axis, makeChart } = await loadCharts()
      const p = pivot(res.rows, 'x', key, 'downloads')
      makeChart(chartBox(body, 280), () => ({
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: p.xs, ...axis(), boundaryGap: stacked },
        yAxis: { type: 'value', ...axis(), axisLabel: { ...axis().axisLabel as object, formatter: (v: number) => short(v) } },
        tooltip: { trigger: 'axis', formatter: axisTooltip },
        ...brushOption(),
        series: p.keys.map((k) => stacked
          ? { name: k || UNKNOWN, type: 'bar', stack: 'all', data: p.values.get(k), cursor: 'pointer' }
          : { name: k || UNKNOWN, type: 'line', data: p.values.get(k), symbol: 'none', triggerLineEvent: true, cursor: 'pointer' }),
      }), {
        events: (chart) => {
          brushToDates(chart, p.xs, res.granularity, ctx)
          chart.on('click', (e) => {
            const v = str(e.seriesName)
            if (v && v !== 'other' && v !== UNKNOWN) ctx.setFilters({ [key]: v })
          })
        },
        after: enableBrush,
      })
    },
  }
}

export function pythonOverTime(ctx: PackageContext): WidgetSpec {
  return breakdown(ctx, 'python_over_time', 'Python versions over time', 'python_minor', true)
}

export function systemOverTime(ctx: PackageContext): WidgetSpec {
  return breakdown(ctx, 'system_over_time', 'Systems over time', 'system', false)
}
