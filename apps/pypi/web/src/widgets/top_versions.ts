// Package page: the most downloaded versions, a donut; a click sets the version filter.
import { num, str } from '../api'
import { loadCharts } from '../chart_loader'
import { escapeHtml, h } from '../dom'
import { grouped } from '../format'
import type { PackageContext } from '../package_context'
import { cssVar } from '../theme'
import { chartBox, empty, type WidgetSpec } from '../widget_frame'

export function topVersions(ctx: PackageContext): WidgetSpec {
  return {
    name: 'top_versions',
    title: 'Top versions',
    note: () => 'click a slice to filter',
    async render(body, res) {
      if (!res.rows.length) { empty(body); return }
      const { makeChart } = await loadCharts()
      const data = res.rows.map((r) => ({ name: str(r.version), value: num(r.downloads),
        selected: ctx.filters.version === str(r.version) }))
      makeChart(chartBox(body, 260), () => ({
        tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) =>
          `${escapeHtml(p.name)}: <b>${grouped(p.value)}</b> (${p.percent}%)` },
        legend: { show: false },
        series: [{ type: 'pie', radius: ['40%', '70%'], data, cursor: 'pointer', selectedMode: 'single',
          label: { color: cssVar('--text') }, itemStyle: { borderColor: cssVar('--surface'), borderWidth: 2 } }],
      }), { events: (chart) => chart.on('click', (p) => { if (p.name) ctx.setFilters({ version: p.name }) }) })
      body.appendChild(h('ul', { class: 'inline-list' }, ...res.rows.map((r) =>
        h('li', {}, h('button', { type: 'button', class: 'linkish', 'data-version': str(r.version),
          onclick: () => ctx.setFilters({ version: str(r.version) }) }, str(r.version))))))
    },
  }
}
