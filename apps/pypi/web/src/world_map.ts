// The world map, loaded only when a page shows it: world-atlas's 1:110m countries (TopoJSON)
// converted to GeoJSON, each feature named by its ISO 3166-1 alpha-2 code (the data's
// country_code), registered with ECharts as "world".
import { MapChart } from 'echarts/charts'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { iso31661 } from 'iso-3166'
import topology from 'world-atlas/countries-110m.json'
import { echarts } from './charts'

echarts.use([MapChart])

const byNumeric = new Map(iso31661.map((c) => [c.numeric, c.alpha2]))
const extra: Record<string, string> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' }

const topo = topology as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
const geo = feature(topo, topo.objects.countries)
for (const f of geo.features) {
  const code = (f.id !== undefined ? byNumeric.get(String(f.id)) : undefined) ?? extra[f.properties?.name ?? '']
  f.properties = { name: code ?? f.properties?.name ?? '' }
}
// ECharts' own typing wants its GeoJSON type; the shapes are the same.
echarts.registerMap('world', geo as unknown as Parameters<typeof echarts.registerMap>[1])

export const WORLD = 'world'
