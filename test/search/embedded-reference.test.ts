import { describe, expect, it } from 'vitest'
import { begeleidingSoorten, dagdelen, niveaus, sectoren, vaardigheden, vergoedingSoorten, vormen } from '../../server/domain/enums.js'
import { afstandKm } from '../../server/domain/geo.js'
import { UREN_PER_DAGDEEL } from '../../server/domain/plek.js'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { boundingBox } from '../../search/embedded/geo.js'
import { boundedLevenshtein, TextIndex } from '../../search/embedded/text.js'
import { analyseDocument } from '../../search/analyse/document.js'
import { bucketOf, toHit, type PlekDocument, type PlekQuery, type SearchResult } from '../../search/port.js'
import { sorteringen } from '../../server/domain/zoeken.js'
import { prng } from '../bench/corpus.js'

// The embedded engine reads a filter's slots from lists per value and a radius from a geo grid,
// keeps the browsing orders and unfiltered facet counts through every write, and breaks ties by a
// slot's place in the newest order. This test checks all of that against a plain reference on
// random data: filter every document by brute force, sort by the documented order, count facets,
// after random writes (changed values, removals, reused slots), page by page.

const titels = ['Magazijnmedewerker', 'Keukenhulp', 'Schoonmaker', 'Medewerker tuin', 'Kok', 'Administratief medewerker', 'Gastvrouw']
const plaatsen = ['Dordrecht', 'Zwijndrecht', 'Delft', 'Roermond', 'Papendrecht']
const queryWords = ['medewerker', 'magazijn', 'keuken', 'schoonmakr', 'magaz', 'tuin', 'kok', 'de', 'gastvrouw dordrecht', 'horeca']

function generator(seed: number) {
  const rnd = prng(seed)
  const pick = <T,>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!
  const some = <T,>(l: readonly T[], p: number) => l.filter(() => rnd() < p)
  // most plekken near a few centres (a radius then cuts through cells), some far away
  const centres = [[51.81, 4.67], [52.01, 4.36], [51.19, 5.99]] as const
  const point = () => {
    if (rnd() < 0.1) return { lat: 50.8 + rnd() * 2.7, lon: 3.4 + rnd() * 3.8 }
    const [lat, lon] = pick(centres)
    return { lat: lat + (rnd() - 0.5) * 0.6, lon: lon + (rnd() - 0.5) * 0.9 }
  }
  const document = (id: string): PlekDocument => {
    const score = Math.floor(rnd() * 21) / 2 // halves: exact in the engine's float32 column
    const urenMin = Math.floor(rnd() * 30)
    return {
      id, versie: 1, titel: pick(titels), omschrijving: `Je werkt in ${pick(plaatsen)} met collega's in de keuken of het magazijn.`, beroep: '',
      organisatieNaam: 'Stichting Voorbeeld', plaats: pick(plaatsen), sector: pick(sectoren.slice(0, 4)), vorm: pick(vormen.slice(0, 3)),
      begeleiding: some(begeleidingSoorten, 0.4), dagdelen: some(dagdelen, 0.15), urenMin, urenMax: urenMin + Math.floor(rnd() * 12),
      niveau: Object.fromEntries(vaardigheden.map((v) => [v, Math.floor(rnd() * 6)])) as PlekDocument['niveau'],
      taalrijkheidsscore: score, taalrijkheid: bucketOf(score), binnenSchooltijden: rnd() < 0.5, vergoeding: pick(vergoedingSoorten),
      // few distinct times, so many ties fall to the id
      gepubliceerdOp: Date.parse('2026-11-01T00:00:00Z') + Math.floor(rnd() * 5) * 60_000,
      ...point(),
    }
  }
  const query = (): PlekQuery => {
    const filters: PlekQuery['filters'] = {}
    if (rnd() < 0.3) filters.sector = some(sectoren.slice(0, 5), 0.4)
    if (rnd() < 0.2) filters.vorm = some(vormen.slice(0, 4), 0.5)
    if (rnd() < 0.15) filters.plaats = [pick(plaatsen), ...(rnd() < 0.3 ? ['Nergensdorp'] : [])]
    if (rnd() < 0.2) filters.begeleiding = some(begeleidingSoorten, 0.3)
    if (rnd() < 0.2) filters.dagdelen = some(dagdelen, 0.1)
    if (rnd() < 0.15) filters.vergoeding = some(vergoedingSoorten, 0.5)
    if (rnd() < 0.15) filters.werkbaarOp = some(dagdelen, 0.3)
    if (rnd() < 0.2) filters.urenMin = Math.floor(rnd() * 30)
    if (rnd() < 0.2) filters.urenMax = Math.floor(rnd() * 40)
    if (rnd() < 0.15) filters.maxNiveau = { spreken: pick(niveaus), ...(rnd() < 0.5 ? { lezen: pick(niveaus) } : {}) }
    if (rnd() < 0.1) filters.minTaalrijkheid = Math.floor(rnd() * 10)
    if (rnd() < 0.15) filters.binnenSchooltijden = rnd() < 0.5
    const geo = rnd() < 0.5 ? { ...point(), ...(rnd() < 0.8 ? { straalKm: pick([1, 5, 15, 40, 300]) } : {}) } : undefined
    const sort = pick(sorteringen.filter((s) => geo || s !== 'afstand'))
    return { ...(rnd() < 0.35 ? { q: pick(queryWords) } : {}), filters, ...(geo ? { geo } : {}), sort, page: 1 + Math.floor(rnd() * 3), perPage: pick([5, 20, 50]) }
  }
  return { rnd, pick, document, query }
}

