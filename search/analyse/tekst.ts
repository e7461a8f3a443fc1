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

// Whether a UTF-16 unit (or, past 0xFFFF, a code point) is part of a word: a letter, mark or
// digit, as /[\p{L}\p{M}\p{N}]/u says, asked once per character and remembered. V8 runs that
// class as a regex at ~30 ns a character; a snippet reads a whole omschrijving (issue 13).
const WORD = /^[\p{L}\p{M}\p{N}]$/u
const bmp = new Int8Array(0x10000) // 0 not asked yet, 1 word, 2 not
const astral = new Map<number, boolean>()
/** a–z, A–Z or 0–9: the whole of a word character in ASCII text (eachWordSpan's first test). */
export const isAsciiWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)

function isWordCode(code: number): boolean {
  if (code < 0x10000) {
    let k = bmp[code]!
    if (k === 0) bmp[code] = k = WORD.test(String.fromCharCode(code)) ? 1 : 2
    return k === 1
  }
  let k = astral.get(code)
  if (k === undefined) astral.set(code, (k = WORD.test(String.fromCodePoint(code))))
  return k
}

/**
 * Calls `each(start, end, ascii)` for every run of letters, marks and digits in `text` (what
 * /[\p{L}\p{M}\p{N}]+/gu matches, several times faster), in order; `ascii` when the run is only
 * a–z, A–Z and 0–9 (folding it is lower-casing it). Stops when `each` returns false. `from`
 * must not fall inside a word (the caller backs up to its start).
 */
export function eachWordSpan(text: string, each: (start: number, end: number, ascii: boolean) => boolean | void, from = 0): void {
  let start = -1
  let ascii = true
  for (let i = from; i < text.length; ) {
    const code = text.charCodeAt(i)
    if (code < 0x80) {
      // isAsciiWordCode, written out: this loop reads every character of every snippet
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) {
        if (start < 0) (start = i), (ascii = true)
      } else if (start >= 0) {
        if (each(start, i, ascii) === false) return
        start = -1
      }
      i++
      continue
    }
    const point = text.codePointAt(i)!
    if (isWordCode(point)) {
      if (start < 0) start = i
      ascii = false
    } else if (start >= 0) {
      if (each(start, i, ascii) === false) return
      start = -1
    }
    i += point > 0xffff ? 2 : 1
  }
  if (start >= 0) each(start, text.length, ascii)
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
