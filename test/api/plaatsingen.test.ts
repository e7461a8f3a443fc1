import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { deelnemerBody, fourUsers, plekBody, type TestApp, type User } from '../helpers.js'

let t: TestApp, werkgever: User, jobhunter: User, jobcoach: User, andereCoach: User, beheerder: User
beforeEach(async () => {
  ;({ t, werkgever, jobhunter, jobcoach, beheerder } = await fourUsers())
  andereCoach = await t.makeUser('jobcoach')
})
afterEach(() => t.close())

const DAG = 86_400_000

/** A published plek, a consenting deelnemer, a voorstel, accepted: an active plaatsing of `jobcoach`. */
async function plaatsing({ startdatum = '2026-11-02', capaciteit = 1 } = {}) {
  const p = (await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ capaciteit }) })).json.id
  await t.request('POST', `/api/plekken/${p}/publiceren`, { cookie: werkgever.cookie })
  const d = (await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ toestemmingDelen: true }) })).json.id
  const v = (await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId: p, modus: 'vraaggericht', jobcoachId: jobcoach.id } })).json.id
  const res = await t.request('POST', `/api/voorstellen/${v}/accepteren`, { cookie: werkgever.cookie, body: { startdatum } })
  expect(res.status, res.text).toBe(201)
  return { id: res.json.id as string, plekId: p as string, deelnemerId: d as string }
}
const contact = (id: string, body: Record<string, unknown>, cookie = jobcoach.cookie) =>
  t.request('POST', `/api/plaatsingen/${id}/nazorg`, { cookie, body: { met: 'beiden', kanaal: 'bezoek', samenvatting: 'Gesprek op de werkvloer.', ...body } })
const mijn = async (cookie = jobcoach.cookie) => (await t.request('GET', '/api/plaatsingen', { cookie })).json

describe('nazorg log', () => {
  it('a contact sets the next one to datum + 14 days by default; the log shows every entry', async () => {
    const { id } = await plaatsing()
    t.clock.set('2026-11-10T09:00:00Z')
    const eerste = await contact(id, { datum: '2026-11-02', soort: 'startgesprek', knelpunten: ['rooster'], acties: 'Rooster met de teamleider afstemmen.' })
    expect(eerste.status, eerste.text).toBe(201)
    expect(eerste.json).toMatchObject({ volgendContactOp: '2026-11-16', knelpunten: ['rooster'], soort: 'startgesprek' })
    const tweede = await contact(id, { datum: '2026-11-09', met: 'werkgever', kanaal: 'telefoon', volgendContactOp: '2026-11-12', doorbraakbudget: { bedrag: 450, doel: 'E-bike voor woon-werkverkeer' } })
    expect(tweede.json.volgendContactOp).toBe('2026-11-12')
    const p = (await t.request('GET', `/api/plaatsingen/${id}`, { cookie: jobcoach.cookie })).json
    expect(p).toMatchObject({ laatsteContactOp: '2026-11-09', volgendContactOp: '2026-11-12', achterstallig: false })
    const log = (await t.request('GET', `/api/plaatsingen/${id}/nazorg`, { cookie: beheerder.cookie })).json
    expect(log.items.map((c: any) => c.datum)).toEqual(['2026-11-09', '2026-11-02'])
  })

  it('is append-only: a correction is a new entry naming the old one, both are shown, only the newest counts', async () => {
    const { id } = await plaatsing()
    t.clock.set('2026-11-10T09:00:00Z')
    const fout = (await contact(id, { datum: '2026-11-09', volgendContactOp: '2026-12-30' })).json
    const correctie = await contact(id, { datum: '2026-11-09', samenvatting: 'Gesprek op de werkvloer; volgend contact over twee weken.', corrigeert: fout.id })
    expect(correctie.status).toBe(201)
    const log = (await t.request('GET', `/api/plaatsingen/${id}/nazorg`, { cookie: jobcoach.cookie })).json.items
    expect(log).toHaveLength(2)
    expect(log.find((c: any) => c.id === fout.id)).toMatchObject({ gecorrigeerdDoor: correctie.json.id, volgendContactOp: '2026-12-30' })
    expect(log.find((c: any) => c.id === correctie.json.id)).toMatchObject({ corrigeert: fout.id })
    expect((await t.request('GET', `/api/plaatsingen/${id}`, { cookie: jobcoach.cookie })).json.volgendContactOp).toBe('2026-11-23')
    // an entry is corrected once; there is no route to change or delete one
    expect((await contact(id, { datum: '2026-11-09', corrigeert: fout.id })).status).toBe(409)
    for (const method of ['PATCH', 'DELETE', 'PUT']) expect((await t.request(method, `/api/plaatsingen/${id}/nazorg`, { cookie: jobcoach.cookie, body: {} })).status).toBe(404)
  })

  it('rejects contacts before the start or in the future, and a next contact before the contact, writing nothing', async () => {
    const { id } = await plaatsing({ startdatum: '2026-11-02' })
    const voor = await contact(id, { datum: '2026-11-01' })
    expect(voor.status).toBe(400)
    expect(voor.json.error.fields.datum).toBe('Een contact kan niet vóór de start van de plaatsing (2 november 2026) liggen.')
    expect((await contact(id, { datum: '2026-11-24' })).json.error.fields.datum).toBe('Een contact kan niet in de toekomst liggen.')
    expect(Object.keys((await contact(id, { datum: '2026-11-20', volgendContactOp: '2026-11-19' })).json.error.fields)).toEqual(['volgendContactOp'])
    expect(Object.keys((await contact(id, { datum: '2026-11-20', met: 'buurman', kanaal: 'duif' })).json.error.fields).sort()).toEqual(['kanaal', 'met'])
    expect(Number((await t.deps.db.get<{ n: number }>(sql`select count(*) as n from nazorgcontact`))!.n)).toBe(0)
  })
})

