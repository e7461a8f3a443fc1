import { describe, expect, it } from 'vitest'
import * as c from '../../server/matching/criteria.js'
import type { MatchInput } from '../../server/matching/types.js'
import { deelnemer, plek } from './fixtures.js'

const input = (over: Partial<MatchInput> = {}): MatchInput => ({ deelnemer: deelnemer(), plek: plek(), richting: 'aanbodgericht', afstandKm: 2, ...over })

describe('dagdelen', () => {
  it('counts the plek’s dagdelen the deelnemer is free on', () => {
    expect(c.dagdelen(input())).toEqual({ score: 1, hard: false, uitleg: 'Beschikbaar op 3 van de 3 dagdelen van de plek.' })
  })

  it('never uses a taalles dagdeel: a plek that needs exactly that dagdeel is a hard fail', () => {
    const r = c.dagdelen(input({ plek: plek({ dagdelen: ['di-ochtend'], urenPerWeek: { min: 4, max: 4 } }), deelnemer: deelnemer({ beschikbareDagdelen: ['di-ochtend', 'ma-ochtend'] }) }))
    expect(r.hard).toBe(true)
    expect(r.score).toBe(0)
    expect(r.uitleg).toContain('. Dinsdagochtend valt samen met taalles en telt niet mee')
  })

  it('a clash is fine when the other free dagdelen carry the minimum hours', () => {
    const r = c.dagdelen(input({ plek: plek({ dagdelen: ['ma-ochtend', 'di-ochtend', 'wo-ochtend'], urenPerWeek: { min: 8, max: 12 } }) }))
    expect(r.hard).toBe(false)
    expect(r.score).toBeCloseTo(2 / 3)
  })

  it('names two clashing dagdelen in the plural', () => {
    const r = c.dagdelen(input({ plek: plek({ dagdelen: ['ma-ochtend', 'di-ochtend', 'do-ochtend'], urenPerWeek: { min: 4, max: 12 } }), deelnemer: deelnemer({ taallesDagdelen: ['di-ochtend', 'do-ochtend'] }) }))
    expect(r.uitleg).toContain('. Dinsdagochtend en donderdagochtend vallen samen met taalles en tellen niet mee.')
  })

  it('too few free dagdelen for the minimum hours is a hard fail', () => {
    const r = c.dagdelen(input({ deelnemer: deelnemer({ beschikbareDagdelen: ['ma-ochtend'] }), plek: plek({ urenPerWeek: { min: 12, max: 12 } }) }))
    expect(r.hard).toBe(true)
    expect(r.uitleg).toMatch(/nodig zijn er minstens 3 voor 12 uur/)
  })
})

describe('uren', () => {
  it('overlapping ranges fit', () => expect(c.uren(input()).score).toBe(1))
  it('a plek asking more hours than the deelnemer can is a hard fail', () => {
    const r = c.uren(input({ plek: plek({ urenPerWeek: { min: 20, max: 24 } }) }))
    expect(r).toMatchObject({ score: 0, hard: true })
    expect(r.uitleg).toBe('De plek vraagt minstens 20 uur; de deelnemer kan hoogstens 16 uur.')
  })
  it('opbouw bridges a plek minimum above the deelnemer’s maximum', () => {
    expect(c.uren(input({ plek: plek({ urenPerWeek: { min: 20, max: 24 }, opbouw: true }) }))).toMatchObject({ score: 0.5, hard: false })
  })
})

describe('reisafstand', () => {
  it('exactly at the travel limit still fits', () => {
    const r = c.reisafstand(input({ afstandKm: 10 }))
    expect(r.hard).toBe(false)
    expect(r.score).toBeCloseTo(0.5)
  })
  it('just beyond the limit is a hard fail, with the means of transport named', () => {
    const r = c.reisafstand(input({ afstandKm: 10.2 }))
    expect(r.hard).toBe(true)
    expect(r.uitleg).toBe('10,2 km reizen; de deelnemer reist hoogstens 10 km (fiets en ov).')
  })
})

describe('taalniveau', () => {
  const b1 = { spreken: 'B1', luisteren: 'B1', lezen: 'A2', schrijven: 'A2' } as const
  const a2 = { spreken: 'A2', luisteren: 'A2', lezen: 'A2', schrijven: 'A2' } as const
  it('A2 against a B1 minimum without support is a hard fail in both directions', () => {
    for (const richting of ['aanbodgericht', 'vraaggericht'] as const) {
      const r = c.taalniveau(input({ richting, deelnemer: deelnemer({ taalniveau: a2 }), plek: plek({ taalniveau: b1, begeleiding: [] }) }))
      expect(r.hard, richting).toBe(true)
      expect(r.uitleg).toContain('spreken A2 (gevraagd B1) en luisteren A2 (gevraagd B1)')
    }
  })
  it('aanbodgericht, support on the work floor relaxes one level', () => {
    const r = c.taalniveau(input({ deelnemer: deelnemer({ taalniveau: a2 }), plek: plek({ taalniveau: b1, begeleiding: ['taalcoach'] }) }))
    expect(r.hard).toBe(false)
    expect(r.score).toBeCloseTo(0.6)
    expect(r.uitleg).toMatch(/biedt ondersteuning/)
  })
  it('vraaggericht, only the werkgever’s “lager niveau met ondersteuning” relaxes it', () => {
    const support = c.taalniveau(input({ richting: 'vraaggericht', deelnemer: deelnemer({ taalniveau: a2 }), plek: plek({ taalniveau: b1, begeleiding: ['taalcoach'] }) }))
    expect(support.hard).toBe(true)
    const accepted = c.taalniveau(input({ richting: 'vraaggericht', deelnemer: deelnemer({ taalniveau: a2 }), plek: plek({ taalniveau: b1, lagerNiveauMetOndersteuning: true }) }))
    expect(accepted.hard).toBe(false)
  })
  it('two levels below is too much even with support (aanbodgericht)', () => {
    const r = c.taalniveau(input({ deelnemer: deelnemer({ taalniveau: { spreken: 'A1', luisteren: 'A2', lezen: 'A2', schrijven: 'A2' } }), plek: plek({ taalniveau: b1, begeleiding: ['buddy'] }) }))
    expect(r.hard).toBe(true)
  })
})

