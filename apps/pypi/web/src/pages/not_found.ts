// The page for an unknown package: the server's suggestions, and a search box.
import { h } from '../dom'
import { navigate } from '../router'
import { searchBox } from '../search_box'
import { dashboardPath } from '../url_state'

export function notFoundPage(main: HTMLElement, pkg: string, message: string, suggestions: string[]): void {
  document.title = 'Unknown package - PyPI downloads - tally'
  main.append(h('section', { class: 'not-found', 'data-page': 'not-found' },
    h('h1', {}, 'No package named ', h('code', {}, pkg)),
    h('p', { class: 'muted' }, message),
    suggestions.length ? h('div', {}, h('p', {}, 'Did you mean:'),
      h('ul', { class: 'suggestion-links' }, ...suggestions.map((s) =>
        h('li', {}, h('a', { href: dashboardPath(s), 'data-nav': true }, s))))) : h('p', {}, 'No similar package found.'),
    searchBox((p) => navigate(dashboardPath(p)), { placeholder: 'Search another package…' })))
}
