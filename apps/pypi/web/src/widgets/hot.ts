// Landing: the packages growing fastest month over month, a punch card (bubble size on a log
// scale); a click opens the package.
import { num, str } from '../api'
import { loadCharts } from '../chart_loader'
import { escapeHtml } from '../dom'
import { grouped, monthLabel, short } from '../format'
import { dashboardPath } from '../url_state'
import { navigate } from '../router'
import { chartBox, empty, type WidgetSpec } from '../widget_frame'
import { projectLinks } from './package_list'

export function hot(): WidgetSpec {
  return {
    name: 'hot',
    title: 'Hot packages',
    note: (res) => short(res.rows.reduce((s, r) => s + num(r.downloads), 0)) + ' downloads',
    async render(body, res) {
      if (!res.rows.length) { empty(body, 'No growth to show.'); return }
      const { axis, makeChart } = await loadCharts()
      const months = [...new Set(res.rows.map((r) => str(r.month)))].sort()
      const projects = [...new Set(res.rows.map((r) => str(r.project)))]
      const max = Math.max(1, ...res.rows.map((r) => num(r.downloads)))
      const data = res.rows.map((r) => [months.indexOf(str(r.month)), projects.indexOf(str(r.project)), num(r.downloads)])
      makeChart(chartBox(body, 240), () => ({
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: months.map(monthLabel), ...axis(), boundaryGap: true },
        yAxis: { type: 'category', data: projects, ...axis() },
        tooltip: { formatter: (p: { value: number[] }) =>
          `${escapeHtml(projects[p.value[1]])}, ${escapeHtml(monthLabel(months[p.value[0]]))}: <b>${grouped(p.value[2])}</b>` },
        series: [{ type: 'scatter', data, cursor: 'pointer',
          symbolSize: (v: number[]) => 4 + 28 * Math.log1p(v[2]) / Math.log1p(max) }],
      }), { events: (chart) => chart.on('click', (p) => navigate(dashboardPath(projects[(p.value as number[])[1]]))) })
      body.appendChild(projectLinks(projects))
    },
  }
}
