// The package page /dashboard/<package>: details, rank, filters and every breakdown. Changing a
// filter pushes the URL and re-fetches the widgets; an unknown package gets the 404 page.
import { ApiError, fetchWidget, str, type Params } from '../api'
import { clear, h } from '../dom'
import { navigate, updateQuery } from '../router'
import { searchBox } from '../search_box'
import { filterBar } from '../filter_bar'
import type { PackageContext } from '../package_context'
import { comparePath, dashboardPath, filterParams, filtersToQuery, readFilters, type Filters } from '../url_state'
import { mountWidget, type Widget, type WidgetSpec } from '../widget_frame'
import { countries } from '../widgets/countries'
import { downloadsByPeriod } from '../widgets/downloads_by_period'
import { downloadsOverTime } from '../widgets/downloads_over_time'
import { fileTypesByInstaller } from '../widgets/file_types_by_installer'
import { packageDetails } from '../widgets/package_details'
import { pythonOverTime, systemOverTime } from '../widgets/breakdown_over_time'
import { rank } from '../widgets/rank'
import { dependencies, dependents } from '../widgets/related'
import { topVersions } from '../widgets/top_versions'
import { notFoundPage } from './not_found'

export interface PackagePage {
  pkg: string
  /// Re-reads the filters from the URL and re-fetches the widgets.
  update: () => void
  dispose: () => void
}

export function packagePage(main: HTMLElement, pkg: string): PackagePage {
  document.title = `${pkg} - PyPI downloads - tally`
  const ctx: PackageContext = {
    pkg,
    filters: readFilters(),
    setFilters(patch: Filters) {
      const next: Filters = { ...ctx.filters }
      for (const [k, v] of Object.entries(patch) as [keyof Filters, string | undefined][]) {
        if (v === undefined || v === '') delete next[k]
        else next[k] = v
      }
      updateQuery(filtersToQuery(next))
    },
  }
  let range: { min_date: string; max_date: string } | null = null
  let gone = false
  const params = (): Params => ({ package: pkg, ...filterParams(ctx.filters) })

  const head = h('div', { class: 'package-head' },
    h('h1', {}, h('a', { href: dashboardPath(pkg), 'data-nav': true }, pkg), h('span', { class: 'muted' }, ' downloads')),
    h('div', { class: 'head-actions' },
      searchBox((p) => navigate(dashboardPath(p)), { placeholder: 'Another package…', label: 'Search another package' }),
      h('a', { href: comparePath([pkg]), 'data-nav': true, class: 'button compare-link' }, 'Compare with…')))
  const top = h('div', { class: 'grid top' })
  const filterSlot = h('div', { class: 'filter-slot' })
  const grid = h('div', { class: 'grid' })
  main.append(head, top, filterSlot, grid)

  const onError = (e: ApiError) => {
    if (e.status === 404 && /unknown package/i.test(e.message)) showNotFound(e)
  }
  const withErr = (s: WidgetSpec): WidgetSpec => ({ ...s, onError })
  const fixed: Widget[] = [mountWidget(top, withErr(packageDetails()), { package: pkg })]
  const filtered: Widget[] = []
  const specs = [rank(), downloadsByPeriod(), downloadsOverTime(ctx), topVersions(ctx), countries(ctx),
    pythonOverTime(ctx), systemOverTime(ctx), fileTypesByInstaller(ctx), dependents(), dependencies()]
  filtered.push(mountWidget(top, withErr(specs[0]), params()))
  for (const s of specs.slice(1)) filtered.push(mountWidget(grid, withErr(s), params()))
  renderFilters()

  fetchWidget('date_range', { package: pkg }).then((res) => {
    const r = res.rows[0]
    if (r && str(r.min_date)) range = { min_date: str(r.min_date), max_date: str(r.max_date) }
    if (!gone) renderFilters()
  }, (e: unknown) => { if (e instanceof ApiError) onError(e) })

  function renderFilters(): void {
    clear(filterSlot)
    filterSlot.appendChild(filterBar(ctx, range))
  }

  function showNotFound(e: ApiError): void {
    if (gone) return
    dispose()
    clear(main)
    notFoundPage(main, pkg, e.message, e.suggestions)
  }

  function dispose(): void {
    gone = true
    for (const w of [...fixed, ...filtered]) w.dispose()
  }

  return {
    pkg,
    update() {
      ctx.filters = readFilters()
      // Keep keyboard focus in the filter bar when a chip removed itself.
      const hadFocus = filterSlot.contains(document.activeElement)
      renderFilters()
      if (hadFocus) (filterSlot.querySelector<HTMLElement>('.chip') ?? filterSlot.querySelector<HTMLElement>('#f-column'))?.focus()
      for (const w of filtered) w.load(params())
    },
    dispose,
  }
}
