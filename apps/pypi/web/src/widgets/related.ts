// Package page: dependents (packages requiring this one) and dependencies, with downloads.
import { num, str } from '../api'
import { h } from '../dom'
import { grouped } from '../format'
import { dashboardPath } from '../url_state'
import { empty, type WidgetSpec } from '../widget_frame'

function table(name: 'dependents' | 'dependencies', title: string): WidgetSpec {
  return {
    name,
    title,
    className: 'half',
    height: 160,
    render(body, res) {
      if (!res.rows.length) { empty(body, name === 'dependents' ? 'No known dependents.' : 'No known dependencies.'); return }
      body.appendChild(h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Package'), h('th', { scope: 'col', class: 'num' }, 'Downloads'))),
        h('tbody', {}, ...res.rows.map((r) => h('tr', {},
          h('td', {}, h('a', { href: dashboardPath(str(r.project)), 'data-nav': true }, str(r.project))),
          h('td', { class: 'num' }, grouped(num(r.downloads))))))))
    },
  }
}

export const dependents = () => table('dependents', 'Dependents')
export const dependencies = () => table('dependencies', 'Dependencies')
