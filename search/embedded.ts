import { create, insertMultiple, removeMultiple, search as oramaSearch, type Orama } from '@orama/orama'
import { stemmer, language } from '@orama/stemmers/dutch'
import { stopwords } from '@orama/stopwords/dutch'
import { afstandKm } from '../server/domain/postcode.js'
import { begeleidingSoorten, dagdelen as alleDagdelen, niveaus, sectoren, vaardigheden, vormen } from '../server/domain/enums.js'
import {
  bucketOf,
  facetNamen,
  fragmentOf,
  taalrijkheidBuckets,
  typosFor,
  type FacetNaam,
  type Kandidaat,
  type PlekDocument,
  type PlekQuery,
  type SearchHealth,
  type SearchIndex,
  type SearchResult,
} from './port.js'
import { synonymsOf } from './synoniemen.js'

// The embedded adapter: the default when no MEILI_URL is set, so `npm start` needs nothing else.
//
// Orama (with the Dutch stemmer and stop words) does what it is good at: tokenising, typo-tolerant
// and prefix matching, BM25 relevance. Filters, facets, geo and sorting run on a compact columnar
// copy of the documents instead of Orama's `where`/`facets`/geo, because those were the measured
// slow spots at 100k documents (geo radius with a distance sort ~150 ms, whole-index facets
// ~100 ms): a bounding-box check on plain lat/lon arrays before the exact distance, bitmasks for
// lists, a bounded heap for the top of the page, and cached facet counts for the unfiltered browse.

const textSchema = {
  id: 'string',
  titel: 'string',
  beroep: 'string',
  omschrijving: 'string',
  organisatieNaam: 'string',
  plaats: 'string',
} as const
const textProperties = ['titel', 'beroep', 'omschrijving', 'organisatieNaam', 'plaats'] as const
const boost: Record<string, number> = { titel: 3, beroep: 2.5, organisatieNaam: 1.5, plaats: 1, omschrijving: 1 }
const stopwordSet = new Set(stopwords)

// The Dutch stemmer is the largest part of indexing time, and texts repeat the same words: cache it
// (bounded: a vocabulary rarely holds more than some tens of thousands of words).
const stemCache = new Map<string, string>()
function cachedStemmer(word: string): string {
  let stem = stemCache.get(word)
  if (stem === undefined) {
    if (stemCache.size > 200_000) stemCache.clear()
    stem = stemmer(word)
    stemCache.set(word, stem)
  }
  return stem
}
const bm25 = { k: 1.2, b: 0.75, d: 0.5 } // Orama's defaults

/** The parts of Orama's object used by wordMatches (its index component, radix trees and id store). */
interface RadixNode {
  e: boolean
  w: string
  s: string
  d: Set<number>
  c: Map<string, RadixNode>
}
interface OramaInternals {
  data: {
    index: {
      indexes?: Record<string, { node?: RadixNode }>
      avgFieldLength: Record<string, number | undefined>
      fieldLengths: Record<string, Record<number, number | undefined>>
      tokenOccurrences: Record<string, Record<string, number | undefined>>
    }
  }
  tokenizer: { tokenize: (text: string, language?: string, prop?: string) => string[] }
  internalDocumentIDStore: { idToInternalId: Map<string, number> }
}

/** The radix node whose subtree holds the words that start with `term` (undefined if none). */
function descend(root: RadixNode, term: string): RadixNode | undefined {
  let node = root
  let i = 0
  while (i < term.length) {
    const child = node.c.get(term[i]!)
    if (!child) return undefined
    const label = child.s
    let j = 0
    while (j < label.length && i + j < term.length && label[j] === term[i + j]) j++
    if (j === label.length) {
      node = child
      i += j
    } else if (i + j === term.length) return child // the term ends inside this edge
    else return undefined
  }
  return node
}

function collectWords(node: RadixNode, weight: number, out: [RadixNode, number][], maxLength: number) {
  const stack = [node]
  while (stack.length) {
    const n = stack.pop()!
    if (n.w.length > maxLength) continue
    if (n.e && n.d.size) out.push([n, weight])
    for (const child of n.c.values()) stack.push(child)
  }
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max (no full matrix for far words). */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      cur.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    prev = cur
  }
  return prev[b.length]!
}

