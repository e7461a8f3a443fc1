import { describe, expect, test } from 'vitest'
import { apiQuery, facetRegels, parseZoekUrl, toggleFacet, zoekQueryString, leegZoeken } from '../../client/src/lib/search-state.js'
import { zoekQuery } from '../../server/domain/zoeken.js'

describe('zoekstatus in de URL', () => {
  test('a URL read and written again gives the same URL (shared links and Back work)', () => {
    const url = '?q=zorg&sector=horeca&sector=zorg&vorm=bbl&postcode=3311+AB&straalKm=10&sort=afstand&page=2'
    expect(zoekQueryString(parseZoekUrl(url))).toBe(url)
  })

  test('defaults are left out, so an empty search has an empty query string', () => {
    expect(zoekQueryString(leegZoeken)).toBe('')
    expect(parseZoekUrl('')).toEqual(leegZoeken)
  })

  test('unknown facet values, sorts and pages are dropped instead of breaking the page', () => {
    const s = parseZoekUrl('?sector=ruimtevaart&sector=zorg&sort=raar&page=-3&straalKm=veel')
    expect(s).toMatchObject({ sector: ['zorg'], sort: 'relevantie', page: 1, straalKm: '' })
  })

  test('equal searches give equal URLs whatever the order of the filters', () => {
    const a = toggleFacet(toggleFacet(leegZoeken, 'sector', 'zorg', true), 'sector', 'horeca', true)
    const b = toggleFacet(toggleFacet(leegZoeken, 'sector', 'horeca', true), 'sector', 'zorg', true)
    expect(zoekQueryString(a)).toBe(zoekQueryString(b))
  })

  test('changing a filter starts again at page 1', () => {
    expect(toggleFacet({ ...leegZoeken, page: 4 }, 'vorm', 'bbl', true).page).toBe(1)
    expect(toggleFacet({ ...leegZoeken, vorm: ['bbl'] }, 'vorm', 'bbl', false).vorm).toEqual([])
  })

  test('a straal without a postcode is not sent', () => {
    expect(zoekQueryString({ ...leegZoeken, straalKm: '10' })).toBe('')
  })

  test('the API query uses the parameter names of GET /api/zoeken and passes its schema', () => {
    const q = apiQuery(parseZoekUrl('?q=kok&sector=horeca&sector=zorg&begeleiding=buddy&postcode=3311AB&straalKm=25&sort=afstand'))
    expect(q).toEqual({ perPage: '20', q: 'kok', sector: ['horeca', 'zorg'], begeleiding: ['buddy'], postcode: '3311AB', straalKm: '25', sort: 'afstand' })
    expect(zoekQuery.safeParse(q).success).toBe(true)
  })

  test('sorting by distance without a postcode falls back to relevance (the API would refuse it)', () => {
    const q = apiQuery({ ...leegZoeken, sort: 'afstand' })
    expect(q.sort).toBeUndefined()
    expect(zoekQuery.safeParse(q).success).toBe(true)
  })

  test('facet lines show values with a count, and keep a chosen value even when its count fell to 0', () => {
    expect(facetRegels('sector', { zorg: 3, horeca: 0 }, ['bouw'])).toEqual([
      { waarde: 'zorg', aantal: 3, gekozen: false },
      { waarde: 'bouw', aantal: 0, gekozen: true },
    ])
  })
})
