import { describe, expect, it } from 'vitest'
import { evaluate, sortResults } from '../../server/matching/rank.js'
import { standaardConfig } from '../../server/matching/config.js'
import type { MatchDeelnemer, MatchPlek, Richting } from '../../server/matching/types.js'
import { deelnemer, plek } from './fixtures.js'

// Situations from the pilots (docs/domain.md, "Situations from the pilots"), played through the
// whole ranking.

const rank = (d: MatchDeelnemer, plekken: MatchPlek[], richting: Richting = 'aanbodgericht') =>
  sortResults(plekken.map((p) => evaluate(d, p, richting, standaardConfig[richting], 3, p.id)))

describe('scenarios', () => {
  it('a gezinsmigrant mother without kinderopvang sees plekken binnen schooltijden first', () => {
    const moeder = deelnemer({ kinderopvang: 'nodig', wensen: { sectoren: ['zorg'], vormen: [] } })
    const ranked = rank(moeder, [
      plek({ id: 'avond', sector: 'zorg', binnenSchooltijden: false }),
      plek({ id: 'school', sector: 'horeca', binnenSchooltijden: true }),
      plek({ id: 'school-zorg', sector: 'zorg', binnenSchooltijden: true }),
    ])
    expect(ranked.map((r) => r.id)).toEqual(['school-zorg', 'school', 'avond'])
    expect(ranked.at(-1)!.uitgesloten).toBe(true)
    expect(ranked.at(-1)!.criteria.find((c) => c.code === 'kinderopvang')!.uitleg).toBe('Kinderopvang is nog niet geregeld en de plek valt buiten schooltijden.')
  })

  it('a deelnemer with taalles on dinsdagochtend is never matched to a plek that needs exactly that dagdeel', () => {
    const d = deelnemer({ taallesDagdelen: ['di-ochtend'], beschikbareDagdelen: ['ma-ochtend', 'di-ochtend', 'wo-ochtend'] })
    for (const richting of ['aanbodgericht', 'vraaggericht'] as const) {
      const [r] = rank(d, [plek({ dagdelen: ['di-ochtend'], urenPerWeek: { min: 4, max: 4 } })], richting)
      expect(r!.uitgesloten, richting).toBe(true)
      expect(r!.criteria.find((c) => c.code === 'dagdelen')!.kleur).toBe('rood')
    }
  })

  it('a z-route deelnemer with low belastbaarheid gets plekken with opbouw and begeleiding first', () => {
    const d = deelnemer({ leerroute: 'z-route', belastbaarheid: 'laag', taalniveau: { spreken: 'A1', luisteren: 'A1', lezen: 'A0', schrijven: 'A0' }, wensen: { sectoren: [], vormen: [] } })
    const basis = { taalniveau: { spreken: 'A0', luisteren: 'A0', lezen: 'A0', schrijven: 'A0' } as const, fysiekeBelasting: 'laag' as const, werkdruk: 'laag' as const, taalrijkheidsscore: 6 }
    const ranked = rank(d, [
      plek({ id: 'kaal', ...basis, begeleiding: [], opbouw: false }),
      plek({ id: 'steun', ...basis, begeleiding: ['buddy', 'werkbegeleider'], opbouw: true }),
      plek({ id: 'zwaar', ...basis, begeleiding: ['buddy', 'jobcoach'], opbouw: true, fysiekeBelasting: 'hoog' }),
    ])
    expect(ranked.map((r) => r.id)).toEqual(['steun', 'kaal', 'zwaar'])
    expect(ranked[2]!.uitgesloten).toBe(true)
  })

  it('vraaggericht, a werkgever’s rijbewijs requirement excludes deelnemers without one', () => {
    const p = plek({ vereisten: { rijbewijs: true, vog: false, vca: false } })
    const met = evaluate(deelnemer({ mobiliteit: { fiets: true, ov: true, rijbewijs: true, auto: true, maxReisafstandKm: 20 } }), p, 'vraaggericht', standaardConfig.vraaggericht, 3, 'met')
    const zonder = evaluate(deelnemer(), p, 'vraaggericht', standaardConfig.vraaggericht, 3, 'zonder')
    expect(sortResults([zonder, met]).map((r) => [r.id, r.uitgesloten])).toEqual([['met', false], ['zonder', true]])
  })
})
