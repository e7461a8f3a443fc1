import { useEffect, useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import { api, call, ApiError } from '../api.js'
import { Alert } from '../components/fields.js'
import { Paginering } from '../components/paginering.js'
import { fieldId, errorId } from '../lib/form-errors.js'
import {
  aantalPaginas, apiQuery, applyVoorstel, facetNamen, facetRegels, parseZoekUrl, straalOpties, toggleFacet, zoekQueryString, type FacetNaam, type ZoekState,
} from '../lib/search-state.js'
import { begeleidingLabel, formatScore, label, sectorLabel, sortLabel, vormLabel } from '../lib/labels.js'
import { sorteringen } from '../../../server/domain/zoeken.js'
import { useDebounce } from '../lib/use-debounce.js'
import { useLoad } from '../lib/use-load.js'
import { useUrlState } from '../lib/use-url-state.js'

type Resultaat = Awaited<ReturnType<typeof fetchResultaat>>
const fetchResultaat = (state: ZoekState, signal: AbortSignal) => call(api.zoeken.$get({ query: apiQuery(state) }, { init: { signal } }))

const facetTitel: Record<FacetNaam, string> = { sector: 'Sector', vorm: 'Vorm', begeleiding: 'Begeleiding' }
const facetLabels: Record<FacetNaam, Record<string, string>> = { sector: sectorLabel, vorm: vormLabel, begeleiding: begeleidingLabel }

function Fragment({ tekst, markeringen }: { tekst: string; markeringen: [number, number][] }) {
  const delen: ComponentChildren[] = []
  let pos = 0
  for (const [start, eind] of [...markeringen].sort((a, b) => a[0] - b[0])) {
    if (start < pos) continue
    delen.push(tekst.slice(pos, start), <mark key={start}>{tekst.slice(start, eind)}</mark>)
    pos = eind
  }
  delen.push(tekst.slice(pos))
  return <p class="utrecht-paragraph">{delen}</p>
}

export function Zoeken() {
  const { search, state, href, navigate } = useUrlState(parseZoekUrl, zoekQueryString)
  const { data: resultaat, fout, laden } = useLoad((signal) => fetchResultaat(state, signal), [search], 'Zoeken lukt nu niet.')
  const total = resultaat?.total ?? 0
  const paginas = aantalPaginas(total)

  return (
    <>
      <h1 class="utrecht-heading-1">Plekken zoeken</h1>
      <Zoekbalk search={search} state={state} navigate={navigate} fout={fout} />
      <div class="pp-search">
        <Facetten state={state} facets={resultaat?.facets} navigate={navigate} />
        <section aria-labelledby="resultaten-titel">
          <h2 class="utrecht-heading-2 pp-visually-hidden" id="resultaten-titel">Resultaten</h2>
          <p class="pp-status-line utrecht-paragraph" id="zoek-status" role="status" aria-live="polite">
            {laden ? 'Bezig met zoeken…' : fout ? '' : total === 0 ? 'Geen plekken gevonden.' : `${total} ${total === 1 ? 'plek' : 'plekken'} gevonden${paginas > 1 ? `, pagina ${state.page} van ${paginas}` : ''}.`}
          </p>
          {fout && <Alert type="error" tekst={fout.status === 400 ? Object.values(fout.fields)[0] ?? fout.message : fout.message} />}
          {!fout && resultaat?.voorgesteldeFilters?.map((v) => (
            <p class="utrecht-paragraph pp-filtervoorstel" key={`${v.filter}-${v.waarde}`}>
              Bedoelt u het filter {label(facetLabels[v.filter], v.waarde)}?{' '}
              <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => navigate(applyVoorstel(state, v))}>Filter toepassen<span class="pp-visually-hidden">: {label(facetLabels[v.filter], v.waarde)}</span></button>
            </p>
          ))}
          {!laden && !fout && total === 0 && (
            <div class="pp-card">
              <p class="utrecht-paragraph">Er zijn geen gepubliceerde plekken die bij deze zoekopdracht passen. Probeer een ander woord, minder filters of een grotere straal.</p>
            </div>
          )}
          <ol class={`pp-results ${laden ? 'pp-busy' : ''}`} aria-busy={laden ? 'true' : 'false'}>
            {resultaat?.items.map((p) => <ZoekResultaat key={p.id} p={p} />)}
          </ol>
          <Paginering page={state.page} paginas={paginas} href={(page) => href({ ...state, page })} />
        </section>
      </div>
    </>
  )
}

