import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { countRows, plekBody, testApp, type TestApp, type User } from '../helpers.js'
import { outbox, plek } from '../../db/schema.js'

let t: TestApp, orgId: string, werkgever: User
beforeEach(async () => {
  t = await testApp()
  orgId = await t.makeOrganisatie('Logistiek Dordrecht')
  werkgever = await t.makeUser('werkgever', orgId)
})
afterEach(() => t.close())

const rowCounts = () => countRows(t, { plek, outbox })

describe('plek aanmaken', () => {
  it('a werkgever creates a plek in concept for their own organisatie, with plaats, coordinates and taalrijkheidsscore', async () => {
    const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({
      status: 'concept',
      organisatieId: orgId,
      organisatieNaam: 'Logistiek Dordrecht',
      plaats: 'Dordrecht',
      postcode: '3311 AB',
      urenPerWeek: { min: 12, max: 16 },
      taalrijkheidsscore: 5,
    })
    expect(res.json.lat).toBeCloseTo(51.8139, 3)
    expect(res.json.lon).toBeCloseTo(4.6686, 3)
    expect(res.json.taalrijkheidsuitleg[0]).toBe('Redelijk taalrijke werkplek (5 van 10).')
    expect(res.json.taalrijkheidsuitleg).toContain('Nederlands is de voertaal op de werkvloer.')
    // unticked checklist items default to false
    expect(res.json.taalrijkheid.klantcontact).toBe(false)
    const got = await t.request('GET', `/api/plekken/${res.json.id}`, { cookie: werkgever.cookie })
    expect(got.json).toEqual(res.json)
  })

  it('writes the plek and its search-outbox row together', async () => {
    const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.plekId, res.json.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.versie).toBe(1)
  })

  it('a werkgever cannot create a plek for another organisatie', async () => {
    const other = await t.makeOrganisatie('Andere BV')
    const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ organisatieId: other }) })
    expect(res.status).toBe(400)
    expect(res.json.error.fields.organisatieId).toMatch(/eigen organisatie/)
    expect(await rowCounts()).toEqual({ plek: 0, outbox: 0 })
  })

  it('a beheerder must name the organisatie', async () => {
    const beheerder = await t.makeUser('beheerder')
    const missing = await t.request('POST', '/api/plekken', { cookie: beheerder.cookie, body: plekBody() })
    expect(missing.status).toBe(400)
    expect(missing.json.error.fields.organisatieId).toBeDefined()
    const ok = await t.request('POST', '/api/plekken', { cookie: beheerder.cookie, body: plekBody({ organisatieId: orgId }) })
    expect(ok.status).toBe(201)
    expect(ok.json.organisatieId).toBe(orgId)
  })
})