const bit = <T extends string>(list: readonly T[]) => new Map(list.map((v, i) => [v, i]))
const sectorCode = bit(sectoren)
const vormCode = bit(vormen)
const begeleidingBit = bit(begeleidingSoorten)
const dagdeelBit = bit(alleDagdelen)
const vergoedingCode = bit(['geen', 'onkostenvergoeding', 'loon'] as const)
const bucketCode = bit(taalrijkheidBuckets)

/** Growable typed columns, one slot per document; removed slots are reused. */
class Columns {
  size = 0
  capacity: number
  alive!: Uint8Array
  lat!: Float64Array
  lon!: Float64Array
  score!: Float32Array
  urenMin!: Uint8Array
  urenMax!: Uint8Array
  published!: Float64Array
  sector!: Uint8Array
  vorm!: Uint8Array
  plaats!: Uint16Array
  begeleiding!: Uint8Array
  dagdelen!: Uint32Array
  niveau!: Uint8Array // 4 per slot
  school!: Uint8Array
  vergoeding!: Uint8Array
  bucket!: Uint8Array

  constructor(capacity = 1024) {
    this.capacity = capacity
    this.allocate(capacity)
  }

  private allocate(capacity: number) {
    const grow = <A extends Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array>(old: A | undefined, make: (n: number) => A, per = 1): A => {
      const next = make(capacity * per)
      if (old) next.set(old as never)
      return next
    }
    this.alive = grow(this.alive, (n) => new Uint8Array(n))
    this.lat = grow(this.lat, (n) => new Float64Array(n))
    this.lon = grow(this.lon, (n) => new Float64Array(n))
    this.score = grow(this.score, (n) => new Float32Array(n))
    this.urenMin = grow(this.urenMin, (n) => new Uint8Array(n))
    this.urenMax = grow(this.urenMax, (n) => new Uint8Array(n))
    this.published = grow(this.published, (n) => new Float64Array(n))
    this.sector = grow(this.sector, (n) => new Uint8Array(n))
    this.vorm = grow(this.vorm, (n) => new Uint8Array(n))
    this.plaats = grow(this.plaats, (n) => new Uint16Array(n))
    this.begeleiding = grow(this.begeleiding, (n) => new Uint8Array(n))
    this.dagdelen = grow(this.dagdelen, (n) => new Uint32Array(n))
    this.niveau = grow(this.niveau, (n) => new Uint8Array(n), 4)
    this.school = grow(this.school, (n) => new Uint8Array(n))
    this.vergoeding = grow(this.vergoeding, (n) => new Uint8Array(n))
    this.bucket = grow(this.bucket, (n) => new Uint8Array(n))
  }

  ensure(slot: number) {
    if (slot < this.capacity) return
    while (this.capacity <= slot) this.capacity *= 2
    this.allocate(this.capacity)
  }
}

export class EmbeddedSearchIndex implements SearchIndex {
  readonly engine = 'embedded' as const
  private orama: Orama<typeof textSchema>
  private cols = new Columns()
  private docs: (PlekDocument | undefined)[] = []
  private slotOf = new Map<string, number>()
  private slotByInternal: number[] = []
  private vocab?: { writes: number; byFirst: Map<string, string[]> }
  private free: number[] = []
  private plaatsen: string[] = []
  private plaatsCode = new Map<string, number>()
  private writes = 0
  /** The unfiltered browse (no text, filters or place): facets and full orders, until the next write. */
  private browseCache?: { writes: number; facets: SearchResult['facets']; total: number; orders: Map<string, number[]> }

  constructor() {
    this.orama = this.newOrama()
  }

  private newOrama() {
    return create({
      schema: textSchema,
      components: { tokenizer: { language: language as 'dutch', stemming: true, stemmer: cachedStemmer, stopWords: stopwords } },
    }) as Orama<typeof textSchema>
  }

  async applySettings(): Promise<void> {
    // Settings live in code (schema, tokenizer, synonyms); nothing to push.
  }

