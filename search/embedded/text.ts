import { create, insertMultiple, removeMultiple, search, type Orama } from '@orama/orama'
import { stemmer, language } from '@orama/stemmers/dutch'
import { stopwords } from '@orama/stopwords/dutch'
import { typosFor, type PlekDocument } from '../port.js'
import { synonymsOf } from '../synoniemen.js'
import { collectWords, descend, fieldIndexOf, indexedWords, internalIdOf, type RadixNode } from './orama-internals.js'

// Full text for the embedded adapter: Orama (with the Dutch stemmer and stop words) tokenises and
// keeps a radix tree per text field with its term statistics. Query words match as a prefix and,
// by their length, with typos; synonyms match as whole words. Relevance is BM25 with field weights.

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
const bm25 = { k: 1.2, b: 0.75, d: 0.5 } // Orama's defaults

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

const newOrama = () =>
  create({
    schema: textSchema,
    components: { tokenizer: { language: language as 'dutch', stemming: true, stemmer: cachedStemmer, stopWords: stopwords } },
  }) as Orama<typeof textSchema>

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

/**
 * How a word's documents are found. `radix` (the default) walks Orama's radix trees directly;
 * `orama` asks Orama's public search() with `tolerance` (slower; the reference the contract suite
 * also runs, and the way out if the internals ever cannot be read).
 */
export type TextLookup = 'radix' | 'orama'

/** The documents of a query's text: per slot how many query words matched and the summed score. */
export interface TextMatches {
  words: string[]
  /** Indexed words a typo was corrected to, for the snippet. */
  corrected: string[]
  matched: Map<number, { n: number; score: number }>
}

/** What the text index needs to know of the adapter's slots while matching. */
export interface TextScope {
  /** Documents in the index (BM25's document count). */
  documents: number
  /** Highest slot number + 1 (the size of the score buffer). */
  slots: number
  slotOf(id: string): number | undefined
  /** The cheap filter checks; text is matched only within what they let through. */
  passes?: (slot: number) => boolean
}

export class TextIndex {
  private orama = newOrama()
  private slotByInternal: (number | undefined)[] = []
  private writes = 0
  private vocab?: { writes: number; byFirst: Map<string, string[]> }
  private scoreBuffer?: Float64Array

  constructor(private lookup: TextLookup = 'radix') {}

  clear(): void {
    this.orama = newOrama()
    this.slotByInternal = []
    this.writes++
  }

  /** Indexes these documents at their slots; `replacing` are ids already indexed (removed first). */
  async upsert(docs: { doc: PlekDocument; slot: number }[], replacing: string[]): Promise<void> {
    if (replacing.length) await this.remove(replacing)
    await insertMultiple(
      this.orama,
      docs.map(({ doc: d }) => ({ id: d.id, titel: d.titel, beroep: d.beroep, omschrijving: d.omschrijving, organisatieNaam: d.organisatieNaam, plaats: d.plaats })),
      1000,
    )
    for (const { doc, slot } of docs) this.slotByInternal[internalIdOf(this.orama, doc.id)!] = slot
    this.writes++
  }

  async remove(ids: string[]): Promise<void> {
    await removeMultiple(this.orama, ids, 1000)
    for (const id of ids) {
      const internal = internalIdOf(this.orama, id)
      if (internal !== undefined) this.slotByInternal[internal] = undefined
    }
    this.writes++
  }

