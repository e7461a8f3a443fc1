import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { deleteCookie, setCookie } from 'hono/cookie'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { router } from './router.js'
import type { AppEnv } from '../context.js'
import { cookieName, ctxOf, secureCookies } from '../auth/middleware.js'
import { deleteSession, SESSION_ABSOLUTE_MS } from '../auth/sessions.js'
import { login } from '../services/sessie.js'
import { gebruiker, loginInput } from '../domain/gebruiker.js'
import { apiRoute, errors, jsonBody, ok } from './openapi-helpers.js'

const sessieAnswer = z.object({ gebruiker: gebruiker.omit({ actief: true }) })

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
    apiRoute({
      method: 'post',
      path: '/sessie',
      tags: ['Sessie'],
      summary: 'Inloggen',
      request: { body: jsonBody(loginInput) },
      ok: ok(200, sessieAnswer, 'Ingelogd; de sessiecookie is gezet'), fouten: [401, 429],

    }),
    async (c) => {
      const { token, actor } = await login({
        deps: c.get('deps'),
        input: c.req.valid('json'),
        address: clientAddress(c),
        previousTokenHash: c.get('sessionTokenHash'),
      })
      setSessionCookie(c, token)
      return c.json({ gebruiker: actor }, 200)
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
