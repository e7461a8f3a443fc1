import type { Begeleiding, Niveau, Sector, Vaardigheid, vergoedingSoorten, Vorm } from '../server/domain/enums.js'
import type { Sortering } from '../server/domain/zoeken.js'
import { eachWordSpan, fold, foldWord, isAsciiWordCode } from './analyse/tekst.js'

// The filters a query's words name, for the server's answer (search/analyse/categorieen.ts).
export { suggestFilters, type VoorgesteldFilter } from './analyse/categorieen.js'

// The search port: one engine-neutral interface and one neutral query model. The Meilisearch and
// embedded adapters implement it; the contract suite in test/search runs the same cases on both.

/** What the index holds of a plek: only what search needs, nothing personal (no contactpersoon). */
export interface PlekDocument {
  id: string
  versie: number
  titel: string
  omschrijving: string
  beroep: string
  organisatieNaam: string
  plaats: string
  sector: Sector
  vorm: Vorm
  begeleiding: Begeleiding[]
  dagdelen: string[]
  urenMin: number
  urenMax: number
  /** Required level per vaardigheid as a rank: A0 = 0 … C1 = 5. */
  niveau: Record<Vaardigheid, number>
  taalrijkheidsscore: number
  taalrijkheid: TaalrijkheidBucket
  binnenSchooltijden: boolean
  vergoeding: (typeof vergoedingSoorten)[number]
  lat: number
  lon: number
  /** Publication time, epoch milliseconds (for sort=nieuwste). */
  gepubliceerdOp: number
}

/**
 * At most this many plaatsen in the plaats facet: those with the most hits, ties by name
 * (Meilisearch's own default per facet is 100). Over 100,000 plekken a search matched ~2,500
 * plaatsen, 36 of its 45 kB, for a list no screen shows whole.
 */
export const MAX_PLAATSEN = 100

export const taalrijkheidBuckets = ['laag', 'redelijk', 'hoog'] as const
export type TaalrijkheidBucket = (typeof taalrijkheidBuckets)[number]
export const bucketOf = (score: number): TaalrijkheidBucket => (score >= 7 ? 'hoog' : score >= 4 ? 'redelijk' : 'laag')

export interface PlekFilters {
  sector?: Sector[]
  vorm?: Vorm[]
  /** All of these must be offered. */
  begeleiding?: Begeleiding[]
  /** At least one of these dagdelen must be part of the plek. */
  dagdelen?: string[]
  /**
   * The plek can be worked on these dagdelen: at least min(⌈urenMin / UREN_PER_DAGDEEL⌉, its
   * number of dagdelen) of its dagdelen are among them (the matcher's dagdelen knock-out). An
   * engine that cannot count them may read it as `dagdelen`, any of: a superset, since a plek has
   * at least one dagdeel and one hour.
   */
  werkbaarOp?: string[]
  plaats?: string[]
  /** The plek's hours must overlap [urenMin, urenMax]. */
  urenMin?: number
  urenMax?: number
  /** The plek may require at most this level per vaardigheid. */
  maxNiveau?: Partial<Record<Vaardigheid, Niveau>>
  minTaalrijkheid?: number
  binnenSchooltijden?: boolean
  vergoeding?: PlekDocument['vergoeding'][]
}

export interface PlekQuery {
  q?: string
  filters: PlekFilters
  geo?: { lat: number; lon: number; straalKm?: number }
  sort: Sortering
  page: number
  perPage: number
}

export const facetNamen = ['sector', 'vorm', 'begeleiding', 'plaats', 'taalrijkheid'] as const
export type FacetNaam = (typeof facetNamen)[number]

/** The document fields a hit shows as they are. */
type HitField = 'id' | 'titel' | 'organisatieNaam' | 'plaats' | 'sector' | 'vorm' | 'taalrijkheidsscore' | 'begeleiding'

export interface SearchHit extends Pick<PlekDocument, HitField> {
  urenPerWeek: { min: number; max: number }
  afstandKm?: number
  /** A short piece of the omschrijving around the first match; `markeringen` are [start, end) offsets of matched words. */
  fragment: { tekst: string; markeringen: [number, number][] }
}

export interface Kandidaat {
  id: string
  versie: number
}

export interface SearchResult {
  hits: SearchHit[]
  total: number
  facets: Record<FacetNaam, Record<string, number>>
  tijdMs: number
}

export interface SearchHealth {
  ok: boolean
  engine: 'embedded' | 'meilisearch'
  detail?: string
  documenten?: number
}

export interface SearchIndex {
  readonly engine: 'embedded' | 'meilisearch'
  upsert(docs: PlekDocument[]): Promise<void>
  remove(ids: string[]): Promise<void>
  search(q: PlekQuery): Promise<SearchResult>
  /**
   * Every document that passes the filters and radius, as id and versie only (no text, no facets,
   * no order): candidate retrieval for the matcher. At most `max`.
   */
  kandidaten(q: Pick<PlekQuery, 'filters' | 'geo'>, max: number): Promise<Kandidaat[]>
  /** Filterable, sortable, ranking, synonyms, stop words, typo tolerance. Idempotent. */
  applySettings(): Promise<void>
  health(): Promise<SearchHealth>
  /** Removes every document (used by a full reindex). */
  clear(): Promise<void>
}

