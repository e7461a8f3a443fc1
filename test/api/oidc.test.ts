import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { gebruiker, sessie } from '../../db/schema.js'
import { oidcFouten } from '../../server/domain/inloggen-fouten.js'
import { countRows, ORIGIN, testApp, type TestApp } from '../helpers.js'
import { startTestProvider, type TestProvider } from '../oidc-provider.js'
import { browser, oidcLogin, REDIRECT_URI, toProviderAndBack } from '../oidc-flow.js'

// Sign-in through a real OpenID provider (oidc-provider on a loopback port), through the API as a
// browser makes it: authorization code + PKCE, state, nonce, the ID token's signature checked
// against the provider's JWKS. Each refusal lands on /inloggen?fout=<code> with a Dutch sentence.

let provider: TestProvider
let t: TestApp
beforeAll(async () => {
  provider = await startTestProvider({ redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [`${ORIGIN}/inloggen`], idTokenTtlSeconds: 60 })
})
afterAll(() => provider.close())
beforeEach(async () => {
  t = await testApp(provider.env)
  t.clock.set(new Date()) // the provider signs with the real time
})
afterEach(() => t.close())

const refusal = (res: { status: number; headers: Headers }) => {
  expect(res.status).toBe(302)
  const location = new URL(res.headers.get('location')!, ORIGIN)
  expect(location.pathname).toBe('/inloggen')
  return location.searchParams.get('fout')!
}

/** A fresh account of `rol` and a browser that has been to the provider: its redirect back, not yet followed. */
async function atProvidersReturn(rol: 'jobcoach' | 'beheerder' | 'jobhunter') {
  const u = await t.makeUser(rol)
  const b = browser(t)
  return { b, back: await toProviderAndBack(b, provider, { email: u.email }) }
}

/** Logs the refusal as the report shows it: the code and the sentence the login page shows. */
const shown = (geval: string, code: string) => console.log(`OIDC ${geval}: /inloggen?fout=${code} → "${oidcFouten[code as keyof typeof oidcFouten]}"`)

