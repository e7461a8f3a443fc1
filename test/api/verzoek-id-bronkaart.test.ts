import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv, Deps } from '../../server/context.js'
import { staticFiles } from '../../server/static.js'
import { testApp, type TestApp } from '../helpers.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('X-Request-Id', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await testApp()
  })
  afterAll(() => t.close())

  it.each([
    ['too long', 'a'.repeat(65)],
    ['too short', 'abc'],
    ['spaces', 'mijn id met spaties'],
    ['JSON', '{"level":"error"}'],
    ['a log line of its own', 'abcdefgh\\n{"level":"error"}'],
    ['an e-mail address', 'jan@voorbeeld.example'],
    ['equals signs', 'abcdefgh=='],
  ])('a client id with %s is replaced by a fresh one, in the answer and the log', async (_, given) => {
    t.logs.length = 0
    const res = await t.request('GET', '/api/health', { headers: { 'x-request-id': given } })
    expect(res.headers.get('x-request-id')).toMatch(UUID)
    expect(t.logs.at(-1)!.req).toBe(res.headers.get('x-request-id'))
    expect(JSON.stringify(t.logs)).not.toContain(given)
  })

  it.each([['a UUID', '0b6c7a5e-3f0e-4f7e-9a51-2f1f5d0c9b11'], ['a proxy token', 'req_8f3Kx92LmQ']])('%s is kept', async (_, given) => {
    t.logs.length = 0
    const res = await t.request('GET', '/api/health', { headers: { 'x-request-id': given } })
    expect(res.headers.get('x-request-id')).toBe(given)
    expect(t.logs.at(-1)!.req).toBe(given)
  })
})

describe('source maps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-static-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)\n//# sourceMappingURL=index-abc123.js.map')
  writeFileSync(join(dir, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":["../../client/src/main.tsx"]}')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const appIn = (env: 'production' | 'development') =>
    new Hono<AppEnv>()
      .use('*', async (c, next) => {
        c.set('deps', { config: { env } } as Deps)
        await next()
      })
      .use('*', staticFiles(dir))

  it('are not served in production; the hashed script is, cached a year', async () => {
    const prod = appIn('production')
    expect((await prod.request('/assets/index-abc123.js.map')).status).toBe(404)
    const js = await prod.request('/assets/index-abc123.js')
    expect([js.status, js.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable'])
  })

  it('are served outside production, for debugging', async () => {
    expect((await appIn('development').request('/assets/index-abc123.js.map')).status).toBe(200)
  })
})
