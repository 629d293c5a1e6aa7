// One widget card: title, "Open in Play" / "Download CSV" / "Download JSON" links, a loading
// skeleton, and its own error state (one failing widget does not break the page).

import { ApiError, fetchWidget, widgetUrl, type Params, type WidgetResponse } from './api'
import { disposeChartsIn } from './chart_loader'
import { clear, h } from './dom'

export interface WidgetSpec {
  /// The widget API name.
  name: string
  title: string
  /// Extra classes for the card (e.g. "wide").
  className?: string
  /// Skeleton height in pixels while loading.
  height?: number
  /// Draws the answer into the card's body.
  render: (body: HTMLElement, res: WidgetResponse) => void | Promise<void>
  /// Text shown beside the title once loaded (e.g. a total).
  note?: (res: WidgetResponse) => string
  /// Called with a failed request's error (e.g. the package page's unknown-package check).
  onError?: (e: ApiError) => void
}

export interface Widget {
  el: HTMLElement
  load: (params: Params) => void
  dispose: () => void
}

export function mountWidget(parent: HTMLElement, spec: WidgetSpec, params: Params): Widget {
  const note = h('span', { class: 'note' })
  const links = h('div', { class: 'widget-links' })
  const body = h('div', { class: 'widget-body' })
  const titleId = 'w-' + spec.name + '-' + Math.random().toString(36).slice(2, 8)
  const el = h('section', { class: 'card ' + (spec.className ?? ''), 'data-widget': spec.name, 'aria-labelledby': titleId },
    h('header', { class: 'card-head' }, h('h2', { id: titleId }, spec.title), note, links), body)
  parent.appendChild(el)
  let controller: AbortController | null = null

  function setLinks(res: WidgetResponse | null, p: Params): void {
    clear(links)
    if (res?.play) links.appendChild(h('a', { href: res.play, target: '_blank', rel: 'noopener', class: 'play-link', title: 'Open this query in Play' }, 'Play'))
    links.appendChild(h('a', { href: widgetUrl(spec.name, p, 'csv'), download: spec.name + '.csv', class: 'csv-link', title: 'Download CSV' }, 'CSV'))
    links.appendChild(h('a', { href: widgetUrl(spec.name, p, 'json'), download: spec.name + '.json', class: 'json-link', title: 'Download JSON' }, 'JSON'))
  }

  function load(p: Params): void {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    el.dataset.state = 'loading'
    el.setAttribute('aria-busy', 'true')
    disposeChartsIn(body)
    clear(body)
    note.textContent = ''
    body.appendChild(h('div', { class: 'skeleton', style: `height:${spec.height ?? 220}px` }))
    setLinks(null, p)
    fetchWidget(spec.name, p, mine.signal).then(async (res) => {
      if (mine.signal.aborted) return
      clear(body)
      setLinks(res, p)
      // Each load draws into its own view, so a stale render finishing late draws nowhere.
      const view = h('div', { class: 'widget-view' })
      body.appendChild(view)
      try {
        await spec.render(view, res)
        if (mine.signal.aborted) return
        note.textContent = spec.note?.(res) ?? ''
        el.dataset.state = 'ready'
      } catch (e) {
        if (mine.signal.aborted) return
        showError(String(e instanceof Error ? e.message : e), p)
      }
      el.removeAttribute('aria-busy')
    }, (e: unknown) => {
      if (mine.signal.aborted) return
      const err = e instanceof ApiError ? e : new ApiError(0, String(e instanceof Error ? e.message : e))
      showError(err.message, p)
      el.removeAttribute('aria-busy')
      spec.onError?.(err)
    })
  }

  function showError(message: string, p: Params): void {
    disposeChartsIn(body)
    clear(body)
    el.dataset.state = 'error'
    body.appendChild(h('div', { class: 'widget-error', role: 'alert' },
      h('p', {}, 'This widget could not load: ', h('span', { class: 'error-text' }, message)),
      h('button', { type: 'button', onclick: () => load(p) }, 'Retry')))
  }

  load(params)
  return {
    el,
    load,
    dispose: () => { controller?.abort(); disposeChartsIn(el); el.remove() },
  }
}

/// An empty-state line for widgets whose answer has no rows.
export function empty(body: HTMLElement, text = 'No downloads match these filters.'): void {
  body.appendChild(h('p', { class: 'empty' }, text))
}

/// A div that holds a chart, of a given height.
export function chartBox(body: HTMLElement, height = 260): HTMLElement {
  const box = h('div', { class: 'chart', style: `height:${height}px` })
  body.appendChild(box)
  return box
}
