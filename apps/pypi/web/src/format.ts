// Number and date formatting for labels.

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })
const full = new Intl.NumberFormat('en')

/// 1234567 → "1.2M".
export function short(n: number): string {
  return compact.format(n)
}

/// 1234567 → "1,234,567".
export function grouped(n: number): string {
  return full.format(n)
}

/// "2025-03-01" → "1 Mar 2025".
export function longDate(iso: string): string {
  const d = parseDate(iso)
  if (!d) return iso
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
}

/// "2025-03-01" → "Mar 2025".
export function monthLabel(iso: string): string {
  const d = parseDate(iso)
  if (!d) return iso
  return d.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
}

export function parseDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return null
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}

export function addDays(iso: string, days: number): string {
  const d = parseDate(iso)
  if (!d) return iso
  d.setUTCDate(d.getUTCDate() + days)
  return isoDate(d)
}
