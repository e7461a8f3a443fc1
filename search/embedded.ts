import { toHit, type Kandidaat, type PlekDocument, type PlekQuery, type SearchHealth, type SearchIndex, type SearchResult } from './port.js'
import { analyseDocument } from './analyse/document.js'
import { Columns } from './embedded/columns.js'
import { allFacets, countFacets } from './embedded/facets.js'
import { filterOf, sourceOf } from './embedded/filters.js'
import { distanceTo } from './embedded/geo.js'
import { comparatorOf, newestFirst, richestFirst, SlotOrder, topK } from './embedded/order.js'
import { TextIndex } from './embedded/text.js'

// The embedded adapter: the default when no MEILI_URL is set, so `npm start` needs nothing else.
//
// Text is an inverted index over the Dutch analysis that both engines share (search/analyse,
// embedded/text.ts). Filters, facets, geo and sorting run on a compact columnar copy of the
// documents (embedded/columns.ts, filters.ts, facets.ts, geo.ts, order.ts): the slots per value of
// the most selective fields and per cell of a geo grid, so a filter or radius reads only its own
// slots; a bounding-box check on plain lat/lon arrays before the exact distance; bitmasks for lists;
// a bounded heap for the top of the page; and the browsing orders (newest, taalrijkheid) and the
// unfiltered facet counts kept up to date by every write, so browsing costs the same after a write.
// This class only composes them: slots, writes, and one search (synchronous from the text match to
// the hits, so two searches never share the text index's rank buffers or the scratch arrays here).

const ordersOf = (c: Columns) => ({ newest: new SlotOrder(newestFirst(c)), richest: new SlotOrder(richestFirst(c)) })

export class EmbeddedSearchIndex implements SearchIndex {
  readonly engine = 'embedded' as const
  private text = new TextIndex()
  private cols = new Columns()
  private orders = ordersOf(this.cols)
  private docs: (PlekDocument | undefined)[] = []
  private slotOf = new Map<string, number>()
  private free: number[] = []
  /** Per search, reused: the distance per slot, and the slots that passed the filters (1). */
  private distance = new Float64Array(0)
  private allowed = new Uint8Array(0)
  /** The facet counts over every document (thousands of plaatsen), made again after a write. */
  private everything?: SearchResult['facets']

  async applySettings(): Promise<void> {
    // Settings live in code (schema, tokenizer, synonyms); nothing to push.
  }

  async health(): Promise<SearchHealth> {
    return { ok: true, engine: 'embedded', documenten: this.slotOf.size }
  }

  async clear(): Promise<void> {
    this.text.clear()
    this.cols = new Columns()
    this.orders = ordersOf(this.cols)
    this.docs = []
    this.slotOf.clear()
    this.free = []
    this.everything = undefined
  }

  async upsert(input: PlekDocument[]): Promise<void> {
    if (input.length === 0) return
    // the last state of a document in one batch wins; analysed before anything changes
    const latest = [...new Map(input.map((d) => [d.id, d])).values()].map((doc) => ({ doc, fields: analyseDocument(doc) }))
    // the orders find a slot by its current values: take it out before they change
    const held = latest.flatMap(({ doc }) => this.slotOf.get(doc.id) ?? [])
    this.eachOrder((o) => o.remove(held))
    const items = latest.map(({ doc, fields }) => ({ fields, slot: this.store(doc) }))
    this.text.upsert(items)
    const slots = items.map((i) => i.slot)
    this.eachOrder((o) => o.insert(slots))
    this.everything = undefined
  }

  async remove(ids: string[]): Promise<void> {
    const slots = [...new Set(ids)].flatMap((id) => this.slotOf.get(id) ?? [])
    if (!slots.length) return
    this.text.remove(slots)
    this.eachOrder((o) => o.remove(slots))
    for (const slot of slots) {
      this.slotOf.delete(this.docs[slot]!.id)
      this.docs[slot] = undefined
      this.cols.remove(slot)
      this.free.push(slot)
    }
    this.everything = undefined
  }

