import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../db/client.js'
import { systemClock } from '../../server/clock.js'
import { startSearch, type SearchRuntime } from '../../search/engine.js'
import { rebuildIndex } from '../../search/rebuild.js'
import { meiliSettings, MeiliSearchIndex } from '../../search/meilisearch.js'
import { SearchUnavailableError } from '../../search/port.js'

// No Meilisearch server can run here, so the start-up order is proven against a STAND-IN: a small
// HTTP server in this test that answers the few Meilisearch endpoints the adapter calls, as
// Meilisearch v1 does (index_not_found, enqueued tasks, task status), and records every request.
// It is no Meilisearch: it stores nothing and ranks nothing; it only shows what the adapter sends,
// and in which order.

interface Recorded {
  method: string
  path: string
  body?: unknown
}

/** The stand-in: `settingsDown` first GETs of the settings answer 503, then the index does not exist until its settings are PATCHed. */
async function meiliStandIn(opts: { settingsDown?: number; existing?: Record<string, unknown> } = {}) {
  const requests: Recorded[] = []
  let settings: Record<string, unknown> | undefined = opts.existing
  let down = opts.settingsDown ?? 0
  let taskUid = 0
  const tasks = new Map<number, string>()
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const readBody = async (req: IncomingMessage) => {
    let text = ''
    for await (const chunk of req) text += chunk
    return text ? JSON.parse(text) : undefined
  }
  const enqueue = (res: import('node:http').ServerResponse, type: string) => {
    const uid = ++taskUid
    tasks.set(uid, type)
    json(res, 202, { taskUid: uid, indexUid: 'plekken', status: 'enqueued', type, enqueuedAt: new Date().toISOString() })
  }
  const notFound = { message: 'Index `plekken` not found.', code: 'index_not_found', type: 'invalid_request', link: 'https://docs.meilisearch.com/errors#index_not_found' }
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://stand-in')
    const body = await readBody(req)
    requests.push({ method: req.method!, path: url.pathname, ...(body !== undefined ? { body } : {}) })
    const route = `${req.method} ${url.pathname}`
    if (route === 'GET /indexes/plekken/settings') {
      if (down > 0) return down--, json(res, 503, { message: 'unavailable', code: 'internal', type: 'internal', link: '' })
      return settings ? json(res, 200, settings) : json(res, 404, notFound)
    }
    if (route === 'PATCH /indexes/plekken/settings') {
      settings = { ...settings, ...(body as object) }
      return enqueue(res, 'settingsUpdate')
    }
    const task = /^GET \/tasks\/(\d+)$/.exec(route)
    if (task) {
      const uid = Number(task[1])
      return json(res, 200, { uid, indexUid: 'plekken', status: 'succeeded', type: tasks.get(uid), enqueuedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), error: null })
    }
    if (route === 'POST /indexes/plekken/search') {
      if (!settings) return json(res, 404, notFound)
      return json(res, 200, { hits: [], query: '', processingTimeMs: 0, hitsPerPage: 20, page: 1, totalPages: 0, totalHits: 0, facetDistribution: {} })
    }
    if (route === 'GET /indexes/plekken') return settings ? json(res, 200, { uid: 'plekken', primaryKey: 'id' }) : json(res, 404, notFound)
    if (route === 'DELETE /indexes/plekken/documents') return enqueue(res, 'documentDeletion')
    const other = /^\/indexes\/([^/]+)\//.exec(url.pathname)
    if (other) return json(res, 404, { ...notFound, message: `Index \`${other[1]}\` not found.` })
    json(res, 404, { message: `not in the stand-in: ${route}`, code: 'not_found', type: 'invalid_request', link: '' })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, close: () => new Promise<void>((r) => server.close(() => r())) }
}

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

async function start(standIn: Awaited<ReturnType<typeof meiliStandIn>>) {
  const database: Database = await openDatabase(':memory:')
  const index = new MeiliSearchIndex({ url: standIn.url, apiKey: 'test' })
  const logs: Record<string, unknown>[] = []
  const runtime: SearchRuntime = startSearch(database.db, systemClock, index, (l) => void logs.push(l))
  cleanup.push(() => database.close(), () => runtime.stop(), standIn.close)
  return { index, runtime, logs }
}

