import type { PlekDocument } from '../port.js'
import { relatedOf, synonymsOf } from '../synoniemen.js'
import { categoryWordsOf } from './categorieen.js'
import { wordsOf } from './tekst.js'
import { formsOf, partsOf } from './woorden.js'

// What both engines search in a plek: its own words per field, and fields derived from them at
// index time. The order of `zoekvelden` is the ranking order of both engines (Meilisearch's
// searchableAttributes, the embedded engine's attribute rank): a match in an earlier field ranks
// higher. Within the job (titel and beroep): the word as written > its singular or plural > a part
// of a compound > a synonym > a related occupation; then organisatie, plaats, category, omschrijving.

export const zoekvelden = [
  /** the titel's words (hyphenated words whole and split) */
  'titel',
  'beroep',
  /** singular and plural forms of the titel's and beroep's words (dieren → dier) */
  'titelVormen',
  /** parts of the compounds in titel and beroep, with their forms (magazijnmedewerker → magazijn, medewerker, medewerkers) */
  'titelDelen',
  /** curated ESCO synonyms of titel and beroep (hovenier → tuinman) */
  'synoniemen',
  /** related occupations of a curated ISCO group (magazijnmedewerker → orderpicker) */
  'verwant',
  /** the organisatie's name, with forms and parts */
  'organisatie',
  'plaats',
  /** the words of the plek's sector, vorm and begeleiding (horeca, vrijwilligerswerk, buddy) */
  'categorie',
  'omschrijving',
  /** forms and parts of the omschrijving's words */
  'omschrijvingDelen',
] as const
export type Zoekveld = (typeof zoekvelden)[number]
export type AnalysedDocument = Record<Zoekveld, string[]>

/** The forms and compound parts (with their forms) of these words, without the words themselves. */
function derived(words: string[], exclude: Set<string>): { forms: string[]; parts: string[] } {
  const forms = new Set<string>()
  const parts = new Set<string>()
  for (const w of words) {
    for (const f of formsOf(w)) forms.add(f)
    for (const p of partsOf(w)) for (const f of formsOf(p)) parts.add(f)
  }
  const keep = (s: Set<string>, also?: Set<string>) => [...s].filter((w) => !exclude.has(w) && !also?.has(w))
  return { forms: keep(forms), parts: keep(parts, forms) }
}

const uniq = (words: string[]) => [...new Set(words)]

/** Per-text results, cached: titles, organisaties, places and categories repeat across plekken (bounded). */
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key)
  if (v === undefined) {
    if (cache.size > 50_000) cache.clear()
    v = make()
    cache.set(key, v)
  }
  return v
}
const jobCache = new Map<string, Pick<AnalysedDocument, 'titel' | 'beroep' | 'titelVormen' | 'titelDelen' | 'synoniemen' | 'verwant'>>()
const orgCache = new Map<string, string[]>()
const placeCache = new Map<string, string[]>()
const categoryCache = new Map<string, string[]>()

function analyseJob(titelText: string, beroepText: string) {
  const titel = wordsOf(titelText)
  const beroep = wordsOf(beroepText)
  const job = [...titel, ...beroep]
  const own = new Set(job)
  const jobDerived = derived(job, own)
  const synonyms = synonymsOf(job)
  return {
    titel: uniq(titel),
    beroep: uniq(beroep),
    titelVormen: jobDerived.forms,
    titelDelen: jobDerived.parts,
    synoniemen: uniq(synonyms.flatMap(wordsOf)).filter((w) => !own.has(w)),
    verwant: uniq(relatedOf(job, synonyms).flatMap(wordsOf)).filter((w) => !own.has(w)),
  }
}

/** A plek's searchable words per field (each field's words once, in order). The arrays may be shared between plekken: read them only. */
export function analyseDocument(d: Pick<PlekDocument, 'titel' | 'beroep' | 'organisatieNaam' | 'plaats' | 'omschrijving' | 'sector' | 'vorm' | 'begeleiding'>): AnalysedDocument {
  const job = cached(jobCache, `${d.titel}\u0000${d.beroep}`, () => analyseJob(d.titel, d.beroep))
  const organisatie = cached(orgCache, d.organisatieNaam, () => {
    const words = wordsOf(d.organisatieNaam)
    const more = derived(words, new Set(words))
    return uniq([...words, ...more.forms, ...more.parts])
  })
  const omschrijving = wordsOf(d.omschrijving)
  const omschrijvingDerived = derived(omschrijving, new Set(omschrijving))
  return {
    ...job,
    organisatie,
    plaats: cached(placeCache, d.plaats, () => uniq(wordsOf(d.plaats))),
    categorie: cached(categoryCache, `${d.sector} ${d.vorm} ${d.begeleiding.join(' ')}`, () => categoryWordsOf(d)),
    omschrijving: uniq(omschrijving),
    omschrijvingDelen: uniq([...omschrijvingDerived.forms, ...omschrijvingDerived.parts]),
  }
}
