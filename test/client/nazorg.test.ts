import { describe, expect, test } from 'vitest'
import {
  formulierUitRegel, geldigeRegels, emptyForm, nazorgBody, parseBedrag, signaal, defaultVolgendContact, tijdlijn, setDatum, toggleKnelpunt, setVolgend,
  type NazorgRegel,
} from '../../client/src/lib/nazorg.js'
import { knelpunten, nazorgInput } from '../../server/domain/plaatsing.js'

const regel = (id: string, datum: string, vastgelegdOp: string, extra: Partial<NazorgRegel> = {}): NazorgRegel => ({
  id, datum, vastgelegdOp, soort: 'contactmoment', met: 'beiden', kanaal: 'bezoek', samenvatting: id, knelpunten: [], volgendContactOp: '2026-12-31', vastgelegdDoor: 'jc', ...extra,
})

describe('het nazorglogboek als tijdlijn', () => {
  test('newest contact first; on the same date the one recorded last first', () => {
    const t = tijdlijn([
      regel('a', '2026-11-02', '2026-11-02T10:00:00Z'),
      regel('b', '2026-11-20', '2026-11-20T09:00:00Z'),
      regel('c', '2026-11-20', '2026-11-20T15:00:00Z'),
      regel('d', '2026-11-10', '2026-11-25T08:00:00Z'), // recorded late, still ordered by its datum
    ])
    expect(t.map((r) => r.id)).toEqual(['c', 'b', 'd', 'a'])
  })

  test('a corrected entry knows its correction and the correction what it corrects, also without gecorrigeerdDoor', () => {
    const oud = regel('oud', '2026-11-20', '2026-11-20T09:00:00Z')
    const nieuw = regel('nieuw', '2026-11-20', '2026-11-20T10:00:00Z', { corrigeert: 'oud' })
    const t = tijdlijn([oud, nieuw])
    expect(t.map((r) => r.id)).toEqual(['nieuw', 'oud'])
    expect(t[1]!.vervangenDoor?.id).toBe('nieuw')
    expect(t[0]!.correctieVan?.id).toBe('oud')
    expect(t[0]!.vervangenDoor).toBeUndefined()
    // the server's own link is used when present
    expect(tijdlijn([{ ...oud, gecorrigeerdDoor: 'nieuw' }, nieuw])[1]!.vervangenDoor?.id).toBe('nieuw')
    expect(geldigeRegels([oud, nieuw]).map((r) => r.id)).toEqual(['nieuw'])
  })
})

describe('de vlag op de lijst', () => {
  const p = { status: 'actief', achterstallig: false, dagenAchterstallig: 0, langGeenContact: false }
  test('in words, the 28 days of silence louder than overdue', () => {
    expect(signaal(p).soort).toBe('op-tijd')
    expect(signaal({ ...p, achterstallig: true, dagenAchterstallig: 1 })).toEqual({ soort: 'achterstallig', tekst: 'Achterstallig: 1 dag over de datum' })
    expect(signaal({ ...p, achterstallig: true, dagenAchterstallig: 6, langGeenContact: true })).toEqual({ soort: 'stil', tekst: '28 dagen of langer geen contact; 6 dagen achterstallig' })
    expect(signaal({ ...p, langGeenContact: true }).tekst).toBe('28 dagen of langer geen contact')
    expect(signaal({ ...p, status: 'afgerond', achterstallig: true }).soort).toBe('beeindigd')
  })
})

