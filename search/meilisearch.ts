import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise } from 'meilisearch'
import { afstandKm } from '../server/domain/geo.js'
import { vaardigheden } from '../server/domain/enums.js'
import { facetNamen, SearchUnavailableError, toHit, type Kandidaat, type PlekDocument, type PlekQuery, type SearchHealth, type SearchIndex, type SearchResult } from './port.js'
import { meiliFilter, meiliSort } from './meili-filter.js'
import { meiliSynonyms, relatedWordsOf } from './synoniemen.js'
import { analyseDocument, zoekvelden, type Zoekveld } from './analyse/document.js'
import { queryWordsOf, stopWoorden } from './analyse/tekst.js'

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

export class MeiliSearchIndex implements SearchIndex {
  readonly engine = 'meilisearch' as const
  private client: Meilisearch

  constructor(opts: { url: string; apiKey?: string; indexUid?: string }) {
    this.client = new Meilisearch({ host: opts.url, apiKey: opts.apiKey, timeout: 10_000 })
    this.uid = opts.indexUid ?? INDEX_UID
  }
  private uid: string
  private get idx() {
    return this.client.index<PlekDocument & { _geo: { lat: number; lng: number } }>(this.uid)
  }

  /** Every write waits for its task and checks that it succeeded. */
  private async run(task: EnqueuedTaskPromise): Promise<void> {
    const done = await task.waitTask({ timeout: 60_000, interval: 50 })
    if (done.status !== 'succeeded') {
      throw new MeiliTaskError(done.uid, done.type, done.error?.message ?? done.status)
    }
  }

  async applySettings(): Promise<void> {
    await this.run(this.idx.updateSettings(meiliSettings()))
  }

  async upsert(docs: PlekDocument[]): Promise<void> {
    if (!docs.length) return
    await this.run(this.idx.addDocuments(docs.map(toMeiliDocument), { primaryKey: 'id' }))
  }

  async remove(ids: string[]): Promise<void> {
    if (!ids.length) return
    await this.run(this.idx.deleteDocuments(ids))
  }

  async clear(): Promise<void> {
    await this.run(this.idx.deleteAllDocuments())
  }

  async health(): Promise<SearchHealth> {
    try {
      await this.client.health()
      const stats = await this.idx.getStats().catch(() => undefined)
      return { ok: true, engine: 'meilisearch', documenten: stats?.numberOfDocuments }
    } catch (e) {
      return { ok: false, engine: 'meilisearch', detail: `Meilisearch antwoordt niet: ${e instanceof Error ? e.message : String(e)}` }
    }
  }

  async kandidaten(q: Pick<PlekQuery, 'filters' | 'geo'>, max: number): Promise<Kandidaat[]> {
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
    const start = performance.now()
    // the query's words as search/analyse reads them (folded, stop words out, hyphenated words split)
    const words = q.q ? queryWordsOf(q.q) : []
    const res = await read(() =>
      this.idx.search(words.join(' '), {
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
