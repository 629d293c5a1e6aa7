// The landing page: totals, search, top/emerging/stable/hot packages, recent releases,
// package-manager trends and data freshness.
import { h } from '../dom'
import { navigate } from '../router'
import { searchBox } from '../search_box'
import { dashboardPath } from '../url_state'
import { mountWidget, type Widget } from '../widget_frame'
import { emerging, stable } from '../widgets/package_list'
import { freshness } from '../widgets/freshness'
import { hot } from '../widgets/hot'
import { installerTrends } from '../widgets/installer_trends'
import { recentReleases } from '../widgets/recent_releases'
import { topPackages } from '../widgets/top_packages'
import { totals } from '../widgets/totals'

export function landingPage(main: HTMLElement): () => void {
  document.title = 'PyPI downloads - tally'
  const hero = h('div', { class: 'hero' })
  const grid = h('div', { class: 'grid' })
  main.append(h('h1', { class: 'visually-hidden' }, 'PyPI downloads'), hero, grid)
  const widgets: Widget[] = [mountWidget(hero, totals(), {}), mountWidget(hero, freshness(), {})]
  hero.appendChild(searchBox((p) => navigate(dashboardPath(p)), { placeholder: 'Search a Python package…', label: 'Search packages' }))
  for (const spec of [topPackages(), recentReleases(), emerging(), stable(), hot(), installerTrends()])
    widgets.push(mountWidget(grid, spec, spec.name === 'top_packages' ? { limit: '5' } : {}))
  return () => widgets.forEach((w) => w.dispose())
}
