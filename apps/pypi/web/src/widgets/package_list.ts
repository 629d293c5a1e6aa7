// Landing lists: emerging packages (first download in the last 3 months) and stable packages
// (popular, not updated in 6 months).
import { num, str, type Row } from '../api'
import { h } from '../dom'
import { longDate, short } from '../format'
import { dashboardPath } from '../url_state'
import { empty, type WidgetSpec } from '../widget_frame'

function list(body: HTMLElement, rows: Row[], detail: (r: Row) => string): void {
  if (!rows.length) { empty(body, 'None.'); return }
  body.appendChild(h('ol', { class: 'package-list' }, ...rows.map((r) =>
    h('li', {}, h('a', { href: dashboardPath(str(r.project)), 'data-nav': true }, str(r.project)),
      h('span', { class: 'muted' }, detail(r))))))
}

export function emerging(): WidgetSpec {
  return {
    name: 'emerging',
    title: 'Emerging packages',
    height: 200,
    render: (body, res) => list(body, res.rows, (r) =>
      `${short(num(r.downloads))} downloads since ${longDate(str(r.first_date))}`),
  }
}

export function stable(): WidgetSpec {
  return {
    name: 'stable',
    title: 'Stable packages (no release in 6 months)',
    height: 200,
    render: (body, res) => list(body, res.rows, (r) =>
      `${short(num(r.downloads))} downloads, last updated ${longDate(str(r.last_update))}`),
  }
}

/// The packages a chart shows, as links (keyboard and screen-reader access to the chart's clicks).
export function projectLinks(projects: string[]): HTMLElement {
  return h('ul', { class: 'inline-list' }, ...projects.map((p) =>
    h('li', {}, h('a', { href: dashboardPath(p), 'data-nav': true }, p))))
}
