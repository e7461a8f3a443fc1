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

/** A plek's searchable words per field (each field's words once, in order). */
export function analyseDocument(d: Pick<PlekDocument, 'titel' | 'beroep' | 'organisatieNaam' | 'plaats' | 'omschrijving' | 'sector' | 'vorm' | 'begeleiding'>): AnalysedDocument {
  const uniq = (words: string[]) => [...new Set(words)]
  const titel = wordsOf(d.titel)
  const beroep = wordsOf(d.beroep)
  const job = [...titel, ...beroep]
  const own = new Set(job)
  const jobDerived = derived(job, own)
  const synoniemen = synonymsOf(job).flatMap(wordsOf)
  const verwant = relatedOf(job).flatMap(wordsOf)
  const organisatie = wordsOf(d.organisatieNaam)
  const orgDerived = derived(organisatie, new Set(organisatie))
  const omschrijving = wordsOf(d.omschrijving)
  const omschrijvingDerived = derived(omschrijving, new Set(omschrijving))
  return {
    titel: uniq(titel),
    beroep: uniq(beroep),
    titelVormen: jobDerived.forms,
    titelDelen: jobDerived.parts,
    synoniemen: uniq(synoniemen).filter((w) => !own.has(w)),
    verwant: uniq(verwant).filter((w) => !own.has(w)),
    organisatie: uniq([...organisatie, ...orgDerived.forms, ...orgDerived.parts]),
    plaats: uniq(wordsOf(d.plaats)),
    categorie: categoryWordsOf(d),
    omschrijving: uniq(omschrijving),
    omschrijvingDelen: uniq([...omschrijvingDerived.forms, ...omschrijvingDerived.parts]),
  }
}
