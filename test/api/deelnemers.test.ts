import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appWith, countRows, deelnemerBody, type TestApp, type User } from '../helpers.js'
import { deelnemer } from '../../db/schema.js'

let t: TestApp, jobhunter: User
beforeEach(async () => {
  ;({ t, jobhunter } = await appWith('jobhunter'))
})
afterEach(() => t.close())

const rows = async () => (await countRows(t, { deelnemer })).deelnemer

describe('deelnemers', () => {
  it('a jobhunter records a deelnemer; plaats comes from the postcode and defaults are filled in', async () => {
    const res = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody() })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ naam: 'Amina Yusuf', plaats: 'Dordrecht', postcode: '3312 AB', status: 'zoekend', vca: false, andereTalen: [] })
    expect(res.json.toestemmingOp).toBeUndefined()
    const got = await t.request('GET', `/api/deelnemers/${res.json.id}`, { cookie: jobhunter.cookie })
    expect(got.json).toEqual(res.json)
  })

  it('a taalles dagdeel cannot also be free', async () => {
    const res = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ beschikbareDagdelen: ['ma-ochtend', 'di-ochtend'] }) })
    expect(res.status).toBe(400)
    expect(res.json.error.fields.beschikbareDagdelen).toBe('Op di-ochtend heeft de deelnemer taalles; een taalles-dagdeel kan niet ook vrij zijn.')
    expect(await rows()).toBe(0)
  })

  it.each([
    ['an unknown doelgroep', { doelgroep: 'vluchteling' }, 'doelgroep'],
    ['uren min above max', { urenPerWeek: { min: 20, max: 10 } }, 'urenPerWeek.max'],
    ['a travel limit of 0', { mobiliteit: { fiets: true, maxReisafstandKm: 0 } }, 'mobiliteit.maxReisafstandKm'],
    ['an unknown postcode', { postcode: '1000' }, 'postcode'],
    ['an unknown field', { bsn: '123456789' }, 'bsn'],
  ])('%s is a 400 naming %s, and nothing is written', async (_, change, field) => {
    const res = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody(change) })
    expect(res.status).toBe(400)
    expect(res.json.error.fields[field]).toBeTypeOf('string')
    expect(await rows()).toBe(0)
  })

  it('consent records when it was given, and withdrawing it clears that', async () => {
    const { json: d } = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody() })
    t.clock.advance(60_000)
    const yes = await t.request('PATCH', `/api/deelnemers/${d.id}`, { cookie: jobhunter.cookie, body: { toestemmingDelen: true } })
    expect(yes.json.toestemmingOp).toBe('2026-11-23T09:01:00.000Z')
    const no = await t.request('PATCH', `/api/deelnemers/${d.id}`, { cookie: jobhunter.cookie, body: { toestemmingDelen: false } })
    expect(no.json.toestemmingOp).toBeUndefined()
  })

  it('a PATCH merges nested objects and is validated whole', async () => {
    const { json: d } = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody() })
    const ok = await t.request('PATCH', `/api/deelnemers/${d.id}`, { cookie: jobhunter.cookie, body: { taalniveau: { spreken: 'B1' }, mobiliteit: { maxReisafstandKm: 15 } } })
    expect(ok.status).toBe(200)
    expect(ok.json.taalniveau).toEqual({ spreken: 'B1', luisteren: 'A2', lezen: 'A1', schrijven: 'A1' })
    expect(ok.json.mobiliteit).toMatchObject({ fiets: true, maxReisafstandKm: 15 })
    const bad = await t.request('PATCH', `/api/deelnemers/${d.id}`, { cookie: jobhunter.cookie, body: { beschikbareDagdelen: ['do-ochtend'] } })
    expect(bad.status).toBe(400)
    expect((await t.request('GET', `/api/deelnemers/${d.id}`, { cookie: jobhunter.cookie })).json).toEqual(ok.json)
  })

  it('lists by name and status', async () => {
    await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: 'Amina Yusuf' }) })
    await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: 'Yonas Tesfay', status: 'intake', doelgroep: 'asielstatushouder' }) })
    const byName = await t.request('GET', '/api/deelnemers?q=yon', { cookie: jobhunter.cookie })
    expect(byName.json.items.map((d: any) => d.naam)).toEqual(['Yonas Tesfay'])
    const byStatus = await t.request('GET', '/api/deelnemers?status=zoekend', { cookie: jobhunter.cookie })
    expect(byStatus.json).toMatchObject({ total: 1, items: [{ naam: 'Amina Yusuf' }] })
  })

  it('werkgevers never reach deelnemers; a jobcoach without plaatsingen sees none', async () => {
    const { json: d } = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody() })
    const werkgever = await t.makeUser('werkgever', await t.makeOrganisatie())
    for (const [method, path] of [['GET', '/api/deelnemers'], ['GET', `/api/deelnemers/${d.id}`], ['PATCH', `/api/deelnemers/${d.id}`]] as const) {
      const res = await t.request(method, path, { cookie: werkgever.cookie, body: method === 'PATCH' ? { naam: 'X' } : undefined })
      expect(res.status).toBe(403)
      expect(res.text).not.toContain('Amina')
    }
    const jobcoach = await t.makeUser('jobcoach')
    expect((await t.request('GET', `/api/deelnemers/${d.id}`, { cookie: jobcoach.cookie })).status).toBe(404)
  })
})
