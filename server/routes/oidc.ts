import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { router } from './router.js'
import type { AppEnv } from '../context.js'
import { publicOrigin, secureCookies } from '../auth/middleware.js'
import { endSessionUrl, finishOidc, openStap, sealStap, startOidc, STAP_MS } from '../auth/oidc.js'
import { loginWithOidc } from '../services/sessie.js'
import { DomainError } from '../domain/errors.js'
import { safeReturnPath } from '../domain/terugpad.js'
import { setSessionCookie } from './sessie.js'
import { errors } from './openapi-helpers.js'

// Sign-in through the gemeente's identity provider (docs/security.md). Browser redirects, not
// JSON: /start sends the browser to the provider, the provider sends it back to /terug, which
// answers with the session cookie and a redirect into the app, or with /inloggen?fout=<code>.

const tags = ['Sessie']
const STAP_COOKIE = 'oidc-stap'
const stapCookie = (c: Context<AppEnv>) => (secureCookies(c) ? `__Secure-${STAP_COOKIE}` : STAP_COOKIE)
const redirectUri = (c: Context<AppEnv>) => `${publicOrigin(c)}/api/oidc/terug`
const redirect = { description: 'Doorsturen (Location)' }

export const oidcRoutes = router()
  .openapi(
    createRoute({
      method: 'get', path: '/inlogopties', tags,
      summary: 'Hoe hier ingelogd kan worden: of inloggen via de organisatie (OpenID Connect) aan staat, en de uitlog-URL van die dienst; en of organisaties zich hier zelf kunnen aanmelden (alleen met e-mail)',
      responses: { 200: { description: 'De opties', content: { 'application/json': { schema: z.object({ oidc: z.boolean(), uitloggenUrl: z.string().optional(), aanmelden: z.boolean() }) } } } },
    }),
    async (c) => {
      const deps = c.get('deps')
      // self-registration needs e-mail to confirm the address (services/aanmeldingen.ts)
      const aanmelden = Boolean(deps.config.mail)
      if (!deps.config.oidc) return c.json({ oidc: false, aanmelden }, 200)
      const uitloggenUrl = await endSessionUrl(deps, `${publicOrigin(c)}/inloggen`)
      return c.json({ oidc: true, ...(uitloggenUrl ? { uitloggenUrl } : {}), aanmelden }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/oidc/start', tags,
      summary: 'Inloggen via de organisatie beginnen (jobhunter, jobcoach, beheerder): stuurt door naar de identity provider',
      request: { query: z.object({ terug: z.string().max(2000).optional() }) },
      responses: { 302: redirect, 404: errors[404] },
    }),
    async (c) => {
      const deps = c.get('deps')
      if (!deps.config.oidc) throw new DomainError('niet-gevonden', 'oidc-uit', 'Inloggen via uw organisatie is hier niet ingesteld.')
      try {
        const { url, stap } = await startOidc(deps, redirectUri(c), safeReturnPath(c.req.valid('query').terug))
        setCookie(c, stapCookie(c), sealStap(deps, stap), { httpOnly: true, sameSite: 'Lax', secure: secureCookies(c), path: '/api/oidc', maxAge: STAP_MS / 1000 })
        return c.redirect(url, 302)
      } catch (e) {
        return refuse(c, e)
      }
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/oidc/terug', tags,
      summary: 'Terugkeer van de identity provider: controleert state, nonce, PKCE en het ID-token, en maakt de sessie',
      request: { query: z.object({ code: z.string().max(2000).optional(), state: z.string().max(2000).optional(), error: z.string().max(200).optional() }).passthrough() },
      responses: { 302: redirect },
    }),
    async (c) => {
      const deps = c.get('deps')
      const sealed = getCookie(c, stapCookie(c))
      // the step is single-use: gone from the browser whatever happens next
      deleteCookie(c, stapCookie(c), { path: '/api/oidc', secure: secureCookies(c) })
      try {
        const stap = openStap(deps, sealed)
        const current = new URL(redirectUri(c))
        current.search = new URL(c.req.url).search
        const identiteit = await finishOidc(deps, current, stap)
        const { token } = await loginWithOidc({ deps, identiteit, previousTokenHash: c.get('sessionTokenHash') })
        setSessionCookie(c, token)
        return c.redirect(stap.terug ?? '/', 302)
      } catch (e) {
        return refuse(c, e)
      }
    },
  )

/** A refusal goes back to the login page, which shows the Dutch sentence for the code. */
function refuse(c: Context<AppEnv>, e: unknown) {
  if (!(e instanceof DomainError)) throw e
  c.get('deps').log({ t: c.get('deps').clock.now().toISOString(), req: c.get('requestId'), level: 'info', event: 'oidc-inloggen-geweigerd', code: e.code })
  return c.redirect(`/inloggen?fout=${encodeURIComponent(e.code)}`, 302)
}
