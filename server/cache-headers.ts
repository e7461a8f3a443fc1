import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './context.js'

/**
 * Every /api answer is `Cache-Control: no-store` unless its route chose a cache policy itself
 * (the OpenAPI document, the iCalendar feed): answers carry deelnemer data and a browser or a
 * proxy must not keep them (ASVS 8.2.1). Set after the route ran, so error answers (onError,
 * 404) get it too.
 */
export const noStoreApi: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  if (!c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store')
}

/** HSTS only where it means something: production whose public origin is https. */
export const hstsFor = (env: string, publicUrl?: string) =>
  env === 'production' && publicUrl?.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : false
