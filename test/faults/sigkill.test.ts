import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../db/client.js'
import { plek } from '../../db/schema.js'
import { isSearchable } from '../../server/domain/zoeken.js'
import { call, loginAs, startServerProcess, waitForIndex, type ServerProcess } from './server-process.js'
import { ackCount, demoUsers, runWriteLoad } from './write-load.js'

// The real server process on a database file, killed with SIGKILL in the middle of a write load,
// then started again on the same file. The kill comes after a fixed number of acknowledged writes
// (not after a sleep), while the other workers still have requests in flight, so the test is
// deterministic in what it checks: every write that got a 2xx must be there after the restart.

const dir = mkdtempSync(join(tmpdir(), 'pp-sigkill-'))
const file = join(dir, 'kill.db')
const servers: ServerProcess[] = []
afterAll(async () => {
  for (const s of servers) await s.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

const KILL_AFTER = 80

describe('SIGKILL during a write load', () => {
  it('loses no acknowledged write, and the search index converges after the restart', { timeout: 60_000 }, async () => {
    const first = await startServerProcess(file)
    servers.push(first)
    await waitForIndex(first.base)
    const users = await demoUsers(first.base)

    let killed = false
    const acked = await runWriteLoad(first.base, users, {
      workers: 8,
      label: 'kill',
      stop: () => killed,
      onAck: (a) => {
        if (!killed && ackCount(a) >= KILL_AFTER) {
          killed = true
          first.child.kill('SIGKILL') // synchronously, with the other workers' requests in flight
        }
      },
    })
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' })
    // before the kill nothing failed: every answer was the expected 2xx
    expect(acked.unexpected).toEqual([])
    expect(ackCount(acked)).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(acked.unanswered, 'requests were in flight when the server was killed').toBeGreaterThan(0)

    // Same file, new process: SQLite recovers the WAL; the embedded index is rebuilt from the
    // database and follows the change feed from the head read before the rebuild (search/feed.ts),
    // so the lag reaches 0 at once: nothing of the killed process is waited for.
    const second = await startServerProcess(file)
    servers.push(second)
    const health = await waitForIndex(second.base)
    expect(health).toMatchObject({ status: 'ok', database: { ok: true }, opslag: { ok: true }, outbox: { wachtend: 0, oudsteSeconden: 0 } })
    expect(health.outbox.positie).toBe(health.outbox.laatste)

    const werkgever = await loginAs(second.base, 'werkgever@demo.example')
    const jobhunter = await loginAs(second.base, 'jobhunter@demo.example')
    const jobcoach = await loginAs(second.base, 'jobcoach@demo.example')
    const missing: string[] = []
    for (const [id, { gepubliceerd, titel }] of acked.plekken) {
      const res = await call(second.base, 'GET', `/api/plekken/${id}`, { cookie: werkgever })
      if (res.status !== 200 || res.json.titel !== titel) missing.push(`plek ${id}: ${res.status}`)
      else if (gepubliceerd && res.json.status !== 'gepubliceerd') missing.push(`plek ${id} niet gepubliceerd: ${res.json.status}`)
    }
    for (const id of acked.deelnemers) {
      const res = await call(second.base, 'GET', `/api/deelnemers/${id}`, { cookie: jobhunter })
      if (res.status !== 200) missing.push(`deelnemer ${id}: ${res.status}`)
    }
    const logs = new Map<string, Set<string>>()
    for (const { plaatsingId, id } of acked.nazorg) {
      if (!logs.has(plaatsingId)) {
        const res = await call(second.base, 'GET', `/api/plaatsingen/${plaatsingId}/nazorg`, { cookie: jobcoach })
        expect(res.status).toBe(200)
        logs.set(plaatsingId, new Set(res.json.items.map((n: { id: string }) => n.id)))
      }
      if (!logs.get(plaatsingId)!.has(id)) missing.push(`nazorg ${id}`)
    }
    expect(missing).toEqual([])

    // The index converged: what search finds is exactly what the database says is searchable.
    const found = new Set<string>()
    for (let page = 1; ; page++) {
      const res = await call(second.base, 'GET', `/api/zoeken?sort=nieuwste&perPage=100&page=${page}`, { cookie: jobhunter })
      expect(res.status).toBe(200)
      for (const item of res.json.items) found.add(item.id)
      if (res.json.items.length < 100) break
    }
    for (const [id, { gepubliceerd }] of acked.plekken) if (gepubliceerd) expect(found.has(id), `gepubliceerde plek ${id} vindbaar`).toBe(true)
    await second.kill('SIGTERM')
    const database = await openDatabase(`file:${file}`)
    try {
      const searchable = (await database.db.select().from(plek)).filter(isSearchable).map((p) => p.id)
      expect([...found].sort()).toEqual(searchable.sort())
    } finally {
      database.close()
    }
  })
})