/** Whether a document passes a query's filters and radius, as PlekFilters documents them (the radius within its bounding box). */
function passes(d: PlekDocument, q: Pick<PlekQuery, 'filters' | 'geo'>): boolean {
  const f = q.filters
  const any = <T,>(chosen: T[] | undefined, has: (v: T) => boolean) => !chosen?.length || chosen.some(has)
  const box = boundingBox(q.geo)
  return (
    any(f.sector, (s) => d.sector === s) &&
    any(f.vorm, (v) => d.vorm === v) &&
    any(f.plaats, (p) => d.plaats === p) &&
    any(f.vergoeding, (v) => d.vergoeding === v) &&
    (f.begeleiding ?? []).every((b) => d.begeleiding.includes(b)) &&
    any(f.dagdelen, (x) => d.dagdelen.includes(x)) &&
    (!f.werkbaarOp || d.dagdelen.filter((x) => f.werkbaarOp!.includes(x)).length >= Math.min(Math.ceil(d.urenMin / UREN_PER_DAGDEEL), d.dagdelen.length)) &&
    (f.urenMax === undefined || d.urenMin <= f.urenMax) &&
    (f.urenMin === undefined || d.urenMax >= f.urenMin) &&
    vaardigheden.every((v) => !f.maxNiveau?.[v] || d.niveau[v] <= niveaus.indexOf(f.maxNiveau[v]!)) &&
    (f.minTaalrijkheid === undefined || d.taalrijkheidsscore >= f.minTaalrijkheid) &&
    (f.binnenSchooltijden === undefined || d.binnenSchooltijden === f.binnenSchooltijden) &&
    (!q.geo || !box || (Math.abs(d.lat - q.geo.lat) <= box.dLat && Math.abs(d.lon - q.geo.lon) <= box.dLon && afstandKm(q.geo, d) <= q.geo.straalKm!))
  )
}

/** The documented order without text: the sort's key, then newest, then id. */
function byOrder(q: PlekQuery): (a: PlekDocument, b: PlekDocument) => number {
  const km = (d: PlekDocument) => (q.geo ? afstandKm(q.geo, d) : 0)
  const key = q.sort === 'taalrijkheid' ? (a: PlekDocument, b: PlekDocument) => b.taalrijkheidsscore - a.taalrijkheidsscore
    : q.sort === 'afstand' || (q.sort === 'relevantie' && q.geo) ? (a: PlekDocument, b: PlekDocument) => km(a) - km(b)
    : () => 0
  return (a, b) => key(a, b) || b.gepubliceerdOp - a.gepubliceerdOp || (a.id < b.id ? -1 : 1)
}

