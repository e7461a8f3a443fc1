import { describe, expect, it } from 'vitest'
import { lookupPostcode } from '../../db/postcode.js'
import { afstandKm } from '../../server/domain/geo.js'
import { postcode } from '../../server/domain/common.js'

describe('postcode', () => {
  it('finds the PC4 centroid and plaats, with or without letters', () => {
    expect(lookupPostcode('3311')).toEqual({ pc4: '3311', plaats: 'Dordrecht', lat: 51.8139, lon: 4.6686 })
    expect(lookupPostcode('2611 AB')?.plaats).toBe('Delft')
    expect(lookupPostcode('6041CD')?.plaats).toBe('Roermond')
  })

  it('does not know a PC4 that is not in the table', () => {
    expect(lookupPostcode('1000')).toBeUndefined()
  })

  it('normalises what people type', () => {
    expect(postcode.parse(' 3311ab ')).toBe('3311 AB')
    expect(postcode.parse('3311')).toBe('3311')
    expect(postcode.safeParse('0311 AB').success).toBe(false)
    expect(postcode.safeParse('3311 A').success).toBe(false)
  })

  it('measures distance in km along the earth', () => {
    const dordrecht = lookupPostcode('3311')!
    const delft = lookupPostcode('2611')!
    // Dordrecht–Delft is about 30 km as the crow flies
    expect(afstandKm(dordrecht, delft)).toBeGreaterThan(25)
    expect(afstandKm(dordrecht, delft)).toBeLessThan(35)
    expect(afstandKm(delft, delft)).toBe(0)
  })
})
