// Package page: file types by installer (stacked bars over the top installers). Clicking a bar
// segment sets installer and file type; clicking an installer's label sets the installer.
import { str } from '../api'
import { loadCharts } from '../chart_loader'
import { short } from '../format'
import type { PackageContext } from '../package_context'
import { pivot } from '../pivot'
import { chartBox, empty, type WidgetSpec } from '../widget_frame'
import { axisTooltip } from './installer_trends'

export function fileTypesByInstaller(ctx: PackageContext): WidgetSpec {
  return {
    name: 'file_types_by_installer',
    title: 'File types by installer',
    className: 'half',
    note: () => 'click to filter',
    async render(body, res) {
      if (!res.rows.length) { empty(body); return }
      const { axis, makeChart } = await loadCharts()
      const p = pivot(res.rows, 'installer', 'type', 'downloads')
      makeChart(chartBox(body, 260), () => ({
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        yAxis: { type: 'category', data: p.xs, ...axis(), triggerEvent: true },
        xAxis: { type: 'value', ...axis(), axisLabel: { ...axis().axisLabel as object, formatter: (v: number) => short(v) } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip },
        series: p.keys.map((k) => ({ name: k, type: 'bar', stack: 'all', data: p.values.get(k), cursor: 'pointer' })),
      }), {
        events: (chart) => chart.on('click', (e) => {
          if (e.componentType === 'yAxis') ctx.setFilters({ installer: str((e as { value?: unknown }).value) })
          else if (e.componentType === 'series') ctx.setFilters({ installer: str(e.name), type: str(e.seriesName) })
        }),
      })
    },
  }
}