function facetsOf(docs: PlekDocument[]): SearchResult['facets'] {
  const facets: SearchResult['facets'] = { sector: {}, vorm: {}, begeleiding: {}, plaats: {}, taalrijkheid: {} }
  const add = (facet: Record<string, number>, value: string) => (facet[value] = (facet[value] ?? 0) + 1)
  for (const d of docs) {
    add(facets.sector, d.sector)
    add(facets.vorm, d.vorm)
    add(facets.plaats, d.plaats)
    add(facets.taalrijkheid, d.taalrijkheid)
    for (const b of d.begeleiding) add(facets.begeleiding, b)
  }
  return facets
}

describe('embedded engine against a brute-force reference', () => {
  const check = async (index: EmbeddedSearchIndex, held: Map<string, PlekDocument>, q: PlekQuery) => {
    const res = await index.search(q)
    const offset = (q.page - 1) * q.perPage
    const where = JSON.stringify(q)
    let expected: PlekDocument[]
    if (q.q) {
      // text ranks by the words; the same search without filters or radius gives that order (its
      // own path: no lists, no marks), and the filters may only take documents out of it
      const all = await index.search({ ...q, filters: {}, ...(q.geo ? { geo: { lat: q.geo.lat, lon: q.geo.lon } } : {}), page: 1, perPage: 100_000 })
      expected = all.hits.map((h) => held.get(h.id)!).filter((d) => passes(d, q))
      const unfilteredHits = new Map(all.hits.map((h) => [h.id, h]))
      expect(res.hits, where).toEqual(expected.slice(offset, offset + q.perPage).map((d) => unfilteredHits.get(d.id)))
    } else {
      expected = [...held.values()].filter((d) => passes(d, q)).sort(byOrder(q))
      const hits = expected.slice(offset, offset + q.perPage).map((d) => toHit(d, [], q.geo ? afstandKm(q.geo, d) : undefined))
      expect(res.hits, where).toEqual(hits)
    }
    expect(res.total, where).toBe(expected.length)
    expect(res.facets, where).toEqual(facetsOf(expected))
  }

  const checkKandidaten = async (index: EmbeddedSearchIndex, held: Map<string, PlekDocument>, q: Pick<PlekQuery, 'filters' | 'geo'>, max: number) => {
    // every document in slot order, as a scan over every slot lists them (no filter, no list)
    const inSlotOrder = await index.kandidaten({ filters: {} }, Number.MAX_SAFE_INTEGER)
    expect(inSlotOrder).toHaveLength(held.size)
    const expected = inSlotOrder.filter((k) => passes(held.get(k.id)!, q)).slice(0, max)
    expect(await index.kandidaten(q, max), JSON.stringify(q)).toEqual(expected)
  }

  for (const seed of [1, 2, 3, 4]) {
    it(`gives the reference's answers through random writes (seed ${seed})`, async () => {
      const g = generator(seed)
      const index = new EmbeddedSearchIndex()
      const held = new Map<string, PlekDocument>()
      let next = 0
      const add = (n: number) => Array.from({ length: n }, () => g.document(`p-${String(next++).padStart(4, '0')}`))
      const first = add(400)
      await index.upsert(first)
      for (const d of first) held.set(d.id, d)
      for (let round = 0; round < 6; round++) {
        for (let i = 0; i < 40; i++) await check(index, held, g.query())
        for (let i = 0; i < 10; i++) {
          const q = g.query()
          await checkKandidaten(index, held, q, g.pick([5, 50, 10_000]))
        }
        // writes: changed documents (one at a time and in a batch), removals, new ones in freed slots;
        // batches of more than 64 take the engine's other path (sort and merge)
        const ids = [...held.keys()]
        const changed = Array.from({ length: 90 }, () => ({ ...g.document(g.pick(ids)), versie: round + 2 }))
        for (const d of changed.slice(0, 10)) await index.upsert([d])
        await index.upsert(changed.slice(10))
        for (const d of changed) held.set(d.id, d)
        const gone = Array.from({ length: 90 }, () => g.pick([...held.keys()]))
        await index.remove(gone.slice(0, 5))
        await index.remove(gone.slice(5))
        for (const id of gone) held.delete(id)
        const fresh = add(90)
        await index.upsert(fresh.slice(0, 3))
        await index.upsert(fresh.slice(3))
        for (const d of fresh) held.set(d.id, d)
      }
      // and a fresh index of the same documents answers the same as the one that lived through the writes
      const rebuilt = new EmbeddedSearchIndex()
      await rebuilt.upsert([...held.values()].reverse())
      for (let i = 0; i < 40; i++) {
        const q = g.query()
        const { tijdMs: _a, ...a } = await index.search(q)
        const { tijdMs: _b, ...b } = await rebuilt.search(q)
        expect(b, JSON.stringify(q)).toEqual(a)
      }
    })
  }

  it('ranks text the same after removals (postings marked gone, lists compacted) as a fresh index', () => {
    const g = generator(5)
    const lived = new TextIndex()
    const docs = new Map<number, PlekDocument>()
    const put = (slot: number) => {
      const d = g.document(`p-${slot}`)
      docs.set(slot, d)
      lived.upsert([{ slot, fields: analyseDocument(d) }])
    }
    for (let slot = 0; slot < 300; slot++) put(slot)
    // many rounds of changes and removals, so most lists are compacted at least once
    for (let i = 0; i < 2000; i++) {
      const slot = Math.floor(g.rnd() * 300)
      if (g.rnd() < 0.3 && docs.has(slot)) {
        lived.remove([slot])
        docs.delete(slot)
      } else put(slot)
    }
    const fresh = new TextIndex()
    fresh.upsert([...docs].map(([slot, d]) => ({ slot, fields: analyseDocument(d) })))
    for (const q of [...queryWords, 'keuken medewerker', 'schoonmakr magazijn dordrecht', 'kok tuin']) {
      const a = lived.match(q, { slots: 300 })
      const b = fresh.match(q, { slots: 300 })
      const ranks = (m: typeof a) => m && { words: m.words, corrected: [...m.corrected].sort(), slots: [...m.slots].sort((x, y) => x - y), n: [...m.rank.n], typos: [...m.rank.typos], inexact: [...m.rank.inexact], attr: [...m.rank.attr], score: [...m.rank.score] }
      expect(ranks(a), q).toEqual(ranks(b))
      if (a) lived.release(a)
      if (b) fresh.release(b)
    }
  })

  it('bounds the Levenshtein distance as the full matrix does', () => {
    const rnd = prng(6)
    const word = () => Array.from({ length: Math.floor(rnd() * 12) }, () => 'aábcde'[Math.floor(rnd() * 6)]).join('')
    const full = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
      for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      return d[a.length]![b.length]!
    }
    for (let i = 0; i < 5000; i++) {
      const a = word()
      const b = rnd() < 0.5 ? word() : a.slice(1) + 'e'
      const max = Math.floor(rnd() * 4)
      // the distance itself up to max; beyond it, anything above max
      const d = boundedLevenshtein(a, b, max)
      if (full(a, b) <= max) expect(d, `${a} ${b} ${max}`).toBe(full(a, b))
      else expect(d, `${a} ${b} ${max}`).toBeGreaterThan(max)
    }
  })

  it('keeps a plek without coordinates in every radius, as the scan did', async () => {
    const g = generator(9)
    const index = new EmbeddedSearchIndex()
    const nowhere = { ...g.document('p-nergens'), lat: Number.NaN, lon: Number.NaN }
    await index.upsert([g.document('p-a'), nowhere, g.document('p-b')])
    const found = await index.kandidaten({ filters: {}, geo: { lat: 51.81, lon: 4.67, straalKm: 5 } }, 10)
    expect(found.map((k) => k.id)).toContain('p-nergens')
  })
})