  async health(): Promise<SearchHealth> {
    return { ok: true, engine: 'embedded', documenten: this.slotOf.size }
  }

  async clear(): Promise<void> {
    this.orama = this.newOrama()
    this.cols = new Columns()
    this.docs = []
    this.slotOf.clear()
    this.slotByInternal = []
    this.free = []
    this.writes++
  }

  async upsert(input: PlekDocument[]): Promise<void> {
    if (input.length === 0) return
    // the last state of a document in one batch wins
    const latest = new Map(input.map((d) => [d.id, d]))
    const existing = [...latest.keys()].filter((id) => this.slotOf.has(id))
    if (existing.length) await removeMultiple(this.orama, existing, 1000)
    for (const d of latest.values()) this.store(d)
    await insertMultiple(
      this.orama,
      [...latest.values()].map((d) => ({ id: d.id, titel: d.titel, beroep: d.beroep, omschrijving: d.omschrijving, organisatieNaam: d.organisatieNaam, plaats: d.plaats })),
      1000,
    )
    const ids = (this.orama as unknown as OramaInternals).internalDocumentIDStore?.idToInternalId
    if (ids) for (const d of latest.values()) this.slotByInternal[ids.get(d.id)!] = this.slotOf.get(d.id)!
    this.writes++
  }

  async remove(ids: string[]): Promise<void> {
    const present = ids.filter((id) => this.slotOf.has(id))
    if (!present.length) return
    await removeMultiple(this.orama, present, 1000)
    for (const id of present) {
      const slot = this.slotOf.get(id)!
      this.slotOf.delete(id)
      this.docs[slot] = undefined
      this.cols.alive[slot] = 0
      this.free.push(slot)
    }
    this.writes++
  }

  private store(d: PlekDocument) {
    let slot = this.slotOf.get(d.id)
    if (slot === undefined) {
      slot = this.free.pop() ?? this.cols.size++
      this.slotOf.set(d.id, slot)
    }
    const c = this.cols
    c.ensure(slot)
    this.docs[slot] = d
    c.alive[slot] = 1
    c.lat[slot] = d.lat
    c.lon[slot] = d.lon
    c.score[slot] = d.taalrijkheidsscore
    c.urenMin[slot] = d.urenMin
    c.urenMax[slot] = d.urenMax
    c.published[slot] = d.gepubliceerdOp
    c.sector[slot] = sectorCode.get(d.sector) ?? 0
    c.vorm[slot] = vormCode.get(d.vorm) ?? 0
    let plaats = this.plaatsCode.get(d.plaats)
    if (plaats === undefined) {
      plaats = this.plaatsen.push(d.plaats) - 1
      this.plaatsCode.set(d.plaats, plaats)
    }
    c.plaats[slot] = plaats
    c.begeleiding[slot] = d.begeleiding.reduce((m, b) => m | (1 << (begeleidingBit.get(b) ?? 0)), 0)
    c.dagdelen[slot] = d.dagdelen.reduce((m, x) => (m | (1 << (dagdeelBit.get(x as never) ?? 0))) >>> 0, 0)
    vaardigheden.forEach((v, i) => (c.niveau[slot! * 4 + i] = d.niveau[v]))
    c.school[slot] = d.binnenSchooltijden ? 1 : 0
    c.vergoeding[slot] = vergoedingCode.get(d.vergoeding) ?? 0
    c.bucket[slot] = bucketCode.get(bucketOf(d.taalrijkheidsscore)) ?? 0
  }

