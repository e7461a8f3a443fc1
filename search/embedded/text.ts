import { typosFor } from '../port.js'
import { zoekvelden, type AnalysedDocument } from '../analyse/document.js'
import { queryWordsOf } from '../analyse/tekst.js'
import { relatedWordsOf } from '../synoniemen.js'

// Full text for the embedded adapter: an inverted index over the analysed words of search/analyse
// (the same words Meilisearch gets), one posting list per word holding (slot, field) pairs.
//
// Ranking follows Meilisearch's rules in the order both engines use (docs/search.md, "Ranking"),
// with its matching strategy "last" (a plek must hold the first query word): more query words
// matched first (from the start of the query); then fewer typos; then more words matched exactly (not only as a
// prefix or with a typo); then the best field (zoekvelden's order: titel, beroep, their forms, their
// compound parts, synonyms, related occupations, organisatie, plaats, category, omschrijving, its
// forms and parts); then BM25 (one occurrence per field, the field's length) as the last tie-break.
//
// Query words match whole, the last one also as a prefix of a longer word (as Meilisearch), through
// their related search words (whole words, as Meilisearch's synonyms), and with typos by length (none under 5 letters, 1 up to 8, 2
// above; never in the first letter), always on the word as typed.

const FIELDS = zoekvelden.length
const SHIFT = 4 // a posting is slot << 4 | field: at most 16 fields
if (FIELDS > 1 << SHIFT) throw new Error('search/embedded/text.ts: te veel zoekvelden voor een posting')
const fieldWeight = Float64Array.from(zoekvelden, (f) => ({ titel: 3, beroep: 2.5, organisatie: 1.5, omschrijving: 1 })[f as string] ?? 1)
const bm25 = { k: 1.2, b: 0.75 }
const NONE = 0xffff
const FIELD_MASK = (1 << SHIFT) - 1
/** A removed posting, left in place until its list is compacted. */
const GONE = -1

/** Two rows of the Levenshtein matrix, reused: a typo search compares the word with hundreds of words. */
let rows = [new Int32Array(64), new Int32Array(64)]

/** Levenshtein distance, or max + 1 as soon as it must exceed max (no full matrix for far words). */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1)]
  let [prev, cur] = rows as [Int32Array, Int32Array]
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1)
    cur[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1))
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    ;[prev, cur] = [cur, prev]
  }
  return prev[n]!
}

/** How well the query matched one slot (read by the comparator of embedded/order.ts). */
export interface TextRank {
  /** query words matched, counted from the first up to the first one not matched */
  n: Uint8Array
  /** typos over the matched words (each word's best match) */
  typos: Uint8Array
  /** matched words without an exact match (prefix or typo only) */
  inexact: Uint8Array
  /** the sum over matched words of the best field's rank (0 = titel) */
  attr: Uint16Array
  /** BM25, the last tie-break */
  score: Float64Array
}

/** The documents of a query's text. */
export interface TextMatches {
  words: string[]
  /** Indexed words a typo was corrected to, for the snippet. */
  corrected: string[]
  /** Slots that matched at least one word. */
  slots: number[]
  rank: TextRank
}

/** What the text index needs to know of the adapter's slots while matching. */
export interface TextScope {
  /** Highest slot number + 1. */
  slots: number
  /** The cheap filter checks; text is matched only within what they let through. */
  passes?: (slot: number) => boolean
  /** Or the slots that passed them already, marked 1 (a byte per slot is cheaper than the checks per posting). */
  allowed?: Uint8Array
}

export class TextIndex {
  private ids = new Map<string, number>()
  private words: string[] = []
  private postings: number[][] = []
  /** per word: its postings that are GONE (the word's document frequency is the rest) */
  private gone: number[] = []
  /** every word, sorted (for prefixes); new words are inserted in place */
  private sorted: string[] = []
  /** word ids by first letter (typo candidates) */
  private byFirst = new Map<string, number[]>()
  /**
   * per slot: where its postings are, as pairs (word id, position in that word's list), undefined
   * when empty. Removing a document then marks its own postings GONE, instead of filtering the
   * whole list of every word it held (100,000 postings for a common word: 90 ms per write at 100k).
   */
  private postingsOfSlot: (Int32Array | undefined)[] = []
  /** per slot and field: the number of words */
  private lengths = new Uint16Array(0)
  private lengthSum = new Float64Array(FIELDS)
  private documents = 0
  private rank?: TextRank & { capacity: number }
  private wordKey = new Uint16Array(0)
  private wordScore = new Float64Array(0)

