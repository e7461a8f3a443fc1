import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { sessie } from '../../db/schema.js'
import { createSession, hashToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../server/auth/sessions.js'
import { runDailyJobs } from '../../server/daily-jobs.js'
import { deelnemerBody, plekBody, testApp, WACHTWOORD, type TestApp } from '../helpers.js'

// The defects of issue 12 ("Defects" and "found by trying the API as an attacker would"), one
// describe per defect; each test failed on the code before its fix. Control characters are in
// stuurtekens.test.ts, the error log in foutlog.test.ts, the erased deelnemer's route matrix in
// toegang.test.ts.

let t: TestApp
type User = Awaited<ReturnType<TestApp['makeUser']>>
let werkgever: User, jobhunter: User, jobcoach: User, beheerder: User

beforeEach(async () => {
  t = await testApp()
  werkgever = await t.makeUser('werkgever', await t.makeOrganisatie('Zorgcentrum De Merwe'))
  jobhunter = await t.makeUser('jobhunter')
  jobcoach = await t.makeUser('jobcoach')
  beheerder = await t.makeUser('beheerder')
})
afterEach(() => t.close())

async function gepubliceerdePlek(body: Record<string, unknown> = {}) {
  const p = (await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody(body) })).json.id as string
  expect((await t.request('POST', `/api/plekken/${p}/publiceren`, { cookie: werkgever.cookie })).status).toBe(200)
  return p
}
async function deelnemer(body: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ toestemmingDelen: true, ...body }) })
  expect(res.status, res.text).toBe(201)
  return res.json.id as string
}
async function voorstel(deelnemerId: string, plekId: string, extra: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId, plekId, modus: 'aanbodgericht', ...extra } })
  expect(res.status, res.text).toBe(201)
  return res.json.id as string
}
const wis = async (deelnemerId: string) => expect((await t.request('DELETE', `/api/deelnemers/${deelnemerId}`, { cookie: beheerder.cookie })).status).toBe(204)

describe('an erased deelnemer is gone on every route', () => {
  it('the matches of an erased deelnemer answer 404, as for an unknown one, not a server error', async () => {
    await gepubliceerdePlek()
    await t.indexer.drain()
    const d = await deelnemer()
    expect((await t.request('GET', `/api/deelnemers/${d}/matches`, { cookie: jobhunter.cookie })).status).toBe(200)
    await wis(d)
    for (const who of [jobhunter, beheerder]) {
      const res = await t.request('GET', `/api/deelnemers/${d}/matches`, { cookie: who.cookie })
      expect(res.status, res.text).toBe(404)
      expect(res.json.error).toEqual({ code: 'niet-gevonden', message: 'De deelnemer is niet gevonden.' })
    }
  })

  it('a voorstel for an erased deelnemer is refused with 404, the same answer as for an id that never existed', async () => {
    const p = await gepubliceerdePlek()
    const d = await deelnemer()
    await wis(d)
    const gewist = await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId: p, modus: 'aanbodgericht' } })
    expect(gewist.status, gewist.text).toBe(404)
    const onbekend = await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: 'bestaat-niet', plekId: p, modus: 'aanbodgericht' } })
    expect(onbekend.status).toBe(404)
    expect(gewist.json).toEqual(onbekend.json)
    expect(Number((await t.deps.db.get<{ n: number }>(sql`select count(*) as n from voorstel`))!.n)).toBe(0)
  })

  it('an erased deelnemer is never a candidate in a plek’s matches', async () => {
    const p = await gepubliceerdePlek()
    const d = await deelnemer({ status: 'zoekend' })
    await wis(d)
    // even a row that still says zoekend (as an older erase could have left it) is not listed
    await t.deps.db.run(sql`update deelnemer set status = 'zoekend' where id = ${d}`)
    const res = await t.request('GET', `/api/plekken/${p}/matches?inclusiefUitgesloten=true`, { cookie: jobhunter.cookie })
    expect(res.status).toBe(200)
    expect(res.json.items.map((m: any) => m.deelnemer.id)).not.toContain(d)
  })
})

describe('two accounts with the same e-mail at the same moment', () => {
  it('one is created and the other gets a 409 in Dutch, never a server error', async () => {
    const body = (naam: string) => ({ email: 'dubbel@gemeente.example', wachtwoord: WACHTWOORD, naam, rol: 'jobhunter' })
    const answers = await Promise.all([
      t.request('POST', '/api/gebruikers', { cookie: beheerder.cookie, body: body('Eerste Collega') }),
      t.request('POST', '/api/gebruikers', { cookie: beheerder.cookie, body: body('Tweede Collega') }),
    ])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
    const geweigerd = answers.find((a) => a.status === 409)!
    expect(geweigerd.json).toEqual({ error: { code: 'email-bestaat', message: 'Er bestaat al een account met dit e-mailadres.' } })
    expect(Number((await t.deps.db.get<{ n: number }>(sql`select count(*) as n from gebruiker where email = 'dubbel@gemeente.example'`))!.n)).toBe(1)
  })

  it('two voorstellen for the same pair at the same moment: one is made, the other gets a 409 in Dutch', async () => {
    const p = await gepubliceerdePlek()
    const d = await deelnemer()
    const body = { deelnemerId: d, plekId: p, modus: 'aanbodgericht' }
    const answers = await Promise.all([1, 2, 3].map(() => t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body })))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409])
    for (const a of answers.filter((x) => x.status === 409)) expect(a.json.error.code).toBe('voorstel-bestaat')
  })
})

