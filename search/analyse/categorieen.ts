import type { Begeleiding, Sector, Vorm } from '../../server/domain/enums.js'
import { queryWordsOf } from './tekst.js'
import { formsOf } from './woorden.js'

// Category words: a word that names a sector, vorm or begeleiding finds the plekken of that
// category (a plek's category words are a searchable field, `categorie`), and the answer tells the
// UI so it can offer the filter instead (`voorgesteldeFilters` in /api/zoeken).

export type CategorieFilter = 'sector' | 'vorm' | 'begeleiding'

/** The words people use for each category, folded. `overig` and `betaald-werk` have none: "werk" names nothing. */
export const categorieWoorden: { [F in CategorieFilter]: Partial<Record<F extends 'sector' ? Sector : F extends 'vorm' ? Vorm : Begeleiding, string[]>> } = {
  sector: {
    zorg: ['zorg'], horeca: ['horeca'], schoonmaak: ['schoonmaak'], logistiek: ['logistiek'], detailhandel: ['detailhandel'],
    groen: ['groen', 'groenvoorziening'], techniek: ['techniek'], bouw: ['bouw'], productie: ['productie'], kinderopvang: ['kinderopvang'],
    onderwijs: ['onderwijs'], administratie: ['administratie'], facilitair: ['facilitair'], 'cultuur-en-sport': ['cultuur', 'sport'],
  },
  vorm: {
    vrijwilligerswerk: ['vrijwilligerswerk', 'vrijwilliger', 'vrijwilligers'], werkervaringsplek: ['werkervaringsplek'], taalwerkstage: ['taalwerkstage'],
    leerwerkplek: ['leerwerkplek'], snuffelstage: ['snuffelstage'], 'sw-traject': ['sw-traject'], bbl: ['bbl'],
  },
  begeleiding: { buddy: ['buddy'], werkbegeleider: ['werkbegeleider'], jobcoach: ['jobcoach'], taalcoach: ['taalcoach'] },
}

/** A plek's category words, for the `categorie` field. */
export function categoryWordsOf(d: { sector: Sector; vorm: Vorm; begeleiding: Begeleiding[] }): string[] {
  const words = [
    ...(categorieWoorden.sector[d.sector] ?? []),
    ...(categorieWoorden.vorm[d.vorm] ?? []),
    ...d.begeleiding.flatMap((b) => categorieWoorden.begeleiding[b] ?? []),
  ]
  return [...new Set(words)]
}

export interface VoorgesteldFilter {
  filter: CategorieFilter
  waarde: string
  /** the query word that names it, folded (the UI takes it out of the query when the filter is chosen) */
  woord: string
}

const byWord = new Map<string, Omit<VoorgesteldFilter, 'woord'>[]>()
for (const [filter, waarden] of Object.entries(categorieWoorden) as [CategorieFilter, Record<string, string[]>][]) {
  for (const [waarde, words] of Object.entries(waarden)) {
    for (const w of words.flatMap(formsOf)) byWord.set(w, [...(byWord.get(w) ?? []), { filter, waarde }])
  }
}

/**
 * The filters a query's words name (`horeca` → sector horeca; `vrijwilligers` → vorm
 * vrijwilligerswerk), leaving out what is already filtered on. A hyphenated name counts whole.
 */
export function suggestFilters(q: string | undefined, chosen: Partial<Record<CategorieFilter, readonly string[]>> = {}): VoorgesteldFilter[] {
  if (!q) return []
  const words = [...queryWordsOf(q), ...(q.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? [])]
  const out: VoorgesteldFilter[] = []
  for (const w of words) {
    for (const f of byWord.get(w) ?? []) {
      if (chosen[f.filter]?.includes(f.waarde) || out.some((o) => o.filter === f.filter && o.waarde === f.waarde)) continue
      out.push({ ...f, woord: w })
    }
  }
  return out
}
