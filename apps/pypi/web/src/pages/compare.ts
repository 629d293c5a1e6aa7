// /compare?packages=a,b,c: up to 5 packages' downloads over time on one chart, with totals.
// Packages are added with the search box and removed with their chips.
import { num, str } from '../api'
import { loadCharts } from '../chart_loader'
import { h } from '../dom'
import { grouped, short } from '../format'
import { pivot } from '../pivot'
import { navigate } from '../router'
import { searchBox } from '../search_box'
import { comparePackages, comparePath, dashboardPath } from '../url_state'
import { chartBox, empty, mountWidget, type Widget } from '../widget_frame'
import { axisTooltip } from '../widgets/installer_trends'

export const MAX_COMPARED = 5

export function comparePage(main: HTMLElement): () => void {
  const packages = comparePackages()
  document.title = `Compare ${packages.join(', ') || 'packages'} - PyPI downloads - tally`
  const chips = h('ul', { class: 'chips', 'aria-label': 'Compared packages' }, ...packages.map((p) => h('li', {},
    h('button', { type: 'button', class: 'chip', 'data-package': p, 'aria-label': 'Remove ' + p,
      onclick: () => navigate(comparePath(packages.filter((q) => q !== p))) }, p, h('span', { 'aria-hidden': 'true', class: 'x' }, ' ×')))))
  const add = packages.length < MAX_COMPARED
    ? searchBox((p) => { if (!packages.includes(p)) navigate(comparePath([...packages, p])) },
      { placeholder: 'Add a package to compare…', label: 'Add a package to compare' })
    : h('p', { class: 'muted' }, `At most ${MAX_COMPARED} packages: remove one to add another.`)
  const grid = h('div', { class: 'grid' })
  main.append(h('h1', {}, 'Compare packages'), h('div', { class: 'compare-controls' }, chips, add), grid)
  if (!packages.length) {
    grid.appendChild(h('p', { class: 'empty' }, 'Add packages with the search box.'))
    return () => {}
  }
  const widgets: Widget[] = [mountWidget(grid, {
    name: 'compare_over_time',
    title: 'Downloads over time',
    className: 'wide',
    async render(body, res) {
      if (!res.rows.length) { empty(body); return }
      const { axis, makeChart } = await loadCharts()
      const p = pivot(res.rows, 'x', 'project', 'downloads')
      makeChart(chartBox(body, 320), () => ({
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: p.xs, ...axis(), boundaryGap: false },
        yAxis: { type: 'value', ...axis(), axisLabel: { ...axis().axisLabel as object, formatter: (v: number) => short(v) } },
        tooltip: { trigger: 'axis', formatter: axisTooltip },
        series: p.keys.map((k) => ({ name: k, type: 'line', symbol: 'none', data: p.values.get(k) })),
      }))
      const totals = new Map<string, number>()
      for (const r of res.rows) totals.set(str(r.project), (totals.get(str(r.project)) ?? 0) + num(r.downloads))
      const all = [...totals.values()].reduce((a, b) => a + b, 0) || 1
      body.appendChild(h('table', { class: 'data compare-totals' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Package'), h('th', { scope: 'col', class: 'num' }, 'Downloads'),
          h('th', { scope: 'col', class: 'num' }, 'Share'))),
        h('tbody', {}, ...packages.map((pkg) => h('tr', { 'data-package': pkg },
          h('td', {}, h('a', { href: dashboardPath(pkg), 'data-nav': true }, pkg)),
          h('td', { class: 'num', 'data-value': totals.get(pkg) ?? 0 }, grouped(totals.get(pkg) ?? 0)),
          h('td', { class: 'num' }, (100 * (totals.get(pkg) ?? 0) / all).toFixed(1) + '%'))))))
    },
  }, { packages: packages.join(',') })]
  return () => widgets.forEach((w) => w.dispose())
}