describe('a start in the future (issue 17, item 2)', () => {
  it('a startgesprek can be logged from the acceptance on, before the start date; not before the acceptance', async () => {
    const vandaag = t.clock.now().toISOString().slice(0, 10)
    const start = new Date(t.clock.now().getTime() + 4 * DAG).toISOString().slice(0, 10)
    const { id } = await plaatsing({ startdatum: start })
    const p = (await t.request('GET', `/api/plaatsingen/${id}`, { cookie: jobcoach.cookie })).json
    expect(p).toMatchObject({ startdatum: start, contactVanaf: vandaag })
    const gesprek = await contact(id, { datum: vandaag, soort: 'startgesprek', samenvatting: 'Kennismaking met de werkgever vóór de start.' })
    expect(gesprek.status, gesprek.text).toBe(201)
    const gisteren = new Date(t.clock.now().getTime() - DAG).toISOString().slice(0, 10)
    const teVroeg = await contact(id, { datum: gisteren })
    expect(teVroeg.status).toBe(400)
    expect(teVroeg.json.error.fields.datum).toMatch(/^Een contact kan niet vóór het akkoord op het voorstel \(\d{1,2} [a-z]+ \d{4}\) liggen\.$/)
  })
})

describe('after accepting (issue 17, item 8)', () => {
  it('the werkgever sees the startdatum and the jobcoach (their contact) on the accepted voorstel', async () => {
    const { plekId } = await plaatsing({ startdatum: '2026-11-02' })
    const lijst = (await t.request('GET', '/api/voorstellen?status=geaccepteerd', { cookie: werkgever.cookie })).json
    const v = lijst.items.find((x: any) => x.plekId === plekId)
    expect(v.plaatsing).toEqual({ startdatum: '2026-11-02', status: 'actief', jobcoach: { naam: jobcoach.naam, email: jobcoach.email } })
    // an open voorstel has none
    expect((await t.request('GET', '/api/voorstellen?status=voorgesteld', { cookie: werkgever.cookie })).json.items.every((x: any) => x.plaatsing === undefined)).toBe(true)
  })

  it('a placed deelnemer’s passende plekken leave out the plek they are placed in', async () => {
    const { plekId, deelnemerId } = await plaatsing({ capaciteit: 2 }) // still gepubliceerd, still in search
    await t.indexer.drain()
    const plekIds = async (id: string) => (await t.request('GET', `/api/deelnemers/${id}/matches?inclusiefUitgesloten=true`, { cookie: jobhunter.cookie })).json.items.map((m: any) => m.plek.id)
    expect(await plekIds(deelnemerId)).not.toContain(plekId)
    // someone like them who is not placed there still gets it
    const ander = (await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ toestemmingDelen: true }) })).json.id
    expect(await plekIds(ander)).toContain(plekId)
  })
})