describe('het formulier Contact vastleggen', () => {
  test('the next contact defaults to datum + the plaatsing’s frequency, and follows the datum until set by hand', () => {
    expect(defaultVolgendContact('2026-03-20', 14)).toBe('2026-04-03')
    expect(defaultVolgendContact('2026-10-20', 14)).toBe('2026-11-03') // across the DST change: calendar days
    expect(defaultVolgendContact('', 14)).toBe('')
    let f = emptyForm('2026-11-23', 14, true)
    expect(f).toMatchObject({ datum: '2026-11-23', soort: 'startgesprek', met: 'beiden', volgendContactOp: '2026-12-07', volgendAangepast: false })
    expect(emptyForm('2026-11-23', 7, false)).toMatchObject({ soort: 'contactmoment', met: '', volgendContactOp: '2026-11-30' })
    f = setDatum(f, '2026-11-20', 14)
    expect(f.volgendContactOp).toBe('2026-12-04')
    f = setVolgend(f, '2026-12-10', 14)
    expect(f.volgendAangepast).toBe(true)
    f = setDatum(f, '2026-11-21', 14)
    expect(f.volgendContactOp).toBe('2026-12-10') // chosen by hand: kept
    f = setVolgend(f, '2026-12-05', 14) // back on the default: follows the datum again
    expect(f.volgendAangepast).toBe(false)
  })

  test('knelpunten keep the order of the list', () => {
    let f = emptyForm('2026-11-23', 14, false)
    f = toggleKnelpunt(f, 'vervoer', true, knelpunten)
    f = toggleKnelpunt(f, 'taal', true, knelpunten)
    f = toggleKnelpunt(f, 'taal', true, knelpunten)
    expect(f.knelpunten).toEqual(['taal', 'vervoer'])
    expect(toggleKnelpunt(f, 'taal', false, knelpunten).knelpunten).toEqual(['vervoer'])
  })

  test('amounts as Dutch write them', () => {
    expect(parseBedrag('85,50')).toBe(85.5)
    expect(parseBedrag('€ 1.250,00')).toBe(1250)
    expect(parseBedrag('80.5')).toBe(80.5)
    expect(parseBedrag('')).toBeNaN()
    expect(parseBedrag('veel')).toBeNaN()
  })

  test('the body passes the server’s own schema; empty optional fields are left out', () => {
    const f = { ...emptyForm('2026-11-23', 14, false), met: 'deelnemer', kanaal: 'telefoon', samenvatting: 'Gaat goed.' }
    const body = nazorgBody(f)
    expect(body).toEqual({ datum: '2026-11-23', soort: 'contactmoment', met: 'deelnemer', kanaal: 'telefoon', samenvatting: 'Gaat goed.', knelpunten: [], volgendContactOp: '2026-12-07' })
    expect(nazorgInput.safeParse(body).success).toBe(true)
    const metBudget = nazorgBody({ ...f, budget: true, bedrag: '85,50', doel: 'fiets', acties: 'Fiets kopen' })
    expect(metBudget).toMatchObject({ doorbraakbudget: { bedrag: 85.5, doel: 'fiets' }, acties: 'Fiets kopen' })
    expect(nazorgInput.safeParse(metBudget).success).toBe(true)
    // a missing choice is named by the schema
    const leeg = nazorgInput.safeParse(nazorgBody(emptyForm('2026-11-23', 14, false)))
    expect(leeg.success).toBe(false)
    expect(new Set(leeg.error!.issues.map((i) => i.path[0]))).toEqual(new Set(['met', 'kanaal', 'samenvatting']))
  })

  test('Corrigeer fills the form with the entry and sends corrigeert', () => {
    const r = regel('x', '2026-11-20', '2026-11-20T09:00:00Z', { met: 'werkgever', kanaal: 'video', knelpunten: ['rooster'], acties: 'Rooster aanpassen', doorbraakbudget: { bedrag: 80.5, doel: 'VCA' }, volgendContactOp: '2026-12-04' })
    const f = formulierUitRegel(r, 14)
    expect(f).toMatchObject({ datum: '2026-11-20', met: 'werkgever', kanaal: 'video', knelpunten: ['rooster'], acties: 'Rooster aanpassen', budget: true, bedrag: '80,5', doel: 'VCA', volgendAangepast: false, corrigeert: 'x' })
    expect(nazorgBody(f)).toMatchObject({ corrigeert: 'x', doorbraakbudget: { bedrag: 80.5, doel: 'VCA' } })
    expect(formulierUitRegel({ ...r, volgendContactOp: '2026-12-20' }, 14).volgendAangepast).toBe(true)
  })
})
