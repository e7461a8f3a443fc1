import { describe, expect, it } from 'vitest'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { MAX_PLAATSEN, type PlekDocument } from '../../search/port.js'
import { meestePlaatsenVan } from '../../server/services/zoeken.js'

// The plaats facet of /api/zoeken carries the plaatsen with the most hits, not every plaats
// (server/services/zoeken.ts): over a national data set that was thousands of names per answer.

const plaatsen = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Plaats ${String(i).padStart(4, '0')}`, 1 + (i % 37)]))

describe('the plaats facet', () => {
  it('keeps every plaats when there are few', () => {
    const counts = plaatsen(40)
    expect(meestePlaatsenVan(counts)).toEqual(counts)
  })

  it('keeps the plaatsen with the most hits, ties by name, and always the ones filtered on', () => {
    const counts = plaatsen(2500)
    const gekozen = 'Plaats 0000' // 1 hit: far from the top
    const facet = meestePlaatsenVan(counts, [gekozen])
    const namen = Object.keys(facet)
    expect(namen).toHaveLength(MAX_PLAATSEN + 1)
    expect(facet[gekozen]).toBe(1)
    const top = namen.filter((n) => n !== gekozen)
    // nothing left out has more hits than anything kept
    const weinigste = Math.min(...top.map((n) => facet[n]!))
    for (const [naam, n] of Object.entries(counts)) if (!(naam in facet)) expect(n).toBeLessThanOrEqual(weinigste)
    // the counts are the engine's own
    for (const n of top) expect(facet[n]).toBe(counts[n])
    // exactly the first of all plaatsen by count, then name (equal counts by name: the same answer every time)
    const alle = Object.keys(counts).sort((a, b) => counts[b]! - counts[a]! || (a < b ? -1 : 1))
    expect(top).toEqual(alle.slice(0, MAX_PLAATSEN))
  })

  it('the embedded engine counts every plaats and answers the top the same way', async () => {
    const doc = (i: number, plaats: string): PlekDocument => ({
      id: `plek-${i}`, versie: 1, titel: 'Gastvrouw', omschrijving: 'Koffie schenken en praten met bewoners.', beroep: '', organisatieNaam: 'Zorgcentrum',
      plaats, sector: 'zorg', vorm: 'vrijwilligerswerk', begeleiding: [], dagdelen: ['ma-ochtend'], urenMin: 8, urenMax: 12,
      niveau: { spreken: 1, luisteren: 1, lezen: 0, schrijven: 0 }, taalrijkheidsscore: 6, taalrijkheid: 'redelijk', binnenSchooltijden: true,
      vergoeding: 'geen', lat: 51.8, lon: 4.67, gepubliceerdOp: i,
    })
    // 180 plaatsen with 1 to 4 plekken each: many equal counts at the edge of the top
    const counts: Record<string, number> = {}
    const docs: PlekDocument[] = []
    for (let p = 0; p < 180; p++) {
      const plaats = `Plaats ${String((p * 37) % 180).padStart(3, '0')}`
      counts[plaats] = 1 + (p % 4)
      for (let k = 0; k < counts[plaats]!; k++) docs.push(doc(docs.length, plaats))
    }
    const index = new EmbeddedSearchIndex()
    await index.upsert(docs)
    const base = { filters: {}, sort: 'nieuwste' as const, page: 1, perPage: 20 }
    const alle = Object.keys(counts).sort((a, b) => counts[b]! - counts[a]! || (a < b ? -1 : 1)).slice(0, MAX_PLAATSEN)
    for (const query of [base, { ...base, q: 'koffie' }]) {
      const { facets } = await index.search(query)
      expect(Object.keys(facets.plaats)).toEqual(alle)
      for (const plaats of alle) expect(facets.plaats[plaats]).toBe(counts[plaats])
    }
  })
})
