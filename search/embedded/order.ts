import type { PlekQuery } from '../port.js'
import type { Columns } from './columns.js'
import type { TextRank } from './text.js'

// The order of hits: per sort a comparator over slots, with ties broken by newest, then id, so
// pages are stable; and the top of a page without sorting everything.

type Comparator = (a: number, b: number) => number

/**
 * The comparator of a query's sort. `text` ranks the text matches (relevance), `distance` the
 * distance per slot when a place is given, `idOf` the document id of a slot (the last tie-break).
 */
export function comparatorOf(
  query: Pick<PlekQuery, 'sort' | 'geo'>,
  c: Columns,
  idOf: (slot: number) => string,
  text: TextRank | undefined,
  distance: Map<number, number>,
): Comparator {
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
  const byDistance: Comparator = (a, b) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0)
  const byTaal: Comparator = (a, b) => c.score[b]! - c.score[a]!
  const tie: Comparator = (a, b) => (idOf(a) < idOf(b) ? -1 : 1)
  switch (query.sort) {
    case 'afstand':
      return (a, b) => byDistance(a, b) || byRelevance(a, b) || byNewest(a, b) || tie(a, b)
    case 'taalrijkheid':
      return (a, b) => byTaal(a, b) || byRelevance(a, b) || byNewest(a, b) || tie(a, b)
    case 'nieuwste':
      return (a, b) => byNewest(a, b) || byRelevance(a, b) || tie(a, b)
    case 'relevantie':
    default:
      // without a text query "relevance" means: nearest first when a place is given, else newest
      return (a, b) => byRelevance(a, b) || (query.geo ? byDistance(a, b) : 0) || byNewest(a, b) || tie(a, b)
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