describe('validatie van een plek', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['urenPerWeek min above max', { urenPerWeek: { min: 20, max: 10 } }, 'urenPerWeek.max', /moet minstens even groot zijn als het minimum/],
    ['capaciteit below 1', { capaciteit: 0 }, 'capaciteit', /minstens één deelnemer/],
    ['an unknown sector', { sector: 'ruimtevaart' }, 'sector', /Onbekende waarde "ruimtevaart"\. Kies uit: zorg, horeca/],
    ['an unknown vorm', { vorm: 'stage' }, 'vorm', /Onbekende waarde "stage"/],
    ['an unknown dagdeel', { dagdelen: ['ma-nacht'] }, 'dagdelen.0', /Onbekende waarde "ma-nacht"/],
    ['no dagdelen', { dagdelen: [] }, 'dagdelen', /minstens één dagdeel/],
    ['a taalniveau outside the CEFR list', { taalniveau: { spreken: 'B3', luisteren: 'A2', lezen: 'A1', schrijven: 'A1' } }, 'taalniveau.spreken', /Kies uit: A0, A1, A2, B1, B2, C1/],
    ['a wrong type', { capaciteit: 'twee' }, 'capaciteit', /Vul hier een getal in/],
    ['a missing titel', { titel: undefined }, 'titel', /verplicht/],
    ['an empty titel', { titel: '   ' }, 'titel', /^Dit veld is verplicht\.$/],
    ['a badly formed postcode', { postcode: '33' }, 'postcode', /1234 AB/],
    ['an unknown postcode', { postcode: '0999' }, 'postcode', /1234 AB/],
    ['an unknown field', { salaris: 2000 }, 'salaris', /Onbekend veld/],
    ['a missing sector', { sector: undefined }, 'sector', /^Dit veld is verplicht\.$/],
    ['an empty vorm', { vorm: '' }, 'vorm', /^Kies een waarde: betaald-werk, /],
    ['a status sent along', { status: 'gepubliceerd' }, 'status', /zet de applicatie zelf/],
    ['an amount without vergoeding', { vergoeding: { soort: 'geen', bedragPerMaand: 100 } }, 'vergoeding.bedragPerMaand', /geen bedrag/],
    ['a date in the wrong form', { startdatum: '1-12-2026' }, 'startdatum', /JJJJ-MM-DD/],
    ['an unknown begeleiding', { begeleiding: ['coach'] }, 'begeleiding.0', /Kies uit: buddy, werkbegeleider, jobcoach, taalcoach/],
  ]
  for (const [name, change, field, message] of cases) {
    it(`${name} answers 400 naming ${field}, and writes nothing`, async () => {
      const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody(change) })
      expect(res.status).toBe(400)
      expect(res.json.error.code).toBe('validatie')
      expect(res.json.error.message).toBe('Niet alle velden zijn goed ingevuld.')
      expect(res.json.error.fields[field]).toMatch(message)
      expect(await rowCounts()).toEqual({ plek: 0, outbox: 0 })
    })
  }

  it('a PC4 that does not exist is a 400 on postcode with its own message', async () => {
    const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ postcode: '1001 AA' }) })
    expect(res.status).toBe(400)
    expect(res.json.error.fields).toEqual({ postcode: 'Deze postcode kennen we niet. Controleer de vier cijfers.' })
  })

  it('body that is not JSON answers 400 ongeldige-json', async () => {
    const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: '{"titel": ' })
    expect(res.status).toBe(400)
    expect(res.json.error).toEqual({ code: 'ongeldige-json', message: 'De gegevens zijn geen geldige JSON.' })
  })

  it('a body that is not declared as JSON answers 415', async () => {
    const res = await t.request('POST', '/api/plekken', {
      cookie: werkgever.cookie,
      body: 'titel=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(415)
    expect(res.json.error.code).toBe('geen-json')
  })

  it('an oversized body answers 413', async () => {
    const res = await t.request('POST', '/api/plekken', {
      cookie: werkgever.cookie,
      body: plekBody({ omschrijving: 'x'.repeat(200_000) }),
    })
    expect(res.status).toBe(413)
    expect(res.json.error.code).toBe('te-groot')
    expect(await rowCounts()).toEqual({ plek: 0, outbox: 0 })
  })

  it('a JSON array instead of an object answers 400', async () => {
    const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: [] })
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('validatie')
  })
})

describe('plek wijzigen', () => {
  it('a PATCH changes only the given fields and merges nested objects', async () => {
    const created = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    const res = await t.request('PATCH', `/api/plekken/${created.json.id}`, {
      cookie: werkgever.cookie,
      body: { titel: 'Orderpicker', taalrijkheid: { klantcontact: true, werkoverleg: true } },
    })
    expect(res.status).toBe(200)
    expect(res.json.titel).toBe('Orderpicker')
    expect(res.json.taalrijkheid).toMatchObject({ klantcontact: true, werkoverleg: true, nederlandsVoertaal: true, vastTaalmaatje: true })
    expect(res.json.taalrijkheidsscore).toBe(7)
    expect(res.json.omschrijving).toBe(created.json.omschrijving)
  })

  it('a PATCH that breaks a rule is a 400 and leaves the plek as it was', async () => {
    const created = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    const res = await t.request('PATCH', `/api/plekken/${created.json.id}`, {
      cookie: werkgever.cookie,
      body: { titel: 'Nieuw', urenPerWeek: { min: 30 } },
    })
    expect(res.status).toBe(400)
    expect(res.json.error.fields['urenPerWeek.max']).toBeDefined()
    const after = await t.request('GET', `/api/plekken/${created.json.id}`, { cookie: werkgever.cookie })
    expect(after.json).toEqual(created.json)
  })

  it('a changed postcode moves the plek', async () => {
    const created = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    const res = await t.request('PATCH', `/api/plekken/${created.json.id}`, { cookie: werkgever.cookie, body: { postcode: '2611' } })
    expect(res.json).toMatchObject({ postcode: '2611', plaats: 'Delft' })
  })

  it('every change bumps the version and queues one outbox row', async () => {
    const created = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    await t.request('PATCH', `/api/plekken/${created.json.id}`, { cookie: werkgever.cookie, body: { titel: 'A' } })
    await t.request('POST', `/api/plekken/${created.json.id}/publiceren`, { cookie: werkgever.cookie })
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.plekId, created.json.id)).orderBy(outbox.id)
    expect(rows.map((r) => r.versie)).toEqual([1, 2, 3])
  })
})

