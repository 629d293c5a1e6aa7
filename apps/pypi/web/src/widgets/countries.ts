// Package page: downloads by country on a world map (colour by √downloads); a click sets the
// country filter. The map's shapes are a separate chunk, loaded when this widget renders.
import { num, str } from '../api'
import { loadCharts } from '../chart_loader'
import { escapeHtml, h } from '../dom'
import { grouped } from '../format'
import type { PackageContext } from '../package_context'
import { cssVar } from '../theme'
import { chartBox, empty, type WidgetSpec } from '../widget_frame'

export function countries(ctx: PackageContext): WidgetSpec {
  return {
    name: 'countries',
    title: 'Downloads by country',
    className: 'half',
    note: () => 'click a country to filter',
    async render(body, res) {
      const { makeChart } = await loadCharts()
      const rows = res.rows.filter((r) => num(r.downloads) > 0)
      if (!rows.length) { empty(body); return }
      const box = chartBox(body, 300)
      const names = new Map(res.rows.map((r) => [str(r.country_code), str(r.name) || str(r.country_code)]))
      const max = Math.max(1, ...rows.map((r) => Math.sqrt(num(r.downloads))))
      const status = h('p', { class: 'muted small' }, 'Loading map…')
      body.appendChild(status)
      import('../world_map').then(({ WORLD }) => {
        status.remove()
        if (!box.isConnected) return
        makeChart(box, () => ({
          tooltip: { trigger: 'item', formatter: (p: { name: string; data?: { downloads: number } }) =>
            `${escapeHtml(names.get(p.name) ?? p.name)}: <b>${grouped(p.data?.downloads ?? 0)}</b>` },
          visualMap: { min: 0, max, show: false, inRange: { color: [cssVar('--heat-low'), cssVar('--accent')] } },
          series: [{ type: 'map', map: WORLD, roam: true, cursor: 'pointer', selectedMode: 'single',
            itemStyle: { areaColor: cssVar('--map-empty'), borderColor: cssVar('--surface'), borderWidth: 0.5 },
            emphasis: { label: { show: false }, itemStyle: { areaColor: cssVar('--warn') } },
            select: { label: { show: false }, itemStyle: { areaColor: cssVar('--warn') } },
            data: rows.map((r) => ({ name: str(r.country_code), value: Math.sqrt(num(r.downloads)),
              downloads: num(r.downloads), selected: ctx.filters.country_code === str(r.country_code) })) }],
        }), { events: (chart) => chart.on('click', (p) => { if (p.name && names.has(p.name)) ctx.setFilters({ country_code: p.name }) }) })
      }, (e: unknown) => { status.textContent = 'The map could not load: ' + String(e) })
      // The top countries as buttons too (keyboard and screen readers).
      const top = [...rows].sort((a, b) => num(b.downloads) - num(a.downloads)).slice(0, 8)
      body.appendChild(h('ul', { class: 'inline-list' }, ...top.map((r) => h('li', {},
        h('button', { type: 'button', class: 'linkish', 'data-country': str(r.country_code),
          onclick: () => ctx.setFilters({ country_code: str(r.country_code) }) },
        `${names.get(str(r.country_code))} ${grouped(num(r.downloads))}`)))))
    },
  }
}