describe('OIDC sign-in against a real provider', () => {
  it('an existing jobcoach gets in: session cookie, back to the page asked for, role and werkgebied from this application', async () => {
    const jobcoach = await t.makeUser('jobcoach')
    const b = browser(t)
    const res = await oidcLogin(b, provider, { email: jobcoach.email.toUpperCase() }, '/mijn-plaatsingen?x=1')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/mijn-plaatsingen?x=1')
    expect(b.app.has('oidc-stap')).toBe(false) // the step is single-use
    const me = await t.request('GET', '/api/sessie', { cookie: `sessie=${b.app.get('sessie')}` })
    expect(me.json.gebruiker).toMatchObject({ id: jobcoach.id, rol: 'jobcoach' })
    console.log(`OIDC success: 302 → ${res.headers.get('location')}; GET /api/sessie → ${me.status} rol ${me.json.gebruiker.rol}`)
    const plaatsingen = await t.request('GET', '/api/plaatsingen', { cookie: `sessie=${b.app.get('sessie')}` })
    expect(plaatsingen.status).toBe(200)
  })

  it('beheerders and jobhunters get in too; without a return path to the start page', async () => {
    for (const rol of ['beheerder', 'jobhunter'] as const) {
      const u = await t.makeUser(rol)
      const res = await oidcLogin(browser(t), provider, { email: u.email })
      expect([res.status, res.headers.get('location')]).toEqual([302, '/'])
    }
  })

  it.each([['/\\evil.example/'], ['//evil.example'], ['https://evil.example/'], ['/%5Cevil.example'], ['/\t/evil.example'], ['javascript:alert(1)']])(
    'a return path %j is not followed: the start page instead',
    async (terug) => {
      const u = await t.makeUser('jobhunter')
      const res = await oidcLogin(browser(t), provider, { email: u.email }, terug)
      expect([res.status, res.headers.get('location')]).toEqual([302, '/'])
    },
  )

  it('wrong state: refused, no session', async () => {
    const { b, back } = await atProvidersReturn('jobcoach')
    back.searchParams.set('state', 'een-andere-state-waarde')
    const res = await b.appGet(back.pathname + back.search)
    const code = refusal(res)
    expect(code).toBe('oidc-state')
    expect(b.app.has('sessie')).toBe(false)
    shown('wrong state', code)
  })

  it('a replayed code (the same redirect back, with the same step cookie) is refused', async () => {
    const { b, back } = await atProvidersReturn('jobcoach')
    const stap = b.app.get('oidc-stap')!
    expect((await b.appGet(back.pathname + back.search)).status).toBe(302)
    expect(b.app.has('sessie')).toBe(true)
    const attacker = browser(t)
    attacker.app.set('oidc-stap', stap)
    const code = refusal(await attacker.appGet(back.pathname + back.search))
    expect(code).toBe('oidc-code')
    expect(attacker.app.has('sessie')).toBe(false)
    shown('replayed code', code)
  })

  it('an expired ID token is refused', async () => {
    const { b, back } = await atProvidersReturn('jobcoach')
    t.clock.advance(5 * 60_000) // the token lives 60 s at this provider; the step 10 minutes
    const code = refusal(await b.appGet(back.pathname + back.search))
    expect(code).toBe('oidc-token-verlopen')
    shown('expired token', code)
  })

  it('an ID token signed by another key is refused', async () => {
    const { b, back } = await atProvidersReturn('beheerder')
    provider.forgeNextIdToken()
    const code = refusal(await b.appGet(back.pathname + back.search))
    expect(code).toBe('oidc-token-ongeldig')
    expect(b.app.has('sessie')).toBe(false)
    shown('ID token signed by another key', code)
  })

  it('an unknown e-mail gets no account and no session', async () => {
    await t.makeUser('jobcoach')
    const before = await countRows(t, { gebruiker, sessie })
    const b = browser(t)
    const code = refusal(await oidcLogin(b, provider, { email: 'nieuw@gemeente.example' }))
    expect(code).toBe('oidc-onbekend')
    expect(await countRows(t, { gebruiker, sessie })).toEqual(before)
    shown('unknown e-mail', code)
  })

  it('a disabled account cannot start a session', async () => {
    const u = await t.makeUser('jobhunter')
    await t.database.db.update(gebruiker).set({ actief: false }).where(eq(gebruiker.id, u.id))
    const before = await countRows(t, { sessie })
    const code = refusal(await oidcLogin(browser(t), provider, { email: u.email }))
    expect(code).toBe('oidc-uitgeschakeld')
    expect(await countRows(t, { sessie })).toEqual(before)
    shown('disabled account', code)
  })

  it('a werkgever stays on the password; an unverified e-mail is not trusted', async () => {
    const w = await t.makeUser('werkgever', await t.makeOrganisatie())
    const werkgever = refusal(await oidcLogin(browser(t), provider, { email: w.email }))
    expect(werkgever).toBe('oidc-werkgever')
    shown('werkgever', werkgever)
    const j = await t.makeUser('jobcoach')
    const unverified = refusal(await oidcLogin(browser(t), provider, { email: j.email, emailVerified: false }))
    expect(unverified).toBe('oidc-email-onbevestigd')
    shown('unverified e-mail', unverified)
  })

  it('a return without the step cookie (another browser, or after ten minutes) is refused', async () => {
    const { b, back } = await atProvidersReturn('jobcoach')
    const other = browser(t)
    expect(refusal(await other.appGet(back.pathname + back.search))).toBe('oidc-verlopen')
    t.clock.advance(11 * 60_000)
    const code = refusal(await b.appGet(back.pathname + back.search))
    expect(code).toBe('oidc-verlopen')
    shown('no or expired step cookie', code)
  })

  it('logout ends the local session; the login options offer the provider’s end-session URL', async () => {
    const u = await t.makeUser('jobcoach')
    const b = browser(t)
    await oidcLogin(b, provider, { email: u.email })
    const cookie = `sessie=${b.app.get('sessie')}`
    expect((await t.request('DELETE', '/api/sessie', { cookie })).status).toBe(204)
    expect((await t.request('GET', '/api/sessie', { cookie })).status).toBe(401)
    const opties = await t.request('GET', '/api/inlogopties')
    expect(opties.json.oidc).toBe(true)
    const end = new URL(opties.json.uitloggenUrl)
    expect(end.origin).toBe(provider.issuer)
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/inloggen`)
    expect(end.searchParams.get('client_id')).toBe(provider.clientId)
    // the provider takes it: its logout confirmation page
    expect((await fetch(end, { redirect: 'manual' })).status).toBe(200)
  })
})

describe('without OIDC configuration', () => {
  it('the options say so (no button) and the start route is absent', async () => {
    const plain = await testApp()
    try {
      expect((await plain.request('GET', '/api/inlogopties')).json).toEqual({ oidc: false, aanmelden: false })
      const start = await plain.request('GET', '/api/oidc/start')
      expect([start.status, start.json.error.code]).toEqual([404, 'oidc-uit'])
    } finally {
      plain.close()
    }
  })
})
