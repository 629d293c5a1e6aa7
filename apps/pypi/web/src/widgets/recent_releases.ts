// Landing: versions released per month by the top packages, a heat map; a click opens the package.
import { num, str } from '../api'
import { loadCharts } from '../chart_loader'
import { escapeHtml } from '../dom'
import { monthLabel } from '../format'
import { cssVar } from '../theme'
import { dashboardPath } from '../url_state'
import { navigate } from '../router'
import { chartBox, empty, type WidgetSpec } from '../widget_frame'
import { projectLinks } from './package_list'

export function recentReleases(): WidgetSpec {
  return {
    name: 'recent_releases',
    title: 'Recent releases of popular packages',
    async render(body, res) {
      if (!res.rows.length) { empty(body, 'No releases in the last 6 months.'); return }
      const { axis, makeChart } = await loadCharts()
      const months = [...new Set(res.rows.map((r) => str(r.month)))].sort()
      const projects = [...new Set(res.rows.map((r) => str(r.project)))]
      const data = res.rows.map((r) => [months.indexOf(str(r.month)), projects.indexOf(str(r.project)), num(r.versions)])
      const max = Math.max(1, ...res.rows.map((r) => num(r.versions)))
      makeChart(chartBox(body, 240), () => ({
        grid: { left: 8, right: 8, top: 8, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: months.map(monthLabel), ...axis(), splitArea: { show: false } },
        yAxis: { type: 'category', data: projects, ...axis() },
        visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80,
          textStyle: { color: cssVar('--muted') }, inRange: { color: [cssVar('--heat-low'), cssVar('--accent')] } },
        tooltip: { formatter: (p: { value: number[] }) =>
          `${escapeHtml(projects[p.value[1]])}, ${escapeHtml(monthLabel(months[p.value[0]]))}: <b>${p.value[2]}</b> version(s)` },
        series: [{ type: 'heatmap', data, label: { show: true, color: cssVar('--text') }, cursor: 'pointer' }],
      }), { events: (chart) => chart.on('click', (p) => navigate(dashboardPath(projects[(p.value as number[])[1]]))) })
      body.appendChild(projectLinks(projects))
    },
  }
}
