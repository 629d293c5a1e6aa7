// Package page header: name, summary, author, license, home page, latest version.
import { str } from '../api'
import { h } from '../dom'
import { longDate } from '../format'
import { empty, type WidgetSpec } from '../widget_frame'

/// Only http(s) links from metadata become hrefs (no javascript: URLs).
function safeUrl(url: string): string | null {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch { return null }
}

export function packageDetails(): WidgetSpec {
  return {
    name: 'package_details',
    title: 'About',
    height: 100,
    className: 'details',
    render(body, res) {
      const r = res.rows[0]
      if (!r) { empty(body, 'No metadata loaded for this package.'); return }
      const home = safeUrl(str(r.home_page))
      const dl = h('dl', { class: 'meta' })
      const item = (k: string, v: Node | string) => { if (v !== '') dl.append(h('dt', {}, k), h('dd', {}, v)) }
      body.appendChild(h('p', { class: 'summary' }, str(r.summary)))
      item('Latest version', str(r.version))
      item('Author', [str(r.author), str(r.author_email)].filter(Boolean).join(' · '))
      item('License', str(r.license))
      item('Requires Python', str(r.requires_python))
      item('Last upload', str(r.last_upload) ? longDate(str(r.last_upload)) : '')
      if (home) item('Home page', h('a', { href: home, rel: 'noopener noreferrer nofollow' }, str(r.home_page)))
      body.appendChild(dl)
    },
  }
}