describe('jobcoach isolation and reassignment', () => {
  it('another jobcoach gets a 404 for every route of someone else’s plaatsing, and sees an empty list', async () => {
    const { id, deelnemerId } = await plaatsing()
    for (const [method, path, body] of [
      ['GET', `/api/plaatsingen/${id}`],
      ['GET', `/api/plaatsingen/${id}/nazorg`],
      ['POST', `/api/plaatsingen/${id}/nazorg`, { datum: '2026-11-20', met: 'beiden', kanaal: 'bezoek', samenvatting: 'x' }],
      ['POST', `/api/plaatsingen/${id}/beeindigen`, { einddatum: '2026-11-20', eindreden: 'verhuisd' }],
      ['GET', `/api/deelnemers/${deelnemerId}`],
    ] as const) {
      const res = await t.request(method, path, { cookie: andereCoach.cookie, body })
      expect(res.status, `${method} ${path}`).toBe(404)
    }
    expect((await mijn(andereCoach.cookie)).items).toEqual([])
    // their own jobcoach may read the deelnemer's dossier
    expect((await t.request('GET', `/api/deelnemers/${deelnemerId}`, { cookie: jobcoach.cookie })).status).toBe(200)
  })

  it('a beheerder reassigns a plaatsing; it moves to the other list and the audit log records it', async () => {
    const { id } = await plaatsing()
    const res = await t.request('POST', `/api/plaatsingen/${id}/toewijzen`, { cookie: beheerder.cookie, body: { jobcoachId: andereCoach.id } })
    expect(res.status).toBe(200)
    expect((await mijn()).items).toEqual([])
    expect((await mijn(andereCoach.cookie)).items.map((p: any) => p.id)).toEqual([id])
    const audit = await t.deps.db.all<{ actie: string; gebruiker_id: string; details: string }>(sql`select * from audit where object_id = ${id} and actie = 'plaatsing-toegewezen'`)
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.details)).toEqual({ van: jobcoach.id, naar: andereCoach.id })
    expect(audit[0]!.gebruiker_id).toBe(beheerder.id)
    expect((await t.request('POST', `/api/plaatsingen/${id}/toewijzen`, { cookie: beheerder.cookie, body: { jobcoachId: werkgever.id } })).status).toBe(400)
  })
})

describe('due contacts', () => {
  it('achterstallig follows the Dutch calendar date, across midnight and the DST change', async () => {
    const { id } = await plaatsing({ startdatum: '2026-10-01' })
    t.clock.set('2026-10-11T12:00:00Z')
    await contact(id, { datum: '2026-10-11', volgendContactOp: '2026-10-25' })
    // 25 October 2026: summer time ends at 01:00 UTC. 23:30 UTC on the 24th is already the 25th in Amsterdam.
    t.clock.set('2026-10-24T21:59:00Z') // 23:59 CEST on the 24th
    expect((await mijn()).items[0]).toMatchObject({ achterstallig: false })
    t.clock.set('2026-10-25T22:59:00Z') // 23:59 CET on the 25th: due today, not yet overdue
    expect((await mijn()).items[0]).toMatchObject({ achterstallig: false, dagenAchterstallig: 0 })
    t.clock.set('2026-10-25T23:00:00Z') // 00:00 CET on the 26th (still the 25th in UTC)
    const p = (await mijn()).items[0]
    expect(p).toMatchObject({ achterstallig: true, dagenAchterstallig: 1, langGeenContact: false })
    expect((await t.request('GET', '/api/plaatsingen', { cookie: jobcoach.cookie })).json.vandaag).toBe('2026-10-26')
  })

  it('lists the longest silent and overdue plaatsingen first, then by next contact date', async () => {
    const a = await plaatsing({ startdatum: '2026-11-02' })
    const b = await plaatsing({ startdatum: '2026-10-01' })
    const c = await plaatsing({ startdatum: '2026-11-20' })
    t.clock.set('2026-11-21T09:00:00Z')
    await contact(a.id, { datum: '2026-11-20' }) // next 2026-12-04
    await contact(c.id, { datum: '2026-11-20', volgendContactOp: '2026-11-27' })
    // b: startdatum 2026-10-01, never contacted: overdue and silent for 51 days
    const lijst = (await mijn()).items
    expect(lijst.map((p: any) => p.id)).toEqual([b.id, c.id, a.id])
    expect(lijst[0]).toMatchObject({ achterstallig: true, langGeenContact: true, volgendContactOp: '2026-10-01' })
    // time moves on: 28 days after their last contact, a and c are flagged too
    t.clock.advance(28 * DAG)
    expect((await mijn(await t.login(jobcoach.email))).items.every((p: any) => p.langGeenContact && p.achterstallig)).toBe(true)
  })
})

