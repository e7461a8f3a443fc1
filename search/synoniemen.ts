import { readFileSync } from 'node:fs'

// The synonyms of both adapters, in two kinds (docs/search.md, "Synonyms"):
//
// - occupations, from ESCO, curated (search/data/synoniemen.tsv, made by `npm run woordenlijst`): a
//   plek gets them at index time from the words of its titel and beroep: `syn` groups are synonyms
//   (one occupation's names), `isco` groups related occupations (a curated ISCO unit group);
// - related search words (`verwanteWoorden` below): a small hand-made list applied to the query, in
//   both engines (Meilisearch's `synonyms` setting), ranked below every exact match.

/**
 * Words a jobhunter uses for the same kind of work that no occupation list links: each group is
 * mutual, and matches whole words only ("groen" must not find "groenten"). Keep groups small and
 * about work, so a search never drifts far from what was typed.
 */
export const verwanteWoorden: string[][] = [
  ['magazijn', 'logistiek', 'orderpicker', 'orderpicken'],
  ['schoonmaak', 'schoonmaken', 'poetsen'],
  ['keuken', 'kok', 'koken'],
  ['horeca', 'restaurant', 'cafe', 'hotel'],
  ['verzorgende', 'verzorging', 'verzorgen'],
  ['kinderopvang', 'peuterspeelzaal', 'kinderdagverblijf', 'bso'],
  ['hovenier', 'tuin', 'tuinieren', 'groenvoorziening', 'plantsoen'],
  ['winkel', 'detailhandel', 'supermarkt', 'vakkenvuller'],
  ['techniek', 'monteur', 'installatie'],
  ['administratie', 'administratief', 'kantoor'],
  ['productie', 'productiemedewerker', 'inpakken'],
  ['chauffeur', 'bezorger', 'bezorging'],
  ['ouderen', 'senioren', 'bejaarden'],
]

const relatedByWord = new Map<string, string[]>()
for (const group of verwanteWoorden) for (const word of group) relatedByWord.set(word, group.filter((w) => w !== word))

/** The other words of the query word's group in `verwanteWoorden` (empty when it has none). */
export const relatedWordsOf = (word: string): string[] => relatedByWord.get(word) ?? []

/** `verwanteWoorden` in Meilisearch's settings shape: every word maps to the rest of its group. */
export const meiliSynonyms = (): Record<string, string[]> => Object.fromEntries(relatedByWord)

interface Groepen {
  /** word or phrase → the groups it names */
  syn: Map<string, string[][]>
  isco: Map<string, string[][]>
}

let groepen: Groepen | undefined

/** Parses synoniemen.tsv (exported for tests). */
export function parseSynoniemen(tsv: string): Groepen {
  const out: Groepen = { syn: new Map(), isco: new Map() }
  for (const line of tsv.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const [soort, , woorden, zinnen] = line.split('\t') as [string, string, string, string | undefined]
    const words = woorden ? woorden.split(',') : []
    const map = soort === 'isco' ? out.isco : out.syn
    for (const key of [...words, ...(zinnen ? zinnen.split('|') : [])]) {
      const list = map.get(key)
      if (list) list.push(words)
      else map.set(key, [words])
    }
  }
  return out
}

function load(): Groepen {
  groepen ??= parseSynoniemen(readFileSync(new URL('./data/synoniemen.tsv', import.meta.url), 'utf8'))
  return groepen
}

/** The words of the groups that these words (titel and beroep, analysed, in order) name: single words and phrases of 2–3 words. */
function named(words: string[], map: Map<string, string[][]>): string[] {
  const out = new Set<string>()
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 3 && i + n <= words.length; n++) {
      for (const group of map.get(words.slice(i, i + n).join(' ')) ?? []) for (const w of group) out.add(w)
    }
  }
  for (const w of words) out.delete(w)
  return [...out]
}

/** Synonyms of a plek's titel and beroep words (not the words themselves). */
export const synonymsOf = (words: string[]): string[] => named(words, load().syn)

/** Related occupations (curated ISCO groups) of a plek's titel and beroep words, without its synonyms. */
export function relatedOf(words: string[], synonyms: string[] = synonymsOf(words)): string[] {
  const syn = new Set(synonyms)
  return named(words, load().isco).filter((w) => !syn.has(w))
}
