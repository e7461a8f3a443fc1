import { useEffect, useRef, useState } from 'preact/hooks'
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

/** A postcode the search can use: four digits, optionally two letters (the server's rule). */
const postcodeVorm = /^[1-9][0-9]{3} ?[A-Za-z]{2}$|^[1-9][0-9]{3}$/
const POSTCODE_FOUT = 'Vul een postcode in als 1234 AB (of alleen de vier cijfers). Er wordt nu gezocht zonder postcode.'

/**
 * The typed search words and postcode, kept in step with the URL. The boxes, the URL and the
 * results always agree: one pause in typing (in either box) sends both boxes at once, so nothing
 * typed is dropped; a change of the URL the page did not make itself (Back, Forward, a link)
 * puts the URL's values in the boxes, even while one has focus.
 */
function useZoekInvoer(state: ZoekState, search: string, navigate: (s: ZoekState, replace?: boolean) => void) {
  const [q, setQ] = useState(state.q)
  const [postcode, setPostcode] = useState(state.postcode)
  const [postcodeFout, setPostcodeFout] = useState<string>()
  const invoer = useRef({ q: state.q, postcode: state.postcode })
  const eigen = useRef(search)
  const typing = useDebounce()
  const zet = (veld: 'q' | 'postcode', waarde: string) => {
    invoer.current = { ...invoer.current, [veld]: waarde }
    if (veld === 'q') setQ(waarde)
    else setPostcode(waarde)
  }

  useEffect(() => {
    // our own navigation: the boxes are ahead or equal (a word the page took out, a filter
    // applied, left the box in `naar`). Comparing with the box here dropped a letter typed
    // between the navigation and this effect ("zorg" became "zog" on a busy machine).
    if (search === eigen.current) return
    typing.cancel()
    eigen.current = search
    zet('q', state.q)
    zet('postcode', state.postcode)
    setPostcodeFout(undefined)
  }, [search])

  /** The state as the user sees it: the URL's filters with what the boxes hold now. */
  const huidig = (): ZoekState => {
    const pc = invoer.current.postcode.trim()
    return { ...state, q: invoer.current.q, postcode: pc === '' || postcodeVorm.test(pc) ? pc : state.postcode }
  }
  const naar = (next: ZoekState, replace = false) => {
    typing.cancel()
    // only a change the page made itself (a word taken out for a filter) goes back into the box
    if (next.q !== invoer.current.q) zet('q', next.q)
    eigen.current = zoekQueryString(next)
    navigate(next, replace)
  }
  /** The boxes to the URL; an unusable postcode says so and is left out (never a stale one). */
  const verstuur = (melden: boolean) => {
    const pc = invoer.current.postcode.trim()
    const bruikbaar = pc === '' || postcodeVorm.test(pc)
    if (melden) setPostcodeFout(bruikbaar ? undefined : POSTCODE_FOUT)
    else if (bruikbaar) setPostcodeFout(undefined)
    const next = { ...huidig(), postcode: bruikbaar ? pc : melden ? '' : state.postcode, page: 1 }
    // the first keystroke of a search is a history entry of its own; the next ones replace it
    const leegNaarVol = (a: string, b: string) => (a.trim() === '') !== (b.trim() === '')
    naar(next, !melden && !leegNaarVol(state.q, next.q) && !leegNaarVol(state.postcode, next.postcode))
  }
  return {
    q, postcode, postcodeFout, huidig, naar,
    typ(veld: 'q' | 'postcode', waarde: string) {
      zet(veld, waarde)
      typing.schedule(() => verstuur(false))
    },
    /** Enter, or leaving the postcode box: now, with a message for a postcode that cannot be used. */
    bevestig: () => verstuur(true),
  }
}

