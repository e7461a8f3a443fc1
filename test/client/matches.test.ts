import { describe, expect, test } from 'vitest'
import { aandachtspunten, gewichtRijen, knockouts, splitMatches, toggleVergelijk, comparisonRows, type MatchCriterium } from '../../client/src/lib/matches.js'
import { criteriumLabel, kleurLabel } from '../../client/src/lib/labels.js'
import { criteriumCodes, standaardConfig } from '../../server/matching/config.js'

const c = (code: string, kleur: MatchCriterium['kleur'], knockout = false): MatchCriterium => ({ code, kleur, knockout, score: kleur === 'groen' ? 1 : kleur === 'oranje' ? 0.6 : 0.2, uitleg: `${code} ${kleur}` })

describe('de matchlijst', () => {
  test('fitting results first, excluded ones apart, each in the order of the answer', () => {
    const items = [{ id: 'a', score: 90, uitgesloten: false, criteria: [] }, { id: 'b', score: 70, uitgesloten: false, criteria: [] }, { id: 'c', score: 95, uitgesloten: true, criteria: [] }]
    const { passend, uitgesloten } = splitMatches(items)
    expect(passend.map((m) => m.id)).toEqual(['a', 'b'])
    expect(uitgesloten.map((m) => m.id)).toEqual(['c'])
  })

  test('what needs attention: knock-outs first, then red, then amber; green is left out', () => {
    const m = { score: 40, uitgesloten: true, criteria: [c('dagdelen', 'oranje'), c('uren', 'groen'), c('wensen', 'rood'), c('reisafstand', 'rood', true)] }
    expect(aandachtspunten(m).map((x) => x.code)).toEqual(['reisafstand', 'wensen', 'dagdelen'])
    expect(knockouts(m).map((x) => x.code)).toEqual(['reisafstand'])
  })

  test('at most two results can be chosen to compare; a third is refused', () => {
    let g = toggleVergelijk([], 'a', true)
    g = toggleVergelijk(g, 'b', true)
    expect(toggleVergelijk(g, 'c', true)).toEqual(['a', 'b'])
    expect(toggleVergelijk(g, 'a', false)).toEqual(['b'])
    expect(toggleVergelijk(g, 'a', true)).toEqual(['a', 'b'])
  })

  test('the comparison has one row per criterion with both judgements', () => {
    const a = { score: 80, uitgesloten: false, criteria: [c('dagdelen', 'groen'), c('uren', 'oranje')] }
    const b = { score: 60, uitgesloten: true, criteria: [c('dagdelen', 'rood', true), c('uren', 'groen')] }
    const rijen = comparisonRows(a, b)
    expect(rijen.map((r) => [r.code, r.a?.kleur, r.b?.kleur, r.b?.knockout])).toEqual([['dagdelen', 'groen', 'rood', true], ['uren', 'oranje', 'groen', false]])
  })

  test('the weights are shown heaviest first, with their share of the score and whether they exclude', () => {
    const rijen = gewichtRijen(standaardConfig.vraaggericht.gewichten, standaardConfig.vraaggericht.knockouts)
    expect(rijen).toHaveLength(10)
    expect(rijen.map((r) => r.gewicht)).toEqual([...rijen.map((r) => r.gewicht)].sort((x, y) => y - x))
    expect(rijen.find((r) => r.code === 'vereisten')).toMatchObject({ gewicht: 3, knockout: true })
    expect(rijen.find((r) => r.code === 'taalrijkheid')).toMatchObject({ gewicht: 1, knockout: false })
    expect(rijen.reduce((s, r) => s + r.aandeel, 0)).toBeGreaterThanOrEqual(98) // rounded shares add up to about 100
  })

  test('every criterion of the matcher has a Dutch label, and every colour an icon and a word', () => {
    for (const code of criteriumCodes) expect(criteriumLabel[code]).toMatch(/^[A-Z]/)
    expect(Object.values(kleurLabel).map((k) => k.icoon)).toEqual(['✓', '~', '✗'])
  })
})
