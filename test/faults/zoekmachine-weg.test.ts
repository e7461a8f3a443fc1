import { afterEach, describe, expect, it } from 'vitest'
import { MeiliSearchIndex } from '../../search/meilisearch.js'
import { isSearchable } from '../../server/domain/zoeken.js'
import { plek } from '../../db/schema.js'
import { deelnemerBody, plekBody } from '../helpers.js'
import { FlakyIndex, indexedIds } from '../search/flaky-index.js'
import { errorShape, faultApp } from './fault-app.js'
import { freePort } from './server-process.js'

// The search engine unavailable. Already covered elsewhere (not repeated here):
// test/search/zoeken-api.test.ts: writes while the engine is down, lag in /api/health, /api/zoeken
// 503, exact convergence after explicit drains; test/search/indexer.test.ts: backoff and retry.
// Added here: the real Meilisearch adapter against a port where nothing listens (what production
// meets), every write route and both match directions through the API, and the real background
// worker (startSearch, system clock, its own backoff) catching up by itself after recovery.

let close: (() => void) | undefined
afterEach(() => close?.())

describe('Meilisearch unreachable (real adapter, nothing listening)', () => {
  it('every write succeeds, health is degraded with reasons, search answers 503 and matching never a 500', async () => {
    const meili = new MeiliSearchIndex({ url: `http://127.0.0.1:${await freePort()}`, apiKey: 'test' })
    const t = await faultApp({ index: meili })
    close = t.close
    const werkgever = await t.makeUser('werkgever')
    const jobhunter = await t.makeUser('jobhunter')

    const created = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    expect(created.status).toBe(201)
    expect((await t.request('POST', `/api/plekken/${created.json.id}/publiceren`, { cookie: werkgever.cookie })).status).toBe(200)
    expect((await t.request('PATCH', `/api/plekken/${created.json.id}`, { cookie: werkgever.cookie, body: { titel: 'Nieuwe titel' } })).status).toBe(200)
    const d = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody() })
    expect(d.status).toBe(201)
    expect((await t.request('PATCH', `/api/deelnemers/${d.json.id}`, { cookie: jobhunter.cookie, body: { moedertaal: 'Arabisch' } })).status).toBe(200)

    // the worker tries, fails, and keeps the changes for later
    await expect(t.indexer.drain()).rejects.toThrow()
    const lag = await t.indexer.lag()
    expect(lag.pending).toBeGreaterThanOrEqual(3)

    const { cookie } = await t.makeUser('beheerder') // the details are for a beheerder
    const health = await t.request('GET', '/api/health', { cookie })
    expect(health.status).toBe(200)
    expect(health.json).toMatchObject({ status: 'degraded', database: { ok: true }, zoekmachine: { ok: false, engine: 'meilisearch' } })
    expect(health.json.redenen.join(' ')).toMatch(/Meilisearch antwoordt niet/)
    expect(health.json.redenen.join(' ')).toMatch(/Laatste indexeerfout/)

    const zoek = await t.request('GET', '/api/zoeken?q=magazijn', { cookie: jobhunter.cookie })
    expect(zoek.status).toBe(503)
    expect(zoek.json).toEqual(errorShape('zoeken-niet-beschikbaar'))

    // vraaggericht finds its candidates in SQL: it keeps working without the engine
    const vraag = await t.request('GET', `/api/plekken/${created.json.id}/matches`, { cookie: jobhunter.cookie })
    expect(vraag.status).toBe(200)
    // aanbodgericht needs the engine for its candidates: a clear 503, never a 500
    const aanbod = await t.request('GET', `/api/deelnemers/${d.json.id}/matches`, { cookie: jobhunter.cookie })
    expect(aanbod.status).toBe(503)
    expect(aanbod.json).toEqual(errorShape('zoeken-niet-beschikbaar'))
    expect(aanbod.headers.get('retry-after')).toBeTruthy()
  })
})

describe('the background worker after the engine recovers', () => {
  it('catches up by itself: health goes from degraded to ok and the index equals the database', async () => {
    const flaky = new FlakyIndex()
    const t = await faultApp({ index: flaky, background: true })
    close = t.close
    const werkgever = await t.makeUser('werkgever')
    flaky.down = true

    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const started = performance.now()
      const created = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ titel: `Plek terwijl zoeken weg is ${i}` }) })
      expect(created.status).toBe(201)
      expect((await t.request('POST', `/api/plekken/${created.json.id}/publiceren`, { cookie: werkgever.cookie })).status).toBe(200)
      // a write never waits for the engine
      expect(performance.now() - started).toBeLessThan(2000)
      ids.push(created.json.id)
    }
    const { cookie } = await t.makeUser('beheerder') // the details are for a beheerder
    await until(async () => (await t.request('GET', '/api/health', { cookie })).json.redenen.some((r: string) => /indexeerfout/.test(r)))
    const degraded = (await t.request('GET', '/api/health', { cookie })).json
    expect(degraded).toMatchObject({ status: 'degraded', zoekmachine: { ok: false } })
    expect(degraded.outbox.wachtend).toBeGreaterThanOrEqual(8)

    flaky.down = false // no drain, no restart: the worker's own retry (backoff 1 s, 2 s, …) picks it up
    const started = Date.now()
    await until(async () => (await t.request('GET', '/api/health', { cookie })).json.status === 'ok', 20_000)
    const ok = (await t.request('GET', '/api/health', { cookie })).json
    expect(ok).toMatchObject({ status: 'ok', redenen: [], outbox: { wachtend: 0 } })
    const rows = await t.database.db.select().from(plek)
    expect(await indexedIds(flaky.inner)).toEqual(rows.filter(isSearchable).map((r) => r.id).sort())
    expect(rows.filter(isSearchable).map((r) => r.id).sort()).toEqual([...ids].sort())
    expect(Date.now() - started).toBeLessThan(20_000)
  })
})

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`niet binnen ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
