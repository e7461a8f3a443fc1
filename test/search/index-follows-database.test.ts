import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count } from 'drizzle-orm'
import { openDatabase, type Database } from '../../db/client.js'
import { organisatie, outbox, plek } from '../../db/schema.js'
import { createApp } from '../../server/app.js'
import { createSession } from '../../server/auth/sessions.js'
import { fixedClock } from '../../server/clock.js'
import { loadConfig } from '../../server/config.js'
import type { Deps } from '../../server/context.js'
import { runDailyJobs } from '../../server/daily-jobs.js'
import { isSearchable } from '../../server/domain/zoeken.js'
import { insertGebruiker } from '../../server/services/gebruikers.js'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { startSearch, type SearchRuntime } from '../../search/engine.js'
import type { PlekDocument } from '../../search/port.js'
import { plekBody, requester, WACHTWOORD } from '../helpers.js'
import { indexedIds } from './flaky-index.js'

// Issue 13, item 1: every instance's embedded index follows the database. Two app instances in this
// process, as two servers would be: each its own database client, its own embedded index and its
// own change-feed follower (startSearch, polling as in production), on ONE database file. What is
// written through A must be found through B's /api/zoeken within a second, and B's /api/health
// must tell how far B is behind. (Writes go through A one request at a time: two connections of
// one process must not hold the write lock at the same moment, docs/architecture.md "Database".)

const clock = fixedClock('2026-11-23T09:00:00.000Z')
const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', LOG_REQUESTS: 'false' })
const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).reverse().forEach((f) => f()))

/** An index whose first upsert waits until the test opens the gate: a start-up rebuild caught halfway. */
class GatedIndex extends EmbeddedSearchIndex {
  private gate?: { entered: () => void; open: Promise<void> }
  hold(): { entered: Promise<void>; release: () => void } {
    let release!: () => void
    let entered!: () => void
    const reached = new Promise<void>((r) => (entered = r))
    this.gate = { entered, open: new Promise<void>((r) => (release = r)) }
    return { entered: reached, release }
  }
  override async upsert(docs: PlekDocument[]) {
    const gate = this.gate
    if (gate) {
      this.gate = undefined
      gate.entered()
      await gate.open
    }
    return super.upsert(docs)
  }
}

interface Instance {
  name: string
  deps: Deps
  database: Database
  search: SearchRuntime
  index: EmbeddedSearchIndex
  logs: Record<string, unknown>[]
  request: ReturnType<typeof requester>
}

