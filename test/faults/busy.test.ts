import { afterEach, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { count } from 'drizzle-orm'
import { deelnemer } from '../../db/schema.js'
import { deelnemerBody, plekBody } from '../helpers.js'
import { errorShape, faultApp } from './fault-app.js'

// Another process holds the database's write lock (test/faults/lock-holder.ts: BEGIN IMMEDIATE on
// its own connection). A write of the app then waits for it (the busy timeout, 5 s: SQLite itself
// for 20 ms, then db/client.ts with a timer, so the event loop serves other requests meanwhile)
// and succeeds; when the lock outlasts the timeout, the answer is a 503 `database-bezet` with
// Retry-After, never a 500; and once the lock is gone, writing works again without a restart.

const holderScript = fileURLToPath(new URL('./lock-holder.ts', import.meta.url))
const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).reverse().forEach((f) => f()))

function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), 'pp-busy-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'busy.db')
}

/** Starts the lock holder and resolves once it holds the lock; `released` resolves with the time it let go. */
async function holdLock(file: string, hold: number | 'stdin') {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', holderScript, file, String(hold)], { stdio: ['pipe', 'pipe', 'inherit'] })
  cleanup.push(() => child.kill('SIGKILL'))
  let out = ''
  let onLine: () => void = () => {}
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString()
    onLine()
  })
  const line = (word: string) =>
    new Promise<number>((resolve, reject) => {
      const check = () => {
        const m = out.match(new RegExp(`${word} (\\d+)`))
        if (m) resolve(Number(m[1]))
      }
      const previous = onLine
      onLine = () => {
        previous()
        check()
      }
      child.once('exit', (code) => (out.includes(word) ? check() : reject(new Error(`lock-holder stopte (${code}) zonder "${word}"`))))
      check()
    })
  const lockedAt = await line('vast')
  const released = line('los')
  released.catch(() => {}) // a failed test kills the holder; its own assertion already reported why
  return { lockedAt, released, release: () => child.stdin!.write('los\n') }
}

describe('database locked by another process', () => {
  it('a write waits for the lock and succeeds once it is released within the busy timeout', async () => {
    const file = tempFile()
    const t = await faultApp({ url: `file:${file}` }) // the server's own setting: busy_timeout 5000 ms
    cleanup.push(t.close)
    const jobhunter = await t.makeUser('jobhunter')

    const lock = await holdLock(file, 2500)
    const sent = Date.now()
    const res = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody() })
    const answered = Date.now()
    const releasedAt = await lock.released

    expect(res.status).toBe(201)
    // it was sent while the lock was held and answered after it was released: it waited, then wrote
    expect(sent).toBeLessThan(releasedAt)
    expect(answered).toBeGreaterThanOrEqual(releasedAt)
    expect((await t.request('GET', `/api/deelnemers/${res.json.id}`, { cookie: jobhunter.cookie })).status).toBe(200)
  })

  it('while a write waits for the lock, the event loop is free: requests that do not write are answered at once', async () => {
    const file = tempFile()
    const t = await faultApp({ url: `file:${file}` })
    cleanup.push(t.close)
    const jobhunter = await t.makeUser('jobhunter')
    const werkgever = await t.makeUser('werkgever')
    await t.request('GET', '/api/plekken', { cookie: werkgever.cookie }) // sessions read once, then cached

    const lock = await holdLock(file, 'stdin') // held until we say so
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    let answered = 0
    const write = t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody() }).then((r) => ((answered = Date.now()), r))
    await new Promise((r) => setTimeout(r, 300)) // the write is waiting now
    const started = Date.now()
    const [zoeken, plekken] = await Promise.all([
      t.request('GET', '/api/zoeken?q=magazijn', { cookie: jobhunter.cookie }),
      t.request('GET', '/api/plekken', { cookie: werkgever.cookie }), // a read: WAL readers do not wait
    ])
    const answeredIn = Date.now() - started
    expect(answered).toBe(0) // the write still waits
    lock.release()
    const releasedAt = await lock.released
    expect((await write).status).toBe(201)
    delay.disable()

    expect([zoeken.status, plekken.status]).toEqual([200, 200])
    expect(answeredIn).toBeLessThan(250)
    expect(answered).toBeGreaterThanOrEqual(releasedAt)
    // SQLite waits at most db/client.ts's SYNC_BUSY_MS (20 ms) at a time; the rest is a timer
    expect(delay.max / 1e6).toBeLessThan(150)
  })

  it('a lock longer than the busy timeout gives 503 with Retry-After, never a 500, and writes work again after it', async () => {
    const file = tempFile()
    // a short busy timeout so the test does not wait 5 s; the code path is the same
    const t = await faultApp({ url: `file:${file}`, busyTimeoutMs: 200 })
    cleanup.push(t.close)
    const jobhunter = await t.makeUser('jobhunter')
    const werkgever = await t.makeUser('werkgever')
    const before = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: 'Voor het slot' }) })
    expect(before.status).toBe(201)

    const beheerder = await t.makeUser('beheerder')
    const lock = await holdLock(file, 'stdin') // held until we say so: no timing in the assertions
    const during = [
      await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: 'Tijdens het slot' }) }),
      // reads go on: WAL readers never wait for a writer (the plekken list: the deelnemers list
      // writes an audit row of who saw whom since issue 15, so it waits like a write)
      await t.request('GET', '/api/plekken', { cookie: werkgever.cookie }),
      await t.request('GET', '/api/health', { cookie: beheerder.cookie }), // details: for a beheerder
      await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() }),
      await t.request('PATCH', `/api/deelnemers/${before.json.id}`, { cookie: jobhunter.cookie, body: { moedertaal: 'Tigrinya' } }),
      // viewing one deelnemer writes an audit row (who viewed whom) in the same transaction: a write
      await t.request('GET', `/api/deelnemers/${before.json.id}`, { cookie: jobhunter.cookie }),
    ]
    expect(during.map((r) => r.status)).toEqual([503, 200, 200, 503, 503, 503])
    for (const r of [during[0]!, during[3]!, during[4]!, during[5]!]) {
      expect(r.json).toEqual(errorShape('database-bezet'))
      expect(r.json.error.message).toMatch(/bezet/)
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(during[2]!.json.database).toEqual({ ok: true })

    lock.release()
    await lock.released
    // The same process, no restart: writing works again. (Before the fix in db/client.ts, the libSQL
    // driver kept the failed statement active, the reads above pinned an old snapshot, and every
    // later write failed with SQLITE_BUSY_SNAPSHOT: a 503 for good.)
    const after = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: 'Na het slot' }) })
    expect(after.status).toBe(201)
    const unchanged = await t.request('GET', `/api/deelnemers/${before.json.id}`, { cookie: jobhunter.cookie })
    expect(unchanged.status).toBe(200)
    expect(unchanged.json.moedertaal).toBe('Somalisch') // the refused PATCH changed nothing
    expect((await t.request('PATCH', `/api/deelnemers/${before.json.id}`, { cookie: jobhunter.cookie, body: { moedertaal: 'Tigrinya' } })).status).toBe(200)
    expect((await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })).status).toBe(201)
    // the refused writes left nothing behind: two deelnemers, the one before and the one after
    const [n] = await t.database.db.select({ n: count() }).from(deelnemer)
    expect(n!.n).toBe(2)
    // and the connection kept its settings after being reopened
    const pragmas = await t.database.client.execute('PRAGMA foreign_keys')
    expect(Number(pragmas.rows[0]![0])).toBe(1)
  })
})
