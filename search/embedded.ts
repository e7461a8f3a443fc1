import { toHit, type Kandidaat, type PlekDocument, type PlekQuery, type SearchHealth, type SearchIndex, type SearchResult } from './port.js'
import { analyseDocument } from './analyse/document.js'
import { Columns } from './embedded/columns.js'
import { countFacets } from './embedded/facets.js'
import { filterOf } from './embedded/filters.js'
import { distanceTo } from './embedded/geo.js'
import { comparatorOf, topK } from './embedded/order.js'
import { TextIndex } from './embedded/text.js'

// The embedded adapter: the default when no MEILI_URL is set, so `npm start` needs nothing else.
//
// Text is an inverted index over the Dutch analysis that both engines share (search/analyse,
// embedded/text.ts). Filters, facets, geo and sorting run on a compact columnar copy of the
// documents (embedded/columns.ts, filters.ts, facets.ts, geo.ts, order.ts): a bounding-box check on
// plain lat/lon arrays before the exact distance, bitmasks for lists, a bounded heap for the top of
// the page, and cached facet counts for the unfiltered browse.
// This class only composes them: slots, writes, and one search (synchronous from the text match to
// the hits, so two searches never share the text index's rank buffers).

export class EmbeddedSearchIndex implements SearchIndex {
  readonly engine = 'embedded' as const
  private text = new TextIndex()
  private cols = new Columns()
  private docs: (PlekDocument | undefined)[] = []
  private slotOf = new Map<string, number>()
  private free: number[] = []
  private writes = 0
  /** The unfiltered browse (no text, filters or place): facets and full orders, until the next write. */
  private browseCache?: { writes: number; facets: SearchResult['facets']; total: number; orders: Map<string, number[]> }

  async applySettings(): Promise<void> {
    // Settings live in code (schema, tokenizer, synonyms); nothing to push.
  }

  async health(): Promise<SearchHealth> {
    return { ok: true, engine: 'embedded', documenten: this.slotOf.size }
  }

  async clear(): Promise<void> {
    this.text.clear()
    this.cols = new Columns()
    this.docs = []
    this.slotOf.clear()
    this.free = []
    this.writes++
  }

  async upsert(input: PlekDocument[]): Promise<void> {
    if (input.length === 0) return
    // the last state of a document in one batch wins
    const latest = new Map(input.map((d) => [d.id, d]))
    this.text.upsert([...latest.values()].map((doc) => ({ fields: analyseDocument(doc), slot: this.store(doc) })))
    this.writes++
  }

  async remove(ids: string[]): Promise<void> {
    const present = ids.filter((id) => this.slotOf.has(id))
    if (!present.length) return
    this.text.remove(present.map((id) => this.slotOf.get(id)!))
    for (const id of present) {
      const slot = this.slotOf.get(id)!
      this.slotOf.delete(id)
      this.docs[slot] = undefined
      this.cols.alive[slot] = 0
      this.free.push(slot)
    }
    this.writes++
  }

  /** Puts a document in its slot (a new or freed one for a new id); returns the slot. */
  private store(d: PlekDocument): number {
    let slot = this.slotOf.get(d.id)
    if (slot === undefined) {
      slot = this.free.pop() ?? this.cols.size++
      this.slotOf.set(d.id, slot)
    }
    this.docs[slot] = d
    this.cols.write(slot, d)
    return slot
  }

  async kandidaten(query: Pick<PlekQuery, 'filters' | 'geo'>, max: number): Promise<Kandidaat[]> {
    const { passes } = filterOf(this.cols, query)
    const c = this.cols
    const geo = query.geo
    const out: Kandidaat[] = []
    for (let slot = 0; slot < c.size && out.length < max; slot++) {
      if (!passes(slot)) continue
      if (geo?.straalKm !== undefined && distanceTo(c, slot, geo) > geo.straalKm) continue
      const d = this.docs[slot]!
      out.push({ id: d.id, versie: d.versie })
    }
    return out
  }

  async search(query: PlekQuery): Promise<SearchResult> {
    const start = performance.now()
    const c = this.cols
    const { passes, hasFilters, box } = filterOf(c, query)
    const geo = query.geo
    const radius = geo?.straalKm
    // Text is matched only within what the filters let through, so common words stay cheap.
    const text = query.q ? this.text.match(query.q, { slots: c.capacity, passes: hasFilters ? passes : undefined }) : undefined
    const unfiltered = !text && !hasFilters

    const slots: number[] = []
    const distance = new Map<number, number>()
    const consider = (slot: number): void => {
      if (!passes(slot)) return
      if (geo) {
        const km = distanceTo(c, slot, geo)
        if (radius !== undefined && km > radius) return
        distance.set(slot, km)
      }
      slots.push(slot)
    }
    const idOf = (slot: number) => this.docs[slot]!.id
    const offset = (query.page - 1) * query.perPage
    let top: number[]
    let total: number
    let facets: SearchResult['facets']
    if (unfiltered) {
      // Browsing everything is the landing page of search: keep its facets and full order per sort.
      if (this.browseCache?.writes !== this.writes) {
        for (let slot = 0; slot < c.size; slot++) consider(slot)
        this.browseCache = { writes: this.writes, facets: countFacets(c, slots), total: slots.length, orders: new Map() }
      }
      const cache = this.browseCache
      let order = cache.orders.get(query.sort)
      if (!order) {
        const all: number[] = []
        for (let slot = 0; slot < c.size; slot++) if (c.alive[slot]) all.push(slot)
        order = all.sort(comparatorOf(query, c, idOf, undefined, distance))
        cache.orders.set(query.sort, order)
      }
      top = order.slice(offset, offset + query.perPage)
      total = cache.total
      facets = cache.facets
    } else {
      if (text) for (const slot of text.slots) consider(slot)
      else if (box) {
        // a radius without text: the box on the plain columns in the loop itself, before any call
        const { lat, lon } = c
        for (let slot = 0; slot < c.size; slot++) {
          const la = lat[slot]!
          const lo = lon[slot]!
          if (la >= box.latLo && la <= box.latHi && lo >= box.lonLo && lo <= box.lonHi) consider(slot)
        }
      } else for (let slot = 0; slot < c.size; slot++) consider(slot)
      facets = countFacets(c, slots)
      top = topK(slots, offset + query.perPage, comparatorOf(query, c, idOf, text?.rank, distance)).slice(offset)
      total = slots.length
      if (text) this.text.release(text)
    }
    const words = text ? [...text.words, ...text.corrected] : []
    const hits = top.map((slot) => toHit(this.docs[slot]!, words, distance.get(slot)))
    return { hits, total, facets, tijdMs: Math.round((performance.now() - start) * 100) / 100 }
  }
}
