import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomInt } from 'node:crypto'
import { openDatabase } from '../../db/client.js'
import { plek } from '../../db/schema.js'
import { isSearchable } from '../../server/domain/zoeken.js'
import { beheerderCookie, call, DEMO_WACHTWOORD, healthOf, loginAs, retryWhileBusy, startServerProcess, waitForIndex, type ServerProcess } from '../faults/server-process.js'
import { ackCount, demoUsers, runWriteLoad, type LoadUsers } from '../faults/write-load.js'
import { deelnemerBody, plekBody } from '../helpers.js'
import { skipSqld, sqldCount, sqldExecute, startSqld, type Sqld } from './sqld.js'
import { SHARED_SESSION_SECRET, startInstances, stopInstances } from './pair.js'

// Issue 13, search across instances: a real sqld and two real app processes A and B, each with its
// own embedded index following the database through the change feed (search/feed.ts). What A
// changes, B's /api/zoeken shows within a second; a SIGKILLed A loses nothing acknowledged, B
// serves on, and the restarted A catches up. Also: what a sqld that blocks writes, or one that is
// down, does to the app.
// The measured times are printed (console.log) and recorded in docs/operations.md (Scale-out).

const ROUNDS = 5
const CONVERGE_MS = 1000
const KILL_AFTER = 60

let sqld: Sqld
let A: ServerProcess
let B: ServerProcess
const running: ServerProcess[] = []
let users: LoadUsers

/** A word no plek has (letters only, so the tokenizer keeps it whole), to search for one plek. */
const uniqueWord = (prefix: string) => prefix + Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('')

async function publishOn(s: ServerProcess, titel: string) {
  // B's writes right after A was killed wait for the lock A's open transaction held (a 503 with Retry-After)
  const p = await retryWhileBusy(() => call(s.base, 'POST', '/api/plekken', { cookie: users.werkgever, body: plekBody({ titel }) }))
  expect(p.status, JSON.stringify(p.json)).toBe(201)
  const pub = await retryWhileBusy(() => call(s.base, 'POST', `/api/plekken/${p.json.id}/publiceren`, { cookie: users.werkgever }))
  expect(pub.status, JSON.stringify(pub.json)).toBe(200)
  return p.json.id as string
}

async function foundOn(s: ServerProcess, word: string, id: string) {
  const res = await call(s.base, 'GET', `/api/zoeken?q=${word}&perPage=100`, { cookie: users.jobhunter })
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  return res.json.items.some((item: { id: string }) => item.id === id)
}

