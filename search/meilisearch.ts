import { Meilisearch, type EnqueuedTaskPromise } from 'meilisearch'
import { stopwords } from '@orama/stopwords/dutch'
import { afstandKm } from '../server/domain/geo.js'
import { vaardigheden } from '../server/domain/enums.js'
import { facetNamen, toHit, type Kandidaat, type PlekDocument, type PlekQuery, type SearchHealth, type SearchIndex, type SearchResult } from './port.js'
import { meiliFilter, meiliSort } from './meili-filter.js'
import { meiliSynonyms, synonymsOf } from './synoniemen.js'

/** A Meilisearch task that finished but did not succeed. */
export class MeiliTaskError extends Error {
  constructor(readonly taskUid: number, readonly type: string, detail: string) {
    super(`Meilisearch-taak ${taskUid} (${type}) mislukt: ${detail}`)
  }
}

export const INDEX_UID = 'plekken'

export const meiliSettings = () => ({
  searchableAttributes: ['titel', 'beroep', 'organisatieNaam', 'plaats', 'omschrijving'],
  filterableAttributes: [
    'sector', 'vorm', 'begeleiding', 'dagdelen', 'plaats', 'urenMin', 'urenMax',
    ...vaardigheden.map((v) => `niveau.${v}`),
    'taalrijkheidsscore', 'taalrijkheid', 'binnenSchooltijden', 'vergoeding', '_geo',
  ],
  sortableAttributes: ['_geo', 'taalrijkheidsscore', 'gepubliceerdOp', 'id'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  synonyms: meiliSynonyms(),
  stopWords: stopwords,
  // the same word-length rule as the embedded adapter: no typo under 5 letters, 1 up to 8, 2 above
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: 500 },
  pagination: { maxTotalHits: 200_000 },
})

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
    await this.run(this.idx.addDocuments(docs.map((d) => ({ ...d, _geo: { lat: d.lat, lng: d.lon } })), { primaryKey: 'id' }))
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
    const res = await this.idx.search<{ id: string; versie: number }>('', {
      filter: meiliFilter({ ...q, sort: 'relevantie', page: 1, perPage: max }),
      limit: max,
      attributesToRetrieve: ['id', 'versie'],
    })
    return res.hits.map((h) => ({ id: h.id, versie: h.versie }))
  }

  async search(q: PlekQuery): Promise<SearchResult> {
    const start = performance.now()
    const res = await this.idx.search(q.q ?? '', {
      filter: meiliFilter(q),
      sort: meiliSort(q),
      facets: [...facetNamen],
      page: q.page,
      hitsPerPage: q.perPage,
      attributesToRetrieve: ['id', 'titel', 'organisatieNaam', 'plaats', 'sector', 'vorm', 'taalrijkheidsscore', 'urenMin', 'urenMax', 'begeleiding', 'omschrijving', '_geo'],
    })
    const words = (q.q?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((w) => [w, ...synonymsOf(w)])
    const facets = Object.fromEntries(facetNamen.map((f) => [f, res.facetDistribution?.[f] ?? {}])) as SearchResult['facets']
    return {
      hits: res.hits.map((h) => toHit(h, words, q.geo ? afstandKm(q.geo, { lat: h._geo.lat, lon: h._geo.lng }) : undefined)),
      total: res.totalHits ?? res.hits.length,
      facets,
      tijdMs: Math.round((performance.now() - start) * 100) / 100,
    }
  }
}
