import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { deelnemerBody, fourUsers, plekBody, type TestApp, type User } from '../helpers.js'

let t: TestApp, werkgever: User, jobhunter: User, jobcoach: User, beheerder: User
beforeEach(async () => {
  ;({ t, werkgever, jobhunter, jobcoach, beheerder } = await fourUsers())
})
afterEach(() => t.close())

const NAAM = 'Amina Yusuf-Warsame'
const GEHEIMEN = [NAAM, 'Somalisch', 'Rugklachten, niet lang staan', 'Vijf jaar naaister in Mogadishu', '06-1234 5678', 'Spreekt op het werk al veel Nederlands']

/** A deelnemer with a plaatsing, two nazorg contacts (one with a knelpunt), ended on `einddatum` if given. */
async function dossier({ einddatum, startdatum = '2026-09-01' }: { einddatum?: string; startdatum?: string } = {}) {
  const p = (await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })).json.id
  await t.request('POST', `/api/plekken/${p}/publiceren`, { cookie: werkgever.cookie })
  const d = (await t.request('POST', '/api/deelnemers', {
    cookie: jobhunter.cookie,
    body: deelnemerBody({ naam: NAAM, moedertaal: 'Somalisch', ondersteuningsbehoefte: 'Rugklachten, niet lang staan', werkervaring: 'Vijf jaar naaister in Mogadishu', telefoon: '06-1234 5678', toestemmingDelen: true }),
  })).json.id as string
  const v = (await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId: p, modus: 'aanbodgericht', toelichting: `${NAAM} is zeer gemotiveerd.`, jobcoachId: jobcoach.id } })).json.id
  const pl = (await t.request('POST', `/api/voorstellen/${v}/accepteren`, { cookie: werkgever.cookie, body: { startdatum } })).json.id as string
  await t.request('POST', `/api/plaatsingen/${pl}/nazorg`, { cookie: jobcoach.cookie, body: { datum: startdatum, met: 'beiden', kanaal: 'bezoek', samenvatting: 'Spreekt op het werk al veel Nederlands', knelpunten: ['vervoer'] } })
  if (einddatum) await t.request('POST', `/api/plaatsingen/${pl}/beeindigen`, { cookie: jobcoach.cookie, body: { einddatum, eindreden: 'verhuisd' } })
  return { deelnemerId: d, plaatsingId: pl, voorstelId: v as string }
}

const dump = async () => {
  const tables = ['deelnemer', 'voorstel', 'plaatsing', 'nazorgcontact', 'audit']
  const out: Record<string, unknown[]> = {}
  for (const table of tables) out[table] = await t.deps.db.all(sql.raw(`select * from ${table}`))
  return JSON.stringify(out)
}

