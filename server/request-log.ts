import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { AppEnv } from './context.js'

/** A request id a client or proxy may choose: a UUID or a similar token, nothing else. */
const GOEDE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/

/**
 * The id that ties a log line to a user's report (X-Request-Id on the answer). A caller's own id is
 * kept only when it matches GOEDE_ID; anything else (long, spaces, JSON, line breaks) gets a fresh
 * one, so the logs never carry text a client chose.
 */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const given = c.req.header('x-request-id')
  const id = given !== undefined && GOEDE_ID.test(given) ? given : randomUUID()
  c.set('requestId', id)
  c.header('X-Request-Id', id)
  await next()
}

/**
 * One line per request: method, route pattern (never the concrete path or query string, which
 * may hold ids, names or postcodes), status, duration and request id. Nothing personal.
 */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const start = performance.now()
  await next()
  const deps = c.get('deps')
  if (!deps.config.logRequests) return
  deps.log({
    t: deps.clock.now().toISOString(),
    req: c.get('requestId'),
    method: c.req.method,
    route: c.req.path.startsWith('/api') ? routePath(c) : 'static',
    status: c.res.status,
    ms: Math.round((performance.now() - start) * 10) / 10,
  })
}
