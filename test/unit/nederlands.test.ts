import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fold, queryWordsOf, wordsOf } from '../../search/analyse/tekst.js'
import { formsOf, partsOf, singularOf } from '../../search/analyse/woorden.js'
import { suggestFilters } from '../../search/analyse/categorieen.js'
import { analyseDocument } from '../../search/analyse/document.js'
import { genereer } from '../../search/analyse/genereer.js'

// search/analyse: the Dutch both engines read (docs/search.md, "Text analysis").

describe('Dutch words', () => {
  it('folds case, accents and the ligature ĳ', () => {
    expect(fold('Conciërge')).toBe('concierge')
    expect(fold('magazĳn')).toBe('magazijn')
    expect(wordsOf('Coördinator café')).toEqual(['coordinator', 'cafe'])
  })

  it('keeps a hyphenated word whole and split; a query counts its parts', () => {
    expect(wordsOf('Leerling-kok in de keuken')).toEqual(['leerling-kok', 'leerling', 'kok', 'keuken'])
    expect(queryWordsOf('Leerling-kok')).toEqual(['leerling', 'kok'])
    expect(wordsOf("collega's")).toEqual(['collega'])
  })

  it('knows singular and plural, with the curated exceptions', () => {
    expect(singularOf('dieren')).toBe('dier')
    expect(singularOf('kinderen')).toBe('kind')
    expect(singularOf('ouders')).toBe('ouder')
    expect(singularOf('ouderen')).toBe('oudere')
    expect(formsOf('ouder')).not.toContain('ouderen')
    expect(formsOf('diner')).not.toContain('dieren')
    expect(formsOf('medewerker')).toEqual(['medewerker', 'medewerkers'])
  })

  it('splits compounds into their parts in the singular, and leaves simple words whole', () => {
    expect(partsOf('magazijnmedewerker')).toEqual(['magazijn', 'medewerker'])
    expect(partsOf('schoonmaakmedewerkers')).toEqual(['schoonmaak', 'medewerker'])
    expect(partsOf('vrijwilligerswerk')).toEqual(['vrijwilliger', 'werk'])
    expect(partsOf('kinderopvang')).toEqual(['kind', 'opvang'])
    expect(partsOf('vakkenvuller')).toEqual(['vak', 'vuller'])
    expect(partsOf('tuinman')).toEqual(['tuin', 'man'])
    expect(partsOf('ouderenzorg')).toEqual(['oudere', 'zorg'])
    expect(partsOf('overblijfmedewerker')).toEqual(['overblijf', 'medewerker'])
    for (const simple of ['medewerker', 'leerling', 'hovenier', 'ouderen', 'kinderen', 'dieren', 'diner']) expect(partsOf(simple), simple).toEqual([])
  })

  it('derives the searchable fields of a plek', () => {
    const d = analyseDocument({ titel: 'Magazijnmedewerker', beroep: '', organisatieNaam: 'Zorggroep', plaats: 'Dordrecht', omschrijving: 'Je helpt ouderen.', sector: 'logistiek', vorm: 'vrijwilligerswerk', begeleiding: ['buddy'] })
    expect(d.titelVormen).toEqual(['magazijnmedewerkers'])
    expect(d.titelDelen).toEqual(expect.arrayContaining(['magazijn', 'medewerker', 'medewerkers']))
    expect(d.verwant).toContain('orderpicker')
    expect(d.categorie).toEqual(expect.arrayContaining(['logistiek', 'vrijwilligerswerk', 'buddy']))
    expect(d.omschrijvingDelen).toContain('oudere')
  })

  it('offers the filter a query word names, once, and not when chosen', () => {
    expect(suggestFilters('Horeca Rotterdam')).toEqual([{ filter: 'sector', waarde: 'horeca', woord: 'horeca' }])
    expect(suggestFilters('bbl kok', { vorm: ['bbl'] })).toEqual([])
    expect(suggestFilters('sw-traject')).toEqual([{ filter: 'vorm', waarde: 'sw-traject', woord: 'sw-traject' }])
    expect(suggestFilters('kok')).toEqual([])
  })
})

describe('the shipped word data', () => {
  it('is what `npm run woordenlijst` makes from the dictionary, ESCO and the curated lists', () => {
    const made = genereer()
    expect(made.woorden === readFileSync(new URL('../../search/data/woorden.tsv', import.meta.url), 'utf8'), 'search/data/woorden.tsv is out of date: run npm run woordenlijst').toBe(true)
    expect(made.synoniemen === readFileSync(new URL('../../search/data/synoniemen.tsv', import.meta.url), 'utf8'), 'search/data/synoniemen.tsv is out of date: run npm run woordenlijst').toBe(true)
  }, 30_000)
})
