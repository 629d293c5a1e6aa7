// What the package page's widgets share: the package, its current filters, and how to change them.
import type { Filters } from './url_state'

export interface PackageContext {
  pkg: string
  filters: Filters
  /// Merges `patch` into the filters (an empty string or undefined removes one), pushes the URL
  /// and re-fetches every widget.
  setFilters: (patch: Filters) => void
}
