import { signal } from '@preact/signals'
import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api, call } from '../api.js'

// The bell in the header: a link to the Meldingen page with the number of unread meldingen as
// text (never colour alone); its name says it in words ("Meldingen 2 ongelezen"). The number is fetched on every page change and every POLL_MS while
// the tab is visible; when it rises, a polite live region says so once, for screen readers.

// Every 1.5 s: a new melding must show within 2 s of its event (issue 16). The count is one read on
// an index (melding_ongelezen_idx), as cheap as GET /api/sessie; a hidden tab does not ask.
const POLL_MS = 1500

/** The unread count (read it here; set it with setOngelezen). */
export const ongelezen = signal<number | undefined>(undefined)

// Counts the Meldingen page's own updates: a poll that was asked before the last of them answers
// an older state ("1" just after "Alles gelezen" made it 0) and must not overwrite it.
let lokaleVersie = 0

/** The Meldingen page's count after it marked meldingen read or loaded the list. */
export function setOngelezen(n: number) {
  lokaleVersie++
  ongelezen.value = n
}

export const ongelezenTekst = (n: number) => (n === 0 ? 'geen ongelezen' : n === 1 ? '1 ongelezen' : `${n} ongelezen`)

export function MeldingenBel() {
  const { path } = useLocation()
  const [aankondiging, setAankondiging] = useState('')
  const vorige = useRef<number | undefined>(undefined)

  useEffect(() => {
    let stopped = false
    const refresh = async () => {
      if (document.visibilityState === 'hidden') return
      try {
        const gevraagd = lokaleVersie
        const { ongelezen: n } = await call(api.meldingen.ongelezen.$get())
        if (!stopped && gevraagd === lokaleVersie) ongelezen.value = n
      } catch {
        // the next poll tries again; a 401 already sent the user to the login page
      }
    }
    void refresh()
    const timer = setInterval(() => void refresh(), POLL_MS)
    document.addEventListener('visibilitychange', refresh)
    return () => {
      stopped = true
      clearInterval(timer)
      document.removeEventListener('visibilitychange', refresh)
    }
  }, [path])

  const n = ongelezen.value
  useEffect(() => {
    if (n !== undefined && vorige.current !== undefined && n > vorige.current) {
      const nieuw = n - vorige.current
      setAankondiging(nieuw === 1 ? 'U heeft een nieuwe melding.' : `U heeft ${nieuw} nieuwe meldingen.`)
    }
    vorige.current = n
  }, [n])

  return (
    <>
      <a class="pp-bel" href="/meldingen" aria-current={path === '/meldingen' ? 'page' : undefined} data-testid="meldingen-bel">
        <svg aria-hidden="true" class="pp-bel__icoon" viewBox="0 0 24 24" width="20" height="20" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        <span>Meldingen</span>
        {n !== undefined && n > 0 && (
          <>
            {' '}
            <span class="pp-bel__aantal">{n}</span>
            <span class="pp-visually-hidden"> ongelezen</span>
          </>
        )}
      </a>
      <span class="pp-visually-hidden" aria-live="polite" role="status">
        {aankondiging}
      </span>
    </>
  )
}
