// The package page's filter controls: date range, CI, a picker for the other columns (values
// from the filter_values widget), and the active filters as removable chips.
import { fetchWidget, num, str } from './api'
import { clear, h } from './dom'
import { short } from './format'
import type { PackageContext } from './package_context'
import { CI_LABELS, FILTER_KEYS, FILTER_LABELS, filterParams, type FilterKey, type Filters } from './url_state'

const PICKABLE: FilterKey[] = ['version', 'country_code', 'type', 'python_minor', 'system', 'installer']

export function chipText(key: FilterKey, value: string): string {
  return `${FILTER_LABELS[key]}: ${key === 'ci' ? CI_LABELS[value] ?? value : value}`
}

export function filterBar(ctx: PackageContext, range: { min_date: string; max_date: string } | null): HTMLElement {
  const f = ctx.filters
  const dateInput = (key: 'min_date' | 'max_date') => {
    const input = h('input', { type: 'date', id: 'f-' + key, value: f[key] ?? '',
      min: range?.min_date ?? null, max: range?.max_date ?? null })
    input.addEventListener('change', () => ctx.setFilters({ [key]: input.value }))
    return h('label', { class: 'field' }, FILTER_LABELS[key] + ' ', input)
  }
  const ci = h('select', { id: 'f-ci' }, h('option', { value: '' }, 'all downloads'),
    ...Object.entries(CI_LABELS).map(([v, l]) => h('option', { value: v, selected: f.ci === v }, l)))
  ci.addEventListener('change', () => ctx.setFilters({ ci: ci.value }))

  const column = h('select', { id: 'f-column', 'aria-label': 'Filter column' },
    h('option', { value: '' }, 'Add a filter…'),
    ...PICKABLE.map((k) => h('option', { value: k }, FILTER_LABELS[k])))
  const value = h('select', { id: 'f-value', 'aria-label': 'Filter value', disabled: true },
    h('option', { value: '' }, '—'))
  column.addEventListener('change', async () => {
    const key = column.value as FilterKey | ''
    clear(value)
    value.disabled = true
    if (!key) { value.appendChild(h('option', { value: '' }, '—')); return }
    value.appendChild(h('option', { value: '' }, 'loading…'))
    const others: Filters = { ...f }
    delete others[key]
    try {
      const res = await fetchWidget('filter_values', { package: ctx.pkg, column: key, ...filterParams(others) })
      if (column.value !== key) return
      clear(value)
      value.appendChild(h('option', { value: '' }, `choose a ${FILTER_LABELS[key]}…`))
      for (const r of res.rows)
        value.appendChild(h('option', { value: str(r.value), selected: f[key] === str(r.value) },
          `${str(r.value) || '(empty)'} — ${short(num(r.downloads))}`))
      value.disabled = false
      value.dataset.column = key
    } catch (e) {
      clear(value)
      value.appendChild(h('option', { value: '' }, 'could not load: ' + String(e instanceof Error ? e.message : e)))
    }
  })
  value.addEventListener('change', () => {
    const key = value.dataset.column as FilterKey | undefined
    if (key && value.value !== '') ctx.setFilters({ [key]: value.value })
  })

  return h('div', { class: 'filters' },
    h('div', { class: 'filter-controls' }, dateInput('min_date'), dateInput('max_date'),
      h('label', { class: 'field' }, 'CI ', ci), column, value),
    chips(ctx))
}

function chips(ctx: PackageContext): HTMLElement {
  const active = FILTER_KEYS.filter((k) => ctx.filters[k])
  const list = h('ul', { class: 'chips', 'aria-label': 'Active filters' })
  for (const k of active) {
    const text = chipText(k, ctx.filters[k] ?? '')
    const chip = h('button', { type: 'button', class: 'chip', 'data-filter': k, 'aria-label': 'Remove filter ' + text,
      title: 'Remove filter' }, text, h('span', { 'aria-hidden': 'true', class: 'x' }, ' ×'))
    chip.addEventListener('click', () => ctx.setFilters({ [k]: '' }))
    chip.addEventListener('keydown', (e) => {
      if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); ctx.setFilters({ [k]: '' }) }
    })
    list.appendChild(h('li', {}, chip))
  }
  if (active.length > 1) {
    const all: Filters = {}
    for (const k of active) all[k] = ''
    list.appendChild(h('li', {}, h('button', { type: 'button', class: 'chip clear', onclick: () => ctx.setFilters(all) }, 'Clear all')))
  }
  if (!active.length) list.appendChild(h('li', { class: 'muted' }, 'No filters: every download of the package.'))
  return list
}