/** Polls `s` until `found` is what search says; answers the milliseconds since `since`. */
async function untilSearch(s: ServerProcess, word: string, id: string, found: boolean, since: number, timeoutMs = 5000) {
  for (;;) {
    if ((await foundOn(s, word, id)) === found) return Date.now() - since
    if (Date.now() - since > timeoutMs) throw new Error(`${id} na ${timeoutMs} ms nog ${found ? 'niet' : ''} vindbaar op ${s.base}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Every plek id search on `s` finds, page by page (newest first). */
async function everythingFoundOn(s: ServerProcess) {
  const found = new Set<string>()
  for (let page = 1; ; page++) {
    const res = await call(s.base, 'GET', `/api/zoeken?sort=nieuwste&perPage=100&page=${page}`, { cookie: users.jobhunter })
    expect(res.status).toBe(200)
    for (const item of res.json.items) found.add(item.id)
    if (res.json.items.length < 100) return found
  }
}

/** The plekken the database says are searchable, read straight from sqld. */
async function searchableInDatabase() {
  const database = await openDatabase(sqld.url)
  try {
    return new Set((await database.db.select().from(plek)).filter(isSearchable).map((p) => p.id))
  } finally {
    database.close()
  }
}

const summary = (ms: number[]) => `${ms.join(', ')} ms (mediaan ${[...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]}, max ${Math.max(...ms)})`

describe.skipIf(skipSqld)('search across two app instances on one sqld', () => {
  beforeAll(async () => {
    sqld = await startSqld({ admin: true })
    const [a, b] = await startInstances(sqld, 2, {}, { together: true })
    A = a!
    B = b!
    running.push(A, B)
    await Promise.all([waitForIndex(A.base), waitForIndex(B.base)])
    users = await demoUsers(A.base) // sessions are in the database: the same cookies work on B
  }, 60_000)
  afterAll(async () => {
    await stopInstances(running)
    await sqld?.stop()
  })

  it(`a plek published on A is found by /api/zoeken on B within ${CONVERGE_MS} ms, and gone from B within ${CONVERGE_MS} ms after closing it on A`, async () => {
    const found: number[] = []
    const gone: number[] = []
    for (let r = 0; r < ROUNDS; r++) {
      const word = uniqueWord('kwartel')
      const id = await publishOn(A, `Gastheer ${word}`)
      const published = Date.now() // the answer comes after the commit
      found.push(await untilSearch(B, word, id, true, published))
      expect(await foundOn(A, word, id), 'A applies its own change at once').toBe(true)

      const dicht = await call(A.base, 'POST', `/api/plekken/${id}/sluiten`, { cookie: users.werkgever })
      expect(dicht.status, JSON.stringify(dicht.json)).toBe(200)
      const closed = Date.now()
      gone.push(await untilSearch(B, word, id, false, closed))
    }
    console.log(`Gepubliceerd op A → vindbaar op B na ${summary(found)}; gesloten op A → weg op B na ${summary(gone)}`)
    for (const ms of [...found, ...gone]) expect(ms).toBeLessThan(CONVERGE_MS)
  })

  it("B's /api/health shows its own feed position and lag", async () => {
    await publishOn(A, `Kok ${uniqueWord('lag')}`)
    const latest = await sqldCount(sqld.url, 'select max(id) from outbox')
    const health = await waitForIndex(B.base, 5000)
    // positie: everything up to it is in B's index; laatste: the database's latest change
    expect(health.outbox).toEqual({ positie: latest, laatste: latest, wachtend: 0, oudsteSeconden: 0 })
    expect(health).toMatchObject({ status: 'ok', zoekmachine: { engine: 'embedded', index: 'klaar' } })
  })

  it('SIGKILL of A under a write load: B answers throughout, no acknowledged write is lost, and a restarted A catches up', { timeout: 120_000 }, async () => {
    // B is watched all along: its health and its search must answer 200 at every moment
    let watching = true
    const beheerder = await beheerderCookie(A.base) // /api/health shows the database part to a beheerder; sessions are shared
    const watch = { health: 0, zoeken: 0, slowest: { health: 0, zoeken: 0 }, failures: [] as string[] }
    const watcher = (async () => {
      while (watching) {
        for (const [kind, path] of [['health', '/api/health'], ['zoeken', '/api/zoeken?q=plek&perPage=5']] as const) {
          try {
            const sent = Date.now()
            const res = await call(B.base, 'GET', path, { cookie: kind === 'health' ? beheerder : users.jobhunter })
            watch.slowest[kind] = Math.max(watch.slowest[kind], Date.now() - sent)
            if (res.status !== 200 || (kind === 'health' && !res.json.database?.ok)) watch.failures.push(`${kind}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`)
            else watch[kind]++
          } catch (e) {
            watch.failures.push(`${kind}: geen antwoord (${e instanceof Error ? e.message : String(e)})`)
          }
        }
        await new Promise((r) => setTimeout(r, 25))
      }
    })()

    let killed = false
    const acked = await runWriteLoad(A.base, users, {
      workers: 8,
      label: 'scale-kill',
      stop: () => killed,
      onAck: (a) => {
        if (!killed && ackCount(a) >= KILL_AFTER) {
          killed = true
          A.child.kill('SIGKILL') // synchronously, with the other workers' requests in flight
        }
      },
    })
    expect(await A.exited).toEqual({ code: null, signal: 'SIGKILL' })
    expect(acked.unexpected).toEqual([])
    expect(acked.unanswered, 'requests were in flight when A was killed').toBeGreaterThan(0)

    // While A is down, B takes writes. A transaction A had open on sqld when it died keeps sqld's
    // write lock until sqld's transaction timeout (5 s by default): B's writes wait for it, then succeed.
    const killedAt = Date.now()
    const whileDown = await Promise.all([0, 1, 2].map(async (i) => {
      const word = uniqueWord(`afwezig${'abc'[i]}`)
      return { word, id: await publishOn(B, `Schilder ${word}`) }
    }))
    const firstWritesMs = Date.now() - killedAt

    // every acknowledged write is in the database (read from sqld, not through either app)
    const ids = (xs: Iterable<string>) => [...xs].map((id) => `'${id}'`).join(',') || "''"
    const plekRows = new Map((await sqldExecute(sqld.url, `select id, status from plek where id in (${ids(acked.plekken.keys())})`)).rows.map((r) => [String(r[0]), String(r[1])]))
    const deelnemerRows = new Set((await sqldExecute(sqld.url, `select id from deelnemer where id in (${ids(acked.deelnemers)})`)).rows.map((r) => String(r[0])))
    const nazorgRows = new Set((await sqldExecute(sqld.url, `select id from nazorgcontact where id in (${ids(acked.nazorg.map((n) => n.id))})`)).rows.map((r) => String(r[0])))
    const lost = [
      ...[...acked.plekken].filter(([id, p]) => !plekRows.has(id) || (p.gepubliceerd && plekRows.get(id) !== 'gepubliceerd')).map(([id]) => `plek ${id}`),
      ...[...acked.deelnemers].filter((id) => !deelnemerRows.has(id)).map((id) => `deelnemer ${id}`),
      ...acked.nazorg.filter((n) => !nazorgRows.has(n.id)).map((n) => `nazorg ${n.id}`),
    ]
    expect(lost).toEqual([])

    // B's index has all of it, its own writes and A's acknowledged ones
    const healthB = await waitForIndex(B.base, 5000)
    expect(healthB.outbox.positie).toBe(healthB.outbox.laatste)
    const searchable = await searchableInDatabase()
    expect([...(await everythingFoundOn(B))].sort()).toEqual([...searchable].sort())

    // A again, on the same server: rebuilt from the database, then the feed; lag back to 0
    const restarted = Date.now()
    A = await startServerProcess(sqld.url, { SESSION_SECRET: SHARED_SESSION_SECRET })
    running.push(A)
    const healthA = await waitForIndex(A.base)
    const caughtUpMs = Date.now() - restarted
    expect(healthA).toMatchObject({ status: 'ok', outbox: { wachtend: 0, oudsteSeconden: 0 } })
    expect(healthA.outbox.positie).toBe(healthA.outbox.laatste)
    for (const { word, id } of whileDown) expect(await foundOn(A, word, id), `op B geschreven terwijl A weg was: ${id}`).toBe(true)
    for (const [id, p] of acked.plekken) if (p.gepubliceerd) expect(searchable.has(id)).toBe(true)
    expect([...(await everythingFoundOn(A))].sort()).toEqual([...(await searchableInDatabase())].sort())

    watching = false
    await watcher
    expect(watch.failures).toEqual([])
    expect(watch.health).toBeGreaterThan(10)
    console.log(
      `SIGKILL van A na ${ackCount(acked)} bevestigde schrijfacties (${acked.plekken.size} plekken, ${acked.deelnemers.size} deelnemers, ${acked.nazorg.length} nazorgcontacten; ` +
        `${acked.unanswered} verzoeken zonder antwoord, ${acked.busyRetries} keer 503 met Retry-After opnieuw verstuurd): ${lost.length} verloren; B beantwoordde ${watch.health} health- en ${watch.zoeken} zoekverzoeken zonder fout (traagste ${watch.slowest.health} en ${watch.slowest.zoeken} ms); ` +
        `B's eerste schrijfacties na de kill klaar in ${firstWritesMs} ms; A herstart en bijgewerkt (lag 0, ${whileDown.length} plekken van B vindbaar) in ${caughtUpMs} ms`,
    )
  })

  it('a sqld that blocks writes: writes answer 503 database-alleen-lezen, reads go on, health says so, and writes work again once unblocked', async () => {
    // a session whose last activity is over a minute old: reading with it would touch it (a write)
    const cookie = await loginAs(A.base, 'jobhunter@demo.example')
    await sqldExecute(sqld.url, `update sessie set last_seen_at = '${new Date(Date.now() - 120_000).toISOString()}'`)
    await sqld.blockWrites!(true, 'onderhoud')
    try {
      for (const s of [A, B]) {
        const writes = [
          await call(s.base, 'POST', '/api/plekken', { cookie: users.werkgever, body: plekBody() }),
          await call(s.base, 'POST', '/api/deelnemers', { cookie: users.jobhunter, body: deelnemerBody({ gemeenteId: users.gemeenteId }) }),
          await call(s.base, 'POST', '/api/sessie', { body: { email: 'werkgever@demo.example', wachtwoord: DEMO_WACHTWOORD } }),
        ]
        for (const w of writes) {
          expect(w.status, JSON.stringify(w.json)).toBe(503)
          expect(w.json.error).toMatchObject({ code: 'database-alleen-lezen', message: 'Opslaan lukt nu niet: de database is alleen-lezen of vol.' })
        }
        // reads keep working, also with a session that cannot be touched now
        expect((await call(s.base, 'GET', '/api/zoeken?q=plek', { cookie })).status).toBe(200)
        expect((await call(s.base, 'GET', '/api/plekken?limit=5', { cookie: users.werkgever })).status).toBe(200)
        const health = await healthOf(s.base)
        expect(health).toMatchObject({ status: 'degraded', database: { ok: true }, opslag: { ok: false, detail: 'De database is alleen-lezen: opslaan lukt niet.' } })
      }
    } finally {
      await sqld.blockWrites!(false)
    }
    for (const s of [A, B]) {
      expect(await healthOf(s.base)).toMatchObject({ status: 'ok', opslag: { ok: true } })
      expect((await call(s.base, 'POST', '/api/deelnemers', { cookie: users.jobhunter, body: deelnemerBody({ naam: 'Weer opgeslagen', gemeenteId: users.gemeenteId }) })).status).toBe(201)
    }
  })

  it('sqld down: both instances answer 503 database-onbereikbaar and health says so; once sqld is back they work again without a restart', async () => {
    await sqld.kill()
    try {
      for (const s of [A, B]) {
        for (const res of [
          await call(s.base, 'POST', '/api/deelnemers', { cookie: users.jobhunter, body: deelnemerBody({ gemeenteId: users.gemeenteId }) }),
          await call(s.base, 'GET', '/api/plekken?limit=5', { cookie: users.werkgever }),
        ]) {
          expect(res.status, JSON.stringify(res.json)).toBe(503)
          expect(res.json.error).toMatchObject({ code: 'database-onbereikbaar', message: 'De database antwoordt niet. Probeer het zo opnieuw.' })
          expect(res.headers.get('retry-after')).toBe('5')
        }
        // anonymous: the status only (a beheerder's session cannot be checked while the database is away)
        const health = await call(s.base, 'GET', '/api/health')
        expect(health.status).toBe(200)
        expect(health.json).toEqual({ status: 'degraded' })
      }
    } finally {
      await sqld.restart()
    }
    for (const s of [A, B]) {
      expect((await call(s.base, 'POST', '/api/deelnemers', { cookie: users.jobhunter, body: deelnemerBody({ naam: 'Na de storing', gemeenteId: users.gemeenteId }) })).status).toBe(201)
      // the feed retries with backoff (0.5 s doubling): the index follows again by itself
      expect((await waitForIndex(s.base, 10_000)).outbox.wachtend).toBe(0)
    }
  })
})