  /**
   * Matches of one word: [slot, score] pairs, for the word as a prefix and for every indexed word
   * within its typo budget, scored with BM25 like Orama does.
   *
   * Orama stays the index (tokenizer with Dutch stemming and stop words, radix tree per field, term
   * statistics), but the lookup walks its radix trees directly: Orama's own find() gathers the
   * documents of a word with `Array.includes` per document, which is quadratic for common words
   * (734 ms for "medewerker" at 100k plekken), and its typo search walked 1–8 ms per long word even
   * on small indexes. Typos: we compare the word with the indexed words that start with the same
   * letter (a typo in the first letter is not tolerated; Meilisearch counts it double) using a
   * bounded Levenshtein distance. If a later Orama changes these internals, its public search()
   * with `tolerance` is used instead (same answers, slower); the contract suite covers both.
   */
  private async wordMatches(
    word: string,
    tolerance: number,
    maxExtraLetters = Infinity,
    passes?: (slot: number) => boolean,
    corrected?: Set<string>,
  ): Promise<[number, number][]> {
    const o = this.orama as unknown as OramaInternals
    const trees = o.data?.index?.indexes
    if (!trees || typeof o.tokenizer?.tokenize !== 'function' || !(o.internalDocumentIDStore?.idToInternalId instanceof Map)) {
      const res = await oramaSearch(this.orama, { term: word, properties: [...textProperties], tolerance, boost, limit: this.slotOf.size || 1 })
      return res.hits.flatMap((h) => {
        const slot = this.slotOf.get(h.id)
        return slot === undefined ? [] : [[slot, h.score] as [number, number]]
      })
    }
    const stem = o.tokenizer.tokenize(word, undefined, 'titel')[0]
    if (!stem) return []
    // the indexed words this query word stands for, with a weight: fewer typos rank higher
    const terms = new Map<string, number>()
    if (tolerance > 0) {
      for (const candidate of this.vocabulary().get(stem[0]!) ?? []) {
        const distance = boundedLevenshtein(stem, candidate, tolerance)
        if (distance > 0 && distance <= tolerance) terms.set(candidate, 1 - 0.15 * distance)
      }
    }
    const scores = this.scratch(this.cols.capacity)
    const touched: number[] = []
    const index = o.data.index
    const docsCount = this.slotOf.size
    for (const prop of textProperties) {
      const root = trees[prop]?.node
      if (!root) continue
      const found: [RadixNode, number][] = []
      const prefixNode = descend(root, stem)
      if (prefixNode) collectWords(prefixNode, 1, found, stem.length + maxExtraLetters)
      for (const [term, weight] of terms) {
        const node = descend(root, term)
        if (node?.e && node.w === term) {
          found.push([node, weight])
          corrected?.add(term)
        }
      }
      const avg = index.avgFieldLength[prop] ?? 1
      const lengths = index.fieldLengths[prop]!
      const occurrences = index.tokenOccurrences[prop]!
      const propBoost = boost[prop]
      for (const [node, weight] of found) {
        const occ = typeof occurrences[node.w] === 'number' ? occurrences[node.w]! : 0
        const idf = Math.log(1 + (docsCount - occ + 0.5) / (occ + 0.5))
        for (const internalId of node.d) {
          const slot = this.slotByInternal[internalId]
          if (slot === undefined || !this.cols.alive[slot] || (passes && !passes(slot))) continue
          // Term frequency as one occurrence in the field: our fields are short, and reading Orama's
          // per-document frequency objects was two thirds of the lookup time for common words.
          const length = lengths[internalId] ?? avg
          const tf = 1 / length
          const bm = (idf * (bm25.d + tf * (bm25.k + 1))) / (tf + bm25.k * (1 - bm25.b + (bm25.b * length) / avg))
          if (scores[slot] === 0) touched.push(slot)
          scores[slot] = scores[slot]! + bm * (propBoost ?? 1) * weight
        }
      }
    }
    const out = touched.map((slot) => [slot, scores[slot]!] as [number, number])
    for (const slot of touched) scores[slot] = 0
    return out
  }

  /** A zeroed score buffer, reused between queries (callers reset what they touched). */
  private scratch(size: number): Float64Array {
    if (!this.scoreBuffer || this.scoreBuffer.length < size) this.scoreBuffer = new Float64Array(size)
    return this.scoreBuffer
  }
  private scoreBuffer?: Float64Array

