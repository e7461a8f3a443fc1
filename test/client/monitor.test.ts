import { describe, expect, test } from 'vitest'
import { eindredenRijen, knelpuntReeksen, monitorApiQuery, monitorQueryString, parseMonitorUrl, roundMaximum } from '../../client/src/lib/monitor.js'

describe('de monitor', () => {
  test('filters in the URL with the API’s names; unknown values are dropped', () => {
    const s = parseMonitorUrl('?van=2026-01-01&tot=2026-06-30&sector=zorg&vorm=onzin&x=1')
    expect(s).toEqual({ van: '2026-01-01', tot: '2026-06-30', sector: 'zorg', vorm: '' })
    expect(monitorQueryString(s)).toBe('?van=2026-01-01&tot=2026-06-30&sector=zorg')
    expect(monitorApiQuery(s)).toEqual({ van: '2026-01-01', tot: '2026-06-30', sector: 'zorg' })
    expect(parseMonitorUrl('?van=2026-02-30')).toEqual({ van: '', tot: '', sector: '', vorm: '' })
    expect(monitorQueryString(parseMonitorUrl(''))).toBe('')
    const rond = parseMonitorUrl(monitorQueryString({ van: '2025-12-01', tot: '', sector: '', vorm: 'bbl' }))
    expect(rond).toEqual({ van: '2025-12-01', tot: '', sector: '', vorm: 'bbl' })
  })

  test('knelpunten per month: every month of the period, most frequent knelpunt first, unnamed ones left out', () => {
    const r = knelpuntReeksen(
      [{ maand: '2026-01', aantallen: { vervoer: 2, taal: 1 } }, { maand: '2026-03', aantallen: { taal: 3 } }],
      '2025-12-15',
      '2026-03-10',
    )
    expect(r.map((x) => [x.code, x.totaal])).toEqual([['taal', 4], ['vervoer', 2]])
    expect(r[0]!.perMaand).toEqual([{ maand: '2025-12', aantal: 0 }, { maand: '2026-01', aantal: 1 }, { maand: '2026-02', aantal: 0 }, { maand: '2026-03', aantal: 3 }])
    expect(knelpuntReeksen([], '2026-01-01', '2026-02-01')).toEqual([])
  })

  test('eindredenen most frequent first, ties in the domain’s order; rounded axis maxima', () => {
    expect(eindredenRijen({ vervoer: 2, 'werk-gevonden': 2, taal: 5, anders: 0 })).toEqual([
      { code: 'taal', aantal: 5 }, { code: 'werk-gevonden', aantal: 2 }, { code: 'vervoer', aantal: 2 },
    ])
    expect([0, 1, 3, 7, 12, 50, 51].map(roundMaximum)).toEqual([1, 1, 5, 10, 20, 50, 100])
  })
})