const query = { q: 'kok', filters: {}, sort: 'relevantie' as const, page: 1, perPage: 20 }

describe('Meilisearch start-up against a stand-in that records the requests', () => {
  it('on a fresh server: settings are retried until Meilisearch answers, the index is made by them, and no search is sent before', async () => {
    const standIn = await meiliStandIn({ settingsDown: 2 })
    const { index, runtime, logs } = await start(standIn)

    // while the settings are not in, a search is "search does not answer" (503), and reaches nothing
    await expect(index.search(query)).rejects.toBeInstanceOf(SearchUnavailableError)
    expect(runtime.state()).toBe('opbouwen')

    await runtime.ready
    expect(runtime.state()).toBe('klaar')
    expect(logs.filter((l) => l.step === 'settings' && l.level === 'warn')).toHaveLength(2)
    await index.search(query)

    const calls = standIn.requests.map((r) => `${r.method} ${r.path}`)
    const patch = calls.indexOf('PATCH /indexes/plekken/settings')
    const firstSearch = calls.indexOf('POST /indexes/plekken/search')
    expect(calls.slice(0, 3)).toEqual(Array(3).fill('GET /indexes/plekken/settings'))
    expect(patch).toBe(3)
    expect(calls[patch + 1]).toMatch(/^GET \/tasks\/\d+$/)
    expect(firstSearch).toBeGreaterThan(patch + 1)
    // what was sent is the adapter's settings, whole
    expect(standIn.requests[patch]!.body).toEqual(JSON.parse(JSON.stringify(meiliSettings())))
    // the query goes out analysed, with the sort rule's parameters (none for relevance with text)
    expect(standIn.requests[firstSearch]!.body).toMatchObject({ q: 'kok', sort: [] })
  })

  it('an index with these settings already is searchable at once: nothing is PATCHed', async () => {
    const standIn = await meiliStandIn({ existing: JSON.parse(JSON.stringify(meiliSettings())) })
    const { index, runtime } = await start(standIn)
    await runtime.ready
    await index.search(query)
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).not.toContain('PATCH /indexes/plekken/settings')
  })

  it('changed settings are put in at start, while the existing index keeps answering', async () => {
    const old = { ...JSON.parse(JSON.stringify(meiliSettings())), rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'] }
    const standIn = await meiliStandIn({ existing: old })
    const { runtime } = await start(standIn)
    await runtime.ready
    const patch = standIn.requests.find((r) => r.method === 'PATCH')
    expect((patch?.body as { rankingRules: string[] }).rankingRules[0]).toBe('sort')
  })

  it('a search on an index that does not exist is a 503 (index_not_found mapped), never a bug', async () => {
    const standIn = await meiliStandIn()
    const { index, runtime } = await start(standIn)
    await runtime.ready
    standIn.requests.length = 0
    // the index vanished behind our back (deleted by hand): still "search does not answer"
    const gone = new MeiliSearchIndex({ url: standIn.url, apiKey: 'test', indexUid: 'weg' })
    ;(gone as unknown as { searchable: boolean }).searchable = true
    const err = await gone.search(query).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(SearchUnavailableError)
    expect((err as SearchUnavailableError).code).toBe('index_not_found')
    await index.search(query)
  })
})

describe('npm run reindex against the stand-in', () => {
  it('empties the index before it changes the settings, so the settings task has no documents to reindex', async () => {
    const old = { ...JSON.parse(JSON.stringify(meiliSettings())), rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'] }
    const standIn = await meiliStandIn({ existing: old })
    const database = await openDatabase(':memory:')
    cleanup.push(() => database.close(), standIn.close)
    await rebuildIndex(database.db, new MeiliSearchIndex({ url: standIn.url, apiKey: 'test' }), { clearFirst: true })
    const calls = standIn.requests.map((r) => `${r.method} ${r.path}`)
    expect(calls.indexOf('DELETE /indexes/plekken/documents')).toBeGreaterThanOrEqual(0)
    expect(calls.indexOf('DELETE /indexes/plekken/documents')).toBeLessThan(calls.indexOf('PATCH /indexes/plekken/settings'))
  })
})