  /** Every indexed word by first letter; rebuilt lazily after writes (a walk over Orama's radix trees). */
  private vocabulary(): Map<string, string[]> {
    if (this.vocab?.writes === this.writes) return this.vocab.byFirst
    const o = this.orama as unknown as OramaInternals
    const words = new Set<string>()
    const walk = (node: RadixNode) => {
      if (node.e && node.w) words.add(node.w)
      for (const child of node.c.values()) walk(child)
    }
    for (const prop of textProperties) {
      const tree = o.data.index.indexes?.[prop]?.node
      if (tree) walk(tree)
    }
    const byFirst = new Map<string, string[]>()
    for (const w of words) {
      const list = byFirst.get(w[0]!)
      if (list) list.push(w)
      else byFirst.set(w[0]!, [w])
    }
    this.vocab = { writes: this.writes, byFirst }
    return byFirst
  }

  /** Full-text part: per query word (with its synonyms) the matching slots and a relevance score. */
  private async textMatches(
    q: string,
    passes?: (slot: number) => boolean,
  ): Promise<{ words: string[]; corrected: string[]; matched: Map<number, { n: number; score: number }> } | undefined> {
    const words = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) => !stopwordSet.has(w)).slice(0, 10)
    if (words.length === 0) return undefined
    const matched = new Map<number, { n: number; score: number }>()
    const corrected = new Set<string>() // indexed words a typo was corrected to, for the snippet
    for (const word of words) {
      const best = new Map<number, number>()
      for (const alt of [word, ...synonymsOf(word)]) {
        // A synonym counts a little less than the word itself, and matches as a word (with at most
        // a plural ending), not as a prefix: "groen" must not find "groenten".
        const synonym = alt !== word
        const pairs = synonym ? await this.wordMatches(alt, 0, 0, passes) : await this.wordMatches(alt, typosFor(alt), Infinity, passes, corrected)
        const weight = synonym ? 0.8 : 1
        for (const [slot, score] of pairs) {
          const s = score * weight
          if ((best.get(slot) ?? -1) < s) best.set(slot, s)
        }
      }
      for (const [slot, s] of best) {
        const m = matched.get(slot)
        if (m) {
          m.n++
          m.score += s
        } else matched.set(slot, { n: 1, score: s })
      }
    }
    return { words, corrected: [...corrected], matched }
  }

  async kandidaten(query: Pick<PlekQuery, 'filters' | 'geo'>, max: number): Promise<Kandidaat[]> {
    const { passes } = this.filterOf(query)
    const c = this.cols
    const geo = query.geo
    const out: Kandidaat[] = []
    for (let slot = 0; slot < c.size && out.length < max; slot++) {
      if (!passes(slot)) continue
      if (geo?.straalKm !== undefined && afstandKm(geo, { lat: c.lat[slot]!, lon: c.lon[slot]! }) > geo.straalKm) continue
      const d = this.docs[slot]!
      out.push({ id: d.id, versie: d.versie })
    }
    return out
  }

  /** The filters of a query as one cheap check per slot (the radius as its bounding box). */
  private filterOf(query: Pick<PlekQuery, 'filters' | 'geo'>) {
    const c = this.cols
    const f = query.filters

    // Prepare filters as codes and masks once.
    const sectorSet = f.sector?.length ? new Set(f.sector.map((s) => sectorCode.get(s))) : undefined
    const vormSet = f.vorm?.length ? new Set(f.vorm.map((s) => vormCode.get(s))) : undefined
    const plaatsSet = f.plaats?.length ? new Set(f.plaats.map((p) => this.plaatsCode.get(p) ?? -1)) : undefined
    const vergoedingSet = f.vergoeding?.length ? new Set(f.vergoeding.map((v) => vergoedingCode.get(v))) : undefined
    const begeleidingMask = (f.begeleiding ?? []).reduce((m, b) => m | (1 << begeleidingBit.get(b)!), 0)
    const dagdeelMask = (f.dagdelen ?? []).reduce((m, d) => (m | (1 << (dagdeelBit.get(d as never) ?? 31))) >>> 0, 0)
    const maxNiveau = vaardigheden.map((v) => (f.maxNiveau?.[v] ? niveaus.indexOf(f.maxNiveau[v]!) : 99))
    const checkNiveau = maxNiveau.some((n) => n < 99)
    const geo = query.geo
    const radius = geo?.straalKm
    // Bounding box around the circle: cheap comparisons reject most documents before the exact distance.
    const dLat = radius !== undefined ? radius / 110.574 : 0
    const dLon = radius !== undefined && geo ? radius / (111.32 * Math.cos((geo.lat * Math.PI) / 180)) : 0

    const hasFilters = !!(geo || sectorSet || vormSet || plaatsSet || vergoedingSet || begeleidingMask || dagdeelMask || checkNiveau) ||
      f.urenMin !== undefined || f.urenMax !== undefined || f.minTaalrijkheid !== undefined || f.binnenSchooltijden !== undefined

    /** The cheap checks: every filter, and the bounding box of the radius. */
    const passes = (slot: number): boolean => {
      if (!c.alive[slot]) return false
      if (sectorSet && !sectorSet.has(c.sector[slot])) return false
      if (vormSet && !vormSet.has(c.vorm[slot])) return false
      if (plaatsSet && !plaatsSet.has(c.plaats[slot]!)) return false
      if (vergoedingSet && !vergoedingSet.has(c.vergoeding[slot])) return false
      if (begeleidingMask && (c.begeleiding[slot]! & begeleidingMask) !== begeleidingMask) return false
      if (dagdeelMask && (c.dagdelen[slot]! & dagdeelMask) === 0) return false
      if (f.urenMax !== undefined && c.urenMin[slot]! > f.urenMax) return false
      if (f.urenMin !== undefined && c.urenMax[slot]! < f.urenMin) return false
      if (f.minTaalrijkheid !== undefined && c.score[slot]! < f.minTaalrijkheid - 1e-6) return false
      if (f.binnenSchooltijden !== undefined && c.school[slot] !== (f.binnenSchooltijden ? 1 : 0)) return false
      if (checkNiveau) {
        const base = slot * 4
        for (let i = 0; i < 4; i++) if (c.niveau[base + i]! > maxNiveau[i]!) return false
      }
      if (geo && radius !== undefined && (Math.abs(c.lat[slot]! - geo.lat) > dLat || Math.abs(c.lon[slot]! - geo.lon) > dLon)) return false
      return true
    }
    return { passes, hasFilters }
  }

  async search(query: PlekQuery): Promise<SearchResult> {
    const start = performance.now()
    const c = this.cols
    const { passes, hasFilters } = this.filterOf(query)
    const geo = query.geo
    const radius = geo?.straalKm
    // Text is matched only within what the filters let through, so common words stay cheap.
    const text = query.q ? await this.textMatches(query.q, hasFilters ? passes : undefined) : undefined
    const unfiltered = !text && !hasFilters

    const slots: number[] = []
    const distance = new Map<number, number>()
    const consider = (slot: number): void => {
      if (!passes(slot)) return
      if (geo) {
        const km = afstandKm(geo, { lat: c.lat[slot]!, lon: c.lon[slot]! })
        if (radius !== undefined && km > radius) return
        distance.set(slot, km)
      }
      slots.push(slot)
    }
    const offset = (query.page - 1) * query.perPage
    let top: number[]
    let total: number
    let facets: SearchResult['facets']
    if (unfiltered) {
      // Browsing everything is the landing page of search: keep its facets and full order per sort.
      if (this.browseCache?.writes !== this.writes) {
        for (let slot = 0; slot < c.size; slot++) consider(slot)
        this.browseCache = { writes: this.writes, facets: this.countFacets(slots), total: slots.length, orders: new Map() }
      }
      const cache = this.browseCache
      let order = cache.orders.get(query.sort)
      if (!order) {
        const all: number[] = []
        for (let slot = 0; slot < c.size; slot++) if (c.alive[slot]) all.push(slot)
        order = all.sort(this.comparator(query, undefined, distance))
        cache.orders.set(query.sort, order)
      }
      top = order.slice(offset, offset + query.perPage)
      total = cache.total
      facets = cache.facets
    } else {
      if (text) for (const slot of text.matched.keys()) consider(slot)
      else for (let slot = 0; slot < c.size; slot++) consider(slot)
      facets = this.countFacets(slots)
      top = topK(slots, offset + query.perPage, this.comparator(query, text?.matched, distance)).slice(offset)
      total = slots.length
    }
    const words = text ? [...text.words.flatMap((w) => [w, ...synonymsOf(w)]), ...text.corrected] : []
    const hits = top.map((slot) => {
      const d = this.docs[slot]!
      const km = distance.get(slot)
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
        ...(km !== undefined ? { afstandKm: Math.round(km * 10) / 10 } : {}),
        fragment: fragmentOf(d.omschrijving, words),
      }
    })
    return { hits, total, facets, tijdMs: Math.round((performance.now() - start) * 100) / 100 }
  }

  private countFacets(slots: number[]): SearchResult['facets'] {
    const c = this.cols
    const sector = new Uint32Array(sectoren.length)
    const vorm = new Uint32Array(vormen.length)
    const begeleiding = new Uint32Array(begeleidingSoorten.length)
    const plaats = new Uint32Array(this.plaatsen.length)
    const bucket = new Uint32Array(taalrijkheidBuckets.length)
    for (const slot of slots) {
      sector[c.sector[slot]!]!++
      vorm[c.vorm[slot]!]!++
      plaats[c.plaats[slot]!]!++
      bucket[c.bucket[slot]!]!++
      const b = c.begeleiding[slot]!
      if (b) for (let i = 0; i < begeleidingSoorten.length; i++) if (b & (1 << i)) begeleiding[i]!++
    }
    const named = (names: readonly string[], counts: Uint32Array) => {
      const out: Record<string, number> = {}
      names.forEach((n, i) => {
        if (counts[i]) out[n] = counts[i]!
      })
      return out
    }
    const result = {
      sector: named(sectoren, sector),
      vorm: named(vormen, vorm),
      begeleiding: named(begeleidingSoorten, begeleiding),
      plaats: named(this.plaatsen, plaats),
      taalrijkheid: named(taalrijkheidBuckets, bucket),
    } satisfies Record<FacetNaam, Record<string, number>>
    void facetNamen
    return result
  }

  private comparator(query: PlekQuery, text: Map<number, { n: number; score: number }> | undefined, distance: Map<number, number>) {
    const c = this.cols
    const byRelevance = (a: number, b: number) => {
      if (!text) return 0
      const ta = text.get(a)!
      const tb = text.get(b)!
      return tb.n - ta.n || tb.score - ta.score
    }
    const byNewest = (a: number, b: number) => c.published[b]! - c.published[a]!
    const byDistance = (a: number, b: number) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0)
    const byTaal = (a: number, b: number) => c.score[b]! - c.score[a]!
    const tie = (a: number, b: number) => (this.docs[a]!.id < this.docs[b]!.id ? -1 : 1)
    switch (query.sort) {
      case 'afstand':
        return (a: number, b: number) => byDistance(a, b) || byRelevance(a, b) || byNewest(a, b) || tie(a, b)
      case 'taalrijkheid':
        return (a: number, b: number) => byTaal(a, b) || byRelevance(a, b) || byNewest(a, b) || tie(a, b)
      case 'nieuwste':
        return (a: number, b: number) => byNewest(a, b) || byRelevance(a, b) || tie(a, b)
      case 'relevantie':
      default:
        // without a text query "relevance" means: nearest first when a place is given, else newest
        return (a: number, b: number) => byRelevance(a, b) || (query.geo ? byDistance(a, b) : 0) || byNewest(a, b) || tie(a, b)
    }
  }
}

/** The first k items in order, without sorting everything: a bounded max-heap when k is small. */
export function topK(items: number[], k: number, compare: (a: number, b: number) => number): number[] {
  if (k <= 0) return []
  if (items.length <= k * 4) return items.slice().sort(compare).slice(0, k)
  const heap: number[] = [] // max-heap by compare: heap[0] is the worst of the best k
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (compare(heap[i]!, heap[p]!) <= 0) break
      ;[heap[i], heap[p]] = [heap[p]!, heap[i]!]
      i = p
    }
  }
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && compare(heap[l]!, heap[m]!) > 0) m = l
      if (r < heap.length && compare(heap[r]!, heap[m]!) > 0) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item)
      up(heap.length - 1)
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item
      down(0)
    }
  }
  return heap.sort(compare)
}