describe('inzage: export', () => {
  it('gives a beheerder everything about one deelnemer, including who viewed the dossier, and logs the export', async () => {
    const { deelnemerId, plaatsingId } = await dossier()
    await t.request('GET', `/api/deelnemers/${deelnemerId}`, { cookie: jobhunter.cookie })
    const res = await t.request('GET', `/api/deelnemers/${deelnemerId}/export`, { cookie: beheerder.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(`deelnemer-${deelnemerId}.json`)
    expect(res.json.deelnemer).toMatchObject({ id: deelnemerId, naam: NAAM, moedertaal: 'Somalisch' })
    expect(res.json.voorstellen).toHaveLength(1)
    expect(res.json.plaatsingen.map((p: any) => p.id)).toEqual([plaatsingId])
    expect(res.json.nazorgcontacten[0].samenvatting).toBe('Spreekt op het werk al veel Nederlands')
    expect(res.json.logboek.map((r: any) => r.actie)).toEqual(expect.arrayContaining(['deelnemer-aangemaakt', 'voorstel-gemaakt', 'deelnemer-bekeken']))
    for (const who of [jobhunter, jobcoach, werkgever]) expect((await t.request('GET', `/api/deelnemers/${deelnemerId}/export`, { cookie: who.cookie })).status).toBe(403)
    const log = (await t.request('GET', `/api/audit?objectId=${deelnemerId}&actie=deelnemer-geexporteerd`, { cookie: beheerder.cookie })).json
    expect(log.items).toHaveLength(1)
    expect(log.items[0].gebruiker).toMatchObject({ id: beheerder.id, rol: 'beheerder' })
  })
})

describe('vergetelheid: erase', () => {
  it('removes every personal value everywhere, keeps the monitor’s counts, and the deelnemer is gone for every reader', async () => {
    const { deelnemerId } = await dossier({ einddatum: '2026-10-15' })
    const monitorVoor = (await t.request('GET', '/api/monitor?van=2026-01-01&tot=2026-11-23', { cookie: beheerder.cookie })).json
    for (const geheim of GEHEIMEN) expect(await dump()).toContain(geheim)

    const res = await t.request('DELETE', `/api/deelnemers/${deelnemerId}`, { cookie: beheerder.cookie })
    expect(res.status).toBe(204)
    const na = await dump()
    for (const geheim of GEHEIMEN) expect(na, geheim).not.toContain(geheim)
    expect((await t.request('GET', '/api/monitor?van=2026-01-01&tot=2026-11-23', { cookie: beheerder.cookie })).json).toEqual(monitorVoor)
    expect((await t.request('GET', `/api/deelnemers/${deelnemerId}`, { cookie: jobhunter.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/deelnemers?q=Amina`, { cookie: jobhunter.cookie })).json.total).toBe(0)
    expect((await t.request('DELETE', `/api/deelnemers/${deelnemerId}`, { cookie: beheerder.cookie })).status).toBe(404)
    const log = (await t.request('GET', `/api/audit?objectId=${deelnemerId}`, { cookie: beheerder.cookie })).json.items
    expect(log[0]).toMatchObject({ actie: 'deelnemer-gewist', gebruiker: { id: beheerder.id, rol: 'beheerder' } })
  })

  it('refuses while a plaatsing is active, and only a beheerder may erase', async () => {
    const { deelnemerId } = await dossier()
    const res = await t.request('DELETE', `/api/deelnemers/${deelnemerId}`, { cookie: beheerder.cookie })
    expect(res.status).toBe(409)
    expect(res.json.error).toMatchObject({ code: 'plaatsing-actief' })
    expect((await t.request('DELETE', `/api/deelnemers/${deelnemerId}`, { cookie: jobhunter.cookie })).status).toBe(403)
    expect(await dump()).toContain(NAAM)
  })
})

describe('bewaartermijn', () => {
  it('anonymises deelnemers whose last plaatsing ended more than 24 months ago, and nobody else', async () => {
    const relogin = async (at: string) => {
      t.clock.set(at)
      for (const u of [werkgever, jobhunter, jobcoach]) u.cookie = await t.login(u.email)
    }
    const submitEnd = (id: string, einddatum: string) =>
      t.request('POST', `/api/plaatsingen/${id}/beeindigen`, { cookie: jobcoach.cookie, body: { einddatum, eindreden: 'verhuisd' } })
    await relogin('2024-06-01T09:00:00Z')
    const oud = await dossier({ startdatum: '2024-06-01' })
    await relogin('2024-12-01T09:00:00Z')
    expect((await submitEnd(oud.plaatsingId, '2024-09-30')).status).toBe(200)
    const recent = await dossier({ startdatum: '2024-12-01' })
    await relogin('2025-01-20T09:00:00Z')
    expect((await submitEnd(recent.plaatsingId, '2025-01-15')).status).toBe(200)
    const actief = await dossier({ startdatum: '2025-01-20' })
    t.clock.set('2026-11-23T09:00:00Z') // 24 months back is 2024-11-23
    // a beheerder of another gemeente starts the rule for their own werkgebied only (issue 15)
    const elders = await t.makeUser('beheerder', undefined, { werkgebied: [await t.makeGemeente('Delft')] })
    expect((await t.request('POST', '/api/avg/bewaartermijn', { cookie: elders.cookie })).json).toEqual({ grens: '2024-11-23', geanonimiseerd: 0 })
    const admin = await t.login(beheerder.email)
    const res = await t.request('POST', '/api/avg/bewaartermijn', { cookie: admin })
    expect(res.json).toEqual({ grens: '2024-11-23', geanonimiseerd: 1 })
    const jh = await t.login(jobhunter.email)
    expect((await t.request('GET', `/api/deelnemers/${oud.deelnemerId}`, { cookie: jh })).status).toBe(404)
    expect((await t.request('GET', `/api/deelnemers/${recent.deelnemerId}`, { cookie: jh })).status).toBe(200)
    expect((await t.request('GET', `/api/deelnemers/${actief.deelnemerId}`, { cookie: jh })).status).toBe(200)
    const log = (await t.request('GET', `/api/audit?actie=deelnemer-geanonimiseerd`, { cookie: admin })).json.items
    expect(log.map((r: any) => r.objectId)).toEqual([oud.deelnemerId])
    // running it again changes nothing
    expect((await t.request('POST', '/api/avg/bewaartermijn', { cookie: admin })).json.geanonimiseerd).toBe(0)
  })

  it('two runs at the same moment (every instance runs it daily) anonymise and audit each deelnemer once', async () => {
    t.clock.set('2024-06-01T09:00:00Z')
    for (const u of [werkgever, jobhunter, jobcoach]) u.cookie = await t.login(u.email)
    const oud = await dossier({ startdatum: '2024-06-01' })
    t.clock.set('2024-12-01T09:00:00Z')
    jobcoach.cookie = await t.login(jobcoach.email)
    const einde = await t.request('POST', `/api/plaatsingen/${oud.plaatsingId}/beeindigen`, { cookie: jobcoach.cookie, body: { einddatum: '2024-09-30', eindreden: 'verhuisd' } })
    expect(einde.status).toBe(200)
    t.clock.set('2026-11-23T09:00:00Z')
    const admin = await t.login(beheerder.email)
    const runs = await Promise.all([1, 2].map(() => t.request('POST', '/api/avg/bewaartermijn', { cookie: admin })))
    expect(runs.map((r) => r.json.geanonimiseerd).sort()).toEqual([0, 1])
    const log = (await t.request('GET', `/api/audit?actie=deelnemer-geanonimiseerd`, { cookie: admin })).json.items
    expect(log.map((r: any) => r.objectId)).toEqual([oud.deelnemerId])
  })
})

describe('audit log', () => {
  it('records who viewed, created, changed and exported a deelnemer, with time and role, and no personal values', async () => {
    const { deelnemerId, plaatsingId } = await dossier()
    await t.request('PATCH', `/api/deelnemers/${deelnemerId}`, { cookie: jobhunter.cookie, body: { moedertaal: 'Arabisch', urenPerWeek: { min: 8, max: 16 } } })
    await t.request('GET', `/api/deelnemers/${deelnemerId}`, { cookie: jobcoach.cookie })
    await t.request('GET', `/api/plaatsingen/${plaatsingId}/nazorg`, { cookie: beheerder.cookie })
    await t.request('GET', '/api/voorstellen', { cookie: werkgever.cookie })
    const items = (await t.request('GET', `/api/audit?objectSoort=deelnemer&objectId=${deelnemerId}&perPage=100`, { cookie: beheerder.cookie })).json.items
    const acties = items.map((r: any) => `${r.actie}:${r.gebruiker?.rol}`)
    expect(acties).toEqual(expect.arrayContaining(['deelnemer-aangemaakt:jobhunter', 'deelnemer-gewijzigd:jobhunter', 'deelnemer-bekeken:jobcoach', 'nazorg-bekeken:beheerder', 'voorstel-bekeken:werkgever', 'voorstel-gemaakt:jobhunter']))
    expect(items.find((r: any) => r.actie === 'deelnemer-gewijzigd').details).toEqual({ velden: ['moedertaal', 'urenPerWeek'] })
    expect(items.every((r: any) => /^\d{4}-\d\d-\d\dT/.test(r.op))).toBe(true)
    const auditTekst = JSON.stringify(await t.deps.db.all(sql`select * from audit`))
    for (const geheim of [...GEHEIMEN, 'Arabisch']) expect(auditTekst).not.toContain(geheim)
    for (const who of [jobhunter, jobcoach, werkgever]) expect((await t.request('GET', '/api/audit', { cookie: who.cookie })).status).toBe(403)
  })
})
