import { createClient } from '@libsql/client'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keepPreparedStatements } from '../../db/statement-cache.js'

// The local driver's statements are kept and reused (db/statement-cache.ts). What a caller relies
// on is that answers stay exactly as without it: after a migration, after a failed statement, and
// with many statements of their own.

let dir: string
beforeEach(() => {
  keepPreparedStatements()
  dir = mkdtempSync(join(tmpdir(), 'pp-statements-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const client = () => createClient({ url: `file:${join(dir, 'db.sqlite')}`, concurrency: 1 })

describe('kept prepared statements', () => {
  it('a select * answers the columns of a table changed since (a migration at run time)', async () => {
    const c = client()
    await c.execute('create table t (a integer)')
    await c.execute('insert into t values (1)')
    expect((await c.execute('select * from t')).columns).toEqual(['a'])
    await c.execute('alter table t add column b text')
    await c.execute("update t set b = 'x'")
    const after = await c.execute('select * from t')
    expect(after.columns).toEqual(['a', 'b'])
    expect(after.rows[0]).toMatchObject({ a: 1, b: 'x' })
    c.close()
  })

  it('a statement that failed works again with other values, and answers as before', async () => {
    const c = client()
    await c.execute('create table t (id integer primary key, naam text not null)')
    const insert = 'insert into t (id, naam) values (?, ?)'
    await c.execute({ sql: insert, args: [1, 'Amina'] })
    await expect(c.execute({ sql: insert, args: [1, 'Dubbel'] })).rejects.toMatchObject({ code: expect.stringContaining('SQLITE_CONSTRAINT') })
    await c.execute({ sql: insert, args: [2, 'Dawit'] })
    const rows = (await c.execute({ sql: 'select id, naam from t where id >= ? order by id', args: [1] })).rows
    expect(rows.map((r) => [r.id, r.naam])).toEqual([[1, 'Amina'], [2, 'Dawit']])
    expect(rows.map((r) => [r[0], r[1]])).toEqual([[1, 'Amina'], [2, 'Dawit']])
    c.close()
  })

  it('more distinct statements than are kept still answer correctly', async () => {
    const c = client()
    await c.execute('create table t (id integer primary key)')
    for (let i = 1; i <= 50; i++) await c.execute({ sql: 'insert into t values (?)', args: [i] })
    // an in-list of every length is a statement of its own; past the limit the kept ones are renewed
    for (let n = 1; n <= 1100; n++) {
      const ids = Array.from({ length: (n % 50) + 1 }, (_, i) => i + 1)
      const placeholders = ids.map(() => '?').join(', ') + ', ?'.repeat(Math.floor(n / 50))
      const args = [...ids, ...Array.from({ length: Math.floor(n / 50) }, () => 0)]
      const res = await c.execute({ sql: `select count(*) as n from t where id in (${placeholders})`, args })
      expect(res.rows[0]!.n).toBe(ids.length)
    }
    c.close()
  })
})
