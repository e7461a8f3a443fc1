import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { AppEnv } from './context.js'

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
