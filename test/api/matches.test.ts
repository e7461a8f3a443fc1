import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { appWith, deelnemerBody, plekBody, type TestApp, type User } from '../helpers.js'

let t: TestApp, werkgever: User, jobhunter: User
beforeEach(async () => {
  ;({ t, werkgever, jobhunter } = await appWith('werkgever', 'jobhunter'))
})
afterEach(() => t.close())

async function publish(body: Record<string, unknown>) {
  const { json } = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody(body) })
  await t.request('POST', `/api/plekken/${json.id}/publiceren`, { cookie: werkgever.cookie })
  return json.id as string
}
async function deelnemer(body: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody(body) })
  expect(res.status).toBe(201)
  return res.json.id as string
}

describe('aanbodgericht: GET /api/deelnemers/:id/matches', () => {
  it('ranks the plekken within travel distance, explains every criterion, and leaves out knock-outs unless asked', async () => {
    const school = await publish({ titel: 'Gastvrouw verpleeghuis', sector: 'zorg', binnenSchooltijden: true, dagdelen: ['ma-ochtend', 'wo-ochtend'] })
    const avond = await publish({ titel: 'Verzorgende avonddienst', sector: 'zorg', binnenSchooltijden: false, dagdelen: ['ma-ochtend', 'wo-ochtend'] })
    const ver = await publish({ titel: 'Gastvrouw Roermond', sector: 'zorg', binnenSchooltijden: true, postcode: '6041' })
    await t.indexer.drain()
    const id = await deelnemer()

    const res = await t.request('GET', `/api/deelnemers/${id}/matches`, { cookie: jobhunter.cookie })
    expect(res.status).toBe(200)
    expect(res.json.items.map((m: any) => m.plek.id)).toEqual([school])
    const [m] = res.json.items
    expect(m.score).toBeGreaterThan(50)
    expect(m.uitgesloten).toBe(false)
    expect(m.criteria.map((c: any) => c.code)).toEqual(['dagdelen', 'uren', 'reisafstand', 'taalniveau', 'taalrijkheid', 'wensen', 'belastbaarheid', 'begeleiding', 'kinderopvang', 'vereisten'])
    expect(m.criteria.find((c: any) => c.code === 'kinderopvang').uitleg).toBe('Kinderopvang is nog niet geregeld; de plek past binnen schooltijden.')
    expect(res.json).toMatchObject({ richting: 'aanbodgericht', gewichten: { dagdelen: 3 } })

    const all = await t.request('GET', `/api/deelnemers/${id}/matches?inclusiefUitgesloten=true`, { cookie: jobhunter.cookie })
    expect(all.json.items.map((m: any) => [m.plek.id, m.uitgesloten])).toEqual([[school, false], [avond, true]])
    const knocked = all.json.items[1].criteria.find((c: any) => c.knockout)
    expect(knocked).toMatchObject({ code: 'kinderopvang', kleur: 'rood' })
    // Roermond is outside the deelnemer's 8 km: not even a candidate
    expect(all.json.items.map((m: any) => m.plek.id)).not.toContain(ver)
  })

  it('a change to the deelnemer is in their next list (the matcher remembers profiles by versie)', async () => {
    const school = await publish({ titel: 'Gastvrouw verpleeghuis', binnenSchooltijden: true })
    const avond = await publish({ titel: 'Verzorgende avonddienst', binnenSchooltijden: false })
    await t.indexer.drain()
    const id = await deelnemer()
    const list = async () => (await t.request('GET', `/api/deelnemers/${id}/matches`, { cookie: jobhunter.cookie })).json.items.map((m: any) => m.plek.id).sort()
    expect(await list()).toEqual([school]) // kinderopvang nodig: only within school hours
    expect((await t.request('PATCH', `/api/deelnemers/${id}`, { cookie: jobhunter.cookie, body: { kinderopvang: 'geregeld' } })).status).toBe(200)
    expect(await list()).toEqual([school, avond].sort())
  })

  it('an unknown deelnemer is a 404 and a werkgever is refused', async () => {
    expect((await t.request('GET', '/api/deelnemers/bestaat-niet/matches', { cookie: jobhunter.cookie })).status).toBe(404)
    const id = await deelnemer()
    expect((await t.request('GET', `/api/deelnemers/${id}/matches`, { cookie: werkgever.cookie })).status).toBe(403)
  })
})