describe('ending a plaatsing', () => {
  it('asks for an eindreden, frees the capaciteit and puts a vervulde plek back in search', async () => {
    const { id, plekId, deelnemerId } = await plaatsing({ capaciteit: 1 })
    await t.indexer.drain()
    expect((await t.request('GET', `/api/plekken/${plekId}`, { cookie: werkgever.cookie })).json.status).toBe('vervuld')
    const zonder = await t.request('POST', `/api/plaatsingen/${id}/beeindigen`, { cookie: jobcoach.cookie, body: { einddatum: '2026-11-20' } })
    expect(zonder.status).toBe(400)
    expect(Object.keys(zonder.json.error.fields)).toEqual(['eindreden'])
    const toekomst = await t.request('POST', `/api/plaatsingen/${id}/beeindigen`, { cookie: jobcoach.cookie, body: { einddatum: '2027-06-01', eindreden: 'gezondheid' } })
    expect(toekomst.json.error.fields.einddatum).toMatch(/toekomst/)
    const res = await t.request('POST', `/api/plaatsingen/${id}/beeindigen`, { cookie: jobcoach.cookie, body: { einddatum: '2026-11-20', eindreden: 'vervoer' } })
    expect(res.json).toMatchObject({ status: 'voortijdig-beeindigd', eindreden: 'vervoer', einddatum: '2026-11-20', achterstallig: false })
    expect((await t.request('GET', `/api/plekken/${plekId}`, { cookie: werkgever.cookie })).json).toMatchObject({ status: 'gepubliceerd' })
    expect((await t.request('GET', `/api/deelnemers/${deelnemerId}`, { cookie: jobhunter.cookie })).json.status).toBe('zoekend')
    await t.indexer.drain()
    const zoek = await t.request('GET', '/api/zoeken?q=magazijnmedewerker', { cookie: jobhunter.cookie })
    expect(zoek.json.items.map((i: any) => i.id)).toContain(plekId)
    // ended is ended
    expect((await t.request('POST', `/api/plaatsingen/${id}/beeindigen`, { cookie: jobcoach.cookie, body: { einddatum: '2026-11-21', eindreden: 'anders' } })).status).toBe(409)
    expect((await contact(id, { datum: '2026-11-21' })).status).toBe(409)
    expect((await mijn()).items).toEqual([])
  })

  it('work found is afgerond and the deelnemer uitgestroomd; the managed statuses cannot be set by hand', async () => {
    const { id, deelnemerId } = await plaatsing()
    const hand = await t.request('PATCH', `/api/deelnemers/${deelnemerId}`, { cookie: jobhunter.cookie, body: { status: 'zoekend' } })
    expect(hand.status).toBe(400)
    expect(hand.json.error.fields.status).toMatch(/volgt uit de voorstellen en plaatsingen/)
    const res = await t.request('POST', `/api/plaatsingen/${id}/beeindigen`, { cookie: beheerder.cookie, body: { einddatum: '2026-11-22', eindreden: 'werk-gevonden' } })
    expect(res.json.status).toBe('afgerond')
    expect((await t.request('GET', `/api/deelnemers/${deelnemerId}`, { cookie: jobhunter.cookie })).json.status).toBe('uitgestroomd')
  })
})