  clear(): void {
    this.ids.clear()
    this.words = []
    this.postings = []
    this.gone = []
    this.sorted = []
    this.byFirst.clear()
    this.postingsOfSlot = []
    this.lengths = new Uint16Array(0)
    this.lengthSum.fill(0)
    this.documents = 0
  }

  /** Indexes analysed documents at their slots (a slot that holds a document already is replaced). */
  upsert(items: { slot: number; fields: AnalysedDocument }[]): void {
    const replaced = items.map((i) => i.slot).filter((slot) => this.postingsOfSlot[slot] !== undefined)
    if (replaced.length) this.remove(replaced)
    const maxSlot = items.reduce((m, i) => Math.max(m, i.slot), -1)
    this.ensureLengths(maxSlot + 1)
    for (const { slot, fields } of items) {
      const held: number[] = []
      for (let f = 0; f < FIELDS; f++) {
        const list = fields[zoekvelden[f]!]
        this.lengths[slot * FIELDS + f] = Math.min(list.length, 0xffff)
        this.lengthSum[f]! += list.length
        for (const word of list) {
          const id = this.idOf(word)
          held.push(id, this.postings[id]!.push((slot << SHIFT) | f) - 1)
        }
      }
      this.postingsOfSlot[slot] = Int32Array.from(held)
      this.documents++
    }
  }

  /**
   * Removes the documents at these slots: each of their postings is marked GONE where it is. A list
   * that is more than half GONE is compacted (so a list is rewritten at most once per half its length
   * of removals); the postings left keep their order, so scores add up in the same order as before.
   */
  remove(slots: number[]): void {
    const touched = new Set<number>()
    for (const slot of slots) {
      const held = this.postingsOfSlot[slot]
      if (!held) continue
      for (let i = 0; i < held.length; i += 2) {
        const id = held[i]!
        this.postings[id]![held[i + 1]!] = GONE
        this.gone[id]!++
        touched.add(id)
      }
      for (let f = 0; f < FIELDS; f++) this.lengthSum[f]! -= this.lengths[slot * FIELDS + f]!
      this.postingsOfSlot[slot] = undefined
      this.documents--
    }
    for (const id of touched) if (this.gone[id]! * 2 > this.postings[id]!.length) this.compact(id)
  }