  /** Per query word (with its synonyms) the matching slots and a relevance score; undefined when no word is left. */
  async match(q: string, scope: TextScope): Promise<TextMatches | undefined> {
    const words = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) => !stopwordSet.has(w)).slice(0, 10)
    if (words.length === 0) return undefined
    const matched = new Map<number, { n: number; score: number }>()
    const corrected = new Set<string>()
    for (const word of words) {
      const best = new Map<number, number>()
      for (const alt of [word, ...synonymsOf(word)]) {
        // A synonym counts a little less than the word itself, and matches as a word (with at most
        // a plural ending), not as a prefix: "groen" must not find "groenten".
        const synonym = alt !== word
        const pairs = synonym ? await this.wordMatches(alt, 0, 0, scope) : await this.wordMatches(alt, typosFor(alt), Infinity, scope, corrected)
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

  /** The first token of a word as the index holds it (lower case, stemmed); undefined for a stop word. */
  private stemOf(word: string): string | undefined {
    return this.orama.tokenizer.tokenize(word, undefined, 'titel')[0]
  }

  /**
   * Matches of one word: [slot, score] pairs, for the word as a prefix of at most `maxExtraLetters`
   * more letters and for every indexed word within its typo budget.
   */
  private wordMatches(word: string, tolerance: number, maxExtraLetters: number, scope: TextScope, corrected?: Set<string>): Promise<[number, number][]> | [number, number][] {
    return this.lookup === 'orama' ? this.oramaMatches(word, tolerance, maxExtraLetters, scope) : this.radixMatches(word, tolerance, maxExtraLetters, scope, corrected)
  }

  /**
   * The radix lookup, scored with BM25 like Orama does. Orama's own find() gathers the documents of
   * a word with `Array.includes` per document, which is quadratic for common words (734 ms for
   * "medewerker" at 100k plekken), and its typo search walked 1–8 ms per long word even on small
   * indexes. Typos: the word is compared with the indexed words that start with the same letter (a
   * typo in the first letter is not tolerated; Meilisearch counts it double) using a bounded
   * Levenshtein distance.
   */
  private radixMatches(word: string, tolerance: number, maxExtraLetters: number, scope: TextScope, corrected?: Set<string>): [number, number][] {
    const stem = this.stemOf(word)
    if (!stem) return []
    // the indexed words this query word stands for, with a weight: fewer typos rank higher
    const terms = new Map<string, number>()
    if (tolerance > 0) {
      for (const candidate of this.vocabulary().get(stem[0]!) ?? []) {
        const distance = boundedLevenshtein(stem, candidate, tolerance)
        if (distance > 0 && distance <= tolerance) terms.set(candidate, 1 - 0.15 * distance)
      }
    }
    const scores = this.scratch(scope.slots)
    const touched: number[] = []
    const { passes } = scope
    for (const prop of textProperties) {
      const field = fieldIndexOf(this.orama, prop)
      if (!field) continue
      const found: [RadixNode, number][] = []
      const prefixNode = descend(field.root, stem)
      if (prefixNode) collectWords(prefixNode, 1, found, stem.length + maxExtraLetters)
      for (const [term, weight] of terms) {
        const node = descend(field.root, term)
        if (node?.e && node.w === term) {
          found.push([node, weight])
          corrected?.add(term)
        }
      }
      const avg = field.avgLength
      const propBoost = boost[prop] ?? 1
      for (const [node, weight] of found) {
        const occ = typeof field.occurrences[node.w] === 'number' ? field.occurrences[node.w]! : 0
        const idf = Math.log(1 + (scope.documents - occ + 0.5) / (occ + 0.5))
        for (const internalId of node.d) {
          const slot = this.slotByInternal[internalId]
          if (slot === undefined || (passes && !passes(slot))) continue
          // Term frequency as one occurrence in the field: our fields are short, and reading Orama's
          // per-document frequency objects was two thirds of the lookup time for common words.
          const length = field.lengths[internalId] ?? avg
          const tf = 1 / length
          const bm = (idf * (bm25.d + tf * (bm25.k + 1))) / (tf + bm25.k * (1 - bm25.b + (bm25.b * length) / avg))
          if (scores[slot] === 0) touched.push(slot)
          scores[slot] = scores[slot]! + bm * propBoost * weight
        }
      }
    }
    const out = touched.map((slot) => [slot, scores[slot]!] as [number, number])
    for (const slot of touched) scores[slot] = 0
    return out
  }

  /** Orama's public search(). Its prefix search has no length limit, so a whole-word match (a synonym) is checked on the document's own tokens. */
  private async oramaMatches(word: string, tolerance: number, maxExtraLetters: number, scope: TextScope): Promise<[number, number][]> {
    const res = await search(this.orama, { term: word, properties: [...textProperties], tolerance, boost, limit: scope.documents || 1 })
    const stem = Number.isFinite(maxExtraLetters) ? this.stemOf(word) : undefined
    const out: [number, number][] = []
    for (const h of res.hits) {
      const slot = scope.slotOf(h.id)
      if (slot === undefined) continue
      if (stem !== undefined && !this.hasWord(h.document, stem, stem.length + maxExtraLetters)) continue
      out.push([slot, h.score])
    }
    return out
  }

  /** Whether a document holds a token that starts with `stem` and has at most `maxLength` letters. */
  private hasWord(doc: Partial<Record<(typeof textProperties)[number], string>>, stem: string, maxLength: number): boolean {
    return textProperties.some((prop) =>
      this.orama.tokenizer.tokenize(doc[prop] ?? '', undefined, prop).some((t) => t.startsWith(stem) && t.length <= maxLength),
    )
  }

  /** A zeroed score buffer, reused between queries (callers reset what they touched). */
  private scratch(size: number): Float64Array {
    if (!this.scoreBuffer || this.scoreBuffer.length < size) this.scoreBuffer = new Float64Array(size)
    return this.scoreBuffer
  }

  /** Every indexed word by first letter; rebuilt lazily after writes. */
  private vocabulary(): Map<string, string[]> {
    if (this.vocab?.writes === this.writes) return this.vocab.byFirst
    const byFirst = new Map<string, string[]>()
    for (const w of indexedWords(this.orama, textProperties)) {
      const list = byFirst.get(w[0]!)
      if (list) list.push(w)
      else byFirst.set(w[0]!, [w])
    }
    this.vocab = { writes: this.writes, byFirst }
    return byFirst
  }
}
