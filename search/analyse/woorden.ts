import { readFileSync } from 'node:fs'

// The Dutch word data at run time (search/data/woorden.tsv, made by `npm run woordenlijst` from
// the OpenTaal dictionary, ESCO and search/analyse/curatie.ts): a word's singular and plural forms,
// and the parts of a compound. Read once, on first use; nothing is fetched at run time.

interface Woord {
  meervouden: string[]
  /** the parts of a compound, in the singular (empty: not a compound, or one not to split) */
  delen: string[]
}

interface Woordenlijst {
  woorden: Map<string, Woord>
  /** every form (singular or plural) → its singular */
  enkelvoud: Map<string, string>
  /** forms that may begin a compound (with -s-, -en-) → singular */
  begin: Map<string, string>
  /** forms that may end a compound → singular */
  eind: Map<string, string>
}

let lijst: Woordenlijst | undefined

/** Parses woorden.tsv (exported for tests; the module reads the shipped file itself). */
export function parseWoordenlijst(tsv: string): Woordenlijst {
  const out: Woordenlijst = { woorden: new Map(), enkelvoud: new Map(), begin: new Map(), eind: new Map() }
  for (const line of tsv.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const [woord, meervouden, rol, beginvormen, delen] = line.split('\t') as [string, string, string, string, string]
    const mv = meervouden ? meervouden.split(',') : []
    out.woorden.set(woord, { meervouden: mv, delen: delen ? delen.split('+') : [] })
    if (!out.enkelvoud.has(woord)) out.enkelvoud.set(woord, woord)
    for (const m of mv) if (!out.enkelvoud.has(m)) out.enkelvoud.set(m, woord)
    if (rol.includes('b')) {
      out.begin.set(woord, woord)
      for (const f of beginvormen ? beginvormen.split(',') : []) if (!out.begin.has(f)) out.begin.set(f, woord)
    }
    if (rol.includes('e')) {
      out.eind.set(woord, woord)
      for (const m of mv) if (!out.eind.has(m)) out.eind.set(m, woord)
    }
  }
  return out
}

function woordenlijst(): Woordenlijst {
  lijst ??= parseWoordenlijst(readFileSync(new URL('../data/woorden.tsv', import.meta.url), 'utf8'))
  return lijst
}

/** The singular of a word the list knows (dieren → dier; ouderen stays apart from ouders), else the word. */
export const singularOf = (word: string): string => woordenlijst().enkelvoud.get(word) ?? word

/** The word's family: its singular and plural forms (the word itself included); just the word if the list does not know it. */
export function formsOf(word: string): string[] {
  const l = woordenlijst()
  const enkelvoud = l.enkelvoud.get(word)
  if (enkelvoud === undefined) return [word]
  return [enkelvoud, ...(l.woorden.get(enkelvoud)?.meervouden ?? [])]
}

const MIN_DEEL = 3
const splitCache = new Map<string, string[]>()

/**
 * The parts of a compound, in the singular (schoonmaakmedewerkers → schoonmaak, medewerker): a
 * word the list knows has its split there (made with the dictionary's compound rules and the
 * curated overrides); another word is split into parts the list lets begin and end a compound,
 * fewest parts first, then the longest last part, or else into an unknown first part (3+ letters)
 * and a known last part of 6+ letters. Empty when it is no compound.
 */
export function partsOf(word: string): string[] {
  const cached = splitCache.get(word)
  if (cached) return cached
  const l = woordenlijst()
  const known = l.woorden.get(l.enkelvoud.get(word) ?? word)
  let parts = known ? known.delen : split(word, l)
  // a part that is a compound itself gives its parts too (kinderdagverblijf → dagverblijf → dag, verblijf)
  if (parts.length) parts = [...new Set(parts.flatMap((p) => [p, ...(l.woorden.get(p)?.delen ?? [])]))]
  if (splitCache.size > 100_000) splitCache.clear()
  splitCache.set(word, parts)
  return parts
}

function split(word: string, l: Woordenlijst): string[] {
  const n = word.length
  if (n < 2 * MIN_DEEL || word.includes('-')) return []
  const best: (string[] | undefined)[] = new Array(n + 1)
  best[0] = []
  for (let i = 0; i < n; i++) {
    const from = best[i]
    if (!from || from.length >= 3) continue
    for (let j = i + MIN_DEEL; j <= n - MIN_DEEL; j++) {
      const lemma = l.begin.get(word.slice(i, j))
      if (lemma !== undefined && (!best[j] || best[j]!.length > from.length + 1)) best[j] = [...from, lemma]
    }
  }
  let out: string[] = []
  let fallback: string[] = []
  for (let i = MIN_DEEL; i <= n - MIN_DEEL; i++) {
    const from = best[i]
    const head = l.eind.get(word.slice(i))
    if (head === undefined) continue
    // fewest parts; on a tie the earlier split point, so the longest last part
    if (from?.length && (!out.length || from.length + 1 < out.length)) out = [...from, head]
    // a head of 6+ letters after a first part the list does not know (overblijfmedewerker)
    if (!fallback.length && n - i >= 6) fallback = [word.slice(0, i), head]
  }
  return out.length ? out : fallback
}
