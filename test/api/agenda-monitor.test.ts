import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deelnemerBody, fourUsers, plekBody, type TestApp, type User } from '../helpers.js'

let t: TestApp, werkgever: User, jobhunter: User, jobcoach: User, beheerder: User
beforeEach(async () => {
  ;({ t, werkgever, jobhunter, jobcoach, beheerder } = await fourUsers())
})
afterEach(() => t.close())

async function plaatsing(startdatum: string, plek: Record<string, unknown> = {}) {
  const p = (await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody(plek) })).json.id
  await t.request('POST', `/api/plekken/${p}/publiceren`, { cookie: werkgever.cookie })
  const d = (await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: 'Fatima El Amrani', toestemmingDelen: true }) })).json.id
  const v = (await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId: p, modus: 'aanbodgericht', jobcoachId: jobcoach.id } })).json.id
  const res = await t.request('POST', `/api/voorstellen/${v}/accepteren`, { cookie: werkgever.cookie, body: { startdatum } })
  expect(res.status, res.text).toBe(201)
  return res.json.id as string
}

describe('agenda feed', () => {
  it('a secret link shows the jobcoach’s upcoming contacts as iCalendar, without the deelnemer’s name; revoking ends it', async () => {
    const id = await plaatsing('2026-11-30')
    expect((await t.request('GET', '/api/agenda', { cookie: jobcoach.cookie })).json).toEqual({ actief: false })
    const link = await t.request('POST', '/api/agenda', { cookie: jobcoach.cookie })
    expect(link.status).toBe(201)
    const path = new URL(link.json.url).pathname
    const feed = await t.app.request(path) // no cookie: calendar apps have none
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toContain('text/calendar')
    const ics = await feed.text()
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(ics).toContain(`UID:${id}@participatieplekken`)
    expect(ics).toContain('DTSTART;VALUE=DATE:20261130')
    expect(ics).toContain('SUMMARY:nazorgcontact Magazijnmedewerker orderpicken (Zorgcentrum De Merwe)')
    expect(ics).not.toContain('Fatima')
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true)

    // overdue: shown today, marked
    t.clock.set('2026-12-05T10:00:00Z')
    const laat = await (await t.app.request(path)).text()
    expect(laat).toContain('DTSTART;VALUE=DATE:20261205')
    expect(laat).toContain('SUMMARY:Achterstallig: nazorgcontact')

    // a new link replaces the old one; revoking ends the new one
    const cookie = await t.login(jobcoach.email)
    const nieuw = new URL((await t.request('POST', '/api/agenda', { cookie })).json.url).pathname
    expect((await t.app.request(path)).status).toBe(404)
    expect((await t.app.request(nieuw)).status).toBe(200)
    expect((await t.request('DELETE', '/api/agenda', { cookie })).status).toBe(204)
    expect((await t.app.request(nieuw)).status).toBe(404)
    // the token never reaches the request log
    expect(JSON.stringify(t.logs)).not.toContain(nieuw.split('/')[3])
  })
})

describe('monitor', () => {
  it('counts placements, how long they last, eindredenen and knelpunten, per sector; the CSV holds the same figures and no names', async () => {
    t.clock.set('2026-01-05T09:00:00Z')
    const a = await plaatsing('2026-01-05', { sector: 'zorg' })
    const b = await plaatsing('2026-01-05', { sector: 'logistiek' })
    const c = await plaatsing('2026-01-05', { sector: 'zorg' })
    t.clock.set('2026-02-10T09:00:00Z')
    let cookie = await t.login(jobcoach.email)
    const contact = (id: string, datum: string, knelpunten: string[]) =>
      t.request('POST', `/api/plaatsingen/${id}/nazorg`, { cookie, body: { datum, met: 'beiden', kanaal: 'bezoek', samenvatting: 'Voortgang besproken.', knelpunten } })
    await contact(a, '2026-01-20', ['taal', 'rooster'])
    await contact(b, '2026-02-03', ['vervoer'])
    // b stops after a month (vervoer); c after four months (kinderopvang); a runs on
    await t.request('POST', `/api/plaatsingen/${b}/beeindigen`, { cookie, body: { einddatum: '2026-02-05', eindreden: 'vervoer' } })
    t.clock.set('2026-05-10T09:00:00Z')
    cookie = await t.login(jobcoach.email)
    await t.request('POST', `/api/plaatsingen/${c}/beeindigen`, { cookie, body: { einddatum: '2026-05-06', eindreden: 'kinderopvang' } })

    t.clock.set('2026-11-23T09:00:00Z')
    const admin = await t.login(beheerder.email)
    const m = (await t.request('GET', '/api/monitor?van=2026-01-01&tot=2026-11-23', { cookie: admin })).json
    expect(m.plaatsingen).toEqual({ gestart: 3, actief: 1, afgerond: 0, voortijdigBeeindigd: 2 })
    // after 3 months a and c were still running, b not; after 6 months only a
    expect(m.duurzaamheid).toEqual({ na3Maanden: { basis: 3, nogActief: 2, aandeel: 0.667 }, na6Maanden: { basis: 3, nogActief: 1, aandeel: 0.333 } })
    expect(m.eindredenen).toEqual({ vervoer: 1, kinderopvang: 1 })
    expect(m.knelpunten.totaal).toEqual({ taal: 1, rooster: 1, vervoer: 1 })
    expect(m.knelpunten.perMaand).toEqual([{ maand: '2026-01', aantallen: { taal: 1, rooster: 1 } }, { maand: '2026-02', aantallen: { vervoer: 1 } }])
    expect(m.perSector.map((s: any) => [s.waarde, s.gestart, s.na3Maanden.aandeel])).toEqual([['logistiek', 1, 0], ['zorg', 2, 1]])

    const zorg = (await t.request('GET', '/api/monitor?van=2026-01-01&tot=2026-11-23&sector=zorg', { cookie: admin })).json
    expect(zorg.plaatsingen.gestart).toBe(2)
    expect(zorg.eindredenen).toEqual({ kinderopvang: 1 })

    const csv = await t.request('GET', '/api/monitor/export.csv?van=2026-01-01&tot=2026-11-23', { cookie: admin })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.headers.get('content-disposition')).toContain('monitor-2026-01-01-2026-11-23.csv')
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(rows[0]).toBe('onderdeel;sleutel;waarde')
    // the screen's words: labels, not codes; shares as whole percentages (issue 17, item 10)
    expect(rows).toContain('eindreden;Vervoer;1')
    expect(rows).toContain('knelpunt;Rooster;1')
    expect(rows).toContain('duurzaamheid;aandeel na 3 maanden (%);67')
    expect(rows).toContain('sector Zorg;aandeel na 6 maanden (%);50')
    expect(csv.text).not.toContain('Fatima')
    // the file name carries the filters
    const gefilterd = await t.request('GET', '/api/monitor/export.csv?van=2026-01-01&tot=2026-11-23&sector=zorg&vorm=betaald-werk', { cookie: admin })
    expect(gefilterd.headers.get('content-disposition')).toContain('filename="monitor-2026-01-01-2026-11-23-zorg-betaald-werk.csv"')
    expect(gefilterd.text).toContain('filter;sector;Zorg')
    expect(gefilterd.text).toContain('filter;vorm;Betaald werk')

    const fout = await t.request('GET', '/api/monitor?van=2026-12-01&tot=2026-01-01', { cookie: admin })
    expect(fout.status).toBe(400)
    expect(fout.json.error.fields.van).toBeTruthy()
  })
})
