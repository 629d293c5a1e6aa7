// Package page: downloads in the last day, week and month of the range, and the range's total.
import { num } from '../api'
import { h } from '../dom'
import { grouped, short } from '../format'
import type { WidgetSpec } from '../widget_frame'

export function downloadsByPeriod(): WidgetSpec {
  return {
    name: 'downloads_by_period',
    title: 'Downloads by period',
    height: 70,
    className: 'wide',
    render(body, res) {
      const r = res.rows[0] ?? {}
      const tile = (key: string, label: string) => h('div', { class: 'tile', 'data-key': key },
        h('span', { class: 'tile-label' }, label),
        h('strong', { class: 'tile-value', title: grouped(num(r[key])), 'data-value': num(r[key]) }, short(num(r[key]))))
      body.appendChild(h('div', { class: 'tiles' }, tile('last_day', 'Last day'), tile('last_week', 'Last week'),
        tile('last_month', 'Last month'), tile('total', 'Total')))
    },
  }
}
