import { describe, expect, it } from 'vitest'
import { create, insertMultiple } from '@orama/orama'
import { checkOramaVersion, collectWords, descend, fieldIndexOf, indexedWords, installedOramaVersion, internalIdOf, ORAMA_VERSION, type RadixNode } from '../../search/embedded/orama-internals.js'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { fixture } from './contract.js'

// search/embedded/orama-internals.ts reads Orama's index structures directly (the radix lookup of
// the embedded adapter). These tests pin what it relies on, so an Orama upgrade that changes them
// fails here by name rather than as odd search results.

describe('Orama internals', () => {
  it('are read only with the Orama version they were checked against, and say what to do otherwise', () => {
    expect(installedOramaVersion).toBe(ORAMA_VERSION)
    expect(() => checkOramaVersion()).not.toThrow()
    expect(() => checkOramaVersion('3.2.0')).toThrow(new RegExp(`@orama/orama ${ORAMA_VERSION.replace(/\./g, '\\.')}.*3\\.2\\.0 is geïnstalleerd.*ORAMA_VERSION`))
  })

  it('hold a radix tree per text field with each word’s documents and the term statistics', async () => {
    const orama = create({ schema: { id: 'string', titel: 'string', omschrijving: 'string' } as const })
    await insertMultiple(orama, [
      { id: 'a', titel: 'magazijn medewerker', omschrijving: 'dozen inpakken' },
      { id: 'b', titel: 'magazijnier', omschrijving: 'magazijn' },
    ])
    const titel = fieldIndexOf(orama, 'titel')!
    expect(titel).toBeDefined()
    const a = internalIdOf(orama, 'a')!
    const b = internalIdOf(orama, 'b')!
    expect([a, b].every(Number.isInteger)).toBe(true)

    const exact = descend(titel.root, 'magazijn')!
    expect(exact).toMatchObject({ e: true, w: 'magazijn' })
    expect([...exact.d]).toEqual([a])
    // a prefix collects the words below it, up to a maximum length
    const found: [RadixNode, number][] = []
    collectWords(descend(titel.root, 'magaz')!, 1, found, Infinity)
    expect(found.map(([n]) => n.w).sort()).toEqual(['magazijn', 'magazijnier'])
    const short: [RadixNode, number][] = []
    collectWords(descend(titel.root, 'magaz')!, 1, short, 'magazijn'.length)
    expect(short.map(([n]) => n.w)).toEqual(['magazijn'])
    expect(descend(titel.root, 'xyz')).toBeUndefined()

    expect(titel.occurrences['magazijn']).toBe(1)
    expect(titel.lengths[a]).toBe(2)
    expect(titel.lengths[b]).toBe(1)
    expect(titel.avgLength).toBeCloseTo(1.5)
    expect([...indexedWords(orama, ['titel', 'omschrijving'])].sort()).toEqual(['dozen', 'inpakken', 'magazijn', 'magazijnier', 'medewerker'])
  })

  it('give the same documents as Orama’s public search', async () => {
    const radix = new EmbeddedSearchIndex()
    const orama = new EmbeddedSearchIndex({ textLookup: 'orama' })
    await radix.upsert(fixture)
    await orama.upsert(fixture)
    for (const q of ['magazijn', 'magazijnmedewerkr', 'keuken', 'restaurant', 'zorg', 'schoonma', 'hovenier', 'kantoor', 'groenten', 'koffie bewoners']) {
      const ids = async (index: EmbeddedSearchIndex) => (await index.search({ q, filters: {}, sort: 'nieuwste', page: 1, perPage: 50 })).hits.map((h) => h.id)
      expect(await ids(radix), q).toEqual(await ids(orama))
    }
  })
})
