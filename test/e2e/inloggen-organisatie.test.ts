import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { oidcFouten, type OidcFout } from '../../server/domain/inloggen-fouten.js'
import { startTestProvider, type TestProvider } from '../oidc-provider.js'
import { DEMO_WACHTWOORD, demoEmail, skipBrowser, submitLogin, useBrowserApp } from './harness.js'

// Signing in through the organisation (OpenID Connect) in real Chromium: the login page's button,
// the real oidc-provider on a loopback port, the app's return route, and what the page says when
// the sign-in is refused (docs/security.md).

let provider: TestProvider
beforeAll(async () => {
  // made at its first request, when the app's address is known
  provider = await startTestProvider({ redirectUris: () => [`${app.url}/api/oidc/terug`], postLogoutRedirectUris: () => [`${app.url}/inloggen`], idTokenTtlSeconds: 60 })
})
afterAll(() => provider?.close())
const app = useBrowserApp({}, () => provider.env)

const button = (page: Page) => page.getByRole('link', { name: 'Inloggen via uw organisatie' })

/** Starts the sign-in on the login page and waits until the browser is back on the app. */
async function signIn(page: Page, email: string, terug = '') {
  provider.loginAs({ email })
  await page.goto(`${app.url}/inloggen${terug ? `?terug=${encodeURIComponent(terug)}` : ''}`)
  await button(page).click()
  await page.waitForURL((u) => u.origin === app.url && !u.pathname.startsWith('/api/'))
}

/** The page shows the Dutch sentence of this refusal and holds no session. */
async function expectRefusal(page: Page, code: OidcFout) {
  await page.waitForURL((u) => u.pathname === '/inloggen' && u.searchParams.get('fout') === code)
  await expect.poll(() => page.getByRole('alert').filter({ hasText: oidcFouten[code] }).count()).toBe(1)
  const sessie = await page.evaluate(async () => (await fetch('/api/sessie')).status)
  expect(sessie).toBe(401)
  console.log(`Chromium, ${code}: "${oidcFouten[code]}"`)
}

describe.skipIf(skipBrowser)('inloggen via de organisatie (OIDC) in Chromium', () => {
  test('a jobcoach signs in through the organisation and lands on the page asked for; logging out offers the provider’s logout', async () => {
    const page = await app.openPage()
    await signIn(page, demoEmail('jobcoach'), '/mijn-plaatsingen')
    await page.waitForURL(`${app.url}/mijn-plaatsingen`)
    await expect.poll(() => page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await page.waitForURL((u) => u.pathname === '/inloggen')
    const link = page.getByRole('link', { name: 'Ook bij uw organisatie uitloggen' })
    await expect.poll(() => link.count()).toBe(1)
    expect(new URL((await link.getAttribute('href'))!).origin).toBe(provider.issuer)
    await page.screenshot({ path: 'test/e2e/screenshots/oidc-uitgelogd.png', fullPage: true })
  })

  test('unknown e-mail: refused with the Dutch reason', async () => {
    const page = await app.openPage()
    await signIn(page, 'nieuw.persoon@gemeente.example')
    await expectRefusal(page, 'oidc-onbekend')
    await page.screenshot({ path: 'test/e2e/screenshots/oidc-onbekend.png', fullPage: true })
  })

  test('an ID token signed by another key is refused', async () => {
    const page = await app.openPage()
    provider.forgeNextIdToken()
    await signIn(page, demoEmail('beheerder'))
    await expectRefusal(page, 'oidc-token-ongeldig')
  })

  test('a changed state on the way back is refused', async () => {
    const page = await app.openPage()
    provider.onRedirectBack((url) => {
      url.searchParams.set('state', 'niet-de-echte-state')
      return url
    })
    await signIn(page, demoEmail('jobhunter')).finally(() => provider.onRedirectBack(undefined))
    await expectRefusal(page, 'oidc-state')
  })

  test('a replayed code (the redirect back with its step cookie, in another browser) is refused', async () => {
    const page = await app.openPage()
    let back = ''
    provider.onRedirectBack((url) => {
      back = url.href
    })
    const stap = new Promise<string>((resolve) => page.on('request', async (r) => { if (r.url().startsWith(`${app.url}/api/oidc/terug`)) resolve((await r.allHeaders()).cookie ?? '') }))
    await signIn(page, demoEmail('jobhunter.delft')).finally(() => provider.onRedirectBack(undefined))
    await page.waitForURL((u) => u.pathname !== '/inloggen' && u.pathname !== '/')
    const cookie = (await stap).split('; ').find((c) => c.startsWith('oidc-stap='))!
    const other = await app.openPage()
    await other.context().addCookies([{ name: 'oidc-stap', value: cookie.slice('oidc-stap='.length), url: `${app.url}/api/oidc` }])
    await other.goto(back)
    await expectRefusal(other, 'oidc-code')
  })

  test('a disabled account cannot start a session', async () => {
    const beheer = await app.openPage()
    await beheer.goto(`${app.url}/inloggen`)
    const id = await beheer.evaluate(async ([email, wachtwoord, wie]) => {
      await fetch('/api/sessie', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, wachtwoord }) })
      const lijst = await (await fetch('/api/gebruikers?perPage=100')).json()
      const g = lijst.items.find((x: { email: string }) => x.email === wie)
      await fetch(`/api/gebruikers/${g.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ actief: false }) })
      return g.id as string
    }, [demoEmail('beheerder'), DEMO_WACHTWOORD, demoEmail('jobhunter.roermond')] as const)
    expect(id).toBeTruthy()
    const page = await app.openPage()
    await signIn(page, demoEmail('jobhunter.roermond'))
    await expectRefusal(page, 'oidc-uitgeschakeld')
  })
  test.each([['/\\evil.example/'], ['//evil.example'], ['/%5Cevil.example'], ['https://evil.example/']])('after a password login the return path %j is not followed: the start page, and no error shown', async (terug) => {
    const page = await app.openPage()
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent(terug)}`)
    await submitLogin(page, 'werkgever')
    await page.waitForURL((u) => u.origin === app.url && u.pathname !== '/inloggen')
    expect(new URL(page.url()).pathname).toBe('/mijn-plekken')
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  // last: it moves the server's clock on, so later tokens of this provider would look expired too
  test('an expired ID token is refused (the server’s clock moved on while the browser was away)', async () => {
    const page = await app.openPage()
    provider.onRedirectBack(() => {
      app.clock.advance(5 * 60_000) // the token lives 60 s at this provider, the step 10 minutes
    })
    await signIn(page, demoEmail('jobcoach.delft')).finally(() => provider.onRedirectBack(undefined))
    await expectRefusal(page, 'oidc-token-verlopen')
  })
})