describe('the daily job', () => {
  it('deletes expired and idle sessions; a live session stays and keeps working', async () => {
    const start = t.clock.now().getTime()
    const verlopen = await createSession(t.deps, jobhunter.id) // 10 hours old by the time the job runs
    t.clock.set(new Date(start + SESSION_ABSOLUTE_MS - 2 * SESSION_IDLE_MS).toISOString())
    const stil = await createSession(t.deps, jobhunter.id) // not used for two hours
    t.clock.set(new Date(start + SESSION_ABSOLUTE_MS + 60_000).toISOString())
    const levend = await createSession(t.deps, jobhunter.id)

    await runDailyJobs(t.deps)

    const over = (await t.deps.db.select({ h: sessie.tokenHash }).from(sessie)).map((r) => r.h)
    expect(over).toContain(hashToken(t.deps, levend))
    expect(over).not.toContain(hashToken(t.deps, verlopen))
    expect(over).not.toContain(hashToken(t.deps, stil))
    expect((await t.request('GET', '/api/sessie', { cookie: `sessie=${levend}` })).status).toBe(200)
  })
})

describe('sharing with the werkgever ends when the voorstel ends', () => {
  const gedeeld = ['naam', 'werkervaring', 'taalniveau']

  async function gedeeldVoorstel() {
    const p = await gepubliceerdePlek()
    const d = await deelnemer({ naam: 'Samira Haddad', werkervaring: 'Drie jaar kok in Aleppo' })
    const v = await voorstel(d, p, { velden: gedeeld, toelichting: 'Samira kookt graag voor grote groepen.' })
    const open = (await t.request('GET', `/api/voorstellen/${v}`, { cookie: werkgever.cookie })).json
    expect(open.deelnemer).toMatchObject({ naam: 'Samira Haddad', werkervaring: 'Drie jaar kok in Aleppo' })
    return { p, d, v }
  }

  /** What the werkgever gets after the end: the decision's own data, no deelnemer field, also not after a later change. */
  async function expectNothingShared(d: string, v: string, p: string) {
    const wijziging = await t.request('PATCH', `/api/deelnemers/${d}`, { cookie: jobhunter.cookie, body: { werkervaring: 'Nu vijf jaar chef-kok', naam: 'Samira Haddad-Omar' } })
    expect(wijziging.status).toBe(200)
    const een = await t.request('GET', `/api/voorstellen/${v}`, { cookie: werkgever.cookie })
    const lijst = await t.request('GET', '/api/voorstellen', { cookie: werkgever.cookie })
    expect(een.status).toBe(200)
    expect(lijst.json.items.map((i: any) => i.id)).toEqual([v])
    for (const antwoord of [een.json, lijst.json.items[0]]) {
      expect(antwoord).toMatchObject({ id: v, plekId: p, plek: { id: p, titel: 'Magazijnmedewerker orderpicken' }, deelnemer: {}, criteria: [], delenBeeindigd: true })
      expect(antwoord.deelnemer).toEqual({})
      expect(antwoord).not.toHaveProperty('toelichting')
      expect(antwoord.aangemaaktOp).toBeTypeOf('string')
      expect(antwoord.beantwoordOp).toBeTypeOf('string')
    }
    const tekst = een.text + lijst.text
    for (const waarde of ['Samira', 'Aleppo', 'chef-kok', 'grote groepen', d]) expect(tekst).not.toContain(waarde)
    return een.json
  }

  it('after the jobhunter withdraws it, the werkgever sees no deelnemer field any more, also not a later change', async () => {
    const { p, d, v } = await gedeeldVoorstel()
    expect((await t.request('POST', `/api/voorstellen/${v}/intrekken`, { cookie: jobhunter.cookie })).status).toBe(200)
    const na = await expectNothingShared(d, v, p)
    expect(na.status).toBe('ingetrokken')
    // the jobhunter still sees the whole voorstel
    const eigen = (await t.request('GET', `/api/voorstellen/${v}`, { cookie: jobhunter.cookie })).json
    expect(eigen).toMatchObject({ deelnemerId: d, toelichting: 'Samira kookt graag voor grote groepen.', velden: gedeeld })
  })

  it('after the werkgever declines it, they keep their own reason and the status, and see no deelnemer field any more', async () => {
    const { p, d, v } = await gedeeldVoorstel()
    const af = await t.request('POST', `/api/voorstellen/${v}/afwijzen`, { cookie: werkgever.cookie, body: { reden: 'Wij zoeken iemand voor de ochtend.' } })
    expect(af.status).toBe(200)
    expect(af.json.deelnemer).toEqual({})
    const na = await expectNothingShared(d, v, p)
    expect(na).toMatchObject({ status: 'afgewezen', afwijsreden: 'Wij zoeken iemand voor de ochtend.' })
  })

  it('an accepted voorstel keeps sharing the chosen fields with the werkgever (the person works there)', async () => {
    const { v } = await gedeeldVoorstel()
    expect((await t.request('POST', `/api/voorstellen/${v}/accepteren`, { cookie: werkgever.cookie, body: { startdatum: '2026-12-01' } })).status).toBe(201)
    const na = (await t.request('GET', `/api/voorstellen/${v}`, { cookie: werkgever.cookie })).json
    expect(na.deelnemer).toMatchObject({ naam: 'Samira Haddad', werkervaring: 'Drie jaar kok in Aleppo' })
    expect(na).not.toHaveProperty('delenBeeindigd')
  })
})

