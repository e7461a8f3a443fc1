import { describe, expect, test } from 'vitest'
import { isOneOf, parsePage, toQueryString } from '../../client/src/lib/url-state.js'
import { parseVoorstelLijstUrl, voorstelLijstQueryString } from '../../client/src/lib/voorstel.js'
import { parsePlaatsingLijstUrl, plaatsingLijstQueryString } from '../../client/src/lib/nazorg.js'

describe('lijsten in de URL', () => {
  test('a page is a whole number 1–1000, anything else page 1', () => {
    expect(['3', '1', null, undefined, '0', '-2', '2.5', 'twee', '1001'].map(parsePage)).toEqual([3, 1, 1, 1, 1, 1, 1, 1, 1])
  })

  test('a value from a fixed list, or not; an empty query string is no "?"', () => {
    expect(isOneOf(['a', 'b'] as const, 'b')).toBe(true)
    expect(isOneOf(['a', 'b'] as const, 'c')).toBe(false)
    expect(isOneOf(['a', 'b'] as const, null)).toBe(false)
    expect(toQueryString(new URLSearchParams())).toBe('')
    expect(toQueryString(new URLSearchParams({ q: 'zorg' }))).toBe('?q=zorg')
  })

  test('voorstellen: the role’s default status stays out of the URL, every status is "alle"', () => {
    expect(parseVoorstelLijstUrl('', 'voorgesteld')).toEqual({ status: 'voorgesteld', deelnemerId: '', page: 1 })
    expect(parseVoorstelLijstUrl('?status=alle&page=2', 'voorgesteld')).toEqual({ status: '', deelnemerId: '', page: 2 })
    expect(parseVoorstelLijstUrl('?status=raar&deelnemerId=d1', '')).toEqual({ status: '', deelnemerId: 'd1', page: 1 })
    for (const [url, standaard] of [['?status=alle&page=2', 'voorgesteld'], ['?status=afgewezen&deelnemerId=d1', ''], ['', 'voorgesteld']] as const) {
      expect(voorstelLijstQueryString(parseVoorstelLijstUrl(url, standaard), standaard)).toBe(url)
    }
  })

  test('plaatsingen: actief unless chosen; the jobcoach filter only for the beheerder', () => {
    expect(parsePlaatsingLijstUrl('', true)).toEqual({ status: 'actief', jobcoachId: '' })
    expect(parsePlaatsingLijstUrl('?status=alle&jobcoachId=j1', true)).toEqual({ status: 'alle', jobcoachId: 'j1' })
    expect(parsePlaatsingLijstUrl('?status=onzin&jobcoachId=j1', false)).toEqual({ status: 'actief', jobcoachId: '' })
    expect(plaatsingLijstQueryString({ status: 'afgerond', jobcoachId: 'j1' })).toBe('?status=afgerond&jobcoachId=j1')
    expect(plaatsingLijstQueryString({ status: 'actief', jobcoachId: '' })).toBe('')
  })
})
