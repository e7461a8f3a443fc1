import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deelnemerBody, plekBody, testApp, type TestApp } from '../helpers.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const body = {
  naam: 'Buurthuis De Wielen',
  soort: 'vrijwilligersorganisatie',
  postcode: '2611ab',
  plaats: 'Delft',
  contactpersoon: { naam: 'Sanne Bakker', email: 'Sanne@DeWielen.example', telefoon: '015-212 34 56' },
}

describe('organisaties', () => {
  it('a beheerder creates an organisatie; postcode and e-mail are normalised', async () => {
    const beheerder = await t.makeUser('beheerder')
    const res = await t.request('POST', '/api/organisaties', { cookie: beheerder.cookie, body })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ naam: 'Buurthuis De Wielen', postcode: '2611 AB', plaats: 'Delft' })
    expect(res.json.contactpersoon.email).toBe('sanne@dewielen.example')
  })

  it('plaats defaults to the plaats of the postcode', async () => {
    const beheerder = await t.makeUser('beheerder')
    const { plaats: _, ...zonderPlaats } = body
    const res = await t.request('POST', '/api/organisaties', { cookie: beheerder.cookie, body: { ...zonderPlaats, postcode: '6041' } })
    expect(res.json.plaats).toBe('Roermond')
  })

  it('a werkgever cannot create organisaties', async () => {
    const werkgever = await t.makeUser('werkgever', await t.makeOrganisatie())
    const res = await t.request('POST', '/api/organisaties', { cookie: werkgever.cookie, body })
    expect(res.status).toBe(403)
    expect(res.json.error.code).toBe('geen-toegang')
  })

  it('a werkgever reads and updates their own organisatie, and gets 404 for another', async () => {
    const own = await t.makeOrganisatie('Eigen BV')
    const other = await t.makeOrganisatie('Andere BV')
    const werkgever = await t.makeUser('werkgever', own)
    expect((await t.request('GET', `/api/organisaties/${own}`, { cookie: werkgever.cookie })).json.naam).toBe('Eigen BV')
    const upd = await t.request('PATCH', `/api/organisaties/${own}`, {
      cookie: werkgever.cookie,
      body: { contactpersoon: { telefoon: '078-999 00 11' }, kvkNummer: '12345678' },
    })
    expect(upd.status).toBe(200)
    expect(upd.json.contactpersoon).toEqual({ naam: 'Petra de Vries', email: 'petra@voorbeeld.example', telefoon: '078-999 00 11' })
    expect(upd.json.kvkNummer).toBe('12345678')
    expect((await t.request('GET', `/api/organisaties/${other}`, { cookie: werkgever.cookie })).status).toBe(404)
    expect((await t.request('PATCH', `/api/organisaties/${other}`, { cookie: werkgever.cookie, body: { naam: 'Overgenomen' } })).status).toBe(404)
    const list = await t.request('GET', '/api/organisaties', { cookie: werkgever.cookie })
    expect(list.json.items.map((o: any) => o.naam)).toEqual(['Eigen BV'])
  })

  it('invalid fields are reported per field', async () => {
    const beheerder = await t.makeUser('beheerder')
    const res = await t.request('POST', '/api/organisaties', {
      cookie: beheerder.cookie,
      body: { ...body, soort: 'bedrijf', contactpersoon: { naam: 'X', email: 'geen-mail', telefoon: '12' }, kvkNummer: '123' },
    })
    expect(res.status).toBe(400)
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['contactpersoon.email', 'contactpersoon.telefoon', 'kvkNummer', 'soort'])
    expect(res.json.error.fields['contactpersoon.email']).toMatch(/geldig e-mailadres/)
  })

  it('a new name reaches search and the match lists of the organisatie’s plekken', async () => {
    const org = await t.makeOrganisatie('Zorgcentrum De Merwe')
    const werkgever = await t.makeUser('werkgever', org)
    const jobhunter = await t.makeUser('jobhunter')
    const plek = (await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })).json.id
    await t.request('POST', `/api/plekken/${plek}/publiceren`, { cookie: werkgever.cookie })
    await t.indexer.drain()
    const d = (await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ kinderopvang: 'geregeld' }) })).json.id
    const naam = async () => ({
      zoeken: (await t.request('GET', '/api/zoeken?q=magazijn', { cookie: jobhunter.cookie })).json.items[0].organisatieNaam,
      matches: (await t.request('GET', `/api/deelnemers/${d}/matches`, { cookie: jobhunter.cookie })).json.items[0].plek.organisatieNaam,
    })
    expect(await naam()).toEqual({ zoeken: 'Zorgcentrum De Merwe', matches: 'Zorgcentrum De Merwe' })
    await t.request('PATCH', `/api/organisaties/${org}`, { cookie: werkgever.cookie, body: { naam: 'Zorggroep Merwestad' } })
    await t.indexer.drain()
    expect(await naam()).toEqual({ zoeken: 'Zorggroep Merwestad', matches: 'Zorggroep Merwestad' })
  })
})

describe('gebruikers', () => {
  it('a beheerder creates a werkgever account bound to an organisatie, who can then log in', async () => {
    const beheerder = await t.makeUser('beheerder')
    const org = await t.makeOrganisatie()
    const res = await t.request('POST', '/api/gebruikers', {
      cookie: beheerder.cookie,
      body: { email: 'nieuw@bedrijf.example', wachtwoord: 'Lang-genoeg-wachtwoord', naam: 'Nina Nieuw', rol: 'werkgever', organisatieId: org },
    })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ email: 'nieuw@bedrijf.example', rol: 'werkgever', organisatieId: org })
    expect(res.json.passwordHash).toBeUndefined()
    await expect(t.login('nieuw@bedrijf.example', 'Lang-genoeg-wachtwoord')).resolves.toMatch(/^sessie=/)
  })

  it('a werkgever without organisatie, a short or common password and a duplicate e-mail are refused', async () => {
    const beheerder = await t.makeUser('beheerder')
    const noOrg = await t.request('POST', '/api/gebruikers', {
      cookie: beheerder.cookie,
      body: { email: 'a@b.example', wachtwoord: 'kort', naam: 'A', rol: 'werkgever' },
    })
    expect(noOrg.status).toBe(400)
    expect(noOrg.json.error.fields.organisatieId).toMatch(/hoort bij een organisatie/)
    expect(noOrg.json.error.fields.wachtwoord).toMatch(/minstens 12 tekens/)
    const common = await t.request('POST', '/api/gebruikers', {
      cookie: beheerder.cookie,
      body: { email: 'a@b.example', wachtwoord: 'Wachtwoord123', naam: 'A', rol: 'jobhunter' },
    })
    expect(common.json.error.fields.wachtwoord).toMatch(/veel gebruikt/)
    const dup = await t.request('POST', '/api/gebruikers', {
      cookie: beheerder.cookie,
      body: { email: beheerder.email, wachtwoord: 'Nog-een-goed-wachtwoord', naam: 'B', rol: 'jobhunter' },
    })
    expect(dup.status).toBe(409)
    expect(dup.json.error.code).toBe('email-bestaat')
  })

  it('a new password from the beheerder ends the sessions of that account', async () => {
    const beheerder = await t.makeUser('beheerder')
    const user = await t.makeUser('jobhunter')
    const res = await t.request('PATCH', `/api/gebruikers/${user.id}`, { cookie: beheerder.cookie, body: { wachtwoord: 'Een-nieuw-wachtwoord-9' } })
    expect(res.status).toBe(200)
    expect((await t.request('GET', '/api/sessie', { cookie: user.cookie })).status).toBe(401)
  })
})
