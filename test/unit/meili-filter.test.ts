import { describe, expect, it } from 'vitest'
import { meiliFilter, meiliSort, quote } from '../../search/meili-filter.js'
import { meiliSettings } from '../../search/meilisearch.js'
import type { PlekQuery } from '../../search/port.js'

const q = (over: Partial<PlekQuery>): PlekQuery => ({ filters: {}, sort: 'relevantie', page: 1, perPage: 20, ...over })

describe('Meilisearch filter translation', () => {
  it('quotes and escapes hostile values so they stay one literal', () => {
    expect(quote('zorg')).toBe('"zorg"')
    expect(quote('a"b')).toBe('"a\\"b"')
    expect(quote('a\\b')).toBe('"a\\\\b"')
    expect(quote('x\\" OR sector = "horeca')).toBe('"x\\\\\\" OR sector = \\"horeca"')
    const [f] = meiliFilter(q({ filters: { plaats: ['Den Bosch" OR plaats = "Delft', 'AND', 'NOT x'] } }))
    expect(f).toBe('plaats IN ["Den Bosch\\" OR plaats = \\"Delft", "AND", "NOT x"]')
  })

  it('a hostile value never closes its quotes: every unescaped quote is a delimiter of our own', () => {
    const hostile = ['"', '\\', '\\"', '"]', '") OR (1=1', 'a\\\\"b', 'OR', 'AND NOT']
    const [f] = meiliFilter(q({ filters: { plaats: hostile } }))
    // strip escaped characters, then the remaining quotes must be exactly two per value
    const stripped = f!.replace(/\\./g, '')
    expect((stripped.match(/"/g) ?? []).length).toBe(hostile.length * 2)
  })

  it('translates every filter of the neutral query', () => {
    expect(
      meiliFilter(
        q({
          filters: {
            sector: ['zorg', 'horeca'],
            vorm: ['betaald-werk'],
            begeleiding: ['buddy', 'taalcoach'],
            dagdelen: ['ma-ochtend'],
            vergoeding: ['loon'],
            urenMin: 8,
            urenMax: 16,
            maxNiveau: { lezen: 'A1', spreken: 'B1' },
            minTaalrijkheid: 6.5,
            binnenSchooltijden: true,
          },
          geo: { lat: 51.81, lon: 4.67, straalKm: 15 },
        }),
      ),
    ).toEqual([
      'sector IN ["zorg", "horeca"]',
      'vorm IN ["betaald-werk"]',
      'begeleiding = "buddy"',
      'begeleiding = "taalcoach"',
      'dagdelen IN ["ma-ochtend"]',
      'vergoeding IN ["loon"]',
      'urenMin <= 16',
      'urenMax >= 8',
      'niveau.spreken <= 3',
      'niveau.lezen <= 1',
      'taalrijkheidsscore >= 6.5',
      'binnenSchooltijden = true',
      '_geoRadius(51.81, 4.67, 15000)',
    ])
  })

  it('reads werkbaarOp as any of those dagdelen (Meilisearch cannot count; the matcher narrows exactly)', () => {
    expect(meiliFilter(q({ filters: { werkbaarOp: ['ma-ochtend', 'di-middag'] } }))).toEqual(['dagdelen IN ["ma-ochtend", "di-middag"]'])
    // no dagdeel free: an empty any-of would drop every plek, also one the matcher might keep
    expect(meiliFilter(q({ filters: { werkbaarOp: [] } }))).toEqual([])
  })

  it('refuses numbers that are not finite', () => {
    expect(() => meiliFilter(q({ filters: { urenMax: Number.NaN } }))).toThrow()
    expect(() => meiliFilter(q({ geo: { lat: Infinity, lon: 1, straalKm: 5 } }))).toThrow()
  })

  it('sorts by distance, taalrijkheid or newest; relevance, then newest and id, break ties in the ranking rules', () => {
    const geo = { lat: 51.81, lon: 4.67 }
    expect(meiliSort(q({ sort: 'afstand', geo }))).toEqual(['_geoPoint(51.81, 4.67):asc'])
    expect(meiliSort(q({ sort: 'taalrijkheid', q: 'kok' }))).toEqual(['taalrijkheidsscore:desc'])
    expect(meiliSort(q({ sort: 'nieuwste' }))).toEqual(['gepubliceerdOp:desc'])
    expect(meiliSort(q({ sort: 'relevantie', geo }))).toEqual(['_geoPoint(51.81, 4.67):asc'])
    // with text, relevance decides (the settings' ranking rules), then newest and id
    expect(meiliSort(q({ sort: 'relevantie', geo, q: 'kok' }))).toEqual([])
    expect(meiliSort(q({ sort: 'relevantie', geo, q: 'de en' }))).toEqual(['_geoPoint(51.81, 4.67):asc'])
    const rules = meiliSettings().rankingRules
    expect(rules.indexOf('sort')).toBe(0)
    expect(rules.indexOf('exactness')).toBeLessThan(rules.indexOf('attribute'))
    expect(rules.slice(-2)).toEqual(['gepubliceerdOp:desc', 'id:asc'])
  })

  it('settings make every filtered and sorted field filterable or sortable', () => {
    const s = meiliSettings()
    const all = meiliFilter(
      q({ filters: { sector: ['zorg'], vorm: ['bbl'], begeleiding: ['buddy'], dagdelen: ['ma-ochtend'], plaats: ['Delft'], vergoeding: ['geen'], urenMin: 1, urenMax: 2, maxNiveau: { spreken: 'A1', luisteren: 'A1', lezen: 'A1', schrijven: 'A1' }, minTaalrijkheid: 1, binnenSchooltijden: false }, geo: { lat: 1, lon: 1, straalKm: 1 } }),
    )
    for (const f of all) {
      const field = f.startsWith('_geoRadius') ? '_geo' : f.split(' ')[0]!
      expect(s.filterableAttributes).toContain(field)
    }
    expect(s.typoTolerance.minWordSizeForTypos).toEqual({ oneTypo: 5, twoTypos: 9 })
    expect(s.synonyms.orderpicker).toContain('magazijn')
    expect(s.stopWords).toContain('de')
  })
})
