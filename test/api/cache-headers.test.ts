import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fourUsers, testApp, type TestApp, type User } from '../helpers.js'

// ASVS 8.2.1: no answer with personal data may be kept by a browser or proxy. The test walks the
// app's own route table, so a route added later is checked without touching this file.

let t: TestApp
let users: Record<'werkgever' | 'jobhunter' | 'jobcoach' | 'beheerder', User>
beforeAll(async () => {
  const made = await fourUsers()
  t = made.t
  users = { werkgever: made.werkgever, jobhunter: made.jobhunter, jobcoach: made.jobcoach, beheerder: made.beheerder }
})
afterAll(() => t.close())

/** Answers meant to be cached, and how. Everything else under /api is no-store. */
const cached: Record<string, string> = {
  'GET /api/openapi.json': 'public, max-age=3600',
  'GET /api/docs': 'public, max-age=3600',
}

const concrete = (path: string) => path.replace(/:token\b/g, 'x'.repeat(32)).replace(/:(\w+)/g, 'onbekend-id')

describe('Cache-Control over the route table', () => {
  it('every /api route answers no-store for every caller, success or refusal, except the documents meant to be cached', async () => {
    const routes = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`))]
    expect(routes.length).toBeGreaterThan(40)
    const callers: [string, string | undefined][] = [['anoniem', undefined], ...Object.entries(users).map(([rol, u]) => [rol, u.cookie] as [string, string])]
    const wrong: string[] = []
    const statuses = new Map<string, Set<number>>()
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string]
      if (route === 'DELETE /api/sessie') continue // would log the caller out; checked below
      for (const [wie, cookie] of callers) {
        const res = await t.request(method, concrete(path), { cookie, ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) })
        const want = cached[route] ?? 'no-store'
        if (res.headers.get('cache-control') !== want) wrong.push(`${route} as ${wie}: ${res.status} ${res.headers.get('cache-control')}`)
        statuses.set(route, (statuses.get(route) ?? new Set()).add(res.status))
      }
    }
    console.log(`Cache-Control checked on ${routes.length} routes × ${callers.length} callers; statuses seen: ${[...new Set([...statuses.values()].flatMap((s) => [...s]))].sort().join(', ')}`)
    expect(wrong).toEqual([])
  })

  it('a successful login, logout, unknown API route and rate-limit refusal are no-store too', async () => {
    const fresh = await testApp()
    try {
      const u = await fresh.makeUser('jobhunter')
      const login = await fresh.request('POST', '/api/sessie', { body: { email: u.email, wachtwoord: 'Correct-paard-batterij-7' } })
      expect([login.status, login.headers.get('cache-control')]).toEqual([200, 'no-store'])
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!
      const me = await fresh.request('GET', '/api/sessie', { cookie })
      expect([me.status, me.headers.get('cache-control')]).toEqual([200, 'no-store'])
      const out = await fresh.request('DELETE', '/api/sessie', { cookie })
      expect([out.status, out.headers.get('cache-control')]).toEqual([204, 'no-store'])
      const none = await fresh.request('GET', '/api/bestaat-niet')
      expect([none.status, none.headers.get('cache-control')]).toEqual([404, 'no-store'])
    } finally {
      fresh.close()
    }
  })

  it('the iCalendar feed allows a short private cache; an unknown feed link is no-store', async () => {
    const link = await t.request('POST', '/api/agenda', { cookie: users.jobcoach.cookie })
    const feed = await t.request('GET', new URL(link.json.url).pathname)
    expect([feed.status, feed.headers.get('cache-control')]).toEqual([200, 'private, max-age=300'])
    expect((await t.request('GET', `/api/agenda/${'y'.repeat(32)}/contacten.ics`)).headers.get('cache-control')).toBe('no-store')
  })
})

describe('Strict-Transport-Security', () => {
  it('only in production behind https (PUBLIC_URL), on every answer', async () => {
    const secret = 'x'.repeat(40)
    const prod = await testApp({ NODE_ENV: 'production', SESSION_SECRET: secret, PUBLIC_URL: 'https://plekken.gemeente.example', TOTP_VERPLICHT: 'false' })
    const plain = await testApp({ NODE_ENV: 'production', SESSION_SECRET: secret, PUBLIC_URL: 'http://intern.gemeente.example', TOTP_VERPLICHT: 'false' })
    try {
      for (const path of ['/api/health', '/', '/api/bestaat-niet']) {
        expect((await prod.request('GET', path)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
        expect((await plain.request('GET', path)).headers.get('strict-transport-security')).toBeNull()
        expect((await t.request('GET', path)).headers.get('strict-transport-security')).toBeNull()
      }
    } finally {
      prod.close()
      plain.close()
    }
  })
})
