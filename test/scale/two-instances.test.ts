import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { LOGIN_MAX_FAILURES } from '../../server/auth/rate-limit.js'
import { call, DEMO_WACHTWOORD, loginAs, retryWhileBusy, vandaagInNederland, type ServerProcess } from '../faults/server-process.js'
import { deelnemerBody, plekBody } from '../helpers.js'
import { gemeenteIdVan } from '../../server/domain/gemeente.js'
import { demoAccounts } from '../../server/seed/demo.js'
import { skipSqld, sqldCount, sqldExecute, startSqld, type Sqld } from './sqld.js'
import { startInstances, stopInstances } from './pair.js'

// Issue 13: one real libSQL server (sqld) and two real app processes A and B on it, as a
// gemeente runs them behind a load balancer. What one instance does, the other must see at once:
// sessions, login limits, voorstellen, the last place of a plek, the weights in force, and a
// job that both run. (Search-index convergence between instances is the change feed's part.)

let sqld: Sqld
let A: ServerProcess
let B: ServerProcess
const cookies: Record<string, { A: string; B: string }> = {}
const admin = { ADMIN_EMAIL: 'beheer@gemeente.example', ADMIN_PASSWORD: 'een-lang-beheerwachtwoord' }

describe.skipIf(skipSqld)('two app instances on one sqld', () => {
  beforeAll(async () => {
    sqld = await startSqld()
    // Both at the same moment on the empty server, as an orchestrator starts replicas: one
    // migrates and seeds, the other finds that done (before, it stopped on "table … already
    // exists" from the migrations or "Er bestaat al een account" from the start-up data).
    const [a, b] = await startInstances(sqld, 2, { DEMO_DATA: 'true', ...admin }, { together: true })
    A = a!
    B = b!
    for (const rol of ['beheerder', 'jobhunter', 'werkgever'] as const) {
      const email = `${rol}@demo.example`
      cookies[rol] = { A: await loginAs(A.base, email), B: await loginAs(B.base, email) }
    }
  }, 60_000)
  afterAll(async () => {
    await stopInstances([A, B].filter(Boolean))
    await sqld?.stop()
  })

  it('(a) start-up, migrations and demo data work on sqld, made once by two instances starting together', async () => {
    const journal = JSON.parse(readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8'))
    expect(await sqldCount(sqld.url, 'select count(*) from __drizzle_migrations')).toBe(journal.entries.length)
    // the first beheerder and the demo accounts once, although both instances ran the start-up data
    expect(await sqldCount(sqld.url, `select count(*) from gebruiker where email = '${admin.ADMIN_EMAIL}'`)).toBe(1)
    expect(await sqldCount(sqld.url, "select count(*) from gebruiker where email like '%@demo.example'")).toBe(demoAccounts.length)
    // the demo's history of voorstellen and plaatsingen was made once: no pair twice, no plaatsing twice
    expect(await sqldCount(sqld.url, 'select count(*) from voorstel')).toBeGreaterThan(0)
    expect(await sqldCount(sqld.url, 'select count(*) from (select 1 from voorstel group by deelnemer_id, plek_id having count(*) > 1)')).toBe(0)
    expect(await sqldCount(sqld.url, 'select count(*) from (select 1 from plaatsing group by voorstel_id having count(*) > 1)')).toBe(0)
    for (const s of [A, B]) await loginAs(s.base, admin.ADMIN_EMAIL, admin.ADMIN_PASSWORD)
    const plekken = await sqldCount(sqld.url, "select count(*) from plek where id like 'demo-plek-%'")
    expect(plekken).toBeGreaterThan(0)
    for (const s of [A, B]) {
      const health = (await call(s.base, 'GET', '/api/health', { cookie: cookies.beheerder!.A })).json // details: for a beheerder
      expect(health.database).toEqual({ ok: true })
      const lijst = await call(s.base, 'GET', '/api/plekken?limit=1', { cookie: cookies.beheerder!.A })
      expect(lijst.status).toBe(200)
      expect(lijst.json.total).toBe(plekken)
    }
  })

  it('(b) a session made on A works on B, and logging out on A ends it on B', async () => {
    const cookie = await loginAs(A.base, 'jobcoach@demo.example')
    const opB = await call(B.base, 'GET', '/api/sessie', { cookie })
    expect(opB.status).toBe(200)
    expect(opB.json.gebruiker).toMatchObject({ email: 'jobcoach@demo.example', rol: 'jobcoach' })
    expect((await call(A.base, 'DELETE', '/api/sessie', { cookie })).status).toBeLessThan(300)
    // B may honour its cached lookup for at most 2 s (server/auth/sessions.ts, CACHE_MS)
    const until = Date.now() + 3000
    let status = 200
    while (status === 200 && Date.now() < until) {
      status = (await call(B.base, 'GET', '/api/sessie', { cookie })).status
      if (status === 200) await new Promise((r) => setTimeout(r, 100))
    }
    expect(status).toBe(401)
  })

  it(`(c) ${LOGIN_MAX_FAILURES} wrong passwords spread over A and B make the account wait on both (docs/security.md)`, async () => {
    const email = 'jobcoach@demo.example'
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      const res = await retryWhileBusy(() => call(i % 2 === 0 ? A.base : B.base, 'POST', '/api/sessie', { body: { email, wachtwoord: `fout-${i}` } }))
      expect(res.status, `poging ${i + 1}`).toBe(401)
    }
    for (const s of [A, B]) {
      const res = await call(s.base, 'POST', '/api/sessie', { body: { email, wachtwoord: DEMO_WACHTWOORD } })
      expect(res.status).toBe(429)
      expect(res.json.error.code).toBe('te-veel-pogingen')
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    }
  })

  it(`(c) wrong passwords sent at the same moment to A and B: at most ${LOGIN_MAX_FAILURES} are checked, the rest get 429`, async () => {
    const email = 'werkgever@demo.example' // its sessions were made in beforeAll
    const answers = await Promise.all(
      Array.from({ length: 2 * LOGIN_MAX_FAILURES }, (_, i) => call(i % 2 === 0 ? A.base : B.base, 'POST', '/api/sessie', { body: { email, wachtwoord: `fout-${i}` } })),
    )
    const statuses = answers.map((a) => a.status)
    // a 503 (database busy, with Retry-After) recorded no attempt and checked no password
    expect(statuses.filter((s) => s !== 401 && s !== 429 && s !== 503), statuses.join(' ')).toEqual([])
    expect(answers.filter((a) => a.status === 503 && !a.headers.get('retry-after')), 'a 503 says when to try again').toEqual([])
    expect(statuses.filter((s) => s === 401).length, statuses.join(' ')).toBeLessThanOrEqual(LOGIN_MAX_FAILURES)
    // every checked guess counted: the rest of the free failures, one by one, and the account must wait
    for (let i = statuses.filter((s) => s === 401).length; i < LOGIN_MAX_FAILURES; i++)
      expect((await retryWhileBusy(() => call(B.base, 'POST', '/api/sessie', { body: { email, wachtwoord: `nog-fout-${i}` } }))).status).toBe(401)
    for (const s of [A, B]) expect((await retryWhileBusy(() => call(s.base, 'POST', '/api/sessie', { body: { email, wachtwoord: DEMO_WACHTWOORD } }))).status).toBe(429)
  })

  async function plekVanWerkgever(body: Record<string, unknown>, on: ServerProcess) {
    const cookie = cookies.werkgever![on === A ? 'A' : 'B']
    const p = await call(on.base, 'POST', '/api/plekken', { cookie, body: plekBody(body) })
    expect(p.status, JSON.stringify(p.json)).toBe(201)
    expect((await call(on.base, 'POST', `/api/plekken/${p.json.id}/publiceren`, { cookie })).status).toBe(200)
    return p.json.id as string
  }
  async function deelnemer(naam: string, on: ServerProcess) {
    const d = await call(on.base, 'POST', '/api/deelnemers', {
      cookie: cookies.jobhunter![on === A ? 'A' : 'B'],
      // the demo jobhunter works in the four Drechtsteden gemeenten: a new deelnemer names one
      body: deelnemerBody({ naam, toestemmingDelen: true, kinderopvang: 'geregeld', gemeenteId: gemeenteIdVan('GM0505') }),
    })
    expect(d.status, JSON.stringify(d.json)).toBe(201)
    return d.json.id as string
  }
  async function voorstel(deelnemerId: string, plekId: string, on: ServerProcess) {
    const v = await call(on.base, 'POST', '/api/voorstellen', { cookie: cookies.jobhunter![on === A ? 'A' : 'B'], body: { deelnemerId, plekId, modus: 'aanbodgericht' } })
    expect(v.status, JSON.stringify(v.json)).toBe(201)
    return v.json.id as string
  }

  let geplaatst: { plaatsingId: string; deelnemerId: string } | undefined

  it('(d) a voorstel made on A is accepted by the werkgever on B', async () => {
    const plekId = await plekVanWerkgever({ titel: 'Gastvrouw restaurant', capaciteit: 2 }, A)
    const deelnemerId = await deelnemer('Saba Tesfaye', A)
    const voorstelId = await voorstel(deelnemerId, plekId, A)
    // the werkgever sees it on B straight away
    const lijst = await call(B.base, 'GET', '/api/voorstellen', { cookie: cookies.werkgever!.B })
    expect(lijst.json.items.map((v: any) => v.id)).toContain(voorstelId)
    const acc = await call(B.base, 'POST', `/api/voorstellen/${voorstelId}/accepteren`, { cookie: cookies.werkgever!.B, body: { startdatum: vandaagInNederland() } })
    expect(acc.status, JSON.stringify(acc.json)).toBe(201)
    expect((await call(A.base, 'GET', `/api/voorstellen/${voorstelId}`, { cookie: cookies.jobhunter!.A })).json.status).toBe('geaccepteerd')
    expect((await call(A.base, 'GET', `/api/plekken/${plekId}`, { cookie: cookies.werkgever!.A })).json).toMatchObject({ bezet: 1, status: 'gepubliceerd' })
    geplaatst = { plaatsingId: acc.json.id, deelnemerId }
  })

  it('(e) two acceptances for the last place, one on A and one on B at the same moment: one 201, one 409, bezet 1', async () => {
    const rounds = 4
    const setups = await Promise.all(
      Array.from({ length: rounds }, async (_, r) => {
        const plekId = await plekVanWerkgever({ titel: `Laatste plaats ${r}`, capaciteit: 1 }, A)
        const [d1, d2] = await Promise.all([deelnemer(`Kandidaat ${r}a`, A), deelnemer(`Kandidaat ${r}b`, B)])
        return { plekId, v1: await voorstel(d1, plekId, A), v2: await voorstel(d2, plekId, B) }
      }),
    )
    const body = { startdatum: vandaagInNederland() }
    for (const { plekId, v1, v2 } of setups) {
      const answers = await Promise.all([
        call(A.base, 'POST', `/api/voorstellen/${v1}/accepteren`, { cookie: cookies.werkgever!.A, body }),
        call(B.base, 'POST', `/api/voorstellen/${v2}/accepteren`, { cookie: cookies.werkgever!.B, body }),
      ])
      expect(answers.map((a) => a.status).sort(), JSON.stringify(answers.map((a) => a.json))).toEqual([201, 409])
      expect(answers.find((a) => a.status === 409)!.json.error.code).toBe('plek-vol')
      expect((await call(B.base, 'GET', `/api/plekken/${plekId}`, { cookie: cookies.werkgever!.B })).json).toMatchObject({ bezet: 1, status: 'vervuld' })
      expect(await sqldCount(sqld.url, `select count(*) from plaatsing where plek_id = '${plekId}'`)).toBe(1)
      // the loser's voorstel stays open
      expect(await sqldCount(sqld.url, `select count(*) from voorstel where plek_id = '${plekId}' and status = 'voorgesteld'`)).toBe(1)
    }
  })

  it('the retention rule run by A and B at the same moment anonymises each deelnemer once', async () => {
    expect(geplaatst, 'needs the plaatsing of (d)').toBeDefined()
    const { plaatsingId, deelnemerId } = geplaatst!
    const einde = await call(A.base, 'POST', `/api/plaatsingen/${plaatsingId}/beeindigen`, {
      cookie: cookies.beheerder!.A,
      body: { einddatum: vandaagInNederland(), eindreden: 'vervoer' },
    })
    expect(einde.status, JSON.stringify(einde.json)).toBe(200)
    // as if it ended years ago (RETENTIE_MAANDEN is 24 by default; the demo's plaatsingen are recent)
    await sqldExecute(sqld.url, `update plaatsing set startdatum = '2020-01-06', einddatum = '2020-03-02' where id = '${plaatsingId}'`)
    const answers = await Promise.all([A, B].map((s) => call(s.base, 'POST', '/api/avg/bewaartermijn', { cookie: cookies.beheerder![s === A ? 'A' : 'B'] })))
    for (const a of answers) expect(a.status, JSON.stringify(a.json)).toBe(200)
    // each instance also runs the rule a minute after its start (server/daily-jobs.ts): together at most once
    expect(answers.reduce((n, a) => n + a.json.geanonimiseerd, 0)).toBeLessThanOrEqual(1)
    expect(await sqldCount(sqld.url, `select count(*) from deelnemer where id = '${deelnemerId}' and gewist_op is not null`)).toBe(1)
    expect(await sqldCount(sqld.url, `select count(*) from audit where actie = 'deelnemer-geanonimiseerd' and object_id = '${deelnemerId}'`)).toBe(1)
  })

  it('(f) weights changed on A are used by a match answer on B at once', async () => {
    const plekId = (await sqldExecute(sqld.url, "select id from plek where status = 'gepubliceerd' limit 1")).rows[0]![0]
    // a deelnemer in the jobhunter's werkgebied (Dordrecht): any other is a 404 for them
    const deelnemerId = (await sqldExecute(sqld.url, "select id from deelnemer where status = 'zoekend' and gemeente_id = 'gemeente-GM0505' order by id limit 1")).rows[0]![0]
    for (const [richting, pad] of [
      ['vraaggericht', `/api/plekken/${plekId}/matches`],
      ['aanbodgericht', `/api/deelnemers/${deelnemerId}/matches`],
    ] as const) {
      for (const gewicht of [5, 0]) {
        const put = await call(A.base, 'PUT', `/api/matching/gewichten/${richting}`, {
          cookie: cookies.beheerder!.A,
          body: { gewichten: { reisafstand: gewicht }, toelichting: `Reisafstand weegt nu ${gewicht}` },
        })
        expect(put.status, JSON.stringify(put.json)).toBe(200)
        const match = await call(B.base, 'GET', pad, { cookie: cookies.jobhunter!.B })
        expect(match.status, JSON.stringify(match.json)).toBe(200)
        expect(match.json).toMatchObject({ richting, gewichtenVersie: put.json.versie })
        expect(match.json.gewichten.reisafstand).toBe(gewicht)
      }
    }
  })
})
