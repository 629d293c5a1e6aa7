// Landing: weekly downloads by package manager (pip, uv, poetry, ...), a stacked area chart.
import { loadCharts } from '../chart_loader'
import { escapeHtml } from '../dom'
import { grouped, short } from '../format'
import { pivot } from '../pivot'
import { chartBox, empty, type WidgetSpec } from '../widget_frame'

export function installerTrends(): WidgetSpec {
  return {
    name: 'installer_trends',
    title: 'Package managers over time',
    className: 'wide',
    async render(body, res) {
      if (!res.rows.length) { empty(body, 'No downloads in the last 18 months.'); return }
      const { axis, makeChart } = await loadCharts()
      const p = pivot(res.rows, 'x', 'installer', 'downloads')
      makeChart(chartBox(body, 280), () => ({
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: p.xs, ...axis(), boundaryGap: false },
        yAxis: { type: 'value', ...axis(), axisLabel: { ...axis().axisLabel as object, formatter: (v: number) => short(v) } },
        tooltip: { trigger: 'axis', formatter: axisTooltip },
        series: p.keys.map((k) => ({ name: k, type: 'line', stack: 'all', areaStyle: {}, symbol: 'none',
          data: p.values.get(k) })),
      }))
    },
  }
}

/// An axis tooltip listing each series' value, labels escaped.
export function axisTooltip(params: unknown): string {
  const items = params as { axisValueLabel: string; seriesName: string; value: number; color: string }[]
  if (!items.length) return ''
  return `<b>${escapeHtml(items[0].axisValueLabel)}</b><br>` + items.filter((i) => i.value)
    .map((i) => `<span style="color:${escapeHtml(i.color)}">●</span> ${escapeHtml(i.seriesName)}: ${grouped(i.value)}`)
    .join('<br>')
}
