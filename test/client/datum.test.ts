import { describe, expect, test } from 'vitest'
import { daysBetween, datumInNederland, isDate, maandTekst, monthsBetween, addDays, relativeDate, nextMonday } from '../../client/src/lib/datum.js'
import * as server from '../../server/clock.js'

describe('datums zoals de server ze telt', () => {
  test('today is the date in the Netherlands, whatever the browser’s time zone', () => {
    expect(datumInNederland(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29') // UTC+1: after midnight in Amsterdam
    expect(datumInNederland(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01') // UTC+2 in summer
    expect(datumInNederland(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02')
  })

  test('calendar arithmetic equals the server’s, across DST and month ends', () => {
    for (const d of ['2026-03-20', '2026-10-20', '2026-01-31', '2028-02-28', '2026-12-25']) {
      for (const n of [-30, -1, 0, 1, 14, 28, 45]) expect(addDays(d, n)).toBe(server.addDays(d, n))
    }
    expect(daysBetween('2026-03-20', '2026-04-03')).toBe(14)
    expect(daysBetween('2026-11-23', '2026-11-17')).toBe(-6)
  })

  test('the next Monday is always after the date', () => {
    expect(nextMonday('2026-11-23')).toBe('2026-11-30') // a Monday
    expect(nextMonday('2026-11-24')).toBe('2026-11-30')
    expect(nextMonday('2026-11-29')).toBe('2026-11-30') // Sunday
    expect(nextMonday('2026-12-31')).toBe('2027-01-04')
  })

  test('a date seen from today, in words', () => {
    expect(['2026-11-23', '2026-11-24', '2026-11-22', '2026-12-07', '2026-11-17'].map((d) => relativeDate(d, '2026-11-23'))).toEqual(['vandaag', 'morgen', 'gisteren', 'over 14 dagen', '6 dagen geleden'])
  })

  test('dates and months', () => {
    expect(isDate('2026-02-28')).toBe(true)
    expect(isDate('2026-02-30')).toBe(false)
    expect(isDate('23-11-2026')).toBe(false)
    expect(monthsBetween('2025-11-24', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthsBetween('2026-02-01', '2026-02-28')).toEqual(['2026-02'])
    expect(maandTekst('2026-03')).toBe('maart 2026')
  })
})
