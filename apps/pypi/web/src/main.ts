// The single-page app's entry: picks the page for the URL and re-renders on navigation.
import './styles.css'
import { loadCharts } from './chart_loader'
import { clear } from './dom'
import { setRenderer } from './router'
import { setupThemeToggle } from './theme'
import { packageFromPath } from './url_state'
import { comparePage } from './pages/compare'
import { landingPage } from './pages/landing'
import { packagePage, type PackagePage } from './pages/package'
import { h } from './dom'

const main = document.getElementById('main') as HTMLElement
let current: { dispose: () => void; pkg?: PackagePage } | null = null
let lastPath = ''
let first = true

function render(): void {
  const path = location.pathname
  const pkg = packageFromPath(path)
  // Same package, other filters: only the widgets re-fetch.
  if (pkg && current?.pkg && current.pkg.pkg === pkg && lastPath === path) {
    current.pkg.update()
    return
  }
  current?.dispose()
  clear(main)
  lastPath = path
  // After a navigation, keyboard and screen-reader users start at the new page's content.
  if (!first) main.focus({ preventScroll: true })
  first = false
  if (pkg) {
    const page = packagePage(main, pkg)
    current = { dispose: page.dispose, pkg: page }
  } else if (path === '/compare' || path === '/compare/') {
    current = { dispose: comparePage(main) }
  } else if (path === '/' || path === '/dashboard' || path === '/dashboard/' || path === '/index.html') {
    current = { dispose: landingPage(main) }
  } else {
    current = null
    main.appendChild(h('section', { class: 'not-found', 'data-page': 'not-found' }, h('h1', {}, 'Page not found'),
      h('p', {}, h('a', { href: '/', 'data-nav': true }, 'Back to the landing page'))))
  }
}

// Start fetching ECharts now, in parallel with the page's API requests.
void loadCharts()
setupThemeToggle(document.getElementById('theme-toggle') as HTMLButtonElement)
setRenderer(render)
render()
