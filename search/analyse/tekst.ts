import { stopwords } from '@orama/stopwords/dutch'

// Dutch text as both engines see it: one function for documents and queries, so the embedded
// engine and Meilisearch index and look up the same words (docs/search.md, "Text analysis").

/** Lower case, accents folded (conciërge → concierge), the ligature ĳ as ij, curly apostrophes straight. */
export function fold(text: string): string {
  return text
    .replace(/[ĳĲ]/g, 'ij')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
}

/**
 * Dutch stop words, and every single letter and digit (an apostrophe separates words, so
 * `collega's` leaves a lone `s`). The same list is sent to Meilisearch.
 */
export const stopWoorden: readonly string[] = [...stopwords, ...'abcdefghijklmnopqrstuvwxyz0123456789']
const stopSet = new Set(stopWoorden)
export const isStopWord = (word: string): boolean => stopSet.has(word)

// A word: letters (with their accents) and digits, with inner hyphens (leerling-kok). An apostrophe
// separates, as in Meilisearch.
const wordPattern = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu

// Texts repeat their words: fold each distinct word once (bounded).
const folded = new Map<string, string>()
/** fold() for one word, cached: texts and snippets repeat their words. */
export function foldWord(word: string): string {
  let f = folded.get(word)
  if (f === undefined) {
    f = /^[a-z0-9-]*$/.test(word) ? word : fold(word)
    if (folded.size > 200_000) folded.clear()
    folded.set(word, f)
  }
  return f
}

/**
 * The words of a text, folded, in order. A hyphenated word is kept whole and also split:
 * `leerling-kok` gives `leerling-kok`, `leerling`, `kok`. Stop words are left out.
 */
export function wordsOf(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(wordPattern)) {
    const word = foldWord(m[0])
    if (word.length < 2) continue
    if (word.includes('-')) {
      out.push(word)
      for (const part of word.split('-')) if (part && !stopSet.has(part)) out.push(part)
    } else if (!stopSet.has(word)) out.push(word)
  }
  return out
}

/**
 * The words of a query: folded, stop words left out, a hyphenated word as its parts (the whole
 * hyphenated form is in the index too, but the parts are what both engines match), at most `max`.
 */
export function queryWordsOf(q: string, max = 10): string[] {
  const out: string[] = []
  for (const m of q.matchAll(wordPattern)) {
    for (const part of foldWord(m[0]).split('-')) if (part && !stopSet.has(part) && !out.includes(part)) out.push(part)
  }
  return out.slice(0, max)
}
