import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { plekBody, testApp, type TestApp } from '../helpers.js'

// The same app behind a real HTTP server: what curl and browsers meet (headers, bodies, cookies).

let t: TestApp
let server: ServerType
let base: string
beforeAll(async () => {
  t = await testApp()
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server.close(r))
  t.close()
})

describe('over real HTTP', () => {
  it('a POST without a body (curl -X POST) publishes; the cookie works as a browser would send it', async () => {
    const orgId = await t.makeOrganisatie()
    const werkgever = await t.makeUser('werkgever', orgId)
    const login = await fetch(`${base}/api/sessie`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: werkgever.email, wachtwoord: 'Correct-paard-batterij-7' }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const created = await fetch(`${base}/api/plekken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: base },
      body: JSON.stringify(plekBody()),
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const pub = await fetch(`${base}/api/plekken/${id}/publiceren`, { method: 'POST', headers: { cookie, origin: base } })
    expect(pub.status).toBe(200)
    expect(((await pub.json()) as { status: string }).status).toBe('gepubliceerd')
  })

  it('a form post with a body is refused with 415', async () => {
    const res = await fetch(`${base}/api/sessie`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a&wachtwoord=b',
    })
    expect(res.status).toBe(415)
  })
})