/** The search words, postcode, radius and sort. Typing updates the URL after a short pause. */
function Zoekbalk({ search, state, navigate, fout }: { search: string; state: ZoekState; navigate: (s: ZoekState, replace?: boolean) => void; fout?: ApiError }) {
  const [q, setQ] = useState(state.q)
  const [postcode, setPostcode] = useState(state.postcode)
  const typing = useDebounce()
  const veldFout = (naam: string) => fout?.fields[naam]

  // The URL changed (typing, a filter, back/forward): the inputs follow, unless the user is typing in them.
  useEffect(() => {
    if (document.activeElement?.id !== fieldId('q')) setQ(state.q)
    if (document.activeElement?.id !== fieldId('postcode')) setPostcode(state.postcode)
  }, [search])

  // Search as you type: the URL follows the input after a short pause (replace, so Back skips keystrokes).
  const onType = (veld: 'q' | 'postcode', waarde: string) => {
    if (veld === 'q') setQ(waarde)
    else setPostcode(waarde)
    typing.schedule(() => {
      const huidig = parseZoekUrl(location.search)
      const pc = veld === 'postcode' ? waarde.trim() : huidig.postcode
      // a half-typed postcode is not sent: wait until it looks like one
      if (veld === 'postcode' && pc !== '' && !/^[1-9][0-9]{3}( ?[A-Za-z]{2})?$/.test(pc)) return
      navigate({ ...huidig, [veld]: waarde, page: 1 }, huidig[veld] !== '' && waarde !== '')
    })
  }

  return (
    <form role="search" aria-label="Plekken" onSubmit={(e) => { e.preventDefault(); typing.cancel(); navigate({ ...state, q, postcode, page: 1 }) }}>
      <div class="pp-searchbar">
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={fieldId('q')}>Zoek op beroep, werk of organisatie</label>
          <input id={fieldId('q')} type="search" class="utrecht-textbox utrecht-textbox--html-input" value={q} onInput={(e) => onType('q', e.currentTarget.value)} autoComplete="off" aria-describedby="zoek-status" />
        </div>
        <div class={`utrecht-form-field ${veldFout('postcode') ? 'utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for={fieldId('postcode')}>Postcode</label>
          <input id={fieldId('postcode')} class={`utrecht-textbox utrecht-textbox--html-input ${veldFout('postcode') ? 'utrecht-textbox--invalid' : ''}`} value={postcode} onInput={(e) => onType('postcode', e.currentTarget.value)} autoComplete="postal-code" aria-invalid={veldFout('postcode') ? 'true' : undefined} aria-describedby={veldFout('postcode') ? errorId('postcode') : undefined} />
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={fieldId('straalKm')}>Straal</label>
          <select id={fieldId('straalKm')} class="utrecht-select utrecht-select--html-select" value={state.straalKm} disabled={!state.postcode} onChange={(e) => navigate({ ...state, straalKm: e.currentTarget.value, page: 1 })}>
            <option value="">Alle afstanden</option>
            {straalOpties.map((s) => <option key={s} value={s}>{s} km</option>)}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={fieldId('sort')}>Sorteren op</label>
          <select id={fieldId('sort')} class="utrecht-select utrecht-select--html-select" value={state.sort} onChange={(e) => navigate({ ...state, sort: e.currentTarget.value as ZoekState['sort'], page: 1 })}>
            {sorteringen.map((s) => <option key={s} value={s} disabled={s === 'afstand' && !state.postcode}>{sortLabel[s]}{s === 'afstand' && !state.postcode ? ' (vul postcode in)' : ''}</option>)}
          </select>
        </div>
      </div>
      {veldFout('postcode') && <p class="pp-error" id={errorId('postcode')}>{veldFout('postcode')}</p>}
      <button type="submit" class="pp-visually-hidden">Zoeken</button>
    </form>
  )
}

/** The facets with their counts; on a phone they start folded, so the results are on the first screen. */
function Facetten({ state, facets, navigate }: { state: ZoekState; facets?: Resultaat['facets']; navigate: (s: ZoekState) => void }) {
  const [filtersOpen, setFiltersOpen] = useState(() => typeof matchMedia === 'undefined' || !matchMedia('(max-width: 48rem)').matches)
  const gekozen = state.sector.length + state.vorm.length + state.begeleiding.length
  return (
    <aside class="pp-facets" aria-label="Filters">
      <details open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
      <summary><h2 class="utrecht-heading-2" style="font-size: 1.25rem; display: inline">Filters</h2>{gekozen > 0 && <span> ({gekozen} gekozen)</span>}</summary>
      {facetNamen.map((naam) => {
        const regels = facetRegels(naam, facets?.[naam], state[naam])
        return (
          <fieldset key={naam}>
            <legend>{facetTitel[naam]}</legend>
            {regels.length === 0 && <p class="pp-muted" style="margin: 0.25rem 0">Geen keuzes bij deze zoekopdracht</p>}
            {regels.map((r) => (
              <div class="pp-check" key={r.waarde}>
                <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id={`facet-${naam}-${r.waarde}`} checked={r.gekozen}
                  onChange={(e) => navigate(toggleFacet(state, naam, r.waarde, e.currentTarget.checked))} />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for={`facet-${naam}-${r.waarde}`}>
                  {label(facetLabels[naam], r.waarde)} <span class="pp-count">({r.aantal}<span class="pp-visually-hidden"> plekken</span>)</span>
                </label>
              </div>
            ))}
          </fieldset>
        )
      })}
      </details>
    </aside>
  )
}

function ZoekResultaat({ p }: { p: Resultaat['items'][number] }) {
  return (
    <li class="pp-result">
      <h3><a class="utrecht-link utrecht-link--html-a" href={`/plekken/${p.id}`}>{p.titel}</a></h3>
      <p class="pp-muted">{p.organisatieNaam} · {p.plaats}{p.afstandKm !== undefined ? ` · ${formatScore(p.afstandKm)} km` : ''}</p>
      <div class="pp-badges">
        <span class={`pp-badge ${p.taalrijkheidsscore >= 4 ? 'pp-badge--score' : 'pp-badge--low'}`}>Taalrijkheid {formatScore(p.taalrijkheidsscore)}/10</span>
        <span class="pp-badge">{label(sectorLabel, p.sector)}</span>
        <span class="pp-badge">{label(vormLabel, p.vorm)}</span>
        <span class="pp-badge">{p.urenPerWeek.min === p.urenPerWeek.max ? p.urenPerWeek.min : `${p.urenPerWeek.min}–${p.urenPerWeek.max}`} uur per week</span>
      </div>
      {p.fragment.tekst && <Fragment tekst={p.fragment.tekst} markeringen={p.fragment.markeringen} />}
    </li>
  )
}
