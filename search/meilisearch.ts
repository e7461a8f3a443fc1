import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise } from 'meilisearch'
import { afstandKm } from '../server/domain/geo.js'
import { vaardigheden } from '../server/domain/enums.js'
import { facetNamen, SearchUnavailableError, toHit, type Kandidaat, type PlekDocument, type PlekQuery, type SearchHealth, type SearchIndex, type SearchResult } from './port.js'
import { meiliFilter, meiliSort } from './meili-filter.js'
import { meiliSynonyms, relatedWordsOf } from './synoniemen.js'
import { analyseDocument, zoekvelden, type Zoekveld } from './analyse/document.js'
import { queryWordsOf, stopWoorden } from './analyse/tekst.js'
import { errorKind } from './log.js'

/** A Meilisearch task that finished but did not succeed. */
export class MeiliTaskError extends Error {
  constructor(readonly taskUid: number, readonly type: string, detail: string) {
    super(`Meilisearch-taak ${taskUid} (${type}) mislukt: ${detail}`)
  }
}

export const INDEX_UID = 'plekken'

/**
 * The index settings. Meilisearch searches only the analysed words of search/analyse (`zoektekst.*`,
 * the same words and derived fields the embedded engine indexes), in zoekvelden's order; the
 * document's own fields are for filters, sorting and the hit. Ranking rules in the embedded engine's
 * order (docs/search.md, "Ranking"): `sort` first (a chosen sort orders by its key, relevance breaks
 * ties), then words, typo, exactness (before attribute: a synonym or prefix match ranks below every
 * exact one), attribute (the field order), proximity; newest, then id, break the remaining ties.
 */
export const meiliSettings = () => ({
  searchableAttributes: zoekvelden.map((f) => `zoektekst.${f}`),
  filterableAttributes: [
    'sector', 'vorm', 'begeleiding', 'dagdelen', 'plaats', 'urenMin', 'urenMax',
    ...vaardigheden.map((v) => `niveau.${v}`),
    'taalrijkheidsscore', 'taalrijkheid', 'binnenSchooltijden', 'vergoeding', '_geo',
  ],
  sortableAttributes: ['_geo', 'taalrijkheidsscore', 'gepubliceerdOp', 'id'],
  rankingRules: ['sort', 'words', 'typo', 'exactness', 'attribute', 'proximity', 'gepubliceerdOp:desc', 'id:asc'],
  synonyms: meiliSynonyms(),
  stopWords: [...stopWoorden],
  // the same word-length rule as the embedded adapter: no typo under 5 letters, 1 up to 8, 2 above
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  // every plaats, as the embedded engine counts them (the Netherlands has some 2,500)
  faceting: { maxValuesPerFacet: 10_000 },
  pagination: { maxTotalHits: 200_000 },
})

/** A document as Meilisearch holds it: the plek's fields, `_geo`, and the analysed words per field. */
export const toMeiliDocument = (d: PlekDocument) => {
  const fields = analyseDocument(d)
  return {
    ...d,
    _geo: { lat: d.lat, lng: d.lon },
    zoektekst: Object.fromEntries(zoekvelden.map((f) => [f, fields[f].join(' ')])) as Record<Zoekveld, string>,
  }
}

/**
 * Reads (search, candidates) fail as "search does not answer" (a 503), never as a bug (a 500): an
 * index that does not exist yet (`index_not_found`, before the settings ran on a fresh server) or
 * any other error Meilisearch answers with. Its code stays on the error for the log.
 */
async function read<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof MeilisearchApiError) throw new SearchUnavailableError(`Meilisearch: ${e.cause?.code ?? e.response.status}`, e.cause?.code)
    throw e
  }
}

/** How long a settings task may take: a real change on a large index reindexes it (minutes, not 60 s). */
const SETTINGS_WAIT_MS = 60 * 60_000

const isIndexNotFound = (e: unknown) => e instanceof MeilisearchApiError && e.cause?.code === 'index_not_found'

/** Whether the index already has these settings (order matters for searchable attributes and ranking rules only). */
export function sameSettings(current: Record<string, unknown>, wanted: ReturnType<typeof meiliSettings>): boolean {
  const norm = (v: unknown, ordered: boolean): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((x) => norm(x, ordered))
      return ordered ? items : items.map((x) => JSON.stringify(x)).sort()
    }
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, norm((v as Record<string, unknown>)[k], false)]))
    return v
  }
  return (Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => {
    const ordered = k === 'searchableAttributes' || k === 'rankingRules'
    const a = JSON.stringify(norm(current[k], ordered))
    const b = JSON.stringify(norm(wanted[k], ordered))
    // Meilisearch answers the whole object of a nested setting: compare the keys we set
    if (a === b) return true
    const cur = current[k]
    if (cur && typeof cur === 'object' && !Array.isArray(cur) && typeof wanted[k] === 'object' && !Array.isArray(wanted[k]))
      return Object.entries(wanted[k] as object).every(([sub, val]) => JSON.stringify(norm((cur as Record<string, unknown>)[sub], false)) === JSON.stringify(norm(val, false)))
    return false
  })
}

