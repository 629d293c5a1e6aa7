// Package page: rank among all packages, with a medal for the top 1/10/25%.
import { num } from '../api'
import { h } from '../dom'
import { grouped } from '../format'
import type { WidgetSpec } from '../widget_frame'

export function medal(percentile: number): { cls: string; text: string } | null {
  if (percentile <= 1) return { cls: 'gold', text: 'TOP 1%' }
  if (percentile <= 10) return { cls: 'silver', text: 'TOP 10%' }
  if (percentile <= 25) return { cls: 'bronze', text: 'TOP 25%' }
  return null
}

export function rank(): WidgetSpec {
  return {
    name: 'rank',
    title: 'Rank',
    height: 60,
    render(body, res) {
      const r = res.rows[0]
      if (!r || !num(r.rank)) { body.appendChild(h('p', { class: 'empty' }, 'Not ranked: no downloads in this range.')); return }
      const m = medal(num(r.percentile))
      body.appendChild(h('p', { class: 'rank' }, h('strong', { class: 'big' }, '#' + grouped(num(r.rank))),
        ` of ${grouped(num(r.packages))} packages `,
        m ? h('span', { class: 'medal ' + m.cls }, m.text) : null))
    },
  }
}
