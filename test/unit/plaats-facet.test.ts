import { describe, expect, it } from 'vitest'
import { MAX_PLAATSEN, meestePlaatsenVan } from '../../server/services/zoeken.js'

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
    // equal counts by name: the same answer every time
    expect(top).toEqual([...top].sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b)))
  })
})