describe('vraaggericht: GET /api/plekken/:id/matches', () => {
  it('ranks zoekende deelnemers whose travel limit reaches the plek; the werkgever’s requirements exclude', async () => {
    const plekId = await publish({ vereisten: { rijbewijs: true, vog: false, vca: false }, dagdelen: ['ma-ochtend', 'wo-ochtend', 'vr-ochtend'] })
    const metRijbewijs = await deelnemer({ naam: 'Met Rijbewijs', mobiliteit: { fiets: true, ov: true, rijbewijs: true, auto: false, maxReisafstandKm: 10 } })
    const zonder = await deelnemer({ naam: 'Zonder Rijbewijs' })
    await deelnemer({ naam: 'Nog In Intake', status: 'intake' })
    await deelnemer({ naam: 'Woont Ver', postcode: '6041', mobiliteit: { fiets: true, ov: true, rijbewijs: true, auto: true, maxReisafstandKm: 20 } })

    const res = await t.request('GET', `/api/plekken/${plekId}/matches?inclusiefUitgesloten=true`, { cookie: jobhunter.cookie })
    expect(res.status).toBe(200)
    expect(res.json.items.map((m: any) => [m.deelnemer.id, m.uitgesloten])).toEqual([[metRijbewijs, false], [zonder, true]])
    expect(res.json.items[1].criteria.find((c: any) => c.code === 'vereisten')).toMatchObject({ knockout: true, uitleg: 'Mist rijbewijs.' })
    // the summary carries no sensitive fields
    expect(Object.keys(res.json.items[0].deelnemer).sort()).toEqual(['afstandKm', 'id', 'leerroute', 'naam', 'plaats', 'status', 'taalniveau', 'toestemmingDelen', 'urenPerWeek'])
    expect(JSON.stringify(res.json)).not.toContain('Somalisch')
    expect(res.json.richting).toBe('vraaggericht')
  })

  it('limit caps the list', async () => {
    const plekId = await publish({})
    for (let i = 0; i < 3; i++) await deelnemer({ naam: `Deelnemer ${i}` })
    const res = await t.request('GET', `/api/plekken/${plekId}/matches?limit=2`, { cookie: jobhunter.cookie })
    expect(res.json.items).toHaveLength(2)
    expect((await t.request('GET', `/api/plekken/${plekId}/matches?limit=0`, { cookie: jobhunter.cookie })).status).toBe(400)
  })

  it('a change to a deelnemer is in the next list, whichever statement made it (the matcher remembers profiles by versie)', async () => {
    const plekId = await publish({ vereisten: { rijbewijs: true, vog: false, vca: false } })
    const id = await deelnemer({ naam: 'Haalt Rijbewijs' })
    const list = async () => (await t.request('GET', `/api/plekken/${plekId}/matches?inclusiefUitgesloten=true`, { cookie: jobhunter.cookie })).json.items.map((m: any) => [m.deelnemer.id, m.uitgesloten])
    expect(await list()).toEqual([[id, true]]) // no rijbewijs: excluded, and now remembered

    const mobiliteit = { fiets: true, ov: true, rijbewijs: true, auto: false, maxReisafstandKm: 10 }
    expect((await t.request('PATCH', `/api/deelnemers/${id}`, { cookie: jobhunter.cookie, body: { mobiliteit } })).status).toBe(200)
    expect(await list()).toEqual([[id, false]])

    // a statement outside the services (a data fix, an import) is seen too: the trigger raises the versie
    await t.database.db.run(sql`update deelnemer set profiel = json_set(profiel, '$.mobiliteit.rijbewijs', json('false')) where id = ${id}`)
    expect(await list()).toEqual([[id, true]])
  })

  it('every list leaves its own audit row, also when many arrive at once and share one commit; without its row there is no answer', async () => {
    const plekId = await publish({})
    const ids = [await deelnemer({ naam: 'Eerste Deelnemer' }), await deelnemer({ naam: 'Tweede Deelnemer' })]
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.request('GET', `/api/plekken/${plekId}/matches`, { cookie: jobhunter.cookie })))
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200))
    const rows = await t.database.db.all<{ details: string }>(sql`select details from audit where actie = 'deelnemers-bekeken' and object_id = ${`plek:${plekId}`}`)
    expect(rows).toHaveLength(8)
    for (const r of rows) expect(JSON.parse(r.details).deelnemers.sort()).toEqual([...ids].sort())

    // a database that takes no writes: the list is not shown without its trace
    await t.database.db.run(sql`pragma query_only = on`)
    const geweigerd = await t.request('GET', `/api/plekken/${plekId}/matches`, { cookie: jobhunter.cookie })
    await t.database.db.run(sql`pragma query_only = off`)
    expect(geweigerd.status).toBe(503)
    expect(geweigerd.json.error.code).toBe('database-alleen-lezen')
  })
})