export function Zoeken() {
  const { search, state, href, navigate } = useUrlState(parseZoekUrl, zoekQueryString)
  const { data: resultaat, fout, laden } = useLoad((signal) => fetchResultaat(state, signal), [search], 'Zoeken lukt nu niet.')
  const invoer = useZoekInvoer(state, search, navigate)
  const total = resultaat?.total ?? 0
  const paginas = aantalPaginas(total)
  const resultatenKop = useRef<HTMLHeadingElement>(null)
  const naarResultaten = useRef(false)
  const toonResultaten = () => {
    resultatenKop.current?.closest('section')?.scrollIntoView({ block: 'start' })
    resultatenKop.current?.focus({ preventScroll: true })
  }
  // after Vorige/Volgende pagina: the top of the new results, their heading focused
  useEffect(() => {
    if (!naarResultaten.current) return
    naarResultaten.current = false
    toonResultaten()
  }, [search])

  return (
    <>
      <h1 class="utrecht-heading-1">Plekken zoeken</h1>
      <Zoekbalk state={state} invoer={invoer} fout={fout} />
      <a class="pp-skip-inline utrecht-link" href="#resultaten-titel" onClick={(e) => { e.preventDefault(); toonResultaten() }}>Naar de resultaten</a>
      <div class="pp-search">
        <Facetten state={state} facets={resultaat?.facets} kies={(naam, waarde, aan) => invoer.naar(toggleFacet(invoer.huidig(), naam, waarde, aan))} />
        <section aria-labelledby="resultaten-titel">
          <h2 class="utrecht-heading-2 pp-visually-hidden" id="resultaten-titel" ref={resultatenKop} tabIndex={-1}>Resultaten</h2>
          <p class="pp-status-line utrecht-paragraph" id="zoek-status" role="status" aria-live="polite">
            {laden ? 'Bezig met zoeken…' : fout ? '' : total === 0 ? 'Geen plekken gevonden.' : `${total} ${total === 1 ? 'plek' : 'plekken'} gevonden${paginas > 1 ? `, pagina ${state.page} van ${paginas}` : ''}.`}
          </p>
          {fout && <Alert type="error" tekst={fout.status === 400 ? Object.values(fout.fields)[0] ?? fout.message : fout.message} />}
          {!fout && resultaat?.voorgesteldeFilters?.map((v) => (
            <p class="utrecht-paragraph pp-filtervoorstel" key={`${v.filter}-${v.waarde}`}>
              Bedoelt u het filter {label(facetLabels[v.filter], v.waarde)}?{' '}
              <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => invoer.naar(applyVoorstel(invoer.huidig(), v))}>Filter toepassen<span class="pp-visually-hidden">: {label(facetLabels[v.filter], v.waarde)}</span></button>
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
          <Paginering page={state.page} paginas={paginas} href={(page) => href({ ...state, page })} onKies={() => { naarResultaten.current = true }} />
        </section>
      </div>
    </>
  )
}

/** The search words, postcode, radius and sort. Typing updates the URL after a short pause. */
function Zoekbalk({ state, invoer, fout }: { state: ZoekState; invoer: ReturnType<typeof useZoekInvoer>; fout?: ApiError }) {
  const postcodeFout = invoer.postcodeFout ?? fout?.fields.postcode
  const kies = (wijziging: Partial<ZoekState>) => invoer.naar({ ...invoer.huidig(), ...wijziging, page: 1 })

  return (
    <form role="search" aria-label="Plekken" onSubmit={(e) => { e.preventDefault(); invoer.bevestig() }}>
      <div class="pp-searchbar">
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={fieldId('q')}>Zoek op beroep, werk of organisatie</label>
          <input id={fieldId('q')} type="search" class="utrecht-textbox utrecht-textbox--html-input" value={invoer.q} onInput={(e) => invoer.typ('q', e.currentTarget.value)} autoComplete="off" aria-describedby="zoek-status" />
        </div>
        <div class={`utrecht-form-field ${postcodeFout ? 'utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for={fieldId('postcode')}>Postcode</label>
          <input id={fieldId('postcode')} class={`utrecht-textbox utrecht-textbox--html-input ${postcodeFout ? 'utrecht-textbox--invalid' : ''}`} value={invoer.postcode}
            onInput={(e) => invoer.typ('postcode', e.currentTarget.value)} onBlur={invoer.bevestig}
            autoComplete="postal-code" aria-invalid={postcodeFout ? 'true' : undefined} aria-describedby={postcodeFout ? errorId('postcode') : undefined} />
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={fieldId('straalKm')}>Straal</label>
          <select id={fieldId('straalKm')} class="utrecht-select utrecht-select--html-select" value={state.straalKm} disabled={!state.postcode} onChange={(e) => kies({ straalKm: e.currentTarget.value })}>
            <option value="">Alle afstanden</option>
            {straalOpties.map((s) => <option key={s} value={s}>{s} km</option>)}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={fieldId('sort')}>Sorteren op</label>
          <select id={fieldId('sort')} class="utrecht-select utrecht-select--html-select" value={state.sort} onChange={(e) => kies({ sort: e.currentTarget.value as ZoekState['sort'] })}>
            {sorteringen.map((s) => <option key={s} value={s} disabled={s === 'afstand' && !state.postcode}>{sortLabel[s]}{s === 'afstand' && !state.postcode ? ' (vul postcode in)' : ''}</option>)}
          </select>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">Zoeken</button>
      </div>
      {postcodeFout && <p class="pp-error" id={errorId('postcode')}>{postcodeFout}</p>}
    </form>
  )
}

/** The facets with their counts; on a phone they start folded, so the results are on the first screen. */
function Facetten({ state, facets, kies }: { state: ZoekState; facets?: Resultaat['facets']; kies: (naam: FacetNaam, waarde: string, aan: boolean) => void }) {
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
                  onChange={(e) => kies(naam, r.waarde, e.currentTarget.checked)} />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for={`facet-${naam}-${r.waarde}`}>
                  {label(facetLabels[naam], r.waarde)} <span class="pp-count">({r.aantal}<span class="pp-visually-hidden"> {r.aantal === 1 ? 'plek' : 'plekken'}</span>)</span>
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
