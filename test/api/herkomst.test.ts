import { spawnSync } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.js'
import { readAnswer } from '../answer.js'
import { testApp, type TestApp, type User } from '../helpers.js'

// The public origin comes from PUBLIC_URL, never from the Host header a caller chooses: links
// (the agenda feed) and the Origin check (CSRF) both use it (docs/security.md "Publiek adres").

const PUBLIEK = 'https://plekken.gemeente.example'
let t: TestApp
let jobcoach: User
beforeAll(async () => {
  t = await testApp({ PUBLIC_URL: PUBLIEK })
  jobcoach = await t.makeUser('jobcoach')
})
afterAll(() => t.close())

/** A request as it arrives for host `host` (the URL a server builds from the Host header). */
const send = async (method: string, host: string, path: string, headers: Record<string, string>) =>
  readAnswer(await t.app.request(`http://${host}${path}`, { method, headers: { cookie: jobcoach.cookie, host, ...headers } }))

describe('PUBLIC_URL set: the Host header decides nothing', () => {
  it.each([
    ['Host evil.example, Origin https://evil.example', 'evil.example', { origin: 'https://evil.example' }],
    ['Host evil.example, Origin http://evil.example', 'evil.example', { origin: 'http://evil.example' }],
    ['Host evil.example:443, Origin https://evil.example:443', 'evil.example:443', { origin: 'https://evil.example:443' }],
    ['Host plekken.gemeente.example.evil.example, same Origin', 'plekken.gemeente.example.evil.example', { origin: 'https://plekken.gemeente.example.evil.example' }],
    ['Host localhost, Origin http://localhost (the request’s own origin)', 'localhost', { origin: 'http://localhost' }],
    ['Origin null (sandboxed frame)', 'plekken.gemeente.example', { origin: 'null' }],
    ['no Origin, Sec-Fetch-Site cross-site', 'evil.example', { 'sec-fetch-site': 'cross-site' }],
  ])('%s: 403 csrf, no agenda link made', async (_, host, headers) => {
    const res = await send('POST', host, '/api/agenda', headers)
    expect([res.status, res.json.error.code, res.json.error.message]).toEqual([403, 'csrf', 'Dit verzoek komt niet van deze website en is geweigerd.'])
    expect((await t.request('GET', '/api/agenda', { cookie: jobcoach.cookie })).json.actief).toBe(false)
  })

  it.each([
    ['Host evil.example, Origin the public one', 'evil.example', { origin: PUBLIEK }],
    ['Host evil.example, X-Forwarded-Host evil.example, no Origin (not a browser)', 'evil.example', { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' }],
  ])('%s: accepted, and the link is on the public origin', async (_, host, headers) => {
    const res = await send('POST', host, '/api/agenda', headers)
    expect(res.status).toBe(201)
    expect(res.json.url).toMatch(new RegExp(`^${PUBLIEK}/api/agenda/[\\w-]{20,}/contacten\\.ics$`))
    const feed = await t.app.request(`http://evil.example${new URL(res.json.url).pathname}`, { headers: { host: 'evil.example' } })
    expect(await feed.text()).not.toContain('evil.example')
  })

  it('over a real socket, Host: evil.example gets the public origin in the link and a refusal for its own Origin', async () => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((r) => server.once('listening', r))
    const port = (server.address() as AddressInfo).port
    const post = (origin: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/agenda', headers: { host: 'evil.example', origin, cookie: jobcoach.cookie } }, (res) => {
          let body = ''
          res.on('data', (d) => (body += d))
          res.on('end', () => resolve({ status: res.statusCode!, body }))
        })
        req.on('error', reject)
        req.end()
      })
    try {
      const refused = await post('http://evil.example')
      expect(refused.status).toBe(403)
      const made = await post(PUBLIEK)
      expect(made.status).toBe(201)
      expect(JSON.parse(made.body).url.startsWith(`${PUBLIEK}/api/agenda/`)).toBe(true)
    } finally {
      server.close()
    }
  })
})

describe('PUBLIC_URL in production', () => {
  const message =
    'Configuratiefout: PUBLIC_URL: is verplicht in productie: het publieke adres van de website, voor links en de controle op herkomst (CSRF), bijvoorbeeld https://plekken.gemeente.nl / required in production: the public origin used for links and the Origin (CSRF) check'

  it('is required: the configuration says so in Dutch and English', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })).toThrow(message)
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://plekken.gemeente.nl/pad' })).toThrow(/PUBLIC_URL: moet alleen het adres van de website zijn/)
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://plekken.gemeente.nl/' }).publicUrl).toBe('https://plekken.gemeente.nl')
  })

  it('start-up refuses without it: exit code 1 and that one line', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: '', DATABASE_URL: ':memory:', SKIP_CLIENT_BUILD: 'true' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    console.log(`npm start in production without PUBLIC_URL: exit ${res.status}; ${res.stderr.trim()}`)
    expect(res.status).toBe(1)
    expect(res.stderr.trim()).toBe(message)
  })
})