  /** Drops a word's GONE postings and tells the slots of the others where theirs now are. */
  private compact(id: number): void {
    const list = this.postings[id]!
    const kept: number[] = []
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!
      if (p === GONE) continue
      if (kept.length !== i) {
        const pairs = this.postingsOfSlot[p >>> SHIFT]!
        for (let k = 0; k < pairs.length; k += 2) if (pairs[k] === id && pairs[k + 1] === i) pairs[k + 1] = kept.length
      }
      kept.push(p)
    }
    this.postings[id] = kept
    this.gone[id] = 0
  }

  /** Per query word the matching slots, ranked as described above; undefined when no word is left. */
  match(q: string, scope: TextScope): TextMatches | undefined {
    const words = queryWordsOf(q)
    if (words.length === 0) return undefined
    const rank = this.rankBuffers(scope.slots)
    const key = this.wordKey
    const wscore = this.wordScore
    const corrected = new Set<string>()
    const slots: number[] = []
    const { passes, allowed } = scope
    // BM25 with one occurrence per field: idf · weight · (k + 1) / (1 + k(1 − b) + k·b·length/avg)
    const lengthFactor = Float64Array.from(this.lengthSum, (sum) => (bm25.k * bm25.b) / Math.max(1, sum / Math.max(1, this.documents)))
    const constant = 1 + bm25.k * (1 - bm25.b)
    const gain = new Float64Array(FIELDS)
    const lengths = this.lengths
    for (const [w, word] of words.entries()) {
      const touched: number[] = []
      for (const [id, typos, exact] of this.candidates(word, corrected, w === words.length - 1)) {
        const list = this.postings[id]!
        const frequency = list.length - this.gone[id]!
        if (frequency === 0) continue
        const idf = Math.log(1 + (this.documents - frequency + 0.5) / (frequency + 0.5))
        const base = typos * 64 + (exact ? 0 : 32)
        const weight = (exact ? 1 : 0.5) * (1 - 0.15 * typos) * idf * (bm25.k + 1)
        for (let f = 0; f < FIELDS; f++) gain[f] = weight * fieldWeight[f]!
        for (let i = 0; i < list.length; i++) {
          const p = list[i]!
          if (p === GONE) continue
          const slot = p >>> SHIFT
          if (allowed !== undefined ? allowed[slot] !== 1 : passes !== undefined && !passes(slot)) continue
          const f = p & FIELD_MASK
          const k = base + f
          const old = key[slot]!
          if (old === NONE) {
            touched.push(slot)
            key[slot] = k
          } else if (k < old) key[slot] = k
          wscore[slot]! += gain[f]! / (constant + lengthFactor[f]! * lengths[slot * FIELDS + f]!)
        }
      }
      for (const slot of touched) {
        const k = key[slot]!
        key[slot] = NONE
        // Meilisearch's matchingStrategy "last": a plek must hold the first word; the words rule
        // counts the query's words from the start up to the first one it lacks
        if (rank.n[slot] === w) {
          if (w === 0) slots.push(slot)
          rank.n[slot]!++
          rank.typos[slot]! += k >> 6
          rank.inexact[slot]! += (k >> 5) & 1
          rank.attr[slot]! += k & 31
          rank.score[slot]! += wscore[slot]!
        }
        wscore[slot] = 0
      }
    }
    return { words, corrected: [...corrected], slots, rank }
  }

  /** Clears what the last match wrote into the rank buffers (call when done with its result). */
  release(m: TextMatches): void {
    for (const slot of m.slots) {
      m.rank.n[slot] = 0
      m.rank.typos[slot] = 0
      m.rank.inexact[slot] = 0
      m.rank.attr[slot] = 0
      m.rank.score[slot] = 0
    }
  }

  /** The indexed words a query word stands for: [word id, typos, exact]; longer words it begins only for the last query word (`prefix`), as in Meilisearch. */
  private candidates(word: string, corrected: Set<string>, prefix: boolean): [number, number, boolean][] {
    const out: [number, number, boolean][] = []
    const exact = this.ids.get(word)
    if (exact !== undefined) out.push([exact, 0, true])
    // every longer word it is a prefix of
    let i = prefix ? lowerBound(this.sorted, word) : this.sorted.length
    const seen = new Set<number>()
    for (; i < this.sorted.length && this.sorted[i]!.startsWith(word); i++) {
      const id = this.ids.get(this.sorted[i]!)!
      if (id !== exact) out.push([id, 0, false]), seen.add(id)
    }
    // related search words (search/synoniemen.ts): whole words, never exact
    for (const related of relatedWordsOf(word)) {
      const id = this.ids.get(related)
      if (id !== undefined && id !== exact && !seen.has(id)) out.push([id, 0, false]), seen.add(id)
    }
    const tolerance = typosFor(word)
    if (tolerance > 0) {
      for (const id of this.byFirst.get(word[0]!) ?? []) {
        if (id === exact || seen.has(id)) continue
        const w = this.words[id]!
        if (Math.abs(w.length - word.length) > tolerance) continue
        const d = boundedLevenshtein(word, w, tolerance)
        if (d > 0 && d <= tolerance) {
          out.push([id, d, false])
          corrected.add(w)
        }
      }
    }
    return out
  }

  private idOf(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) {
      id = this.words.length
      this.ids.set(word, id)
      this.words.push(word)
      this.postings.push([])
      this.gone.push(0)
      this.sorted.splice(lowerBound(this.sorted, word), 0, word)
      const first = word[0]!
      const list = this.byFirst.get(first)
      if (list) list.push(id)
      else this.byFirst.set(first, [id])
    }
    return id
  }

  private ensureLengths(slots: number): void {
    if (this.lengths.length >= slots * FIELDS) return
    const grown = new Uint16Array(Math.max(slots, (this.lengths.length / FIELDS) * 2, 1024) * FIELDS)
    grown.set(this.lengths)
    this.lengths = grown
  }

  /** Zeroed rank buffers for `slots` slots, reused between queries (release() resets what a match wrote). */
  private rankBuffers(slots: number): TextRank {
    if (!this.rank || this.rank.capacity < slots) {
      const capacity = Math.max(slots, 1024)
      this.rank = { capacity, n: new Uint8Array(capacity), typos: new Uint8Array(capacity), inexact: new Uint8Array(capacity), attr: new Uint16Array(capacity), score: new Float64Array(capacity) }
      this.wordKey = new Uint16Array(capacity).fill(NONE)
      this.wordScore = new Float64Array(capacity)
    }
    return this.rank
  }
}

/** The first index in a sorted list whose word is not below `word`. */
function lowerBound(list: string[], word: string): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < word) lo = mid + 1
    else hi = mid
  }
  return lo
}