  private eachOrder(fn: (o: SlotOrder) => void): void {
    fn(this.orders.newest)
    fn(this.orders.richest)
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

  /** The scratch arrays, grown to the columns' capacity. */
  private scratch(): { distance: Float64Array; allowed: Uint8Array } {
    const capacity = this.cols.capacity
    if (this.distance.length < capacity) this.distance = new Float64Array(capacity)
    if (this.allowed.length < capacity) this.allowed = new Uint8Array(capacity)
    return { distance: this.distance, allowed: this.allowed }
  }

  async kandidaten(query: Pick<PlekQuery, 'filters' | 'geo'>, max: number): Promise<Kandidaat[]> {
    const c = this.cols
    const { passes, box } = filterOf(c, query)
    const geo = query.geo
    const within = (slot: number) => passes(slot) && !(geo?.straalKm !== undefined && distanceTo(c, slot, geo) > geo.straalKm)
    let found: ArrayLike<number>
    const source = sourceOf(c, query, box)
    if (source) {
      const list: number[] = []
      for (const slots of source) for (const slot of slots) if (within(slot)) list.push(slot)
      // in slot order, as a scan over every slot finds them (so `max` keeps the same ones): a few
      // sorted, many marked and read back in one pass over a byte per slot
      if (list.length < 4096) found = Int32Array.from(list).sort()
      else {
        const { allowed } = this.scratch()
        for (const slot of list) allowed[slot] = 1
        let i = 0
        for (let slot = 0; slot < c.size; slot++) if (allowed[slot]) (allowed[slot] = 0), (list[i++] = slot)
        found = list
      }
    } else {
      const list: number[] = []
      for (let slot = 0; slot < c.size && list.length < max; slot++) if (within(slot)) list.push(slot)
      found = list
    }
    const out: Kandidaat[] = []
    for (let i = 0; i < found.length && i < max; i++) {
      const d = this.docs[found[i]!]!
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
    const { distance, allowed } = this.scratch()
    const offset = (query.page - 1) * query.perPage

    // the slots that pass the filters and the radius (exact distance kept per slot)
    const slots: number[] = []
    const consider = (slot: number): void => {
      if (!passes(slot)) return
      if (geo) {
        const km = distanceTo(c, slot, geo)
        if (radius !== undefined && km > radius) return
        distance[slot] = km
      }
      slots.push(slot)
    }
    const source = hasFilters ? sourceOf(c, query, box) : undefined
    const considerAll = () => {
      if (source) for (const list of source) for (const slot of list) consider(slot)
      else for (let slot = 0; slot < c.size; slot++) consider(slot)
    }

    let text: ReturnType<TextIndex['match']>
    if (query.q && source) {
      // Filters that name a list: the slots that pass them first, then text only within those
      considerAll()
      for (const slot of slots) allowed[slot] = 1
      text = this.text.match(query.q, { slots: c.capacity, allowed })
      for (const slot of slots) allowed[slot] = 0
      slots.length = 0
      if (text) for (const slot of text.slots) slots.push(slot)
    } else if (query.q) {
      // Otherwise text is matched only within what the filter checks let through, so common words stay cheap.
      text = this.text.match(query.q, { slots: c.capacity, passes: hasFilters ? passes : undefined })
      if (text) for (const slot of text.slots) consider(slot)
    }

    let top: number[]
    let total: number
    let facets: SearchResult['facets']
    if (!text && !hasFilters) {
      // Browsing everything, the landing page of search: the kept order and counts, nothing to scan
      const order = query.sort === 'taalrijkheid' ? this.orders.richest : this.orders.newest
      top = order.slots.slice(offset, offset + query.perPage)
      total = c.count
      facets = this.everything ??= allFacets(c)
    } else {
      if (!text) considerAll()
      facets = countFacets(c, slots)
      top = topK(slots, offset + query.perPage, comparatorOf(query, c, text?.rank, distance)).slice(offset)
      total = slots.length
    }
    if (text) this.text.release(text)
    const words = text ? [...text.words, ...text.corrected] : []
    const hits = top.map((slot) => toHit(this.docs[slot]!, words, geo ? distance[slot] : undefined))
    return { hits, total, facets, tijdMs: Math.round((performance.now() - start) * 100) / 100 }
  }
}
