import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { SearchUnavailableError, type PlekDocument, type PlekQuery, type SearchIndex } from '../../search/port.js'

/**
 * The real embedded engine behind a switch that makes every call fail, as a search server that is
 * down would; it also records which document versions reached the engine, in order.
 */
export class FlakyIndex implements SearchIndex {
  readonly engine = 'embedded' as const
  down = false
  /** What a call throws while `down`: by default, an engine that does not answer. */
  failure: () => Error = () => new SearchUnavailableError('zoekmachine onbereikbaar (test)')
  applied: { id: string; versie: number; by?: string }[] = []
  constructor(readonly inner = new EmbeddedSearchIndex(), private label?: string) {}
  private check() {
    if (this.down) throw this.failure()
  }
  async upsert(docs: PlekDocument[]) {
    this.check()
    await this.inner.upsert(docs)
    for (const d of docs) this.applied.push({ id: d.id, versie: d.versie, by: this.label })
  }
  async remove(ids: string[]) {
    this.check()
    await this.inner.remove(ids)
  }
  async search(q: PlekQuery) {
    this.check()
    return this.inner.search(q)
  }
  async kandidaten(q: Parameters<SearchIndex['kandidaten']>[0], max: number) {
    this.check()
    return this.inner.kandidaten(q, max)
  }
  async applySettings() {
    this.check()
  }
  async clear() {
    await this.inner.clear()
  }
  async health() {
    return this.down ? { ok: false, engine: 'embedded' as const, detail: 'zoekmachine onbereikbaar (test)' } : this.inner.health()
  }
}

/** Every id in the index, by paging through a browse query. */
export async function indexedIds(index: SearchIndex): Promise<string[]> {
  const out: string[] = []
  for (let page = 1; ; page++) {
    const res = await index.search({ filters: {}, sort: 'nieuwste', page, perPage: 100 })
    out.push(...res.hits.map((h) => h.id))
    if (res.hits.length < 100) return out.sort()
  }
}