export class MeiliSearchIndex implements SearchIndex {
  readonly engine = 'meilisearch' as const
  private client: Meilisearch
  /**
   * Whether searches may go to Meilisearch: once the settings are in (applySettings), or at once when
   * the index existed already (it answers with its former settings until a change is done). Before
   * that a search is a SearchUnavailableError (503): never a search on an index without settings.
   */
  private searchable = false

  constructor(opts: { url: string; apiKey?: string; indexUid?: string }) {
    this.client = new Meilisearch({ host: opts.url, apiKey: opts.apiKey, timeout: 10_000 })
    this.uid = opts.indexUid ?? INDEX_UID
  }
  private uid: string
  private get idx() {
    return this.client.index<PlekDocument & { _geo: { lat: number; lng: number } }>(this.uid)
  }

  /** Every write waits for its task and checks that it succeeded. */
  private async run(task: EnqueuedTaskPromise, timeout = 60_000): Promise<void> {
    const done = await task.waitTask({ timeout, interval: 50 })
    if (done.status !== 'succeeded') {
      throw new MeiliTaskError(done.uid, done.type, done.error?.message ?? done.status)
    }
  }

  /**
   * Brings the index to meiliSettings(): creates it when it does not exist (index_not_found), leaves
   * it alone when its settings are these already, else updates them and waits for the task without
   * the 60 s limit of other writes (a change reindexes everything). Idempotent; the server calls it at
   * start, retrying while Meilisearch does not answer, before its worker writes (startSearch).
   */
  async applySettings(): Promise<void> {
    const wanted = meiliSettings()
    let current: Record<string, unknown> | undefined
    try {
      current = (await this.idx.getSettings()) as Record<string, unknown>
    } catch (e) {
      if (!isIndexNotFound(e)) throw e
    }
    if (current) this.searchable = true
    if (!current || !sameSettings(current, wanted)) await this.run(this.idx.updateSettings(wanted), SETTINGS_WAIT_MS)
    this.searchable = true
  }

  /** Refuses a read until the settings are in (see `searchable`). */
  private checkSearchable(): void {
    if (!this.searchable) throw new SearchUnavailableError('De Meilisearch-index wordt ingericht.', 'index-niet-ingericht')
  }

  async upsert(docs: PlekDocument[]): Promise<void> {
    if (!docs.length) return
    await this.run(this.idx.addDocuments(docs.map(toMeiliDocument), { primaryKey: 'id' }))
  }

  async remove(ids: string[]): Promise<void> {
    if (!ids.length) return
    await this.run(this.idx.deleteDocuments(ids))
  }

  /** Removes every document; an index that does not exist yet has none. */
  async clear(): Promise<void> {
    try {
      await this.idx.getRawInfo()
    } catch (e) {
      if (isIndexNotFound(e)) return
      throw e
    }
    await this.run(this.idx.deleteAllDocuments())
  }

  async health(): Promise<SearchHealth> {
    try {
      await this.client.health()
      const stats = await this.idx.getStats().catch(() => undefined)
      return { ok: true, engine: 'meilisearch', documenten: stats?.numberOfDocuments }
    } catch (e) {
      return { ok: false, engine: 'meilisearch', detail: `Meilisearch antwoordt niet (${errorKind(e)}).` } // kind and code only: a message may hold the URL or key
    }
  }

  async kandidaten(q: Pick<PlekQuery, 'filters' | 'geo'>, max: number): Promise<Kandidaat[]> {
    this.checkSearchable()
    const res = await read(() =>
      this.idx.search<{ id: string; versie: number }>('', {
        filter: meiliFilter({ ...q, sort: 'relevantie', page: 1, perPage: max }),
        limit: max,
        attributesToRetrieve: ['id', 'versie'],
      }),
    )
    return res.hits.map((h) => ({ id: h.id, versie: h.versie }))
  }

  async search(q: PlekQuery): Promise<SearchResult> {
    this.checkSearchable()
    const start = performance.now()
    // the query's words as search/analyse reads them (folded, stop words out, hyphenated words split)
    const words = q.q ? queryWordsOf(q.q) : []
    const res = await read(() =>
      this.idx.search(words.join(' '), {
        // the default, said here because the embedded engine does the same: the first word must match
        matchingStrategy: 'last',
        filter: meiliFilter(q),
        sort: meiliSort(q),
        facets: [...facetNamen],
        page: q.page,
        hitsPerPage: q.perPage,
        attributesToRetrieve: ['id', 'titel', 'organisatieNaam', 'plaats', 'sector', 'vorm', 'taalrijkheidsscore', 'urenMin', 'urenMax', 'begeleiding', 'omschrijving', '_geo'],
      }),
    )
    const facets = Object.fromEntries(facetNamen.map((f) => [f, res.facetDistribution?.[f] ?? {}])) as SearchResult['facets']
    return {
      hits: res.hits.map((h) => toHit(h, words.flatMap((w) => [w, ...relatedWordsOf(w)]), q.geo ? afstandKm(q.geo, { lat: h._geo.lat, lon: h._geo.lng }) : undefined)),
      total: res.totalHits ?? res.hits.length,
      facets,
      tijdMs: Math.round((performance.now() - start) * 100) / 100,
    }
  }
}
