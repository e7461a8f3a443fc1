import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { deelnemerBody, fourUsers, plekBody, type TestApp, type User } from '../helpers.js'

let t: TestApp, werkgever: User, werkgeverAnder: User, jobhunter: User, jobcoach: User, beheerder: User
beforeEach(async () => {
  ;({ t, werkgever, jobhunter, jobcoach, beheerder } = await fourUsers())
  werkgeverAnder = await t.makeUser('werkgever', await t.makeOrganisatie('Bakkerij Anders'))
})
afterEach(() => t.close())

const count = async (table: string, where = '1=1') => Number((await t.deps.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table} where ${where}`)))!.n)

async function plek(body: Record<string, unknown> = {}) {
  const { json } = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody(body) })
  await t.request('POST', `/api/plekken/${json.id}/publiceren`, { cookie: werkgever.cookie })
  return json.id as string
}
async function deelnemer(body: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/deelnemers', {
    cookie: jobhunter.cookie,
    body: deelnemerBody({ toestemmingDelen: true, kinderopvang: 'geregeld', ...body }),
  })
  expect(res.status).toBe(201)
  return res.json.id as string
}
async function voorstel(deelnemerId: string, plekId: string, extra: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId, plekId, modus: 'aanbodgericht', ...extra } })
  expect(res.status, res.text).toBe(201)
  return res.json
}
const status = async (deelnemerId: string) => (await t.request('GET', `/api/deelnemers/${deelnemerId}`, { cookie: jobhunter.cookie })).json.status

describe('voorstel', () => {
  it('records the match of that moment and moves the deelnemer to voorgesteld; one open voorstel per pair', async () => {
    const p = await plek()
    const d = await deelnemer({ status: 'zoekend' })
    const v = await voorstel(d, p, { toelichting: 'Amina is gemotiveerd en woont dichtbij.' })
    expect(v).toMatchObject({ status: 'voorgesteld', modus: 'aanbodgericht', plekId: p, deelnemerId: d, gewichtenVersie: 'standaard' })
    expect(v.score).toBeGreaterThan(0)
    expect(v.criteria).toHaveLength(10)
    expect(await status(d)).toBe('voorgesteld')

    const dubbel = await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId: p, modus: 'vraaggericht' } })
    expect(dubbel.status).toBe(409)
    expect(dubbel.json.error.code).toBe('voorstel-bestaat')

    // withdrawn: the pair may be proposed again, the deelnemer is zoekend again
    const ingetrokken = await t.request('POST', `/api/voorstellen/${v.id}/intrekken`, { cookie: jobhunter.cookie })
    expect(ingetrokken.json.status).toBe('ingetrokken')
    expect(await status(d)).toBe('zoekend')
    await voorstel(d, p)
  })

  it('refuses without consent, for a plek that is not open, and for unknown records, and writes nothing', async () => {
    const p = await plek()
    const zonder = await deelnemer({ toestemmingDelen: false })
    const res = await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: zonder, plekId: p, modus: 'aanbodgericht' } })
    expect(res.status).toBe(409)
    expect(res.json.error).toMatchObject({ code: 'geen-toestemming' })
    expect(res.json.error.message).toMatch(/toestemming/)

    const concept = (await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })).json.id
    const d = await deelnemer()
    expect((await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId: concept, modus: 'aanbodgericht' } })).json.error.code).toBe('plek-niet-beschikbaar')

    // an unknown deelnemer is a 404 as on every deelnemer route (an erased one looks the same); an unknown plek a 400 on plekId
    const onbekend = await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: 'nee', plekId: p, modus: 'aanbodgericht' } })
    expect(onbekend.status).toBe(404)
    expect(onbekend.json.error.code).toBe('niet-gevonden')
    const onbekendePlek = await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId: 'ook-niet', modus: 'aanbodgericht' } })
    expect(onbekendePlek.status).toBe(400)
    expect(Object.keys(onbekendePlek.json.error.fields)).toEqual(['plekId'])

    const gevoelig = await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId: p, modus: 'aanbodgericht', velden: ['naam', 'moedertaal'] } })
    expect(gevoelig.status).toBe(400)
    expect(Object.keys(gevoelig.json.error.fields)).toEqual(['velden.1'])
    expect(await count('voorstel')).toBe(0)
  })

  it('shows the werkgever only the shared, consented fields; never doelgroep, moedertaal, geletterdheid or health', async () => {
    const p = await plek()
    const d = await deelnemer({ werkervaring: 'Vijf jaar kok in Aleppo', ondersteuningsbehoefte: 'Rugklachten', belastbaarheid: 'laag' })
    const v = await voorstel(d, p, { velden: ['naam', 'taalniveau', 'werkervaring'], toelichting: 'Goede kandidaat.' })

    const lijst = await t.request('GET', '/api/voorstellen', { cookie: werkgever.cookie })
    expect(lijst.json.total).toBe(1)
    const gezien = lijst.json.items[0]
    expect(gezien.deelnemer).toEqual({ naam: 'Amina Yusuf', taalniveau: { spreken: 'A2', luisteren: 'A2', lezen: 'A1', schrijven: 'A1' }, werkervaring: 'Vijf jaar kok in Aleppo' })
    for (const key of ['deelnemerId', 'velden', 'gewichtenVersie', 'uitgesloten'] as const) expect(gezien).not.toHaveProperty(key)
    // only the criteria about shared fields; belastbaarheid, begeleiding, kinderopvang never
    expect(gezien.criteria.map((c: any) => c.code).sort()).toEqual(['taalniveau', 'taalrijkheid'])
    const tekst = JSON.stringify(lijst.json)
    for (const geheim of ['gezinsmigrant', 'Somalisch', 'gealfabetiseerd', 'Rugklachten', 'laag', d]) expect(tekst).not.toContain(geheim)

    // another werkgever sees nothing of it
    expect((await t.request('GET', '/api/voorstellen', { cookie: werkgeverAnder.cookie })).json).toEqual({ items: [], total: 0 })
    expect((await t.request('GET', `/api/voorstellen/${v.id}`, { cookie: werkgeverAnder.cookie })).status).toBe(404)

    // consent withdrawn: the werkgever sees no deelnemer data any more
    await t.request('PATCH', `/api/deelnemers/${d}`, { cookie: jobhunter.cookie, body: { toestemmingDelen: false } })
    const na = await t.request('GET', `/api/voorstellen/${v.id}`, { cookie: werkgever.cookie })
    expect(na.json).toMatchObject({ deelnemer: {}, criteria: [], toestemmingIngetrokken: true, status: 'ingetrokken' })
    expect(na.json).not.toHaveProperty('toelichting')
    // the open voorstel was withdrawn with the consent, so it can no longer be accepted
    expect((await t.request('POST', `/api/voorstellen/${v.id}/accepteren`, { cookie: werkgever.cookie, body: { startdatum: '2026-12-01' } })).status).toBe(409)
    expect(await status(d)).toBe('zoekend')
  })

  it('a werkgever declines with a reason; answering twice is a 409', async () => {
    const d = await deelnemer()
    const v = await voorstel(d, await plek())
    const zonderReden = await t.request('POST', `/api/voorstellen/${v.id}/afwijzen`, { cookie: werkgever.cookie, body: { reden: '' } })
    expect(zonderReden.status).toBe(400)
    expect(zonderReden.json.error.fields.reden).toBeTruthy()
    const af = await t.request('POST', `/api/voorstellen/${v.id}/afwijzen`, { cookie: werkgever.cookie, body: { reden: 'Het rooster past toch niet.' } })
    expect(af.json).toMatchObject({ status: 'afgewezen', afwijsreden: 'Het rooster past toch niet.' })
    expect(await status(d)).toBe('zoekend')
    for (const [pad, body] of [['accepteren', { startdatum: '2026-12-01' }], ['afwijzen', { reden: 'Nogmaals' }]] as const) {
      const res = await t.request('POST', `/api/voorstellen/${v.id}/${pad}`, { cookie: werkgever.cookie, body })
      expect(res.status).toBe(409)
      expect(res.json.error.message).toContain('afgewezen')
    }
    expect((await t.request('POST', `/api/voorstellen/${v.id}/intrekken`, { cookie: jobhunter.cookie })).status).toBe(409)
  })
})

describe('what the werkgever reads in the reasons', () => {
  it('the dagdelen sentence never names the taalles schedule', async () => {
    const p = await plek({ dagdelen: ['ma-ochtend', 'di-ochtend', 'wo-ochtend'], urenPerWeek: { min: 4, max: 12 } })
    const d = await deelnemer({ beschikbareDagdelen: ['ma-ochtend', 'wo-ochtend'], taallesDagdelen: ['di-ochtend'] })
    const v = await voorstel(d, p, { velden: ['naam', 'beschikbareDagdelen'] })
    expect(v.criteria.find((c: any) => c.code === 'dagdelen').uitleg).toContain('taalles')
    const gezien = (await t.request('GET', `/api/voorstellen/${v.id}`, { cookie: werkgever.cookie })).json
    expect(gezien.criteria.find((c: any) => c.code === 'dagdelen').uitleg).toBe('Beschikbaar op 2 van de 3 dagdelen van de plek.')
    expect(JSON.stringify(gezien)).not.toMatch(/taalles|dinsdag/i)
  })
})

describe('accepting: voorstel → plaatsing', () => {
  it('starts a plaatsing with the jobcoach, takes capaciteit, fills the plek and takes it out of search', async () => {
    const p = await plek({ capaciteit: 1 })
    await t.indexer.drain()
    const d = await deelnemer()
    const v = await voorstel(d, p, { jobcoachId: jobcoach.id })
    const res = await t.request('POST', `/api/voorstellen/${v.id}/accepteren`, { cookie: werkgever.cookie, body: { startdatum: '2026-12-01' } })
    expect(res.status, res.text).toBe(201)
    expect(res.json).toMatchObject({ status: 'actief', jobcoachId: jobcoach.id, startdatum: '2026-12-01', volgendContactOp: '2026-12-01', contactFrequentieDagen: 14, voorstelId: v.id })
    expect(res.json).not.toHaveProperty('deelnemer') // the werkgever's answer carries no name
    expect(res.json).not.toHaveProperty('deelnemerId') // nor the id
    expect(await status(d)).toBe('geplaatst')
    const plekNu = await t.request('GET', `/api/plekken/${p}`, { cookie: werkgever.cookie })
    expect(plekNu.json.status).toBe('vervuld')
    await t.indexer.drain()
    const zoek = await t.request('GET', '/api/zoeken?q=magazijnmedewerker', { cookie: jobhunter.cookie })
    expect(zoek.json.items.map((i: any) => i.id)).not.toContain(p)
  })

  it('two acceptances racing for the last place: exactly one plaatsing, the other a 409 with a clear message', async () => {
    const p = await plek({ capaciteit: 1 })
    const voorstellen = []
    for (let i = 0; i < 6; i++) voorstellen.push(await voorstel(await deelnemer({ naam: `Deelnemer ${i}` }), p))
    const answers = await Promise.all(
      voorstellen.map((v) => t.request('POST', `/api/voorstellen/${v.id}/accepteren`, { cookie: werkgever.cookie, body: { startdatum: '2026-12-01' } })),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409])
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.json.error.code).toBe('plek-vol')
      expect(a.json.error.message).toBe('Deze plek is vol: de enige plaats is al bezet. Het voorstel blijft openstaan.')
    }
    expect(await count('plaatsing')).toBe(1)
    expect(await count('plek', `id = '${p}' and bezet = 1 and status = 'vervuld'`)).toBe(1)
    // the losers' voorstellen are still open (no half-written answer)
    expect(await count('voorstel', "status = 'voorgesteld'")).toBe(5)
  })

  it('a werkgever cannot accept for another organisatie’s plek; a jobhunter cannot accept at all', async () => {
    const v = await voorstel(await deelnemer(), await plek())
    expect((await t.request('POST', `/api/voorstellen/${v.id}/accepteren`, { cookie: werkgeverAnder.cookie, body: { startdatum: '2026-12-01' } })).status).toBe(404)
    expect((await t.request('POST', `/api/voorstellen/${v.id}/accepteren`, { cookie: jobhunter.cookie, body: { startdatum: '2026-12-01' } })).status).toBe(403)
    const oud = await t.request('POST', `/api/voorstellen/${v.id}/accepteren`, { cookie: beheerder.cookie, body: { startdatum: '2020-01-01' } })
    expect(oud.json.error.fields.startdatum).toBe('De startdatum kan niet meer dan 90 dagen vóór het voorstel liggen (vroegst 25 augustus 2026).')
    const fout = await t.request('POST', `/api/voorstellen/${v.id}/accepteren`, { cookie: beheerder.cookie, body: { startdatum: '1 december', jobcoachId: werkgever.id } })
    expect(fout.status).toBe(400)
    expect(Object.keys(fout.json.error.fields)).toEqual(['startdatum'])
    const geenCoach = await t.request('POST', `/api/voorstellen/${v.id}/accepteren`, { cookie: beheerder.cookie, body: { startdatum: '2026-12-01', jobcoachId: werkgever.id } })
    expect(geenCoach.status).toBe(400)
    expect(geenCoach.json.error.fields.jobcoachId).toBe('Kies een actieve jobcoach.')
    expect(await count('plaatsing')).toBe(0)
    expect(await count('voorstel', "status = 'voorgesteld'")).toBe(1)
  })
})
