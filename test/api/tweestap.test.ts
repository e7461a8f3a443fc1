import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { Secret, TOTP } from 'otpauth'
import { herstelcode, tweestap } from '../../db/schema.js'
import { freePort } from '../faults/server-process.js'
import { testApp, WACHTWOORD, type TestApp } from '../helpers.js'

// Two-step verification (TOTP) for beheerders who log in with a password (docs/security.md).

let t: TestApp
afterEach(() => t?.close())

const codeAt = (geheim: string, ms: number) => new TOTP({ secret: Secret.fromBase32(geheim), period: 30, digits: 6 }).generate({ timestamp: ms })
const cookieOf = (res: { headers: Headers }, name: string) => res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`))

async function passwordStep(email: string) {
  const res = await t.request('POST', '/api/sessie', { body: { email, wachtwoord: WACHTWOORD } })
  return { res, pending: cookieOf(res, 'tweestap') }
}

describe('two-step verification', () => {
  it('outside production and without TOTP_VERPLICHT a beheerder logs in with the password alone (the demo)', async () => {
    t = await testApp()
    const b = await t.makeUser('beheerder')
    expect((await t.request('POST', '/api/sessie', { body: { email: b.email, wachtwoord: WACHTWOORD } })).status).toBe(200)
  })

  it('required: set up with the first code, recovery codes once (stored hashed), then a code on every login; a code works once', async () => {
    t = await testApp({ TOTP_VERPLICHT: 'true' })
    t.clock.set(new Date('2026-11-26T10:00:00Z'))
    const b = await t.makeUser('beheerder')
    const first = await passwordStep(b.email)
    expect(first.res.status).toBe(202)
    expect(first.res.json.tweedeStap).toBe('instellen')
    const { geheim, otpauthUrl } = first.res.json.instellen
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Participatieplekken:.*secret=/)
    expect(cookieOf(first.res, 'sessie')).toBeUndefined() // no session before the second step
    expect((await t.request('GET', '/api/sessie', { cookie: first.pending })).status).toBe(401)
    // the secret is not in the database as such
    const [row] = await t.database.db.select().from(tweestap)
    expect(row!.geheim).not.toContain(geheim)

    const wrong = await t.request('POST', '/api/sessie/tweede-stap', { cookie: first.pending, body: { code: '000000' } })
    expect([wrong.status, wrong.json.error.code, wrong.json.error.message]).toEqual([401, 'code-onjuist', 'Deze code klopt niet. Gebruik de code die uw app nu toont, of een herstelcode.'])
    const code = codeAt(geheim, t.clock.now().getTime())
    const ok = await t.request('POST', '/api/sessie/tweede-stap', { cookie: first.pending, body: { code } })
    expect(ok.status).toBe(200)
    expect(ok.json.gebruiker.id).toBe(b.id)
    expect(ok.json.herstelcodes).toHaveLength(10)
    const stored = await t.database.db.select().from(herstelcode)
    expect(stored).toHaveLength(10)
    for (const c of ok.json.herstelcodes) expect(JSON.stringify(stored)).not.toContain(c)
    expect((await t.request('GET', '/api/sessie', { cookie: cookieOf(ok, 'sessie') })).status).toBe(200)

    // next login: a code, no secret shown again; the same code a second time is refused
    const second = await passwordStep(b.email)
    expect(second.res.json).toEqual({ tweedeStap: 'code' })
    const replay = await t.request('POST', '/api/sessie/tweede-stap', { cookie: second.pending, body: { code } })
    expect([replay.status, replay.json.error.code]).toEqual([401, 'code-onjuist'])
    t.clock.advance(30_000)
    expect((await t.request('POST', '/api/sessie/tweede-stap', { cookie: second.pending, body: { code: codeAt(geheim, t.clock.now().getTime()) } })).status).toBe(200)

    // a recovery code works once
    const herstel = ok.json.herstelcodes[0]
    const third = await passwordStep(b.email)
    expect((await t.request('POST', '/api/sessie/tweede-stap', { cookie: third.pending, body: { code: herstel } })).status).toBe(200)
    const fourth = await passwordStep(b.email)
    expect((await t.request('POST', '/api/sessie/tweede-stap', { cookie: fourth.pending, body: { code: herstel } })).status).toBe(401)
  })

  it('guessing codes is slowed like passwords; the pending step ends after five minutes', async () => {
    t = await testApp({ TOTP_VERPLICHT: 'true' })
    const b = await t.makeUser('beheerder')
    const { pending } = await passwordStep(b.email)
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await t.request('POST', '/api/sessie/tweede-stap', { cookie: pending, body: { code: String(100000 + i) } })).status)
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
    expect(statuses[10]).toBe(429)
    t.clock.advance(5 * 60_000 + 1000)
    const late = await t.request('POST', '/api/sessie/tweede-stap', { cookie: pending, body: { code: '123456' } })
    expect([late.status, late.json.error.code]).toEqual([401, 'tweede-stap-verlopen'])
    const none = await t.request('POST', '/api/sessie/tweede-stap', { body: { code: '123456' } })
    expect([none.status, none.json.error.code]).toEqual([401, 'tweede-stap-verlopen'])
  })

  it('only beheerders: a jobcoach and a werkgever log in with the password even when it is required', async () => {
    t = await testApp({ TOTP_VERPLICHT: 'true' })
    for (const u of [await t.makeUser('jobcoach'), await t.makeUser('werkgever', await t.makeOrganisatie())]) {
      expect((await t.request('POST', '/api/sessie', { body: { email: u.email, wachtwoord: WACHTWOORD } })).status).toBe(200)
    }
  })

  it('is required in production; TOTP_VERPLICHT=false there prints a warning at start-up', async () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://plekken.gemeente.example', TOTP_VERPLICHT: 'false', DATABASE_URL: `http://127.0.0.1:${await freePort()}`, SKIP_CLIENT_BUILD: 'true' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(res.stderr).toContain('Waarschuwing: TOTP_VERPLICHT=false: beheerders loggen zonder tweede stap in. Alleen voor een testinstallatie (docs/security.md).')
  })
})
