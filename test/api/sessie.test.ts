import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testApp, WACHTWOORD, type TestApp } from '../helpers.js'
import { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADRES } from '../../server/auth/rate-limit.js'
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../server/auth/sessions.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('inloggen', () => {
  it('a correct password logs in and sets an HttpOnly SameSite=Lax cookie', async () => {
    const user = await t.makeUser('jobhunter')
    const res = await t.request('POST', '/api/sessie', { body: { email: user.email.toUpperCase(), wachtwoord: WACHTWOORD } })
    expect(res.status).toBe(200)
    expect(res.json.gebruiker).toMatchObject({ email: user.email, rol: 'jobhunter', naam: 'Test jobhunter' })
    expect(res.json.gebruiker.passwordHash).toBeUndefined()
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const me = await t.request('GET', '/api/sessie', { cookie: cookie.split(';')[0] })
    expect(me.status).toBe(200)
    expect(me.json.gebruiker).toEqual({ id: user.id, email: user.email, naam: user.naam, rol: 'jobhunter', organisatieId: null })
  })

  it('a wrong password answers 401 with a Dutch message and sets no cookie', async () => {
    const user = await t.makeUser('jobhunter')
    const res = await t.request('POST', '/api/sessie', { body: { email: user.email, wachtwoord: 'fout-wachtwoord-123' } })
    expect(res.status).toBe(401)
    expect(res.json.error).toEqual({ code: 'inloggen-mislukt', message: 'Het e-mailadres of het wachtwoord klopt niet.' })
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('an unknown e-mail answers exactly like a wrong password', async () => {
    const res = await t.request('POST', '/api/sessie', { body: { email: 'niemand@test.example', wachtwoord: 'wat-dan-ook-123' } })
    expect(res.status).toBe(401)
    expect(res.json.error.code).toBe('inloggen-mislukt')
  })

  it('a disabled account cannot log in', async () => {
    const beheerder = await t.makeUser('beheerder')
    const user = await t.makeUser('jobcoach')
    const off = await t.request('PATCH', `/api/gebruikers/${user.id}`, { cookie: beheerder.cookie, body: { actief: false } })
    expect(off.status).toBe(200)
    expect((await t.request('GET', '/api/sessie', { cookie: user.cookie })).status).toBe(401)
    const res = await t.request('POST', '/api/sessie', { body: { email: user.email, wachtwoord: WACHTWOORD } })
    expect(res.status).toBe(401)
  })

  it('logging in again rotates the session: the old cookie stops working', async () => {
    const user = await t.makeUser('jobhunter')
    const res = await t.request('POST', '/api/sessie', { cookie: user.cookie, body: { email: user.email, wachtwoord: WACHTWOORD } })
    const fresh = res.headers.get('set-cookie')!.split(';')[0]!
    expect(fresh).not.toBe(user.cookie)
    expect((await t.request('GET', '/api/sessie', { cookie: user.cookie })).status).toBe(401)
    expect((await t.request('GET', '/api/sessie', { cookie: fresh })).status).toBe(200)
  })
})

describe('rate limit', () => {
  it(`after ${LOGIN_MAX_FAILURES} failures an account is refused with 429 and Retry-After, even with the right password`, async () => {
    const user = await t.makeUser('werkgever', await t.makeOrganisatie())
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      const r = await t.request('POST', '/api/sessie', { body: { email: user.email, wachtwoord: `fout-${i}-wachtwoord` } })
      expect(r.status).toBe(401)
    }
    const blocked = await t.request('POST', '/api/sessie', { body: { email: user.email, wachtwoord: WACHTWOORD } })
    expect(blocked.status).toBe(429)
    expect(blocked.json.error.code).toBe('te-veel-pogingen')
    expect(blocked.json.error.message).toMatch(/Te veel mislukte inlogpogingen/)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    t.clock.advance(15 * 60 * 1000 + 1000)
    expect((await t.request('POST', '/api/sessie', { body: { email: user.email, wachtwoord: WACHTWOORD } })).status).toBe(200)
  })

  it(`counts failures per address across accounts, ${LOGIN_MAX_FAILURES_PER_ADRES} at most (behind a trusted proxy)`, async () => {
    const p = await testApp({ TRUST_PROXY: 'true' })
    try {
      const headers = { 'x-forwarded-for': '203.0.113.7' }
      for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ADRES; i++) {
        await p.request('POST', '/api/sessie', { headers, body: { email: `iemand${i}@test.example`, wachtwoord: 'fout-wachtwoord-1' } })
      }
      const user = await p.makeUser('jobhunter')
      const fromSame = await p.request('POST', '/api/sessie', { headers, body: { email: user.email, wachtwoord: WACHTWOORD } })
      expect(fromSame.status).toBe(429)
      const fromOther = await p.request('POST', '/api/sessie', { headers: { 'x-forwarded-for': '198.51.100.1' }, body: { email: user.email, wachtwoord: WACHTWOORD } })
      expect(fromOther.status).toBe(200)
    } finally {
      p.close()
    }
  })
})

describe('sessie', () => {
  it('logout ends the session on the server: the same cookie is refused afterwards', async () => {
    const user = await t.makeUser('jobcoach')
    const out = await t.request('DELETE', '/api/sessie', { cookie: user.cookie })
    expect(out.status).toBe(204)
    expect((await t.request('GET', '/api/sessie', { cookie: user.cookie })).status).toBe(401)
  })

  it('no session answers 401 with the error shape', async () => {
    const res = await t.request('GET', '/api/sessie')
    expect(res.status).toBe(401)
    expect(res.json).toEqual({ error: { code: 'niet-ingelogd', message: 'Log in om verder te gaan.' } })
  })

  it('a session expires after an idle hour', async () => {
    const user = await t.makeUser('jobhunter')
    t.clock.advance(SESSION_IDLE_MS - 60_000)
    expect((await t.request('GET', '/api/sessie', { cookie: user.cookie })).status).toBe(200)
    t.clock.advance(SESSION_IDLE_MS - 1000) // activity above reset the idle timer
    expect((await t.request('GET', '/api/sessie', { cookie: user.cookie })).status).toBe(200)
    t.clock.advance(SESSION_IDLE_MS)
    expect((await t.request('GET', '/api/sessie', { cookie: user.cookie })).status).toBe(401)
  })

  it('a session expires after its absolute lifetime even when used', async () => {
    const user = await t.makeUser('jobhunter')
    for (let used = 0; used < SESSION_ABSOLUTE_MS - 30 * 60_000; used += 30 * 60_000) {
      t.clock.advance(30 * 60_000)
      expect((await t.request('GET', '/api/sessie', { cookie: user.cookie })).status).toBe(200)
    }
    t.clock.advance(31 * 60_000)
    expect((await t.request('GET', '/api/sessie', { cookie: user.cookie })).status).toBe(401)
  })
})