describe('a disabled account’s agenda link', () => {
  async function agendaLink(cookie: string) {
    const res = await t.request('POST', '/api/agenda', { cookie })
    expect(res.status).toBe(201)
    return new URL(res.json.url).pathname
  }
  const feed = async (path: string) => (await t.app.request(path)).status

  it('stops working when the account is disabled, and stays dead after re-enabling with a new password', async () => {
    const link = await agendaLink(jobcoach.cookie)
    expect(await feed(link)).toBe(200)
    expect((await t.request('PATCH', `/api/gebruikers/${jobcoach.id}`, { cookie: beheerder.cookie, body: { actief: false } })).status).toBe(200)
    expect(await feed(link)).toBe(404)
    expect((await t.request('GET', '/api/agenda', { cookie: jobcoach.cookie })).status).toBe(401) // the sessions ended too

    const nieuw = 'Nieuw-paard-batterij-8'
    expect((await t.request('PATCH', `/api/gebruikers/${jobcoach.id}`, { cookie: beheerder.cookie, body: { actief: true, wachtwoord: nieuw } })).status).toBe(200)
    expect(await feed(link)).toBe(404)
    const cookie = await t.login(jobcoach.email, nieuw)
    expect((await t.request('GET', '/api/agenda', { cookie })).json).toEqual({ actief: false })
    // a new link works again
    expect(await feed(await agendaLink(cookie))).toBe(200)
  })

  it('stops working when the password is reset, as the sessions do', async () => {
    const link = await agendaLink(jobcoach.cookie)
    expect((await t.request('PATCH', `/api/gebruikers/${jobcoach.id}`, { cookie: beheerder.cookie, body: { wachtwoord: 'Nieuw-paard-batterij-8' } })).status).toBe(200)
    expect(await feed(link)).toBe(404)
  })

  it('a link of an account that is inactive answers 404 even if its token row is still there', async () => {
    const link = await agendaLink(jobcoach.cookie)
    // as a database restored from before the fix would hold: an inactive account with a token
    await t.deps.db.run(sql`update gebruiker set actief = 0 where id = ${jobcoach.id}`)
    expect(await feed(link)).toBe(404)
  })
})

describe('a deelnemer’s status at creation', () => {
  it.each(['voorgesteld', 'geplaatst'])('POST /api/deelnemers with status %s is a 400 on status, and nothing is written', async (status) => {
    const res = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ status }) })
    expect(res.status, res.text).toBe(400)
    expect(res.json.error.fields.status).toMatch(/voorstel.*plaatsing/)
    expect(Number((await t.deps.db.get<{ n: number }>(sql`select count(*) as n from deelnemer`))!.n)).toBe(0)
  })

  it('the statuses a person sets are still accepted at creation', async () => {
    for (const status of ['intake', 'zoekend', 'uitgestroomd']) {
      const res = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ status }) })
      expect(res.status, res.text).toBe(201)
      expect(res.json.status).toBe(status)
    }
  })

  it('the bulk import refuses a deelnemer with status geplaatst, names it by position, and imports nothing', async () => {
    const res = await t.request('POST', '/api/import', { cookie: beheerder.cookie, body: { deelnemers: [deelnemerBody(), deelnemerBody({ status: 'geplaatst' })] } })
    expect(res.status, res.text).toBe(400)
    expect(Object.keys(res.json.error.fields)).toEqual(['deelnemers.1.status'])
    expect(Number((await t.deps.db.get<{ n: number }>(sql`select count(*) as n from deelnemer`))!.n)).toBe(0)
  })
})