describe('status van een plek', () => {
  it('concept → gepubliceerd → gesloten, and illegal transitions are 409', async () => {
    const { json: p } = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    const pub = await t.request('POST', `/api/plekken/${p.id}/publiceren`, { cookie: werkgever.cookie })
    expect(pub.status).toBe(200)
    expect(pub.json.status).toBe('gepubliceerd')
    expect(pub.json.gepubliceerdOp).toBe('2026-11-23T09:00:00.000Z')

    const again = await t.request('POST', `/api/plekken/${p.id}/publiceren`, { cookie: werkgever.cookie })
    expect(again.status).toBe(409)
    expect(again.json.error.code).toBe('ongeldige-statusovergang')
    expect(again.json.error.message).toMatch(/Alleen een plek in concept kan worden gepubliceerd/)

    const dicht = await t.request('POST', `/api/plekken/${p.id}/sluiten`, { cookie: werkgever.cookie })
    expect(dicht.status).toBe(200)
    expect(dicht.json.status).toBe('gesloten')

    expect((await t.request('POST', `/api/plekken/${p.id}/sluiten`, { cookie: werkgever.cookie })).status).toBe(409)
    expect((await t.request('POST', `/api/plekken/${p.id}/publiceren`, { cookie: werkgever.cookie })).status).toBe(409)
    const edit = await t.request('PATCH', `/api/plekken/${p.id}`, { cookie: werkgever.cookie, body: { titel: 'x' } })
    expect(edit.status).toBe(409)
    expect(edit.json.error.code).toBe('plek-gesloten')
  })

  it('a concept can be closed without ever being published', async () => {
    const { json: p } = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    const res = await t.request('POST', `/api/plekken/${p.id}/sluiten`, { cookie: werkgever.cookie })
    expect(res.json.status).toBe('gesloten')
  })

  it('an unknown id is a 404', async () => {
    const res = await t.request('POST', '/api/plekken/bestaat-niet/publiceren', { cookie: werkgever.cookie })
    expect(res.status).toBe(404)
    expect(res.json.error).toEqual({ code: 'niet-gevonden', message: 'De plek is niet gevonden.' })
  })
})

describe('plekken lijst', () => {
  it('a werkgever lists only their own organisatie’s plekken; a jobhunter lists all', async () => {
    const otherOrg = await t.makeOrganisatie('Zorg BV')
    const other = await t.makeUser('werkgever', otherOrg)
    await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ titel: 'Eigen plek' }) })
    await t.request('POST', '/api/plekken', { cookie: other.cookie, body: plekBody({ titel: 'Plek van een ander', sector: 'zorg' }) })
    const own = await t.request('GET', '/api/plekken', { cookie: werkgever.cookie })
    expect(own.json.total).toBe(1)
    expect(own.json.items.map((p: any) => p.titel)).toEqual(['Eigen plek'])
    const jobhunter = await t.makeUser('jobhunter')
    const all = await t.request('GET', '/api/plekken', { cookie: jobhunter.cookie })
    expect(all.json.total).toBe(2)
  })

  it('pages with page and perPage, and rejects perPage above 100', async () => {
    for (let i = 0; i < 5; i++) {
      await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ titel: `Plek ${i}` }) })
      t.clock.advance(1000)
    }
    const page2 = await t.request('GET', '/api/plekken?page=2&perPage=2', { cookie: werkgever.cookie })
    expect(page2.json.total).toBe(5)
    expect(page2.json.items.map((p: any) => p.titel)).toEqual(['Plek 2', 'Plek 1'])
    const tooMany = await t.request('GET', '/api/plekken?perPage=500', { cookie: werkgever.cookie })
    expect(tooMany.status).toBe(400)
    expect(tooMany.json.error.fields.perPage).toMatch(/hoogstens 100/)
  })
})
