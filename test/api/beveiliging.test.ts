import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plekBody, testApp, type TestApp } from '../helpers.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('CSRF', () => {
  it('a state-changing request from another origin is refused with 403 and changes nothing', async () => {
    const werkgever = await t.makeUser('werkgever', await t.makeOrganisatie())
    const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody(), headers: { origin: 'https://kwaadwillend.example' } })
    expect(res.status).toBe(403)
    expect(res.json.error.code).toBe('csrf')
    const list = await t.request('GET', '/api/plekken', { cookie: werkgever.cookie })
    expect(list.json.total).toBe(0)
  })

  it('a cross-site browser request without Origin is refused by Sec-Fetch-Site', async () => {
    const user = await t.makeUser('jobhunter')
    const res = await t.request('DELETE', '/api/sessie', { cookie: user.cookie, headers: { origin: '', 'sec-fetch-site': 'cross-site' } })
    expect(res.status).toBe(403)
  })

  it('the same origin passes', async () => {
    const user = await t.makeUser('jobhunter')
    expect((await t.request('DELETE', '/api/sessie', { cookie: user.cookie })).status).toBe(204)
  })
})

describe('headers', () => {
  it('every answer carries a CSP without unsafe-inline scripts, nosniff and frame protection', async () => {
    for (const path of ['/api/health', '/', '/api/bestaat-niet']) {
      const res = await t.request('GET', path)
      const csp = res.headers.get('content-security-policy')!
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('an unknown API route answers 404 in the error shape', async () => {
    const res = await t.request('GET', '/api/bestaat-niet')
    expect(res.status).toBe(404)
    expect(res.json.error.code).toBe('niet-gevonden')
  })
})

describe('logging', () => {
  it('writes one line per request with the route pattern, never ids, query strings, names or passwords', async () => {
    const werkgever = await t.makeUser('werkgever', await t.makeOrganisatie())
    t.logs.length = 0
    const created = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ titel: 'Geheime titel' }) })
    await t.request('GET', `/api/plekken/${created.json.id}?q=3311AB`, { cookie: werkgever.cookie })
    await t.request('POST', '/api/sessie', { body: { email: werkgever.email, wachtwoord: 'Fout-wachtwoord-99' } })
    expect(t.logs.map((l) => `${l.method} ${l.route} ${l.status}`)).toEqual([
      'POST /api/plekken 201',
      'GET /api/plekken/:id 200',
      'POST /api/sessie 401',
    ])
    const all = JSON.stringify(t.logs)
    for (const secret of [created.json.id, '3311AB', 'Geheime titel', werkgever.email, 'Fout-wachtwoord-99', werkgever.cookie.split('=')[1]]) {
      expect(all).not.toContain(secret)
    }
    expect(t.logs.every((l) => typeof l.req === 'string' && typeof l.ms === 'number')).toBe(true)
  })
})

describe('OpenAPI document', () => {
  it('describes every API route of the app, with 413 and 415 on routes that take a body', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    )
    const routes = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`))]
    const undocumented = routes.filter((r) => !documented.has(r) && !['GET /api/openapi.json', 'GET /api/docs'].includes(r))
    expect(undocumented).toEqual([])
    expect(Object.keys(doc.paths['/api/plekken'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '413', '415']))
  })
})
