import type { PlekQuery } from '../port.js'
import type { Columns } from './columns.js'
import type { TextRank } from './text.js'

// The order of hits: per sort a comparator over slots, with ties broken by newest, then id, so
// pages are stable; the top of a page without sorting everything; and the orders that need no
// query (newest, taalrijkheid) kept as sorted lists of slots through every write, so browsing
// reads its page instead of sorting every slot.

type Comparator = (a: number, b: number) => number

/** Newest first, then by id: the last tie-breaks of every order. */
export const newestFirst = (c: Columns): Comparator => (a, b) => c.published[b]! - c.published[a]! || (c.id[a]! < c.id[b]! ? -1 : c.id[a]! > c.id[b]! ? 1 : 0)
/** The order of browsing by taalrijkheid: highest score first, then newest, then id. */
export const richestFirst = (c: Columns): Comparator => {
  const newest = newestFirst(c)
  return (a, b) => c.score[b]! - c.score[a]! || newest(a, b)
}

/**
 * The comparator of a query's sort. `text` ranks the text matches (relevance), `distance` holds the
 * distance per slot when a place is given.
 */
export function comparatorOf(query: Pick<PlekQuery, 'sort' | 'geo'>, c: Columns, text: TextRank | undefined, distance: Float64Array): Comparator {
  const byRelevance: Comparator = (a, b) => {
    if (!text) return 0
    // Meilisearch's rules in this project's order: words, typo, exactness, attribute; then BM25
    return (
      text.n[b]! - text.n[a]! ||
      text.typos[a]! - text.typos[b]! ||
      text.inexact[a]! - text.inexact[b]! ||
      text.attr[a]! - text.attr[b]! ||
      text.score[b]! - text.score[a]!
    )
  }
  const byNewest: Comparator = (a, b) => c.published[b]! - c.published[a]!
  const byDistance: Comparator = query.geo ? (a, b) => distance[a]! - distance[b]! : () => 0
  const byTaal: Comparator = (a, b) => c.score[b]! - c.score[a]!
  // by newest, then id. (Not from each slot's position in the kept newest order: renumbering
  // 100,000 slots after every write cost more than the comparisons it saved.)
  const tie = newestFirst(c)
  switch (query.sort) {
    case 'afstand':
      return (a, b) => byDistance(a, b) || byRelevance(a, b) || tie(a, b)
    case 'taalrijkheid':
      return (a, b) => byTaal(a, b) || byRelevance(a, b) || tie(a, b)
    case 'nieuwste':
      return (a, b) => byNewest(a, b) || byRelevance(a, b) || tie(a, b)
    case 'relevantie':
    default:
      // without a text query "relevance" means: nearest first when a place is given, else newest
      return (a, b) => byRelevance(a, b) || byDistance(a, b) || tie(a, b)
  }
}

/**
 * Slots in one fixed order, kept through every write: take slots out before their columns change
 * (`remove`, found by binary search) and put them back after (`insert`). A batch of many is sorted
 * and merged in one pass, so filling an index of 100,000 stays linear per batch.
 */
export class SlotOrder {
  slots: number[] = []

  constructor(private readonly compare: Comparator) {}

  clear(): void {
    this.slots = []
  }

  remove(slots: number[]): void {
    if (!slots.length) return
    if (slots.length > 64) {
      const gone = new Set(slots)
      this.slots = this.slots.filter((s) => !gone.has(s))
      return
    }
    for (const slot of slots) {
      let at = this.lowerBound(slot, 0)
      if (this.slots[at] !== slot) at = this.slots.indexOf(slot) // a comparator that is not total (NaN): find it anyway
      if (at >= 0) this.slots.splice(at, 1)
    }
  }

  insert(slots: number[]): void {
    if (!slots.length) return
    if (slots.length <= 64) {
      for (const slot of slots) this.slots.splice(this.lowerBound(slot, 0), 0, slot)
      return
    }
    const merged: number[] = []
    let from = 0
    for (const slot of slots.slice().sort(this.compare)) {
      const at = this.lowerBound(slot, from)
      for (let i = from; i < at; i++) merged.push(this.slots[i]!)
      merged.push(slot)
      from = at
    }
    for (let i = from; i < this.slots.length; i++) merged.push(this.slots[i]!)
    this.slots = merged
  }


  /** The first position from `from` whose slot does not come before `slot`. */
  private lowerBound(slot: number, from: number): number {
    let lo = from
    let hi = this.slots.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.compare(this.slots[mid]!, slot) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** The first k items in order, without sorting everything: a bounded max-heap when k is small. */
export function topK(items: number[], k: number, compare: Comparator): number[] {
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
