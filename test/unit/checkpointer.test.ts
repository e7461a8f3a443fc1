import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openDatabase, type Database } from '../../db/client.js'

// The server's database file takes its changes from the write-ahead log in a worker thread
// (db/checkpointer.ts), never inside a request's commit. What an operator relies on: the changes
// reach the database file by themselves, and the log does not keep growing.

let dir: string
let database: Database | undefined
afterEach(() => {
  database?.close()
  database = undefined
  rmSync(dir, { recursive: true, force: true })
})

const size = (path: string) => {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

describe('WAL checkpoints in the background', () => {
  it('the app connection never checkpoints itself, and the changes reach the database file anyway', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pp-checkpoint-'))
    const file = join(dir, 'db.sqlite')
    const fouten: unknown[] = []
    database = await openDatabase(`file:${file}`, undefined, { checkpointInBackground: { log: (l) => fouten.push(l) } })
    const { db } = database
    expect((await db.all<{ wal_autocheckpoint: number }>(sql`PRAGMA wal_autocheckpoint`))[0]!.wal_autocheckpoint).toBe(0)
    await db.run(sql`create table ballast (tekst text)`)
    const before = size(file)
    // ~6 MB in 60 commits: far past the 1,000 pages at which SQLite would checkpoint in a commit
    for (let i = 0; i < 60; i++) await db.run(sql`insert into ballast values (randomblob(100000))`)
    await vi.waitFor(() => expect(size(file) - before).toBeGreaterThan(5_000_000), { timeout: 30_000, interval: 200 })
    // the log is reused from its start once everything in it is in the file: it stays near one burst
    for (let round = 0; round < 3; round++) {
      await new Promise((r) => setTimeout(r, 1500))
      for (let i = 0; i < 20; i++) await db.run(sql`insert into ballast values (randomblob(100000))`)
    }
    expect(size(`${file}-wal`)).toBeLessThan(12_000_000)
    expect(fouten).toEqual([])
  })
})
