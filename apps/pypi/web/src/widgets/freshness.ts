// Data freshness: the newest loaded day, and a visible warning when it is stale.
import { num, str } from '../api'
import { h } from '../dom'
import { longDate } from '../format'
import type { WidgetSpec } from '../widget_frame'

export function freshness(): WidgetSpec {
  return {
    name: 'freshness',
    title: 'Data freshness',
    height: 40,
    render(body, res) {
      const r = res.rows[0]
      if (!r || !str(r.newest_day)) {
        body.appendChild(h('p', { class: 'warning', role: 'status' }, 'No downloads loaded yet.'))
        return
      }
      const stale = r.stale === true || r.stale === 1 || r.stale === 'true'
      const age = num(r.age_days)
      body.appendChild(h('p', { class: stale ? 'warning stale' : 'fresh', role: stale ? 'alert' : 'status' },
        stale ? '⚠ Stale data: ' : '', 'newest day loaded is ', h('strong', {}, longDate(str(r.newest_day))),
        ` (${age} day${age === 1 ? '' : 's'} ago)`, stale ? '. Downloads after it are missing.' : '.'))
    },
  }
}
