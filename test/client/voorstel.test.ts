import { describe, expect, test } from 'vitest'
import { acceptErrors, gedeeldeRijen, gedeeldeWaarde, emptyVoorstelForm, voorstelBody, voorstelFoutActie, setVeld } from '../../client/src/lib/voorstel.js'
import { accepteerInput, standaardVelden, voorstelInput } from '../../server/domain/voorstel.js'
import { validate } from '../../client/src/lib/form-errors.js'

describe('een voorstel maken', () => {
  test('the standard choice of shared fields; ticks keep the order of deelbareVelden', () => {
    const f = emptyVoorstelForm()
    expect(f.velden).toEqual(standaardVelden)
    expect(setVeld(['urenPerWeek', 'naam'], 'geboortejaar', true)).toEqual(['naam', 'geboortejaar', 'urenPerWeek'])
    expect(setVeld(['naam', 'taalniveau'], 'naam', false)).toEqual(['taalniveau'])
  })

  test('the body passes the server’s schema; an empty note and no jobcoach are left out', () => {
    const body = voorstelBody({ toelichting: '  ', velden: ['taalniveau', 'naam'], jobcoachId: '' }, { deelnemerId: 'd', plekId: 'p', modus: 'vraaggericht' })
    expect(body).toEqual({ deelnemerId: 'd', plekId: 'p', modus: 'vraaggericht', velden: ['naam', 'taalniveau'] })
    expect(voorstelInput.safeParse(body).success).toBe(true)
    expect(voorstelBody({ toelichting: 'Past goed.', velden: [], jobcoachId: 'jc' }, { deelnemerId: 'd', plekId: 'p', modus: 'aanbodgericht' })).toMatchObject({ toelichting: 'Past goed.', jobcoachId: 'jc', velden: [] })
  })

  test('a refusal says what to do next', () => {
    expect(voorstelFoutActie('geen-toestemming', 'd 1')).toEqual({ href: '/deelnemers/d%201/bewerken', tekst: 'Leg de toestemming vast in het dossier' })
    expect(voorstelFoutActie('voorstel-bestaat', 'd')?.href).toBe('/voorstellen?deelnemerId=d')
    expect(voorstelFoutActie('plek-niet-beschikbaar', 'd')).toBeUndefined()
  })
})

describe('wat de werkgever ziet', () => {
  test('only shareable fields are shown, in a fixed order, as Dutch text; anything else is ignored', () => {
    const rijen = gedeeldeRijen({
      naam: 'Amina', urenPerWeek: { min: 8, max: 8 }, taalniveau: { spreken: 'A1', luisteren: 'A1', lezen: 'A0', schrijven: 'A0' },
      beschikbareDagdelen: ['do-middag', 'di-middag'], vca: false,
      moedertaal: 'Somalisch', doelgroep: 'gezinsmigrant', belastbaarheid: 'laag', // never shareable: never shown
    })
    expect(rijen.map((r) => r.veld)).toEqual(['taalniveau', 'beschikbareDagdelen', 'urenPerWeek', 'vca'])
    expect(rijen.map((r) => r.waarde)).toEqual(['Spreken A1, Luisteren A1, Lezen A0, Schrijven A0', 'dinsdagmiddag, donderdagmiddag', '8 uur per week', 'Nee'])
    expect(JSON.stringify(rijen)).not.toMatch(/Somalisch|gezinsmigrant|laag/)
    expect(gedeeldeWaarde('moedertaal', 'Somalisch')).toBeUndefined()
    expect(gedeeldeWaarde('mobiliteit', { fiets: true, ov: true, rijbewijs: false, auto: false, maxReisafstandKm: 5 })).toBe('fiets, openbaar vervoer; tot 5 km')
    expect(gedeeldeWaarde('wensen', { sectoren: ['zorg'], vormen: ['vrijwilligerswerk'], wensberoep: 'helpende' })).toBe('sectoren: Zorg; vormen: Vrijwilligerswerk; wensberoep: helpende')
  })
})

describe('accepteren', () => {
  test('an empty startdatum asks to pick a date instead of naming the JJJJ-MM-DD format', () => {
    const check = validate(accepteerInput, { startdatum: '' })
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(acceptErrors('', check.fields)).toEqual({ ...check.fields, startdatum: 'Kies een startdatum.' })
    expect(acceptErrors('2026-13-40', { startdatum: 'x' })).toEqual({ startdatum: 'x' })
  })
})
