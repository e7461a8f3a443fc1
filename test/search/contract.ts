import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlekDocument, PlekQuery, SearchIndex } from '../../search/port.js'
import { bucketOf } from '../../search/port.js'
import { lookupPostcode } from '../../db/postcode.js'

// One contract, every adapter: the same documents and the same questions, so the embedded engine
// and Meilisearch answer alike. Each adapter's test file calls runSearchContract.

const at = (pc4: string) => {
  const l = lookupPostcode(pc4)!
  return { lat: l.lat, lon: l.lon, plaats: l.plaats }
}

let n = 0
export function doc(over: Partial<PlekDocument> & { id: string }): PlekDocument {
  const score = over.taalrijkheidsscore ?? 5
  return {
    versie: 1,
    titel: 'Medewerker',
    omschrijving: 'Je helpt het team met dagelijkse taken.',
    beroep: '',
    organisatieNaam: 'Stichting Voorbeeld',
    sector: 'overig',
    vorm: 'vrijwilligerswerk',
    begeleiding: [],
    dagdelen: ['ma-ochtend'],
    urenMin: 8,
    urenMax: 16,
    niveau: { spreken: 1, luisteren: 1, lezen: 1, schrijven: 1 },
    binnenSchooltijden: false,
    vergoeding: 'geen',
    gepubliceerdOp: Date.parse('2026-11-01T00:00:00Z') + ++n * 60_000,
    ...at('3311'),
    ...over,
    taalrijkheidsscore: score,
    taalrijkheid: bucketOf(score),
  }
}

export const fixture: PlekDocument[] = [
  doc({ id: 'p-magazijn', titel: 'Magazijnmedewerker', beroep: 'magazijnmedewerker', sector: 'logistiek', vorm: 'werkervaringsplek',
    omschrijving: 'In het magazijn pak je bestellingen in en werk je samen met vaste collega’s.', begeleiding: ['buddy', 'werkbegeleider'],
    dagdelen: ['ma-ochtend', 'di-ochtend'], urenMin: 12, urenMax: 16, taalrijkheidsscore: 6, ...at('3311') }),
  doc({ id: 'p-orderpick', titel: 'Medewerker expeditie', sector: 'logistiek', vorm: 'betaald-werk', vergoeding: 'loon',
    omschrijving: 'Je werkt in het magazijn van een groothandel in Zwijndrecht.', begeleiding: ['buddy'],
    dagdelen: ['wo-middag'], urenMin: 20, urenMax: 24, taalrijkheidsscore: 3, niveau: { spreken: 2, luisteren: 2, lezen: 1, schrijven: 1 }, ...at('3331') }),
  doc({ id: 'p-keuken', titel: 'Keukenhulp', beroep: 'keukenmedewerker', sector: 'horeca', vorm: 'leerwerkplek',
    omschrijving: 'In de keuken van ons restaurant snijd je groenten en help je de kok.', begeleiding: ['taalcoach', 'buddy'],
    dagdelen: ['do-avond', 'vr-avond'], taalrijkheidsscore: 8, ...at('2611') }),
  doc({ id: 'p-zorg', titel: 'Gastvrouw verpleeghuis', sector: 'zorg', vorm: 'vrijwilligerswerk', vergoeding: 'onkostenvergoeding',
    omschrijving: 'Je zet koffie en praat met bewoners. Verzorgende collega’s helpen je op weg.', begeleiding: ['werkbegeleider', 'taalcoach'],
    dagdelen: ['ma-middag', 'wo-middag'], binnenSchooltijden: true, taalrijkheidsscore: 9.5, niveau: { spreken: 2, luisteren: 2, lezen: 0, schrijven: 0 }, ...at('3311') }),
  doc({ id: 'p-tuin', titel: 'Tuin en groen', sector: 'groen', vorm: 'werkervaringsplek',
    omschrijving: 'Je onderhoudt de tuin van een buurthuis.', dagdelen: ['di-ochtend'], taalrijkheidsscore: 2, ...at('6041') }),
  doc({ id: 'p-schoon', titel: 'Schoonmaker kantoren', sector: 'schoonmaak', vorm: 'betaald-werk', vergoeding: 'loon',
    omschrijving: 'Je maakt kantoren schoon in de vroege ochtend.', dagdelen: ['ma-ochtend', 'di-ochtend', 'wo-ochtend'],
    urenMin: 10, urenMax: 12, taalrijkheidsscore: 1.5, ...at('3312') }),
  doc({ id: 'p-admin', titel: 'Administratief medewerker', sector: 'administratie', vorm: 'taalwerkstage',
    omschrijving: 'Je archiveert post en beantwoordt de telefoon.', dagdelen: ['vr-ochtend'], begeleiding: ['jobcoach'],
    taalrijkheidsscore: 7, niveau: { spreken: 3, luisteren: 3, lezen: 3, schrijven: 2 }, ...at('2612') }),
]

