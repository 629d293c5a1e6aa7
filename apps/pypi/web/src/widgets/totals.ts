// Landing headline: how many packages and downloads the data holds.
import { num } from '../api'
import { h } from '../dom'
import { grouped, short } from '../format'
import type { WidgetSpec } from '../widget_frame'

export function totals(): WidgetSpec {
  return {
    name: 'totals',
    title: 'PyPI at a glance',
    height: 60,
    className: 'totals',
    render(body, res) {
      const r = res.rows[0] ?? {}
      body.appendChild(h('p', { class: 'headline' },
        'Browse ', h('strong', { 'data-value': num(r.packages), title: grouped(num(r.packages)) }, grouped(num(r.packages))),
        ' Python packages and ', h('strong', { 'data-value': num(r.downloads), title: grouped(num(r.downloads)) }, short(num(r.downloads))),
        ' downloads.'))
    },
  }
}
