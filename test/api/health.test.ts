import { afterEach, describe, expect, it } from 'vitest'
import { MeiliSearchIndex } from '../../search/meilisearch.js'
import { freePort } from '../faults/server-process.js'
import { FlakyIndex } from '../search/flaky-index.js'
import { plekBody, testApp, type TestApp } from '../helpers.js'

// Anonymous /api/health says up or degraded and nothing else; the details are for a logged-in
// beheerder, and even there a reason names an error's kind and code, never its text.

let t: TestApp
afterEach(() => t?.close())

describe('/api/health', () => {
  it('anonymous and non-beheerder callers get only the status; a beheerder gets the details', async () => {
    t = await testApp()
    expect((await t.request('GET', '/api/health')).json).toEqual({ status: 'ok' })
    for (const rol of ['jobhunter', 'jobcoach'] as const) {
      expect((await t.request('GET', '/api/health', { cookie: (await t.makeUser(rol)).cookie })).json).toEqual({ status: 'ok' })
    }
    expect((await t.request('GET', '/api/health', { cookie: (await t.makeUser('werkgever', await t.makeOrganisatie())).cookie })).json).toEqual({ status: 'ok' })
    const beheerder = await t.makeUser('beheerder')
    const full = (await t.request('GET', '/api/health', { cookie: beheerder.cookie })).json
    expect(full).toMatchObject({ status: 'ok', redenen: [], database: { ok: true }, opslag: { ok: true }, zoekmachine: { engine: 'embedded', index: 'klaar' }, outbox: { wachtend: 0 } })
  })

  it('with the search engine unreachable: anonymous sees degraded only; the beheerder’s reasons name the kind and code, not the error text', async () => {
    const port = await freePort()
    const secretKey = 'geheime-meili-sleutel-123'
    t = await testApp({}, new MeiliSearchIndex({ url: `http://127.0.0.1:${port}`, apiKey: secretKey }))
    const werkgever = await t.makeUser('werkgever', await t.makeOrganisatie())
    await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    await t.indexer.drain().catch(() => undefined) // fails: nothing listens on the port
    const anon = await t.request('GET', '/api/health')
    expect(anon.json).toEqual({ status: 'degraded' })
    const beheerder = await t.makeUser('beheerder')
    const full = (await t.request('GET', '/api/health', { cookie: beheerder.cookie })).json
    console.log(`health for a beheerder, engine unreachable: ${JSON.stringify(full.redenen)}`)
    expect(full.status).toBe('degraded')
    const text = JSON.stringify(full)
    for (const leak of [String(port), '127.0.0.1', secretKey, 'fetch failed', 'ECONNREFUSED 127']) expect(text).not.toContain(leak)
    expect(full.zoekmachine.detail).toMatch(/^Meilisearch antwoordt niet \([\w.-]+( [\w.-]+)?\)\.$/)
  })

  it('an indexer error whose text holds data is shown as its kind only', async () => {
    const flaky = new FlakyIndex()
    flaky.failure = () => Object.assign(new Error('insert into plek values (\'jan@voorbeeld.example\')'), { code: 'SQLITE_CONSTRAINT' })
    t = await testApp({}, flaky)
    const werkgever = await t.makeUser('werkgever', await t.makeOrganisatie())
    await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    flaky.down = true
    await t.indexer.drain().catch(() => undefined)
    const full = (await t.request('GET', '/api/health', { cookie: (await t.makeUser('beheerder')).cookie })).json
    expect(full.redenen).toContain('Laatste indexeerfout: Error SQLITE_CONSTRAINT')
    expect(JSON.stringify(full)).not.toContain('voorbeeld.example')
  })
})
