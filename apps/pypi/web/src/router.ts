// Client-side navigation: history.pushState plus one render callback; links marked data-nav
// and plain same-origin app links are handled without reloading the page.

type Render = () => void
let render: Render = () => {}

export function setRenderer(fn: Render): void {
  render = fn
  window.addEventListener('popstate', () => render())
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    const a = (e.target as Element | null)?.closest?.('a')
    if (!a || !a.hasAttribute('data-nav') || a.target) return
    const url = new URL(a.href, location.href)
    if (url.origin !== location.origin) return
    e.preventDefault()
    navigate(url.pathname + url.search)
  })
}

export function navigate(url: string, replace = false): void {
  if (url === location.pathname + location.search) return
  if (replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  render()
  window.scrollTo(0, 0)
}

/// Changes only the query string (filters): the page re-fetches its widgets.
export function updateQuery(search: string): void {
  const url = location.pathname + search
  if (url === location.pathname + location.search) return
  history.pushState(null, '', url)
  render()
}
