import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, eq } from 'drizzle-orm'
import { openDatabase, type Database } from '../../db/client.js'
import { organisatie, outbox, plek } from '../../db/schema.js'
import { fixedClock } from '../../server/clock.js'
import { OutboxIndexer } from '../../search/indexer.js'
import { FeedIndexer, readFeedHead } from '../../search/feed.js'
import { markOutboxDone } from '../../search/rebuild.js'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { isSearchable } from '../../server/domain/zoeken.js'
import { FlakyIndex, indexedIds } from './flaky-index.js'

// The two ways outbox changes reach an index (docs/search.md, "Outbox: claims or a feed").
//
// Claims (Meilisearch: one index shared by every instance): two workers with their own worker ids
// share one database file and one engine that records the order in which versions arrive (the
// embedded engine stands in for the shared Meilisearch index). They share this process's one
// client: the libSQL driver is synchronous underneath, so a second connection in the same process
// would block the event loop on the busy timeout (docs/architecture.md, "Database"); separate
// processes each have their own client. The workers still interleave at every await (claim, read,
// apply, mark done), which is what the claims guard.
//
// The feed (embedded: an index in every instance): followers, each with its own index, apply every
// change from their own position. Across two app instances through the API:
// test/search/index-follows-database.test.ts.

const dirs: string[] = []
const dbs: Database[] = []
afterEach(() => {
  dbs.splice(0).forEach((d) => d.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

async function twoInstances() {
  const dir = mkdtempSync(join(tmpdir(), 'pp-indexer-'))
  dirs.push(dir)
  const url = `file:${join(dir, 'gedeeld.db')}`
  const a = await openDatabase(url)
  dbs.push(a)
  return { a, b: a }
}

const now = '2026-11-23T09:00:00.000Z'
async function seedPlekken(db: Database, n: number) {
  await db.db.insert(organisatie).values({ id: 'org', naam: 'Org', soort: 'werkgever', postcode: '3311', plaats: 'Dordrecht', contactpersoon: { naam: 'A', email: 'a@b.example', telefoon: '0781234567' }, createdAt: now, updatedAt: now })
  for (let i = 0; i < n; i++) {
    await db.db.insert(plek).values({
      id: `p${i}`, organisatieId: 'org', status: 'gepubliceerd', titel: `Plek ${i}`, omschrijving: 'Werk', sector: 'zorg', vorm: 'vrijwilligerswerk',
      postcode: '3311', plaats: 'Dordrecht', lat: 51.81, lon: 4.67, urenMin: 8, urenMax: 16, dagdelen: ['ma-ochtend'], capaciteit: 1,
      taalniveau: { spreken: 'A1', luisteren: 'A1', lezen: 'A0', schrijven: 'A0' }, lagerNiveauMetOndersteuning: false,
      taalrijkheid: {} as never, taalrijkheidsscore: 5, begeleiding: [], opbouw: false, fysiekeBelasting: 'laag', werkdruk: 'laag',
      binnenSchooltijden: false, vereisten: { rijbewijs: false, vog: false, vca: false }, vergoeding: { soort: 'geen' },
      publishedAt: now, versie: 1, createdAt: now, updatedAt: now,
    })
    await db.db.insert(outbox).values({ plekId: `p${i}`, versie: 1, createdAt: now })
  }
}

/** A change as the plekken service makes it: new version and its outbox row in one transaction. */
async function change(db: Database, id: string, values: Partial<typeof plek.$inferInsert>) {
  await db.db.transaction(async (tx) => {
    const [row] = await tx.select({ versie: plek.versie }).from(plek).where(eq(plek.id, id))
    const versie = row!.versie + 1
    await tx.update(plek).set({ ...values, versie }).where(eq(plek.id, id))
    await tx.insert(outbox).values({ plekId: id, versie, createdAt: now })
  })
}

describe('claim-based outbox worker (Meilisearch: each change applied once, by one instance)', () => {
  it('two workers on one database never apply a plek out of order, handle every row once, and converge', async () => {
    const { a, b } = await twoInstances()
    await seedPlekken(a, 20)
    const engine = new FlakyIndex(new EmbeddedSearchIndex())
    const clock = fixedClock(now)
    const wa = new OutboxIndexer(a.db, engine, clock, { workerId: 'A', batchSize: 3 })
    const wb = new OutboxIndexer(b.db, engine, clock, { workerId: 'B', batchSize: 3 })

    // Writers on both instances keep changing plekken while both workers drain concurrently.
    const writers = (async () => {
      for (let round = 0; round < 5; round++) {
        for (let i = 0; i < 20; i += 3) await change(round % 2 ? a : b, `p${i}`, { titel: `Plek ${i} ronde ${round}` })
        await new Promise((r) => setTimeout(r, 1))
      }
      await change(a, 'p4', { status: 'gesloten' })
    })()
    let writing = true
    void writers.finally(() => (writing = false))
    // The driver is synchronous underneath: yield to the event loop between batches, as the real
    // worker's timer does, so the writers get their turn.
    const handled = { A: 0, B: 0 }
    const loop = async (w: OutboxIndexer) => {
      while (writing) {
        handled[w.workerId as 'A' | 'B'] += await w.drainOnce()
        await new Promise((r) => setImmediate(r))
      }
    }
    const workers = Promise.all([loop(wa), loop(wb)])
    await writers
    await workers
    handled.A += await wa.drain()
    handled.B += await wb.drain()

    // per plek, the versions reaching the engine never go down
    const seen = new Map<string, number>()
    for (const { id, versie } of engine.applied) {
      expect(versie, `plek ${id}`).toBeGreaterThanOrEqual(seen.get(id) ?? 0)
      seen.set(id, versie)
    }
    // both workers did part of the work, and every outbox row was handled exactly once
    const rows = await a.db.select().from(outbox)
    expect(rows.every((r) => r.doneAt !== null)).toBe(true)
    expect(handled.A).toBeGreaterThan(0)
    expect(handled.B).toBeGreaterThan(0)
    expect(handled.A + handled.B).toBe(rows.length)
    // the index equals the database
    const plekken = await a.db.select().from(plek)
    expect(await indexedIds(engine.inner)).toEqual(plekken.filter(isSearchable).map((p) => p.id).sort())
    for (const p of plekken.filter(isSearchable)) expect(seen.get(p.id)).toBe(p.versie)
  })

  it('a crashed worker’s claim expires and another worker takes over', async () => {
    const { a, b } = await twoInstances()
    await seedPlekken(a, 3)
    const clock = fixedClock(now)
    const engine = new EmbeddedSearchIndex()
    // worker A claims the rows and "crashes" before applying them
    const claimed = await a.db.update(outbox).set({ claimedBy: 'A', claimedUntil: new Date(Date.parse(now) + 60_000).toISOString() }).returning()
    expect(claimed).toHaveLength(3)
    const wb = new OutboxIndexer(b.db, engine, clock, { workerId: 'B' })
    expect(await wb.drainOnce()).toBe(0) // A's claim still holds
    clock.advance(61_000)
    expect(await wb.drain()).toBe(3)
    expect(await indexedIds(engine)).toEqual(['p0', 'p1', 'p2'])
  })

  it('logs a failing claim query by kind and code, and keeps retrying until the database answers', async () => {
    const { a } = await twoInstances()
    await seedPlekken(a, 2)
    // the database fails the claim (an UPDATE … RETURNING through db.all), as a full disk would
    let failing = true
    const secret = 'geheim@voorbeeld.example'
    const db = new Proxy(a.db, {
      get(target, key, receiver) {
        if (key === 'all' && failing) {
          return () => Promise.reject(Object.assign(new Error(`SQLITE_IOERR: disk I/O error (${secret})`), { code: 'SQLITE_IOERR' }))
        }
        return Reflect.get(target, key, receiver)
      },
    })
    const logs: Record<string, unknown>[] = []
    const engine = new EmbeddedSearchIndex()
    const w = new OutboxIndexer(db, engine, fixedClock(now), { workerId: 'A', pollMs: 5, log: (l) => logs.push(l) })
    w.start()
    try {
      await until(() => logs.length >= 2)
      expect(logs[0]).toMatchObject({ level: 'warn', indexer: 'A', step: 'claim', error: 'Error', code: 'SQLITE_IOERR' })
      expect(JSON.stringify(logs)).not.toContain(secret)
      failing = false
      await until(async () => (await indexedIds(engine)).length === 2)
      expect(await indexedIds(engine)).toEqual(['p0', 'p1'])
    } finally {
      w.stop()
    }
  })

  it('a reindex marks the rows up to the head it read first as done; a change made during it stays for the worker', async () => {
    const { a } = await twoInstances()
    await seedPlekken(a, 3)
    const head = await readFeedHead(a.db)
    // claimed by a worker that died, and a change committed while the reindex ran
    await a.db.update(outbox).set({ claimedBy: 'dood', claimedUntil: '2026-11-23T10:00:00.000Z' }).where(eq(outbox.id, 1))
    await change(a, 'p1', { titel: 'Tijdens het herindexeren' })
    await markOutboxDone(a.db, head, now)
    const rows = await a.db.select().from(outbox).orderBy(outbox.id)
    expect(rows.map((r) => [r.id, r.doneAt, r.claimedBy])).toEqual([[1, now, null], [2, now, null], [3, now, null], [4, null, null]])
    const w = new OutboxIndexer(a.db, new EmbeddedSearchIndex(), fixedClock(now), { workerId: 'A' })
    expect(await w.drain()).toBe(1)
    expect(await w.lag()).toEqual({ pending: 0, oldestSeconds: 0, position: 4, latest: 4 })
  })

  it('backs off after a failure and retries later', async () => {
    const { a } = await twoInstances()
    await seedPlekken(a, 1)
    const clock = fixedClock(now)
    const engine = new FlakyIndex()
    const w = new OutboxIndexer(a.db, engine, clock, { workerId: 'A' })
    engine.down = true
    await expect(w.drainOnce()).rejects.toThrow()
    engine.down = false
    expect(await w.drainOnce()).toBe(0) // not due yet
    const [row] = await a.db.select().from(outbox)
    expect(row).toMatchObject({ attempts: 1, lastError: 'SearchUnavailableError' })
    clock.advance(2_000)
    expect(await w.drainOnce()).toBe(1)
    expect(await indexedIds(engine.inner)).toEqual(['p0'])
  })
})

describe('change feed (embedded engine: every instance applies every change)', () => {
  it('two followers, each with its own index, apply every change in order and both equal the database', async () => {
    const { a } = await twoInstances()
    await seedPlekken(a, 20)
    const clock = fixedClock(now)
    const engines = { A: new FlakyIndex(new EmbeddedSearchIndex(), 'A'), B: new FlakyIndex(new EmbeddedSearchIndex(), 'B') }
    const followers = {
      A: new FeedIndexer(a.db, engines.A, clock, { workerId: 'A', batchSize: 3 }),
      B: new FeedIndexer(a.db, engines.B, clock, { workerId: 'B', batchSize: 3 }),
    }
    // each starts as the server does: head first, then the rebuild, then the feed from the head
    await followers.A.rebuild()
    await followers.B.rebuild()
    expect(followers.A.position).toBe(20)

    const writers = (async () => {
      for (let round = 0; round < 5; round++) {
        for (let i = 0; i < 20; i += 3) await change(a, `p${i}`, { titel: `Plek ${i} ronde ${round}` })
        await new Promise((r) => setTimeout(r, 1))
      }
      await change(a, 'p4', { status: 'gesloten' })
    })()
    let writing = true
    void writers.finally(() => (writing = false))
    const handled = { A: 0, B: 0 }
    const loop = async (name: 'A' | 'B') => {
      while (writing) {
        handled[name] += await followers[name].applyOnce()
        await new Promise((r) => setImmediate(r))
      }
    }
    await Promise.all([writers, loop('A'), loop('B')])
    handled.A += await followers.A.drain()
    handled.B += await followers.B.drain()

    const head = await readFeedHead(a.db)
    const plekken = await a.db.select().from(plek)
    const searchable = plekken.filter(isSearchable)
    for (const name of ['A', 'B'] as const) {
      // every change after the start position was applied by this follower, none skipped
      expect(handled[name]).toBe(head - 20)
      expect(followers[name].position).toBe(head)
      // per plek, the versions reaching this index never go down
      const seen = new Map<string, number>()
      for (const { id, versie } of engines[name].applied) {
        expect(versie, `${name}: plek ${id}`).toBeGreaterThanOrEqual(seen.get(id) ?? 0)
        seen.set(id, versie)
      }
      expect(await indexedIds(engines[name].inner)).toEqual(searchable.map((p) => p.id).sort())
      for (const p of searchable) expect(seen.get(p.id)).toBe(p.versie)
      expect(await followers[name].lag()).toEqual({ pending: 0, oldestSeconds: 0, position: head, latest: head })
    }
    // the feed does not claim or mark rows: the outbox is the same for every instance
    expect((await a.db.select().from(outbox)).every((r) => r.doneAt === null && r.claimedBy === null)).toBe(true)
  })

  it('an engine failure keeps the position: nothing is skipped, and the change is applied once the engine is back', async () => {
    const { a } = await twoInstances()
    await seedPlekken(a, 2)
    const clock = fixedClock(now)
    const engine = new FlakyIndex()
    const logs: Record<string, unknown>[] = []
    const f = new FeedIndexer(a.db, engine, clock, { workerId: 'A', log: (l) => logs.push(l) })
    await f.drain() // no position yet: a full build first
    expect(f.position).toBe(2)
    await change(a, 'p1', { titel: 'Nieuwe titel' })
    engine.down = true
    await expect(f.drain()).rejects.toThrow(/onbereikbaar/)
    expect(f.position).toBe(2)
    expect(f.lastError).toBe('SearchUnavailableError')
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', indexer: 'A', step: 'apply', error: 'SearchUnavailableError' }))
    clock.advance(30_000)
    expect(await f.lag()).toEqual({ pending: 1, oldestSeconds: 30, position: 2, latest: 3 })

    engine.down = false
    expect(await f.drain()).toBe(1)
    expect(f.position).toBe(3)
    expect(f.lastError).toBeUndefined()
    expect(engine.applied.at(-1)).toMatchObject({ id: 'p1', versie: 2 })
  })

  it('notices a gap also when every change after its position was pruned and none came since', async () => {
    const { a } = await twoInstances()
    await seedPlekken(a, 3)
    const clock = fixedClock(now)
    const engine = new FlakyIndex()
    const logs: Record<string, unknown>[] = []
    const f = new FeedIndexer(a.db, engine, clock, { workerId: 'A', log: (l) => logs.push(l) })
    await f.rebuild()
    await change(a, 'p2', { status: 'gesloten' })
    clock.advance(25 * 3600_000)
    expect(await new FeedIndexer(a.db, new EmbeddedSearchIndex(), clock).prune()).toBe(4)
    expect((await a.db.select({ n: count() }).from(outbox))[0]!.n).toBe(0)

    await f.drain()
    expect(logs).toContainEqual(expect.objectContaining({ step: 'rebuild', reason: 'gap', position: 3, head: 4, next: null }))
    expect(f.position).toBe(4)
    expect(await indexedIds(engine.inner)).toEqual(['p0', 'p1'])
  })

  it('prunes from the oldest row up to the first younger one, so what is left is one unbroken range', async () => {
    const { a } = await twoInstances()
    const day = 24 * 3600_000
    const stamp = (msAgo: number) => new Date(Date.parse(now) - msAgo).toISOString()
    // ids 1..5; id 4 was stamped old by an instance whose clock runs a day and a half slow
    for (const [plekId, age] of [['p0', 3 * day], ['p1', 2 * day], ['p2', 1000], ['p3', 1.5 * day], ['p4', 10]] as const) {
      await a.db.insert(outbox).values({ plekId, versie: 1, createdAt: stamp(age) })
    }
    const f = new FeedIndexer(a.db, new EmbeddedSearchIndex(), fixedClock(now))
    expect(await f.prune()).toBe(2)
    expect((await a.db.select({ id: outbox.id }).from(outbox)).map((r) => r.id)).toEqual([3, 4, 5])
    expect(await f.prune()).toBe(0) // idempotent: every instance may run it
    expect(await readFeedHead(a.db)).toBe(5)
  })
})

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`niet binnen ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 5))
  }
}