describe('other criteria', () => {
  it('taalrijkheid counts fully at A1 and pulls towards neutral at B1', () => {
    const low = c.taalrijkheid(input({ deelnemer: deelnemer({ taalniveau: { spreken: 'A1', luisteren: 'A1', lezen: 'A0', schrijven: 'A0' } }), plek: plek({ taalrijkheidsscore: 2 }) }))
    const high = c.taalrijkheid(input({ deelnemer: deelnemer({ taalniveau: { spreken: 'B1', luisteren: 'B1', lezen: 'B1', schrijven: 'B1' } }), plek: plek({ taalrijkheidsscore: 2 }) }))
    expect(low.score).toBeCloseTo(0.2)
    expect(high.score).toBeGreaterThan(low.score)
  })
  it('kinderopvang needed and not arranged: outside school hours is a hard fail', () => {
    const d = deelnemer({ kinderopvang: 'nodig' })
    expect(c.kinderopvang(input({ deelnemer: d, plek: plek({ binnenSchooltijden: true }) }))).toMatchObject({ score: 1, hard: false })
    expect(c.kinderopvang(input({ deelnemer: d }))).toMatchObject({ score: 0, hard: true })
  })
  it('belastbaarheid laag against heavy work is a hard fail; a small excess with opbouw is not', () => {
    const d = deelnemer({ belastbaarheid: 'laag' })
    expect(c.belastbaarheid(input({ deelnemer: d, plek: plek({ fysiekeBelasting: 'hoog' }) })).hard).toBe(true)
    expect(c.belastbaarheid(input({ deelnemer: d, plek: plek({ fysiekeBelasting: 'middel', werkdruk: 'laag', opbouw: true }) })).hard).toBe(false)
  })
  it('a missing rijbewijs is hard; a missing VCA only vraaggericht', () => {
    expect(c.vereisten(input({ plek: plek({ vereisten: { rijbewijs: true, vog: false, vca: false } }) })).hard).toBe(true)
    const vca = plek({ vereisten: { rijbewijs: false, vog: true, vca: true } })
    const aanbod = c.vereisten(input({ plek: vca }))
    expect(aanbod).toMatchObject({ hard: false, score: 0.4 })
    expect(aanbod.uitleg).toBe('Mist VCA (een VCA-cursus is te regelen). Nog te regelen: VOG aanvragen.')
    expect(c.vereisten(input({ plek: vca, richting: 'vraaggericht' })).hard).toBe(true)
  })
  it('wishes: sector and wensberoep', () => {
    expect(c.wensen(input()).uitleg).toBe('Past bij sector logistiek en wensberoep magazijnmedewerker.')
    expect(c.wensen(input({ plek: plek({ sector: 'zorg', titel: 'Gastvrouw', beroep: 'gastvrouw' }) })).score).toBe(0)
    expect(c.wensen(input({ deelnemer: deelnemer({ wensen: { sectoren: [], vormen: [] } }) }))).toMatchObject({ score: 0.5, uitleg: 'Geen wensen opgegeven.' })
  })
})

describe('wensberoep and vereisten sentences', () => {
  it('a wensberoep fits on its distinctive word, never on a generic one like "medewerker"', () => {
    expect(c.fitsWensberoep('pedagogisch medewerker', 'Pedagogisch medewerker peuteropvang')).toBe(true)
    expect(c.fitsWensberoep('pedagogisch medewerker', 'Kassamedewerker supermarkt')).toBe(false)
    expect(c.fitsWensberoep('verzorgende', 'Leerling verzorgende IG')).toBe(true)
    expect(c.fitsWensberoep('kok', 'Hulpkok in de keuken')).toBe(true)
    expect(c.fitsWensberoep('medewerker', 'Magazijnmedewerker')).toBe(false)
  })

  it('a VOG is to be arranged, not something the deelnemer already meets', () => {
    const r = c.vereisten(input({ plek: plek({ vereisten: { rijbewijs: false, vog: true, vca: false } }) }))
    expect(r.uitleg).toBe('Nog te regelen: VOG aanvragen.')
    const beide = c.vereisten(input({ deelnemer: deelnemer({ vca: true }), plek: plek({ vereisten: { rijbewijs: false, vog: true, vca: true } }) }))
    expect(beide.uitleg).toBe('Voldoet aan VCA. Nog te regelen: VOG aanvragen.')
  })
})
