import { begeleidingSoorten, sectoren, vormen } from '../../../server/domain/enums.js'
import { sorteringen, type Sortering } from '../../../server/domain/zoeken.js'
import { isOneOf, parsePage, toQueryString } from './url-state.js'

// The search lives in the URL (same parameter names as GET /api/zoeken), so the back button and
// a shared link give the same results. These functions convert between the URL and the state.

export interface ZoekState {
  q: string
  sector: string[]
  vorm: string[]
  begeleiding: string[]
  postcode: string
  straalKm: string
  sort: Sortering
  page: number
}

export const facetNamen = ['sector', 'vorm', 'begeleiding'] as const
export type FacetNaam = (typeof facetNamen)[number]
export const facetWaarden: Record<FacetNaam, readonly string[]> = { sector: sectoren, vorm: vormen, begeleiding: begeleidingSoorten }

export const straalOpties = ['5', '10', '25', '50', '100'] as const
export const PER_PAGE = 20

export const leegZoeken: ZoekState = { q: '', sector: [], vorm: [], begeleiding: [], postcode: '', straalKm: '', sort: 'relevantie', page: 1 }

/** The state from a query string ("?q=zorg&sector=zorg&sector=horeca"); unknown values are dropped. */
export function parseZoekUrl(search: string): ZoekState {
  const p = new URLSearchParams(search)
  const lijst = (naam: FacetNaam) => [...new Set(p.getAll(naam).filter((v) => facetWaarden[naam].includes(v)))]
  const sort = p.get('sort')
  const straal = p.get('straalKm') ?? ''
  return {
    q: p.get('q') ?? '',
    sector: lijst('sector'),
    vorm: lijst('vorm'),
    begeleiding: lijst('begeleiding'),
    postcode: p.get('postcode') ?? '',
    straalKm: /^\d+(\.\d+)?$/.test(straal) ? straal : '',
    sort: isOneOf(sorteringen, sort) ? sort : 'relevantie',
    page: parsePage(p.get('page')),
  }
}

/** The query string for a state, without defaults, in a stable order (so equal searches have equal URLs). */
export function zoekQueryString(state: ZoekState): string {
  const p = new URLSearchParams()
  const q = state.q.trim()
  if (q) p.set('q', q)
  for (const naam of facetNamen) for (const v of [...state[naam]].sort()) p.append(naam, v)
  const postcode = state.postcode.trim()
  if (postcode) p.set('postcode', postcode)
  if (postcode && state.straalKm) p.set('straalKm', state.straalKm)
  if (state.sort !== 'relevantie') p.set('sort', state.sort)
  if (state.page > 1) p.set('page', String(state.page))
  return toQueryString(p)
}

/** The query of GET /api/zoeken for a state. */
export function apiQuery(state: ZoekState): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = { perPage: String(PER_PAGE) }
  for (const [k, v] of new URLSearchParams(zoekQueryString(state).slice(1))) {
    if (isOneOf(facetNamen, k)) query[k] = [...((query[k] as string[] | undefined) ?? []), v]
    else query[k] = v
  }
  // sorting by distance without a postcode is not possible: fall back to relevance
  if (query.sort === 'afstand' && !query.postcode) delete query.sort
  return query
}

/** Toggles one facet value; any change of the filters starts again at page 1. */
export function toggleFacet(state: ZoekState, naam: FacetNaam, waarde: string, aan: boolean): ZoekState {
  const huidig = state[naam].filter((v) => v !== waarde)
  return { ...state, [naam]: aan ? [...huidig, waarde] : huidig, page: 1 }
}

/** Facet values to show: every value with a count, plus the chosen ones (count 0 when no longer present). */
export function facetRegels(naam: FacetNaam, counts: Record<string, number> | undefined, gekozen: string[]): { waarde: string; aantal: number; gekozen: boolean }[] {
  return facetWaarden[naam]
    .map((waarde) => ({ waarde, aantal: counts?.[waarde] ?? 0, gekozen: gekozen.includes(waarde) }))
    .filter((r) => r.aantal > 0 || r.gekozen)
}

export const aantalPaginas = (total: number) => Math.max(1, Math.ceil(total / PER_PAGE))

/** A word as the server's search reads it: lower case, accents off, the ligature ĳ as ij. */
const foldWoord = (w: string) => w.replace(/[ĳĲ]/g, 'ij').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')

/** Turns a query word into the filter it names (the server's `voorgesteldeFilters`): the filter on, the word out of the query. */
export function applyVoorstel(state: ZoekState, v: { filter: FacetNaam; waarde: string; woord: string }): ZoekState {
  const q = state.q.split(/\s+/).filter((w) => w && foldWoord(w) !== v.woord).join(' ')
  return { ...toggleFacet(state, v.filter, v.waarde, true), q }
}