async function sharedFile() {
  const dir = mkdtempSync(join(tmpdir(), 'pp-twee-instanties-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return `file:${join(dir, 'gedeeld.db')}`
}

/** One app instance on `url`, as server/main.ts starts it: search starts and follows the feed. */
async function instance(name: string, url: string, index = new EmbeddedSearchIndex(), opts: { waitForIndex?: boolean } = {}): Promise<Instance> {
  const database = await openDatabase(url)
  const logs: Record<string, unknown>[] = []
  const log = (l: Record<string, unknown>) => void logs.push(l)
  const deps: Deps = { db: database.db, clock, config, log }
  const search = startSearch(database.db, clock, index, log)
  deps.search = search
  cleanup.push(() => {
    search.stop()
    database.close()
  })
  if (opts.waitForIndex !== false) await search.ready
  return { name, deps, database, search, index, logs, request: requester(createApp(deps)) }
}

let n = 0
/** A werkgever (with an organisatie) and a jobhunter, made through A; their sessions live in the shared database. */
async function accounts(a: Instance) {
  const now = clock.now().toISOString()
  const organisatieId = `org-${++n}`
  await a.database.db.insert(organisatie).values({
    id: organisatieId, naam: 'Fietsenwerkplaats De Spaak', soort: 'werkgever', postcode: '3311 AB', plaats: 'Dordrecht',
    contactpersoon: { naam: 'Petra de Vries', email: 'petra@voorbeeld.example', telefoon: '078-123 45 67' }, createdAt: now, updatedAt: now,
  })
  const werkgever = await insertGebruiker(a.deps, { email: `werkgever${n}@test.example`, wachtwoord: WACHTWOORD, naam: 'Werkgever', rol: 'werkgever', organisatieId })
  const jobhunter = await insertGebruiker(a.deps, { email: `jobhunter${n}@test.example`, wachtwoord: WACHTWOORD, naam: 'Jobhunter', rol: 'jobhunter' })
  return {
    werkgever: `sessie=${await createSession(a.deps, werkgever.id)}`,
    jobhunter: `sessie=${await createSession(a.deps, jobhunter.id)}`,
  }
}

async function publish(a: Instance, cookie: string, titel: string) {
  const created = await a.request('POST', '/api/plekken', { cookie, body: plekBody({ titel }) })
  expect(created.status).toBe(201)
  expect((await a.request('POST', `/api/plekken/${created.json.id}/publiceren`, { cookie })).status).toBe(200)
  return created.json.id as string
}

/** The ids /api/zoeken of this instance finds for `q`. */
async function found(s: Instance, cookie: string, q: string): Promise<string[]> {
  const res = await s.request('GET', `/api/zoeken?q=${encodeURIComponent(q)}&perPage=100`, { cookie })
  expect(res.status).toBe(200)
  return res.json.items.map((i: { id: string }) => i.id)
}

/** Polls until `check` holds; answers how long that took (ms). No blind sleeps. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now()
  for (;;) {
    if (await check()) return performance.now() - started
    if (performance.now() - started > ms) throw new Error(`niet binnen ${ms} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** /api/health with its details, as a beheerder sees it (an anonymous caller gets only the status). */
const beheerders = new Map<Instance, string>()
async function health(s: Instance) {
  let cookie = beheerders.get(s)
  if (!cookie) {
    const b = await insertGebruiker(s.deps, { email: `beheerder${++n}@test.example`, wachtwoord: WACHTWOORD, naam: 'Beheerder', rol: 'beheerder' })
    beheerders.set(s, (cookie = `sessie=${await createSession(s.deps, b.id)}`))
  }
  return (await s.request('GET', '/api/health', { cookie })).json
}

describe('two instances on one database: each index follows the database', () => {
  it('a plek published through A is found through B within a second; closed on A, it is gone on B within a second', async () => {
    const url = await sharedFile()
    const A = await instance('A', url)
    const B = await instance('B', url)
    const { werkgever, jobhunter } = await accounts(A)

    const id = await publish(A, werkgever, 'Fietsenmaker in de werkplaats')
    const appeared = await within(3000, async () => (await found(B, jobhunter, 'fietsenmaker')).includes(id))
    expect(appeared).toBeLessThan(1000)
    // A had it at once: its own change woke its follower
    expect(await found(A, jobhunter, 'fietsenmaker')).toEqual([id])

    expect((await A.request('POST', `/api/plekken/${id}/sluiten`, { cookie: werkgever })).status).toBe(200)
    const gone = await within(3000, async () => !(await found(B, jobhunter, 'fietsenmaker')).includes(id))
    expect(gone).toBeLessThan(1000)

    // both report themselves up to date, at the database's latest change
    for (const s of [A, B]) {
      await within(1000, async () => (await health(s)).outbox.wachtend === 0)
      const h = await health(s)
      expect(h).toMatchObject({ status: 'ok', opslag: { ok: true }, outbox: { wachtend: 0, oudsteSeconden: 0 } })
      expect(h.outbox.positie).toBe(h.outbox.laatste)
      expect(h.outbox.laatste).toBeGreaterThan(0)
    }
  })

  it('a change committed while B rebuilds its index at start-up is not lost', async () => {
    const url = await sharedFile()
    const A = await instance('A', url)
    const { werkgever, jobhunter } = await accounts(A)
    const bakker = await publish(A, werkgever, 'Bakker oude titel')

    // B starts; its rebuild has read the plekken (the page with the old title) and waits to store them
    const gated = new GatedIndex()
    const gate = gated.hold()
    const B = await instance('B', url, gated, { waitForIndex: false })
    await gate.entered
    expect(B.search.state()).toBe('opbouwen')
    // meanwhile, through A: an edit of that plek, a new plek, and one closed
    expect((await A.request('PATCH', `/api/plekken/${bakker}`, { cookie: werkgever, body: { titel: 'Bakker nieuwe titel' } })).status).toBe(200)
    const slager = await publish(A, werkgever, 'Slager in opleiding')
    const bloemist = await publish(A, werkgever, 'Bloemist op zaterdag')
    expect((await A.request('POST', `/api/plekken/${bloemist}/sluiten`, { cookie: werkgever })).status).toBe(200)
    gate.release()
    await B.search.ready

    // the rebuild stored the old state; the feed from the head read before it brings the rest
    await within(1000, async () => (await found(B, jobhunter, 'slager')).includes(slager))
    const res = await B.request('GET', '/api/zoeken?q=bakker', { cookie: jobhunter })
    expect(res.json.items.map((i: { titel: string }) => i.titel)).toEqual(['Bakker nieuwe titel'])
    expect(await found(B, jobhunter, 'bloemist')).toEqual([])
    const searchable = (await B.database.db.select().from(plek)).filter(isSearchable).map((p) => p.id).sort()
    expect(await indexedIds(B.index)).toEqual(searchable)
  })

  it('an instance whose position fell behind pruned changes (a gap) rebuilds its index in full', async () => {
    const url = await sharedFile()
    const A = await instance('A', url)
    const B = await instance('B', url)
    const { werkgever, jobhunter } = await accounts(A)
    const weg = await publish(A, werkgever, 'Timmerman die verdwijnt')
    await within(1000, async () => (await found(B, jobhunter, 'timmerman')).includes(weg))

    // B stalls; A goes on: closes one plek, publishes another
    B.search.indexer.stop()
    expect((await A.request('POST', `/api/plekken/${weg}/sluiten`, { cookie: werkgever })).status).toBe(200)
    const blijft = await publish(A, werkgever, 'Schilder binnenwerk')
    const stalledAt = (await health(B)).outbox.positie as number

    // a day later the daily job prunes the outbox: every change B has not applied is gone
    clock.advance(25 * 3600_000)
    await runDailyJobs(A.deps)
    expect(A.logs.some((l) => l.event === 'outbox-opruimen' && Number(l.verwijderd) > 0)).toBe(true)
    const [left] = await A.database.db.select({ n: count() }).from(outbox)
    expect(left!.n).toBe(0)
    const cookies = await accounts(A) // the sessions of before expired meanwhile
    const nieuw = await publish(A, cookies.werkgever, 'Stukadoor na de pauze')

    // B resumes: its next change (position + 1) is gone, so it rebuilds from the database
    B.search.indexer.start()
    await within(1000, async () => (await found(B, cookies.jobhunter, 'stukadoor')).includes(nieuw))
    expect(B.logs).toContainEqual(expect.objectContaining({ step: 'rebuild', reason: 'gap', position: stalledAt }))
    expect(await found(B, cookies.jobhunter, 'timmerman')).toEqual([]) // its removal was only in a pruned row
    expect(await found(B, cookies.jobhunter, 'schilder')).toEqual([blijft])
    const searchable = (await B.database.db.select().from(plek)).filter(isSearchable).map((p) => p.id).sort()
    expect(await indexedIds(B.index)).toEqual(searchable)
    await within(1000, async () => (await health(B)).status === 'ok')
  })

  it('health tells each instance’s own lag, and degraded once it is older than 5 s', async () => {
    const url = await sharedFile()
    const A = await instance('A', url)
    const B = await instance('B', url)
    const { werkgever } = await accounts(A)
    await within(1000, async () => (await health(B)).outbox.wachtend === 0)

    B.search.indexer.stop() // B stalls: it applies nothing more
    await publish(A, werkgever, 'Kapper in de wijk') // two changes: made and published
    await within(1000, async () => (await health(A)).outbox.wachtend === 0)

    const fresh = await health(B)
    expect(fresh).toMatchObject({ status: 'ok', outbox: { wachtend: 2, oudsteSeconden: 0 } })
    expect(fresh.outbox.laatste - fresh.outbox.positie).toBe(2)

    clock.advance(4_000)
    expect((await health(B)).status).toBe('ok') // 4 s behind: not yet
    clock.advance(2_000)
    const late = await health(B)
    expect(late).toMatchObject({ status: 'degraded', outbox: { wachtend: 2, oudsteSeconden: 6 } })
    expect(late.redenen).toEqual(['De zoekindex van deze instantie loopt 6 seconden achter (2 wijzigingen wachten).'])
    // A, on the same database, is up to date and says so
    expect(await health(A)).toMatchObject({ status: 'ok', redenen: [], outbox: { wachtend: 0 } })

    B.search.indexer.start()
    await within(1000, async () => (await health(B)).status === 'ok')
    const caughtUp = await health(B)
    expect(caughtUp.outbox).toMatchObject({ wachtend: 0, oudsteSeconden: 0, positie: caughtUp.outbox.laatste })
  })
})
