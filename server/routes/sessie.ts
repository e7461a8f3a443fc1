import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { router } from './router.js'
import type { AppEnv } from '../context.js'
import { cookieName, ctxOf, secureCookies } from '../auth/middleware.js'
import { deleteSession, SESSION_ABSOLUTE_MS } from '../auth/sessions.js'
import { login } from '../services/sessie.js'
import { finishTweedeStap, WACHTEN_MS } from '../services/tweestap.js'
import { gebruiker, loginInput } from '../domain/gebruiker.js'
import { apiRoute, errors, jsonAnswer, jsonBody, ok } from './openapi-helpers.js'

const sessieAnswer = z.object({ gebruiker: gebruiker.omit({ actief: true }) })
const tweedeStapAnswer = z.object({
  tweedeStap: z.enum(['code', 'instellen']).describe('code: vul de code uit de app in; instellen: eerst de app koppelen (alleen dit ene antwoord toont het geheim)'),
  instellen: z.object({ otpauthUrl: z.string(), geheim: z.string() }).optional(),
})
const TWEESTAP_COOKIE = 'tweestap'
const tweestapCookie = (c: Context<AppEnv>) => (secureCookies(c) ? `__Host-${TWEESTAP_COOKIE}` : TWEESTAP_COOKIE)

/** The client's address for the per-address rate limit; X-Forwarded-For only behind a trusted proxy. */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'onbekend'
  } catch {
    return 'onbekend' // app.request() in tests has no socket
  }
}

/** The session cookie of a new session (password or OIDC login). */
export function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, cookieName(c), token, { httpOnly: true, sameSite: 'Lax', secure: secureCookies(c), path: '/', maxAge: SESSION_ABSOLUTE_MS / 1000 })
}

export const sessieRoutes = router()
  .openapi(
    createRoute({
      method: 'post',
      path: '/sessie',
      tags: ['Sessie'],
      summary: 'Inloggen',
      request: { body: jsonBody(loginInput) },
      responses: {
        200: jsonAnswer(sessieAnswer, 'Ingelogd; de sessiecookie is gezet'),
        202: jsonAnswer(tweedeStapAnswer, 'Wachtwoord goed; een beheerder met tweestapsverificatie stuurt nu de code naar POST /api/sessie/tweede-stap (nog geen sessie)'),
        401: errors[401],
        429: errors[429],
      },
    }),
    async (c) => {
      const result = await login({
        deps: c.get('deps'),
        input: c.req.valid('json'),
        address: clientAddress(c),
        previousTokenHash: c.get('sessionTokenHash'),
      })
      if ('tweedeStap' in result) {
        setCookie(c, tweestapCookie(c), result.pending, { httpOnly: true, sameSite: 'Strict', secure: secureCookies(c), path: '/', maxAge: WACHTEN_MS / 1000 })
        return c.json({ tweedeStap: result.tweedeStap, ...(result.instellen ? { instellen: result.instellen } : {}) }, 202)
      }
      setSessionCookie(c, result.token)
      return c.json({ gebruiker: result.actor }, 200)
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/sessie/tweede-stap',
      tags: ['Sessie'],
      summary: 'Tweede stap van het inloggen (beheerder): de code uit de app of een herstelcode; de eerste code van een nieuwe koppeling geeft eenmalig de herstelcodes',
      request: { body: jsonBody(z.object({ code: z.string().trim().min(6).max(20) })) },
      ok: ok(200, sessieAnswer.extend({ herstelcodes: z.array(z.string()).optional().describe('Alleen bij het instellen, eenmalig: bewaar ze') }), 'Ingelogd; de sessiecookie is gezet'),
      fouten: [400, 401, 429],
    }),
    async (c) => {
      const { token, actor, herstelcodes } = await finishTweedeStap({
        deps: c.get('deps'),
        pending: getCookie(c, tweestapCookie(c)),
        code: c.req.valid('json').code,
        previousTokenHash: c.get('sessionTokenHash'),
      })
      deleteCookie(c, tweestapCookie(c), { path: '/', secure: secureCookies(c) })
      setSessionCookie(c, token)
      return c.json({ gebruiker: actor, ...(herstelcodes ? { herstelcodes } : {}) }, 200)
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: '/sessie',
      tags: ['Sessie'],
      summary: 'Wie ben ik',
      ok: ok(200, sessieAnswer, 'De ingelogde gebruiker'), fouten: [401],

    }),
    (c) => c.json({ gebruiker: ctxOf(c).actor }, 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/sessie',
      tags: ['Sessie'],
      summary: 'Uitloggen',
      responses: { 204: { description: 'Uitgelogd; de sessie is op de server verwijderd' }, 401: errors[401] },
    }),
    async (c) => {
      ctxOf(c)
      await deleteSession(c.get('deps'), c.get('sessionTokenHash')!)
      deleteCookie(c, cookieName(c), { path: '/', secure: secureCookies(c) })
      return c.body(null, 204)
    },
  )
