import { useEffect, useState } from 'preact/hooks'
import { api, call } from '../api.js'
import { deelnemerStatussen } from '../../../server/domain/deelnemer.js'
import { Alert } from '../components/fields.js'
import { Paginering } from '../components/paginering.js'
import { Cel, NaamCel, StatusBadge, Tabel } from '../components/tabel.js'
import { fieldId } from '../lib/form-errors.js'
import { DEELNEMERS_PER_PAGE, deelnemerApiQuery, deelnemerQueryString, parseDeelnemerUrl, type DeelnemerLijstState } from '../lib/deelnemer-lijst.js'
import { deelnemerStatusBadge, deelnemerStatusLabel, formatDatum, label, leerrouteLabel } from '../lib/labels.js'
import { useDebounce } from '../lib/use-debounce.js'
import { useLoad } from '../lib/use-load.js'
import { useUrlState } from '../lib/use-url-state.js'
import { gebruiker } from '../session.js'

type Lijst = Awaited<ReturnType<typeof load>>
const load = (s: DeelnemerLijstState, signal: AbortSignal) => call(api.deelnemers.$get({ query: deelnemerApiQuery(s) }, { init: { signal } }))

/** Deelnemers: search by name as you type, filter by status, pages; all of it in the URL. */
export function Deelnemers() {
  const { search, state, href, navigate } = useUrlState(parseDeelnemerUrl, deelnemerQueryString)
  const [q, setQ] = useState(state.q)
  const { data: lijst, fout, laden } = useLoad((signal) => load(state, signal), [search], 'De deelnemers konden niet geladen worden.')
  const typing = useDebounce()

  // The URL changed (typing, the filter, back/forward): the input follows, unless the user is typing in it.
  useEffect(() => {
    if (document.activeElement?.id !== fieldId('q')) setQ(state.q)
  }, [search])

  // Typing updates the URL after a short pause (replace, so Back skips keystrokes).
  const onType = (waarde: string) => {
    setQ(waarde)
    typing.schedule(() => {
      const huidig = parseDeelnemerUrl(location.search)
      navigate({ ...huidig, q: waarde, page: 1 }, huidig.q !== '' && waarde !== '')
    })
  }

  const total = lijst?.total ?? 0
  const paginas = Math.max(1, Math.ceil(total / DEELNEMERS_PER_PAGE))

  return (
    <>
      <div class="pp-row" style="justify-content: space-between">
        <h1 class="utrecht-heading-1">{state.mijn ? 'Mijn deelnemers' : 'Deelnemers'}</h1>
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/deelnemers/nieuw">Nieuwe deelnemer</a>
      </div>
      <form role="search" aria-label="Deelnemers" onSubmit={(e) => { e.preventDefault(); typing.cancel(); navigate({ ...state, q, page: 1 }) }}>
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
          {gebruiker.value?.rol === 'jobhunter' && (
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for={fieldId('regievoerder')}>Welke deelnemers</label>
              <select id={fieldId('regievoerder')} class="utrecht-select utrecht-select--html-select" value={state.mijn ? 'ik' : ''} onChange={(e) => navigate({ ...state, mijn: e.currentTarget.value === 'ik', page: 1 })}>
                <option value="">Alle deelnemers van mijn gemeenten</option>
                <option value="ik">Mijn deelnemers (ik ben regievoerder)</option>
              </select>
            </div>
          )}
        </div>
        <button type="submit" class="pp-visually-hidden">Zoeken</button>
      </form>

      <p class="pp-status-line utrecht-paragraph" id="deelnemers-status" role="status" aria-live="polite">
        {laden ? 'Bezig met laden…' : fout ? '' : total === 0 ? 'Geen deelnemers gevonden.' : `${total} ${total === 1 ? 'deelnemer' : 'deelnemers'}${paginas > 1 ? `, pagina ${state.page} van ${paginas}` : ''}.`}
      </p>
      {fout && <Alert type="error" tekst={fout.message} />}
      {!laden && !fout && total === 0 && (
        <div class="pp-card">
          <p class="utrecht-paragraph">
            {state.mijn && !state.q && !state.status ? 'U bent nog van geen deelnemer de regievoerder.' : state.q || state.status ? 'Geen deelnemer past bij deze naam of status. Controleer de spelling of kies een andere status.' : 'Er zijn nog geen deelnemers.'}{' '}
            <a class="utrecht-link" href="/deelnemers/nieuw">Leg een nieuwe deelnemer vast</a>.
          </p>
        </div>
      )}
      {lijst && lijst.items.length > 0 && <DeelnemersTabel items={lijst.items} laden={laden} />}
      <Paginering page={state.page} paginas={paginas} href={(page) => href({ ...state, page })} />
    </>
  )
}

function DeelnemersTabel({ items, laden }: { items: Lijst['items']; laden: boolean }) {
  return (
    <Tabel caption="Deelnemers op naam, met status en een link naar de passende plekken" class="pp-table--stapel" laden={laden}
      kolommen={['Naam', 'Gemeente', 'Status', 'Leerroute', 'Gewijzigd', 'Matchen']}>
      {items.map((d) => (
        <tr class="utrecht-table__row" key={d.id}>
          <NaamCel href={`/deelnemers/${d.id}`} naam={d.naam} onder={d.plaats} />
          <Cel label="Gemeente">{d.gemeenteNaam}</Cel>
          <Cel label="Status"><StatusBadge variant={deelnemerStatusBadge[d.status]}>{deelnemerStatusLabel[d.status]}</StatusBadge></Cel>
          <Cel label="Leerroute">{label(leerrouteLabel, d.leerroute)}</Cel>
          <Cel label="Gewijzigd">{formatDatum(d.gewijzigdOp)}</Cel>
          <Cel><a class="utrecht-link" href={`/deelnemers/${d.id}/matches`} aria-label={`Passende plekken voor ${d.naam}`}>Passende plekken</a></Cel>
        </tr>
      ))}
    </Tabel>
  )
}
