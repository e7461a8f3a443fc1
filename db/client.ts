import { createClient, type Client, type InStatement, type Transaction, type TransactionMode } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as schema from './schema.js'

export type Db = LibSQLDatabase<typeof schema>
export interface Database {
  db: Db
  client: Client
  close(): void
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/**
 * Opens the one database client of this process.
 *
 * A local file (or :memory:) gets a single connection with WAL, synchronous=FULL (WAL+NORMAL can
 * lose the last commits on power loss), foreign keys and a busy timeout. The libSQL driver is
 * synchronous underneath, so a second connection writing from this same process would block the
 * event loop on the busy timeout; instead every call is queued behind one mutex, and an interactive
 * transaction holds it until it settles. A `libsql://` server handles concurrency itself.
 */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const local = url.startsWith('file:') || url === ':memory:'
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length)
    if (path && !path.startsWith(':')) mkdirSync(dirname(path), { recursive: true })
  }
  const raw = createClient({ url, authToken, concurrency: local ? 1 : undefined })
  if (local) {
    if (url !== ':memory:') await raw.execute('PRAGMA journal_mode=WAL')
    await raw.execute('PRAGMA synchronous=FULL')
    await raw.execute('PRAGMA foreign_keys=ON')
    await raw.execute('PRAGMA busy_timeout=5000')
  }
  const client = local ? serialize(raw) : raw
  const db = drizzle({ client, schema })
  await migrate(db, { migrationsFolder })
  return { db, client, close: () => client.close() }
}

/** A FIFO mutex: `run` waits its turn; `hold` returns a release function. */
class Mutex {
  #tail: Promise<void> = Promise.resolve()
  hold(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((r) => (release = r))
    const turn = this.#tail.then(() => release)
    this.#tail = this.#tail.then(() => next)
    return turn
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.hold()
    try {
      return await fn()
    } finally {
      release()
    }
  }
}

function serialize(raw: Client): Client {
  const mutex = new Mutex()
  const wrapped: Client = {
    get closed() {
      return raw.closed
    },
    get protocol() {
      return raw.protocol
    },
    execute: ((stmt: InStatement | string, args?: unknown) =>
      mutex.run(() => raw.execute(stmt as never, args as never))) as Client['execute'],
    batch: (stmts, mode) => mutex.run(() => raw.batch(stmts, mode)),
    migrate: (stmts) => mutex.run(() => raw.migrate(stmts)),
    executeMultiple: (sql) => mutex.run(() => raw.executeMultiple(sql)),
    sync: () => mutex.run(() => raw.sync()),
    reconnect: () => raw.reconnect(),
    close: () => raw.close(),
    async transaction(mode?: TransactionMode): Promise<Transaction> {
      const release = await mutex.hold()
      let tx: Transaction
      try {
        tx = await raw.transaction(mode)
      } catch (e) {
        release()
        throw e
      }
      let released = false
      const settle = () => {
        if (!released) {
          released = true
          release()
        }
      }
      return {
        execute: tx.execute.bind(tx) as Transaction['execute'],
        batch: tx.batch.bind(tx),
        executeMultiple: tx.executeMultiple.bind(tx),
        get closed() {
          return tx.closed
        },
        async commit() {
          try {
            await tx.commit()
          } finally {
            settle()
          }
        },
        async rollback() {
          try {
            await tx.rollback()
          } finally {
            settle()
          }
        },
        close() {
          tx.close()
          settle()
        },
      }
    },
  }
  return wrapped
}

export { schema }
