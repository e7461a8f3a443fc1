import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv, Ctx } from '../context.js'
import { DomainError, nietIngelogd } from '../domain/errors.js'
import { hashToken, resolveSession } from './sessions.js'

export const cookieName = (c: Context<AppEnv>) => (secureCookies(c) ? '__Host-sessie' : 'sessie')
export const secureCookies = (c: Context<AppEnv>) => c.get('deps').config.env === 'production'

/** Loads the actor from the session cookie, if any. Never fails: routes decide whether a login is needed. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, cookieName(c))
  if (token && token.length <= 100) {
    const deps = c.get('deps')
    const tokenHash = hashToken(deps, token)
    const actor = await resolveSession(deps, tokenHash)
    if (actor) {
      c.set('actor', actor)
      c.set('sessionTokenHash', tokenHash)
    }
  }
  await next()
}

/** The service context for a route that needs a logged-in user (401 otherwise). */
export function ctxOf(c: Context<AppEnv>): Ctx {
  const actor = c.get('actor')
  if (!actor) throw nietIngelogd()
  return { ...c.get('deps'), actor }
}

/**
 * The public origin of this installation, for links (agenda feed, OIDC return address) and the
 * Origin check: PUBLIC_URL, required in production. Only without it (development, tests) is it
 * taken from the request, whose Host header the caller chooses.
 */
export const publicOrigin = (c: Context<AppEnv>): string => c.get('deps').config.publicUrl ?? new URL(c.req.url).origin

/** The refusal of a body that is not JSON (415). */
export const geenJson = () => new DomainError('geen-json', 'geen-json', 'Stuur de gegevens als JSON (Content-Type: application/json).')

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * CSRF: a state-changing request must come from our own origin (publicOrigin: PUBLIC_URL, never
 * the Host header when that is set). Browsers send Origin (and
 * Sec-Fetch-Site) on every cross-site POST, so a mismatch is refused. A request with neither
 * header is not from a browser (curl, a gemeente's system) and cannot carry a victim's cookie
 * by accident, so it passes. Same approach as Go's CrossOriginProtection.
 */
export function sameOrigin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (unsafeMethods.has(c.req.method)) {
      const origin = c.req.header('origin')
      const site = c.req.header('sec-fetch-site')
      const allowed = origin === undefined || origin === publicOrigin(c)
      if (!allowed || (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none')) {
        throw new DomainError('geen-toegang', 'csrf', 'Dit verzoek komt niet van deze website en is geweigerd.')
      }
    }
    await next()
  }
}

/**
 * JSON routes accept only JSON bodies (415 otherwise). hono/csrf checks only form-like
 * content types, and a cross-site form cannot send application/json without a CORS preflight.
 */
export const jsonOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (unsafeMethods.has(c.req.method)) {
    // Over HTTP a body announces itself with Content-Length or Transfer-Encoding; requests built in
    // process (tests, app.request) have neither, so there the body stream itself tells.
    const length = c.req.header('content-length')
    const hasBody =
      length !== undefined
        ? length !== '0'
        : c.req.header('transfer-encoding') !== undefined || (!(c.env as { incoming?: unknown } | undefined)?.incoming && c.req.raw.body !== null)
    // The media type as the routes' own JSON parsing reads it (hono's validator: the part before
    // `;`, lower case, `application/json` or `application/<x>+json`). The earlier prefix test let
    // `application/json-seq` and `application/json, text/plain` through: a route without a body
    // then ran anyway and a route with one answered 500 (test/api/vijandige-invoer.test.ts).
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (hasBody && !/^application\/([\w.-]+\+)?json$/.test(mediaType)) {
      throw geenJson()
    }
  }
  await next()
}