/** What search needs of a clock. The server passes its own (server/clock.ts); tests pass one they move. */
export interface SearchClock {
  now(): Date
}

/**
 * The engine does not answer (now): a search server that cannot be reached or times out, or an
 * index that cannot serve yet. An adapter throws this (or lets the meilisearch client's request
 * errors through); `/api/zoeken` answers it with a 503, and any other error stays a bug (a 500).
 */
export class SearchUnavailableError extends Error {
  override readonly name = 'SearchUnavailableError'
  /** The engine's own code (e.g. Meilisearch's `index_not_found`), for the log. */
  constructor(message: string, readonly code?: string) {
    super(message)
  }
}

/** Whether an error means that the engine does not answer, rather than a bug. */
export const isSearchUnavailable = (err: unknown): boolean =>
  err instanceof SearchUnavailableError ||
  // the meilisearch client's errors for a server that cannot be reached or does not answer in time
  /^Meilisearch(Request|RequestTimeOut)Error$/.test((err as Error | undefined)?.name ?? '')

/** Meilisearch-like typo tolerance by word length: none under 5 letters, 1 up to 8, 2 above. */
export const typosFor = (word: string): number => (word.length < 5 ? 0 : word.length <= 8 ? 1 : 2)

/**
 * A hit from a document (both adapters): `words` are the query words to mark in the snippet,
 * `afstandKm` the distance to the place of the query (rounded to 100 m), when it has one.
 */
export function toHit(d: Pick<PlekDocument, HitField | 'urenMin' | 'urenMax' | 'omschrijving'>, words: string[], afstandKm?: number): SearchHit {
  return {
    id: d.id,
    titel: d.titel,
    organisatieNaam: d.organisatieNaam,
    plaats: d.plaats,
    sector: d.sector,
    vorm: d.vorm,
    taalrijkheidsscore: d.taalrijkheidsscore,
    urenPerWeek: { min: d.urenMin, max: d.urenMax },
    begeleiding: d.begeleiding,
    ...(afstandKm !== undefined ? { afstandKm: Math.round(afstandKm * 10) / 10 } : {}),
    fragment: fragmentOf(d.omschrijving, words),
  }
}

// The stems of the last query's words: every hit of a search is given the same list.
let lastWords: string[] | undefined
let lastStems: { stems: string[]; starts: string[] } = { stems: [], starts: [] }
function stemsOf(words: string[]) {
  if (words !== lastWords) {
    const stems = [...new Set(words.map(fold))].filter((w) => w.length >= 3)
    lastStems = { stems, starts: stems.map((s) => s.slice(0, Math.max(3, s.length - 2))) }
    lastWords = words
  }
  return lastStems
}

const nonAscii = /[^\x00-\x7f]/

/**
 * Where the word scan of a snippet may start. Every marked word holds one of `starts` (the
 * beginning of each stem) as a substring, so none lies wholly before the first place one occurs:
 * the scan starts at the word around it, and a text where none occurs needs no scan at all (its
 * length). Only for a text of ASCII, where folding is lower-casing; otherwise 0. (Scanning every
 * word before the first match was most of a snippet's cost.)
 */
function firstPossibleMatch(text: string, starts: string[]): number {
  if (nonAscii.test(text)) return 0
  const lower = text.toLowerCase()
  let from = text.length
  for (const s of starts) {
    const at = lower.indexOf(s)
    if (at >= 0 && at < from) from = at
  }
  while (from > 0 && from < text.length && isAsciiWordCode(text.charCodeAt(from - 1))) from--
  return from
}

/**
 * Builds the snippet of one hit: up to ~160 characters of the omschrijving around the first matched
 * word. A word is marked when, folded (no accents, lower case), it starts with a query word (or all
 * but its last two letters: a plural or a prefix being typed), or holds one of 4+ letters as a
 * compound part (magazijnmedewerker for "medewerker"). Offsets are those of the original text.
 */
export function fragmentOf(text: string, words: string[], size = 160): SearchHit['fragment'] {
  const found: [number, number][] = []
  const { stems, starts } = stemsOf(words)
  // without words (browsing) nothing is marked: the snippet is the start of the text. Words past
  // the snippet cannot be marked, so the scan stops there (the snippet starts at most 40
  // characters before the first match).
  if (stems.length) {
    const from = firstPossibleMatch(text, starts)
    eachWordSpan(text, (s, e, ascii) => {
      if (found.length && s >= found[0]![0] + size) return false
      const w = ascii ? text.slice(s, e).toLowerCase() : foldWord(text.slice(s, e))
      for (let i = 0; i < stems.length; i++) {
        const stem = stems[i]!
        if (w.startsWith(starts[i]!) || (stem.length >= 4 && w.includes(stem))) {
          found.push([s, e])
          break
        }
      }
    }, from)
  }
  const first = found[0]?.[0] ?? 0
  let start = Math.max(0, first - 40)
  if (start > 0) {
    const space = text.indexOf(' ', start)
    start = space >= 0 && space < first ? space + 1 : start
  }
  let end = Math.min(text.length, start + size)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > start) end = space
  }
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  const tekst = prefix + text.slice(start, end) + suffix
  const shift = prefix.length - start
  const markeringen = found
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s + shift, e + shift] as [number, number])
  return { tekst, markeringen }
}