export function runSearchContract(name: string, makeIndex: () => Promise<SearchIndex>) {
  describe(`search contract: ${name}`, () => {
    let index: SearchIndex
    const query = (over: Partial<PlekQuery> = {}): PlekQuery => ({ filters: {}, sort: 'relevantie', page: 1, perPage: 50, ...over })
    const ids = async (over: Partial<PlekQuery> = {}) => (await index.search(query(over))).hits.map((h) => h.id)

    beforeAll(async () => {
      index = await makeIndex()
      await index.applySettings()
      await index.clear()
      await index.upsert(fixture)
    })
    afterAll(async () => {
      await index.clear()
    })

    it('finds a word with a typo ("magazijnmedewerkr")', async () => {
      expect(await ids({ q: 'magazijnmedewerkr' })).toContain('p-magazijn')
    })

    it('allows no typo in words under 5 letters', async () => {
      expect(await ids({ q: 'tuin' })).toContain('p-tuin')
      expect(await ids({ q: 'tuib' })).toEqual([])
    })

    it('matches a prefix of a word', async () => {
      expect(await ids({ q: 'magazijnm' })).toContain('p-magazijn')
      expect(await ids({ q: 'schoonma' })).toContain('p-schoon')
    })

    it('finds synonyms: "orderpicker" finds the magazijn plekken', async () => {
      const found = await ids({ q: 'orderpicker' })
      expect(found).toEqual(expect.arrayContaining(['p-magazijn', 'p-orderpick']))
      expect(found).not.toContain('p-tuin')
    })

    // Dutch (issue 14): the same analysis in both engines
    it('finds a compound by its last part, below the titles that hold the word itself', async () => {
      const found = await ids({ q: 'medewerker' })
      expect(found).toContain('p-magazijn')
      expect(found.indexOf('p-admin')).toBeLessThan(found.indexOf('p-magazijn'))
      expect(found.indexOf('p-orderpick')).toBeLessThan(found.indexOf('p-magazijn'))
    })

    it('needs the first query word; a later one only ranks (matching strategy "last"), and only the last is a prefix', async () => {
      expect(await ids({ q: 'restaurant xyzzy' })).toEqual(['p-keuken'])
      expect(await ids({ q: 'xyzzy restaurant' })).toEqual([])
      expect(await ids({ q: 'magazijn kantoren' })).not.toContain('p-schoon')
      expect(await ids({ q: 'magaz restaurant' })).toEqual([])
    })

    it('finds the singular by the plural and folds accents', async () => {
      expect(await ids({ q: 'keukens' })).toContain('p-keuken')
      expect(await ids({ q: 'Keukenhúlp' })).toEqual(['p-keuken'])
    })

    it('finds the plekken of a sector, vorm or begeleiding by its name', async () => {
      expect(await ids({ q: 'horeca' })).toContain('p-keuken')
      expect(await ids({ q: 'taalwerkstage' })).toEqual(['p-admin'])
      expect((await ids({ q: 'buddy' })).sort()).toEqual(['p-keuken', 'p-magazijn', 'p-orderpick'])
    })

    it('returns the contract fields with a snippet that marks the match', async () => {
      const res = await index.search(query({ q: 'restaurant' }))
      const hit = res.hits.find((h) => h.id === 'p-keuken')!
      expect(hit).toMatchObject({ titel: 'Keukenhulp', organisatieNaam: 'Stichting Voorbeeld', plaats: 'Delft', taalrijkheidsscore: 8 })
      const marked = hit.fragment.markeringen.map(([s, e]) => hit.fragment.tekst.slice(s, e).toLowerCase())
      expect(marked).toContain('restaurant')
    })

    it.each([
      ['sector', { sector: ['logistiek'] }, ['p-magazijn', 'p-orderpick']],
      ['vorm', { vorm: ['betaald-werk'] }, ['p-orderpick', 'p-schoon']],
      ['begeleiding (all of)', { begeleiding: ['buddy', 'taalcoach'] }, ['p-keuken']],
      ['dagdelen (any of)', { dagdelen: ['vr-avond', 'vr-ochtend'] }, ['p-admin', 'p-keuken']],
      ['plaats', { plaats: ['Roermond'] }, ['p-tuin']],
      ['uren (overlap with 20–30)', { urenMin: 20, urenMax: 30 }, ['p-orderpick']],
      ['uren (at most 11)', { urenMax: 11 }, ['p-admin', 'p-keuken', 'p-schoon', 'p-tuin', 'p-zorg']],
      ['maximum taalniveau lezen A0', { maxNiveau: { lezen: 'A0' } }, ['p-zorg']],
      ['minimum taalrijkheid 7', { minTaalrijkheid: 7 }, ['p-admin', 'p-keuken', 'p-zorg']],
      ['binnen schooltijden', { binnenSchooltijden: true }, ['p-zorg']],
      ['vergoeding', { vergoeding: ['loon'] }, ['p-orderpick', 'p-schoon']],
    ] as const)('filters on %s', async (_, filters, expected) => {
      expect((await ids({ filters: filters as PlekQuery['filters'] })).sort()).toEqual([...expected].sort())
    })

    it('combines text and filters', async () => {
      expect(await ids({ q: 'magazijn', filters: { begeleiding: ['werkbegeleider'] } })).toEqual(['p-magazijn'])
    })

    it('facet counts match the filtered hits', async () => {
      const res = await index.search(query({ filters: { dagdelen: ['ma-ochtend', 'di-ochtend', 'wo-middag'] } }))
      expect(res.total).toBe(res.hits.length)
      const count = (key: (h: (typeof res.hits)[number]) => string[]) => {
        const out: Record<string, number> = {}
        for (const h of res.hits) for (const k of key(h)) out[k] = (out[k] ?? 0) + 1
        return out
      }
      expect(res.facets.sector).toEqual(count((h) => [h.sector]))
      expect(res.facets.vorm).toEqual(count((h) => [h.vorm]))
      expect(res.facets.begeleiding).toEqual(count((h) => h.begeleiding))
      expect(res.facets.plaats).toEqual(count((h) => [h.plaats]))
      expect(res.facets.taalrijkheid).toEqual(count((h) => [h.taalrijkheidsscore >= 7 ? 'hoog' : h.taalrijkheidsscore >= 4 ? 'redelijk' : 'laag']))
    })

    it('keeps only plekken inside the radius and sorts them by distance', async () => {
      const dordrecht = at('3311')
      const res = await index.search(query({ geo: { lat: dordrecht.lat, lon: dordrecht.lon, straalKm: 15 }, sort: 'afstand' }))
      expect(res.hits.map((h) => h.id).sort()).toEqual(['p-magazijn', 'p-orderpick', 'p-schoon', 'p-zorg'])
      const km = res.hits.map((h) => h.afstandKm!)
      expect(km).toEqual([...km].sort((a, b) => a - b))
      expect(km.every((k) => k <= 15)).toBe(true)
      expect(res.hits.at(-1)!.id).toBe('p-orderpick') // Zwijndrecht is the farthest of the four
    })

    it('lists the candidates inside a radius with their versie, for the matcher', async () => {
      const dordrecht = at('3311')
      const geo = { lat: dordrecht.lat, lon: dordrecht.lon, straalKm: 15 }
      const all = await index.kandidaten({ filters: {}, geo }, 1000)
      expect(all.map((k) => k.id).sort()).toEqual(['p-magazijn', 'p-orderpick', 'p-schoon', 'p-zorg'])
      expect(all.every((k) => k.versie === fixture.find((d) => d.id === k.id)!.versie)).toBe(true)
      expect(await index.kandidaten({ filters: { sector: ['zorg'] }, geo }, 1000)).toEqual([{ id: 'p-zorg', versie: fixture.find((d) => d.id === 'p-zorg')!.versie }])
      expect(await index.kandidaten({ filters: {}, geo }, 2)).toHaveLength(2)
    })

    it('sorts by taalrijkheid, highest first', async () => {
      const res = await index.search(query({ sort: 'taalrijkheid' }))
      const scores = res.hits.map((h) => h.taalrijkheidsscore)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
      expect(res.hits[0]!.id).toBe('p-zorg')
    })

    it('sorts by nieuwste, last published first', async () => {
      const order = await ids({ sort: 'nieuwste' })
      const expected = [...fixture].sort((a, b) => b.gepubliceerdOp - a.gepubliceerdOp).map((d) => d.id)
      expect(order).toEqual(expected)
    })

    // every q + sort combination: a chosen sort orders the text's hits by its key (relevance, then
    // newest and id, break ties); the hits are the same whatever the order
    it.each(['relevantie', 'afstand', 'taalrijkheid', 'nieuwste'] as const)('with text ("magazijn"), sort %s keeps the hits and orders them by the key', async (sort) => {
      const dordrecht = at('3311')
      const geo = { lat: dordrecht.lat, lon: dordrecht.lon }
      const res = await index.search(query({ q: 'magazijn', sort, geo }))
      const found = res.hits.map((h) => h.id)
      const relevance = await ids({ q: 'magazijn', geo })
      expect([...found].sort()).toEqual([...relevance].sort())
      expect(found.length).toBeGreaterThanOrEqual(2)
      const byId = new Map(fixture.map((d) => [d.id, d]))
      if (sort === 'relevantie') expect(found).toEqual(relevance)
      if (sort === 'afstand') expect(res.hits.map((h) => h.afstandKm!)).toEqual(res.hits.map((h) => h.afstandKm!).sort((a, b) => a - b))
      if (sort === 'taalrijkheid') expect(res.hits.map((h) => h.taalrijkheidsscore)).toEqual(res.hits.map((h) => h.taalrijkheidsscore).sort((a, b) => b - a))
      if (sort === 'nieuwste') expect(found).toEqual([...found].sort((a, b) => byId.get(b)!.gepubliceerdOp - byId.get(a)!.gepubliceerdOp))
    })

    it('a chosen sort puts its key above relevance: a plek matched only in the omschrijving can come first', async () => {
      // p-orderpick (text match only) is newer than p-magazijn (titel match)
      const newest = await ids({ q: 'magazijn', sort: 'nieuwste' })
      expect(newest.indexOf('p-orderpick')).toBeLessThan(newest.indexOf('p-magazijn'))
      expect((await ids({ q: 'magazijn' }))[0]).toBe('p-magazijn')
    })

    it('ranks a match in the titel above a match in the omschrijving only', async () => {
      const order = await ids({ q: 'magazijn' })
      expect(order.indexOf('p-magazijn')).toBeLessThan(order.indexOf('p-orderpick'))
    })

    it('pages without overlap and with a stable total', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => index.search(query({ sort: 'nieuwste', page, perPage: 2 }))))
      expect(pages.map((p) => p.total)).toEqual([7, 7, 7, 7])
      expect(pages.map((p) => p.hits.length)).toEqual([2, 2, 2, 1])
      expect(new Set(pages.flatMap((p) => p.hits.map((h) => h.id))).size).toBe(7)
    })

    it('replaces a document on upsert and forgets it on remove', async () => {
      await index.upsert([{ ...fixture[4]!, titel: 'Hovenier buurttuin', versie: 2 }])
      expect(await ids({ q: 'hovenier' })).toEqual(['p-tuin'])
      await index.remove(['p-tuin'])
      expect(await ids({ q: 'hovenier' })).toEqual([])
      expect((await index.search(query())).total).toBe(6)
      await index.upsert([fixture[4]!])
    })
  })
}
