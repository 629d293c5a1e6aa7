// Light and dark themes: the saved choice (localStorage), else the system's
// (prefers-color-scheme); index.html applies it before the first paint.

export type Theme = 'light' | 'dark'
const KEY = 'tally-theme'
const listeners: ((t: Theme) => void)[] = []

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'
}

export function onThemeChange(fn: (t: Theme) => void): void {
  listeners.push(fn)
}

function apply(t: Theme): void {
  if (t === currentTheme() && document.documentElement.dataset.theme) return
  document.documentElement.dataset.theme = t
  for (const fn of listeners) fn(t)
}

export function setupThemeToggle(button: HTMLButtonElement): void {
  const label = () => {
    const dark = currentTheme() === 'dark'
    button.textContent = dark ? '☀' : '☾'
    button.setAttribute('aria-pressed', String(dark))
    button.title = dark ? 'Switch to light theme' : 'Switch to dark theme'
  }
  let saved: string | null = null
  try { saved = localStorage.getItem(KEY) } catch { /* storage disabled */ }
  if (saved !== 'light' && saved !== 'dark')
    apply(matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')
  label()
  button.addEventListener('click', () => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark'
    try { localStorage.setItem(KEY, next) } catch { /* storage disabled */ }
    apply(next)
    label()
  })
  // Follow the system while the user has not chosen.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
    let chosen: string | null = null
    try { chosen = localStorage.getItem(KEY) } catch { /* storage disabled */ }
    if (chosen !== 'light' && chosen !== 'dark') { apply(e.matches ? 'dark' : 'light'); label() }
  })
}

/// A CSS custom property of the current theme (charts take their colours from the stylesheet).
export function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim()
}
