import { afterAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import { runBackupCli } from '../../server/cli/backup.js'
import { call, loginAs, startServerProcess, waitForIndex, type ServerProcess } from './server-process.js'
import { ackCount, demoUsers, runWriteLoad, type Acknowledged } from './write-load.js'

// `npm run backup` against the live database of a running server under a write load: the copy
// opens, passes PRAGMA integrity_check, and holds every write acknowledged before the backup
// started. Restoring it (a server started on the copy, as docs/operations.md describes) serves
// that data, search included.

const root = fileURLToPath(new URL('../../', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'pp-backup-'))
const servers: ServerProcess[] = []
afterAll(async () => {
  for (const s of servers) await s.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** A command-line script of the project as its own process on `file`, as an operator or a cron job runs it. */
function runScript(script: string, file: string, args: string[] = []) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: root, env: { PATH: process.env.PATH ?? '', DATABASE_URL: `file:${file}` } },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })
}
const runBackupProcess = (file: string, target: string) => runScript('server/cli/backup.ts', file, [target])

const snapshot = (a: Acknowledged) => ({
  plekken: new Map(a.plekken),
  deelnemers: new Set(a.deelnemers),
  nazorg: [...a.nazorg],
})

describe('npm run backup', () => {
  it('copies a live database under a write load: consistent, complete up to its start, and restorable', { timeout: 60_000 }, async () => {
    const file = join(dir, 'live.db')
    const server = await startServerProcess(file)
    servers.push(server)
    await waitForIndex(server.base)
    const users = await demoUsers(server.base)

    let stop = false
    let live!: Acknowledged // the load's running record, filled while it runs
    let reachedStart!: () => void
    const started = new Promise<void>((r) => (reachedStart = r))
    const load = runWriteLoad(server.base, users, {
      workers: 4,
      label: 'backup',
      stop: () => stop,
      onAck: (a) => {
        live = a
        if (ackCount(a) >= 30) reachedStart()
      },
    })
    await started
    // what was acknowledged before the backup started must be in it; the load goes on meanwhile
    const before = snapshot(live)
    const acksAtStart = ackCount(live)
    const target = join(dir, 'backups', 'kopie.db')
    const backup = await runBackupProcess(file, target)
    const acksAtEnd = ackCount(live)
    stop = true
    const final = await load

    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.stdout).toContain(`Back-up gemaakt: ${target}`)
    expect(backup.stdout).toMatch(/\d+ bytes\) in \d+,\d s; integrity_check: ok/)
    expect(final.unexpected).toEqual([])
    expect(acksAtEnd, 'writes went on while the backup ran').toBeGreaterThan(acksAtStart)

    // the copy opens and is consistent
    const copy = createClient({ url: `file:${target}` })
    try {
      expect((await copy.execute('PRAGMA integrity_check')).rows.map((r) => r[0])).toEqual(['ok'])
      expect((await copy.execute('PRAGMA foreign_key_check')).rows).toEqual([])
      const ids = async (table: string) => new Set((await copy.execute(`SELECT id FROM ${table}`)).rows.map((r) => String(r[0])))
      const plekken = new Map((await copy.execute('SELECT id, status FROM plek')).rows.map((r) => [String(r[0]), String(r[1])]))
      const deelnemers = await ids('deelnemer')
      const nazorg = await ids('nazorgcontact')
      const missing: string[] = []
      for (const [id, { gepubliceerd }] of before.plekken) {
        if (!plekken.has(id)) missing.push(`plek ${id}`)
        else if (gepubliceerd && plekken.get(id) !== 'gepubliceerd') missing.push(`publicatie ${id}`)
      }
      for (const id of before.deelnemers) if (!deelnemers.has(id)) missing.push(`deelnemer ${id}`)
      for (const { id } of before.nazorg) if (!nazorg.has(id)) missing.push(`nazorg ${id}`)
      expect(missing).toEqual([])
    } finally {
      copy.close()
    }
    await server.kill('SIGTERM')

    // Restore as documented: the server stopped, the copy put in place of the database, `npm run
    // reindex` (the copy's outbox still holds the live server's claims; with Meilisearch the index
    // must be made to match the copy), started again.
    const restored = join(dir, 'teruggezet.db')
    copyFileSync(target, restored)
    const reindex = await runScript('server/cli/reindex.ts', restored)
    expect(reindex.code, reindex.stderr).toBe(0)
    expect(reindex.stdout).toMatch(/Klaar: \d+ plekken geïndexeerd/)
    const again = await startServerProcess(restored, { DEMO_DATA: 'false' })
    servers.push(again)
    await waitForIndex(again.base)
    const werkgever = await loginAs(again.base, 'werkgever@demo.example')
    const jobhunter = await loginAs(again.base, 'jobhunter@demo.example')
    for (const [id, { titel, gepubliceerd }] of before.plekken) {
      const res = await call(again.base, 'GET', `/api/plekken/${id}`, { cookie: werkgever })
      expect(res.status).toBe(200)
      expect(res.json.titel).toBe(titel)
      if (gepubliceerd) {
        const zoek = await call(again.base, 'GET', `/api/zoeken?q=${encodeURIComponent(titel)}&perPage=100`, { cookie: jobhunter })
        expect(zoek.json.items.map((i: { id: string }) => i.id)).toContain(id)
      }
    }
    for (const id of before.deelnemers) expect((await call(again.base, 'GET', `/api/deelnemers/${id}`, { cookie: jobhunter })).status).toBe(200)
    await again.kill('SIGTERM')
  })

  it('refuses a libSQL server URL with a clear message, and an existing target', async () => {
    const out: string[] = []
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) }
    expect(await runBackupCli([], { DATABASE_URL: 'libsql://gemeente-db.example.org' }, io)).toBe(1)
    expect(out.join('')).toMatch(/libSQL-server .*taak van die server/)
    out.length = 0
    expect(await runBackupCli([], { DATABASE_URL: ':memory:' }, io)).toBe(1)
    expect(out.join('')).toMatch(/geheugen/)
    out.length = 0
    const existing = join(dir, 'bestaat-al.db')
    copyFileSync(fileURLToPath(import.meta.url), existing)
    expect(await runBackupCli([existing], { DATABASE_URL: `file:${join(dir, 'live.db')}` }, io)).toBe(1)
    expect(out.join('')).toMatch(/bestaat al/)
    expect(existsSync(`${existing}.bezig-${process.pid}`)).toBe(false)
  })
})
