// Package search with autocomplete (the `search` widget, debounced): arrow keys move through
// the suggestions (wrapping), Enter picks the highlighted one or, with none highlighted, the
// typed name; Escape closes. Built as an ARIA combobox.

import { fetchWidget, num, str } from './api'
import { clear, debounce, h } from './dom'
import { short } from './format'

/// PEP 503 normalization, as the server stores names.
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-')
}

let counter = 0

export function searchBox(onPick: (project: string) => void,
  opts: { placeholder?: string; label?: string; autofocus?: boolean } = {}): HTMLElement {
  const id = 'search-' + ++counter
  const listId = id + '-list'
  const input = h('input', {
    id, type: 'search', class: 'search-input', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    placeholder: opts.placeholder ?? 'Search a package…', autofocus: opts.autofocus ?? false,
  })
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: true })
  const label = h('label', { for: id, class: 'visually-hidden' }, opts.label ?? 'Search packages')
  const root = h('div', { class: 'search' }, label, input, list)
  let items: string[] = []
  let active = -1
  let seq = 0

  function close(): void {
    list.hidden = true
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
    active = -1
  }

  function highlight(i: number): void {
    active = i
    list.querySelectorAll('li').forEach((li, j) => li.setAttribute('aria-selected', String(j === i)))
    if (i >= 0) input.setAttribute('aria-activedescendant', listId + '-' + i)
    else input.removeAttribute('aria-activedescendant')
  }

  function pick(project: string): void {
    close()
    input.value = ''
    items = []
    onPick(project)
  }

  const lookup = debounce(async (q: string) => {
    const mine = ++seq
    if (!q) { close(); return }
    try {
      const res = await fetchWidget('search', { q })
      if (mine !== seq) return
      items = res.rows.map((r) => str(r.project))
      clear(list)
      res.rows.forEach((r, i) => {
        const li = h('li', { id: listId + '-' + i, role: 'option', 'aria-selected': 'false', 'data-project': str(r.project) },
          h('span', { class: 'name' }, str(r.project)), h('span', { class: 'count' }, short(num(r.downloads))))
        li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(str(r.project)) })
        li.addEventListener('mousemove', () => { if (active !== i) highlight(i) })
        list.appendChild(li)
      })
      if (!items.length) list.appendChild(h('li', { class: 'none', role: 'presentation' }, 'No package starts with that'))
      list.hidden = false
      input.setAttribute('aria-expanded', 'true')
      active = -1
    } catch {
      if (mine === seq) close()
    }
  }, 200)

  input.addEventListener('input', () => lookup(normalizeName(input.value)))
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (list.hidden || !items.length) return
      const n = items.length
      highlight(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const chosen = active >= 0 && active < items.length ? items[active] : normalizeName(input.value)
      if (chosen) pick(chosen)
    } else if (e.key === 'Escape') {
      close()
    }
  })
  input.addEventListener('blur', () => setTimeout(close, 100))
  return root
}
