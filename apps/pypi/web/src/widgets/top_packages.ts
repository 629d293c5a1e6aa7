// Landing: the most downloaded packages, a horizontal bar chart; a click opens the package.
import { num, str } from '../api'
import { loadCharts } from '../chart_loader'
import { escapeHtml, h } from '../dom'
import { grouped, short } from '../format'
import { dashboardPath } from '../url_state'
import { navigate } from '../router'
import { chartBox, type WidgetSpec } from '../widget_frame'

export function topPackages(): WidgetSpec {
  return {
    name: 'top_packages',
    title: 'Top packages',
    note: (res) => short(res.rows.reduce((s, r) => s + num(r.downloads), 0)) + ' downloads',
    async render(body, res) {
      const { axis, makeChart } = await loadCharts()
      const rows = [...res.rows].reverse()
      makeChart(chartBox(body, 240), () => ({
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', ...axis(), axisLabel: { ...axis().axisLabel as object, formatter: (v: number) => short(v) } },
        yAxis: { type: 'category', data: rows.map((r) => str(r.project)), ...axis(), triggerEvent: true },
        tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) =>
          `${escapeHtml(p.name)}: <b>${grouped(p.value)}</b>` },
        series: [{ type: 'bar', data: rows.map((r) => num(r.downloads)), cursor: 'pointer' }],
      }), {
        events: (chart) => chart.on('click', (p) => {
          const name = (p as { name?: string; value?: unknown }).name ?? String((p as { value?: unknown }).value)
          navigate(dashboardPath(name))
        }),
      })
      // The same packages as links, for keyboards and screen readers.
      body.appendChild(h('ol', { class: 'link-list' }, ...res.rows.map((r) =>
        h('li', {}, h('a', { href: dashboardPath(str(r.project)), 'data-nav': true }, str(r.project)), ' ',
          h('span', { class: 'muted' }, short(num(r.downloads)))))))
    },
  }
}
