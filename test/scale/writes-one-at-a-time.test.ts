import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isBusyError, openDatabase, type Database } from '../../db/client.js'
import { skipSqld, startSqld, type Sqld } from './sqld.js'

// On a libSQL server an instance sends its writes one at a time (db/client.ts, serializeWrites):
// writers waiting at sqld for its one write lock spin instead of sleeping, and under load sqld
// burned its CPU on them. Reads are not queued behind a write, and a write that cannot start
// within the busy timeout fails as SQLITE_BUSY (the app's 503 `database-bezet`), without
// keeping the turn from the writes after it.

let sqld: Sqld
let database: Database

describe.skipIf(skipSqld)('writes on a libSQL server, one at a time per instance', () => {
  beforeAll(async () => {
    sqld = await startSqld()
    database = await openDatabase(sqld.url, undefined, { busyTimeoutMs: 300 })
    await database.client.execute('create table proef (n integer)')
  })
  afterAll(async () => {
    database?.close()
    await sqld?.stop()
  })

  it('a read is answered while a write transaction is open', async () => {
    const tx = await database.client.transaction('write')
    await tx.execute({ sql: 'insert into proef (n) values (?)', args: [1] })
    const read = await database.client.execute('select count(*) as n from proef')
    expect(Number(read.rows[0]!.n)).toBe(0) // not yet committed, and not waiting for the commit
    await tx.commit()
    expect(Number((await database.client.execute('select count(*) as n from proef')).rows[0]!.n)).toBe(1)
  })

  it('a write that cannot start within the busy timeout fails as busy; the next write after the commit goes through', async () => {
    const tx = await database.client.transaction('write')
    const started = Date.now()
    const waiting = database.client.execute({ sql: 'insert into proef (n) values (?)', args: [2] }).then(
      () => 'geschreven',
      (e: unknown) => e,
    )
    const outcome = await waiting
    expect(isBusyError(outcome), String(outcome)).toBe(true)
    expect(Date.now() - started).toBeLessThan(3000) // the instance's own limit, not sqld's
    await tx.execute({ sql: 'insert into proef (n) values (?)', args: [3] })
    await tx.commit()
    await database.client.execute({ sql: 'insert into proef (n) values (?)', args: [4] })
    const rows = (await database.client.execute('select n from proef order by n')).rows.map((r) => Number(r.n))
    expect(rows).toEqual([1, 3, 4]) // the busy write changed nothing
  })

  it('concurrent writes all land, in the order they were sent', async () => {
    await database.client.execute('delete from proef')
    await Promise.all(Array.from({ length: 12 }, (_, i) => database.client.execute({ sql: 'insert into proef (n) values (?)', args: [i] })))
    const rows = (await database.client.execute('select n from proef order by rowid')).rows.map((r) => Number(r.n))
    expect(rows).toEqual(Array.from({ length: 12 }, (_, i) => i))
  })
})
