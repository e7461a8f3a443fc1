import { readAnswer, type Answer } from './answer.js'
import { ORIGIN, type TestApp } from './helpers.js'
import type { TestAccount, TestProvider } from './oidc-provider.js'

// The OIDC login as a browser makes it, for API tests: the app in process (origin ORIGIN), the
// provider over HTTP, a cookie jar for each, every redirect followed by hand so a test can stop at
// any step (keep the provider's redirect back, replay it, change its state).

export const REDIRECT_URI = `${ORIGIN}/api/oidc/terug`

type Jar = Map<string, string>
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
function keep(jar: Jar, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';')
    const i = pair!.indexOf('=')
    const name = pair!.slice(0, i)
    const value = pair!.slice(i + 1)
    if (value === '' || /max-age=0/i.test(c) || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name)
    else jar.set(name, value)
  }
}

export interface Browser {
  app: Jar
  provider: Jar
  /** GET on the app (in process) with the app's cookies; the answer's cookies are kept. */
  appGet(pathAndQuery: string): Promise<Answer>
}

export function browser(t: TestApp): Browser {
  const b: Browser = {
    app: new Map(),
    provider: new Map(),
    async appGet(pathAndQuery) {
      const res = await t.app.request(`${ORIGIN}${pathAndQuery}`, { headers: { cookie: cookieHeader(b.app), 'sec-fetch-site': 'cross-site' } })
      keep(b.app, res)
      return readAnswer(res)
    },
  }
  return b
}

/** From the app's /api/oidc/start to the provider's redirect back (not yet followed): its URL. */
export async function toProviderAndBack(b: Browser, provider: TestProvider, account: TestAccount, terug?: string): Promise<URL> {
  provider.loginAs(account)
  const start = await b.appGet(`/api/oidc/start${terug !== undefined ? `?terug=${encodeURIComponent(terug)}` : ''}`)
  if (start.status !== 302) throw new Error(`start: ${start.status} ${start.text}`)
  let location = new URL(start.headers.get('location')!)
  for (let hops = 0; hops < 10; hops++) {
    if (location.href.startsWith(REDIRECT_URI)) return location
    const res = await fetch(location, { headers: { cookie: cookieHeader(b.provider) }, redirect: 'manual' })
    keep(b.provider, res)
    const next = res.headers.get('location')
    if (!next) throw new Error(`provider ${location.pathname}: ${res.status} ${await res.text()}`)
    location = new URL(next, location)
  }
  throw new Error('te veel doorverwijzingen bij de provider')
}

/** The whole login: the app's last answer (302 into the app, or to /inloggen?fout=…). */
export async function oidcLogin(b: Browser, provider: TestProvider, account: TestAccount, terug?: string): Promise<Answer> {
  const back = await toProviderAndBack(b, provider, account, terug)
  return b.appGet(back.pathname + back.search)
}

/** A session cookie made through OIDC for `email` (throws when the login is refused). */
export async function oidcSession(t: TestApp, provider: TestProvider, email: string): Promise<string> {
  const b = browser(t)
  const res = await oidcLogin(b, provider, { email })
  const sessie = b.app.get('sessie')
  if (res.status !== 302 || !sessie) throw new Error(`OIDC-login ${email}: ${res.status} ${res.headers.get('location')}`)
  return `sessie=${sessie}`
}
