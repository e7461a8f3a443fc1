import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api, call, ApiError } from '../api.js'
import { deelnemerStatussen } from '../../../server/domain/deelnemer.js'
import { Alert } from '../components/fields.js'
import { fieldId } from '../lib/form-errors.js'
import { DEELNEMERS_PER_PAGE, deelnemerApiQuery, deelnemerQueryString, parseDeelnemerUrl, type DeelnemerLijstState } from '../lib/deelnemer-lijst.js'
import { deelnemerStatusBadge, deelnemerStatusLabel, formatDatum, label, leerrouteLabel, urenTekst } from '../lib/labels.js'
import { DEBOUNCE_MS } from './zoeken.js'

type Lijst = Awaited<ReturnType<typeof load>>
const load = (s: DeelnemerLijstState, signal: AbortSignal) => call(api.deelnemers.$get({ query: deelnemerApiQuery(s) }, { init: { signal } }))

/** Deelnemers: search by name as you type, filter by status, pages; all of it in the URL. */
export function Deelnemers() {
  const { url, route } = useLocation()
  const search = url.includes('?') ? url.slice(url.indexOf('?')) : ''
  const state = parseDeelnemerUrl(search)
  const [q, setQ] = useState(state.q)
  const [lijst, setLijst] = useState<Lijst>()
  const [fout, setFout] = useState<string>()
  const [laden, setLaden] = useState(true)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const navigate = (next: DeelnemerLijstState, replace = false) => {
    const target = `/deelnemers${deelnemerQueryString(next)}`
    if (target !== url) route(target, replace)
  }

  useEffect(() => {
    if (document.activeElement?.id !== fieldId('q')) setQ(state.q)
    const ctrl = new AbortController()
    setLaden(true)
    load(state, ctrl.signal)
      .then((l) => {
        setLijst(l)
        setFout(undefined)
        setLaden(false)
      })
      .catch((e) => {
        if (ctrl.signal.aborted) return
        setFout(e instanceof ApiError ? e.message : 'De deelnemers konden niet geladen worden.')
        setLaden(false)
      })
    return () => ctrl.abort()
  }, [search])

  // Typing updates the URL after a short pause (replace, so Back skips keystrokes).
  const onType = (waarde: string) => {
    setQ(waarde)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      const huidig = parseDeelnemerUrl(location.search)
      navigate({ ...huidig, q: waarde, page: 1 }, huidig.q !== '' && waarde !== '')
    }, DEBOUNCE_MS)
  }
  useEffect(() => () => clearTimeout(timer.current), [])

  const total = lijst?.total ?? 0
  const paginas = Math.max(1, Math.ceil(total / DEELNEMERS_PER_PAGE))

  return (
    <>
      <div class="pp-row" style="justify-content: space-between">
        <h1 class="utrecht-heading-1">Deelnemers</h1>
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/deelnemers/nieuw">Nieuwe deelnemer</a>
      </div>
      <form role="search" aria-label="Deelnemers" onSubmit={(e) => { e.preventDefault(); clearTimeout(timer.current); navigate({ ...state, q, page: 1 }) }}>
        <div class="pp-searchbar pp-searchbar--deelnemers">
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for={fieldId('q')}>Zoek op naam</label>
            <input id={fieldId('q')} type="search" class="utrecht-textbox utrecht-textbox--html-input" value={q} onInput={(e) => onType(e.currentTarget.value)} autoComplete="off" aria-describedby="deelnemers-status" />
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for={fieldId('status')}>Status</label>
            <select id={fieldId('status')} class="utrecht-select utrecht-select--html-select" value={state.status} onChange={(e) => navigate({ ...state, status: e.currentTarget.value as DeelnemerLijstState['status'], page: 1 })}>
              <option value="">Alle statussen</option>
              {deelnemerStatussen.map((s) => <option key={s} value={s}>{deelnemerStatusLabel[s]}</option>)}
            </select>
          </div>
        </div>
        <button type="submit" class="pp-visually-hidden">Zoeken</button>
      </form>

      <p class="pp-status-line utrecht-paragraph" id="deelnemers-status" role="status" aria-live="polite">
        {laden ? 'Bezig met laden…' : fout ? '' : total === 0 ? 'Geen deelnemers gevonden.' : `${total} ${total === 1 ? 'deelnemer' : 'deelnemers'}${paginas > 1 ? `, pagina ${state.page} van ${paginas}` : ''}.`}
      </p>
      {fout && <Alert type="error"><p class="utrecht-paragraph">{fout}</p></Alert>}
      {!laden && !fout && total === 0 && (
        <div class="pp-card">
          <p class="utrecht-paragraph">
            {state.q || state.status ? 'Geen deelnemer past bij deze naam of status. Controleer de spelling of kies een andere status.' : 'Er zijn nog geen deelnemers.'}{' '}
            <a class="utrecht-link" href="/deelnemers/nieuw">Leg een nieuwe deelnemer vast</a>.
          </p>
        </div>
      )}
      {lijst && lijst.items.length > 0 && (
        <div class={`pp-table-scroll ${laden ? 'pp-busy' : ''}`} aria-busy={laden ? 'true' : 'false'}>
          <table class="utrecht-table utrecht-table--html-table pp-table pp-table--stapel">
            <caption class="utrecht-table__caption pp-visually-hidden">Deelnemers op naam, met status en een link naar de passende plekken</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">Naam</th>
                <th class="utrecht-table__header-cell" scope="col">Status</th>
                <th class="utrecht-table__header-cell" scope="col">Leerroute</th>
                <th class="utrecht-table__header-cell" scope="col">Uren per week</th>
                <th class="utrecht-table__header-cell" scope="col">Gewijzigd</th>
                <th class="utrecht-table__header-cell" scope="col">Matchen</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {lijst.items.map((d) => (
                <tr class="utrecht-table__row" key={d.id}>
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/deelnemers/${d.id}`}>{d.naam}</a>
                    <div class="pp-muted">{d.plaats}</div>
                  </td>
                  <td class="utrecht-table__cell" data-label="Status">
                    <span class={`utrecht-status-badge utrecht-status-badge--${deelnemerStatusBadge[d.status]}`}>{deelnemerStatusLabel[d.status]}</span>
                  </td>
                  <td class="utrecht-table__cell" data-label="Leerroute">{label(leerrouteLabel, d.leerroute)}</td>
                  <td class="utrecht-table__cell" data-label="Uren per week">{urenTekst(d.urenPerWeek)}</td>
                  <td class="utrecht-table__cell" data-label="Gewijzigd">{formatDatum(d.gewijzigdOp)}</td>
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/deelnemers/${d.id}/matches`} aria-label={`Passende plekken voor ${d.naam}`}>Passende plekken</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {paginas > 1 && (
        <nav class="pp-pagination" aria-label="Paginering">
          {state.page > 1 && <a class="utrecht-link" href={`/deelnemers${deelnemerQueryString({ ...state, page: state.page - 1 })}`}>Vorige pagina</a>}
          <span>Pagina {state.page} van {paginas}</span>
          {state.page < paginas && <a class="utrecht-link" href={`/deelnemers${deelnemerQueryString({ ...state, page: state.page + 1 })}`}>Volgende pagina</a>}
        </nav>
      )}
    </>
  )
}
