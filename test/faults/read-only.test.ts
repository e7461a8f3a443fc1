import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count } from 'drizzle-orm'
import { deelnemer } from '../../db/schema.js'
import { deelnemerBody, plekBody } from '../helpers.js'
import { errorShape, faultApp } from './fault-app.js'

// A database that cannot take writes: read-only (a disk remounted read-only after errors, a file
// without write permission) and full (no space left). Tests may run as root, who ignores file
// permissions, so the faults are made on the app's own connection, where SQLite reports them with
// the same codes: PRAGMA query_only=ON gives SQLITE_READONLY, and PRAGMA max_page_count at the
// current size gives SQLITE_FULL ("database or disk is full") as soon as a write needs a new page.
// Either way: a clear 503 in Dutch in the contract's shape, reads keep working, nothing half-written,
// /api/health says so (`opslag`), and writing works again once the cause is gone, without a restart.

const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).reverse().forEach((f) => f()))

async function appOnFile() {
  const dir = mkdtempSync(join(tmpdir(), 'pp-readonly-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  const t = await faultApp({ url: `file:${join(dir, 'ro.db')}` })
  cleanup.push(t.close)
  return t
}

const expectNotWritable = (res: { status: number; json: any; headers: Headers }) => {
  expect(res.status).toBe(503)
  expect(res.json).toEqual(errorShape('database-alleen-lezen'))
  expect(res.json.error.message).toMatch(/^Opslaan lukt nu niet/)
}

describe('a read-only database', () => {
  it('answers writes with a 503 in Dutch, keeps answering reads, and takes writes again when writable', async () => {
    const t = await appOnFile()
    const jobhunter = await t.makeUser('jobhunter')
    const { cookie } = await t.makeUser('beheerder') // /api/health shows its details to a beheerder
    const werkgever = await t.makeUser('werkgever')
    const eerste = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody() })
    expect(eerste.status).toBe(201)

    await t.database.client.execute('PRAGMA query_only=ON')
    expectNotWritable(await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: 'Niet opgeslagen' }) }))
    expectNotWritable(await t.request('PATCH', `/api/deelnemers/${eerste.json.id}`, { cookie: jobhunter.cookie, body: { moedertaal: 'Dari' } }))
    expectNotWritable(await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() }))
    // logging in writes a session: refused in the same way, not a 500
    expectNotWritable(await t.request('POST', '/api/sessie', { body: { email: jobhunter.email, wachtwoord: 'Correct-paard-batterij-7' } }))
    // the deelnemers list writes an audit row (who saw which deelnemers): refused like a write
    expectNotWritable(await t.request('GET', '/api/deelnemers', { cookie: jobhunter.cookie }))
    // other reads keep working
    const lijst = await t.request('GET', '/api/plekken', { cookie: werkgever.cookie })
    expect(lijst.status).toBe(200)
    // health tells it, although the database still answers a query
    const health = await t.request('GET', '/api/health', { cookie })
    expect(health.status).toBe(200)
    expect(health.json).toMatchObject({ status: 'degraded', database: { ok: true }, opslag: { ok: false, detail: 'De database is alleen-lezen: opslaan lukt niet.' } })
    expect(health.json.redenen).toContain('De database is alleen-lezen: opslaan lukt niet.')

    await t.database.client.execute('PRAGMA query_only=OFF')
    expect((await t.request('GET', '/api/health', { cookie })).json).toMatchObject({ status: 'ok', opslag: { ok: true } })
    expect((await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: 'Weer opgeslagen' }) })).status).toBe(201)
    const [n] = await t.database.db.select({ n: count() }).from(deelnemer)
    expect(n!.n).toBe(2)
  })
})

describe('a full disk', () => {
  it('answers a write that needs space with a 503 in Dutch, never a 500, and leaves no half-written record', async () => {
    const t = await appOnFile()
    const jobhunter = await t.makeUser('jobhunter')
    const { cookie } = await t.makeUser('beheerder') // /api/health shows its details to a beheerder
    const werkgever = await t.makeUser('werkgever')
    // the file may not grow any more: the next write that needs a new page fails with SQLITE_FULL
    const pages = Number((await t.database.client.execute('PRAGMA page_count')).rows[0]![0])
    await t.database.client.execute(`PRAGMA max_page_count=${pages}`)

    /** Posts until the answer is not a 201; returns every status and the last answer. */
    const fill = async (post: (i: number) => Promise<{ status: number; json: any; headers: Headers }>) => {
      const statuses: number[] = []
      for (let i = 0; i < 300; i++) {
        const res = await post(i)
        statuses.push(res.status)
        if (res.status !== 201) return { statuses, last: res }
      }
      throw new Error(`nooit vol: ${statuses.join(',')}`)
    }
    const deelnemers = await fill((i) =>
      t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: `Deelnemer ${i}`, wensen: { sectoren: [], vormen: [], wensberoep: 'x'.repeat(120) } }) }),
    )
    expectNotWritable(deelnemers.last)
    expect(deelnemers.statuses.slice(0, -1).every((s) => s === 201)).toBe(true)
    // another table, other pages: filled the same way, refused the same way (a transaction with an outbox row)
    const plekken = await fill(() => t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ omschrijving: 'y'.repeat(3000) }) }))
    expectNotWritable(plekken.last)
    // reads still work, and the failed writes left nothing: exactly the acknowledged deelnemers
    const lijst = await t.request('GET', '/api/deelnemers?perPage=100', { cookie: jobhunter.cookie })
    expect(lijst.status).toBe(200)
    const acknowledged = deelnemers.statuses.length - 1
    expect(lijst.json.total).toBe(acknowledged)
    // health tells it, although the database still answers a query
    const health = await t.request('GET', '/api/health', { cookie })
    expect(health.json).toMatchObject({ status: 'degraded', database: { ok: true }, opslag: { ok: false, detail: 'De database of de schijf is vol: opslaan lukt niet.' } })

    // space again (the disk was cleaned up): the same process writes again
    await t.database.client.execute('PRAGMA max_page_count=1073741823')
    expect((await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ omschrijving: 'y'.repeat(3000) }) })).status).toBe(201)
    const [n] = await t.database.db.select({ n: count() }).from(deelnemer)
    expect(n!.n).toBe(acknowledged)
    expect((await t.request('GET', '/api/health', { cookie })).json).toMatchObject({ opslag: { ok: true } })
  })
})
