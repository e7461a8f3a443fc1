import { createClient, type Client, type InStatement, type Transaction, type TransactionMode } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as schema from './schema.js'
import { startCheckpointer } from './checkpointer.js'
import { keepPreparedStatements } from './statement-cache.js'

export type Db = LibSQLDatabase<typeof schema>
/** The handle inside `db.transaction(async (tx) => …)`: use it, never the outer `db`, until it settles. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
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
 * transaction holds it until it settles. Another process on the same file (WORKERS=N, a second
 * instance, `npm run import`) is waited for mostly without blocking: see `serialize`. A `libsql://`
 * server handles concurrency itself.
 */
export async function openDatabase(
  url: string,
  authToken?: string,
  opts: {
    busyTimeoutMs?: number
    /** The server's: WAL checkpoints in a worker thread, never inside a request's commit (checkpointer.ts). */
    checkpointInBackground?: { log: (line: Record<string, unknown>) => void }
  } = {},
): Promise<Database> {
  const local = url.startsWith('file:') || url === ':memory:'
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length)
    if (path && !path.startsWith(':')) mkdirSync(dirname(path), { recursive: true })
  }
  if (local) keepPreparedStatements() // the local driver prepares every statement anew (statement-cache.ts)
  const raw = createClient({ url, authToken, concurrency: local ? 1 : undefined })
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5000
  const file = url.startsWith('file:') && !url.startsWith('file::') ? url.slice('file:'.length) : undefined
  const background = file !== undefined ? opts.checkpointInBackground : undefined
  // Per-connection settings, applied again whenever the connection is reopened (see serialize).
  const connectionPragmas = async () => {
    await raw.execute('PRAGMA synchronous=FULL')
    await raw.execute('PRAGMA foreign_keys=ON')
    if (background) await raw.execute('PRAGMA wal_autocheckpoint=0')
    await raw.execute(`PRAGMA busy_timeout=${Math.min(SYNC_BUSY_MS, busyTimeoutMs)}`)
  }
  if (local) {
    if (url !== ':memory:') await raw.execute('PRAGMA journal_mode=WAL')
    await connectionPragmas()
  }
  const client = local ? serialize(raw, url === ':memory:' ? undefined : { pragmas: connectionPragmas, busyTimeoutMs }) : raw
  const db = drizzle({ client, schema })
  await migrateAlongsideOthers(db)
  const checkpointer = background && file ? startCheckpointer(file, background.log) : undefined
  return {
    db,
    client,
    close: () => {
      void checkpointer?.stop()
      client.close()
    },
  }
}

/**
 * Applies the migrations, also when other instances start at the same moment on the same database
 * (a libSQL server, or one file): drizzle reads which migrations are applied before the
 * transaction that applies the rest, so of two instances starting together on an empty database
 * one failed with "table … already exists" and stopped (test/scale/two-instances.test.ts). That
 * transaction rolled back whole; reading again finds the other instance's work, and nothing is
 * left to do. A migration that is itself wrong fails every attempt and stops start-up as before.
 */
async function migrateAlongsideOthers(db: Db, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrate(db, { migrationsFolder })
    } catch (e) {
      // a refused token stays refused: no point in trying again
      if (attempt >= attempts || refusedStatus(e)) throw e
      await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 100))
    }
  }
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

/** The driver's code of an error, or of the error it wraps (drizzle wraps the driver's). */
const sqliteCode = (e: unknown): string => {
  const err = e as { code?: unknown; cause?: { code?: unknown } } | undefined
  return `${String(err?.code ?? '')} ${String(err?.cause?.code ?? '')}`
}
/** Another connection holds the lock longer than the busy timeout. */
export const isBusyError = (e: unknown) => /SQLITE_BUSY|SQLITE_LOCKED/.test(sqliteCode(e))
/**
 * The database cannot be written: read-only file system or file, disk full, I/O error, or a libSQL
 * server whose operator blocked writes (sqld's `block_writes`, e.g. during maintenance or at a
 * quota: code BLOCKED, "Operation was blocked").
 */
export const isReadOnlyError = (e: unknown) => /SQLITE_READONLY|SQLITE_FULL|SQLITE_IOERR|\bBLOCKED\b/.test(sqliteCode(e))

type Cause = { status?: unknown; code?: unknown; message?: unknown; cause?: unknown }
/** An error and the errors it wraps (drizzle's, the driver's, fetch's), outermost first. */
function causesOf(e: unknown): Cause[] {
  const chain: Cause[] = []
  for (let c = e, depth = 0; c && typeof c === 'object' && depth < 6; c = (c as Cause).cause, depth++) chain.push(c as Cause)
  return chain
}

/** The network code of a libSQL server that cannot be reached (fetch's cause), or '' for a refused connection without one. */
const networkFailure = (e: unknown): string | undefined => {
  const chain = causesOf(e)
  const code = chain.map((c) => String(c.code ?? '')).find((c) => /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_\w+)$/.test(c))
  if (code) return code
  return chain.some((c) => /^(fetch failed|bad port|other side closed)$/.test(String(c.message ?? ''))) ? '' : undefined
}
/** The libSQL server does not answer: down, restarting, or not reachable over the network. */
export const isUnreachableError = (e: unknown) => networkFailure(e) !== undefined

/** HTTP 401 or 403 from a libSQL server: the token is missing or refused. */
const refusedStatus = (e: unknown) =>
  causesOf(e)
    .map((c) => Number(c.status ?? /HTTP status (\d{3})/.exec(String(c.message ?? ''))?.[1]))
    .find((n) => n === 401 || n === 403)

/**
 * Why `openDatabase` failed, as one Dutch line for the operator, when the cause is the settings: a
 * libSQL server that refuses the token (HTTP 401/403: DATABASE_AUTH_TOKEN missing, wrong, expired
 * or of another key) or that cannot be reached (DATABASE_URL). Undefined for anything else (a
 * broken migration, a damaged file), which keeps its stack trace. `server/main.ts` prints the line
 * and exits with 1, as it does for a bad setting.
 */
export function describeOpenFailure(e: unknown, url: string, authToken?: string): string | undefined {
  let server = url
  try {
    server = new URL(url).host || url // no path, query (?authToken=…) or user:password
  } catch {
    // not a URL: keep it as given
  }
  const status = refusedStatus(e)
  if (status)
    return authToken
      ? `De libSQL-server ${server} (DATABASE_URL) weigert het token in DATABASE_AUTH_TOKEN (HTTP ${status}): het is ongeldig, verlopen of getekend met een andere sleutel dan de server kent.`
      : `De libSQL-server ${server} (DATABASE_URL) vraagt om een token: zet DATABASE_AUTH_TOKEN (HTTP ${status}).`
  const network = networkFailure(e)
  if (network !== undefined)
    return `De database ${server} (DATABASE_URL) is niet bereikbaar${network ? ` (${network})` : ''}: controleer het adres en of de libSQL-server draait.`
  return undefined
}

/**
 * Reopening after SQLITE_BUSY. The libSQL driver does not reset a statement that failed with
 * SQLITE_BUSY (the write lock was held by another process, e.g. `npm run import` or a second
 * instance, for longer than the busy timeout). SQLite keeps such a statement "active", so the read
 * transaction of the next query never ends: its snapshot goes stale once the other writer commits,
 * and from then on every write of this process fails with SQLITE_BUSY_SNAPSHOT, until a restart
 * (test/faults/busy.test.ts reproduces it). A fresh connection has no such statement; the old one
 * is finalized when the garbage collector drops it. Runs while the caller holds the mutex.
 */
async function reopen(raw: Client, pragmas: () => Promise<void>) {
  try {
    await raw.reconnect()
    await pragmas()
  } catch {
    // the next call reports whatever is wrong with the database
  }
}

/**
 * How long SQLite itself waits for another process's write lock (PRAGMA busy_timeout). The driver
 * is synchronous, so that wait blocks this process's event loop: every request, not just the
 * write. Most write transactions take a few milliseconds, so most waits end within this; a longer
 * one is waited for without blocking (serialize), up to the busy timeout in all.
 */
const SYNC_BUSY_MS = 20

function serialize(raw: Client, file?: { pragmas: () => Promise<void>; busyTimeoutMs: number }): Client {
  const mutex = new Mutex()
  const pragmas = file?.pragmas
  /**
   * Takes the mutex and runs `start` (one statement, a batch, or a transaction's BEGIN IMMEDIATE).
   * When another process holds the write lock longer than SYNC_BUSY_MS, this reopens the
   * connection (see `reopen`), lets the mutex go, waits with a timer (the event loop serves other
   * requests meanwhile, and this process's reads go first: in WAL mode they never wait for a
   * writer) and tries again, until the busy timeout has passed in all; then the busy error is
   * thrown (a 503 `database-bezet`). Answers with the mutex held. A statement that failed with
   * SQLITE_BUSY changed nothing, so trying it again is safe.
   */
  async function whenFree<T>(start: () => Promise<T>, retry = true): Promise<{ value: T; release: () => void }> {
    const deadline = Date.now() + (file?.busyTimeoutMs ?? 0)
    for (let attempt = 0; ; attempt++) {
      const release = await mutex.hold()
      try {
        return { value: await start(), release }
      } catch (e) {
        if (pragmas && isBusyError(e)) await reopen(raw, pragmas)
        release()
        const left = deadline - Date.now()
        if (!retry || !pragmas || !isBusyError(e) || left <= 0) throw e
        await new Promise((r) => setTimeout(r, Math.min(left, 2 ** Math.min(attempt, 4) + Math.random() * 8)))
      }
    }
  }
  // every call runs behind the mutex; a busy failure reopens the connection before the next call
  const guarded = async <T>(fn: () => Promise<T>, retry = true) => {
    const { value, release } = await whenFree(fn, retry)
    release()
    return value
  }
  const wrapped: Client = {
    get closed() {
      return raw.closed
    },
    get protocol() {
      return raw.protocol
    },
    execute: ((stmt: InStatement | string, args?: unknown) =>
      guarded(() => raw.execute(stmt as never, args as never))) as Client['execute'],
    batch: (stmts, mode) => guarded(() => raw.batch(stmts, mode)),
    // several statements without one transaction around them: not tried again after a busy error
    migrate: (stmts) => guarded(() => raw.migrate(stmts), false),
    executeMultiple: (sql) => guarded(() => raw.executeMultiple(sql), false),
    sync: () => mutex.run(() => raw.sync()),
    reconnect: () => raw.reconnect(),
    close: () => raw.close(),
    async transaction(mode?: TransactionMode): Promise<Transaction> {
      // BEGIN IMMEDIATE takes the write lock: waited for as above; the mutex stays held until the
      // transaction settles
      const { value: tx, release } = await whenFree(() => raw.transaction(mode))
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
            // SQLite ends a transaction by itself after some errors (SQLITE_FULL, SQLITE_IOERR,
            // SQLITE_BUSY, SQLITE_NOMEM). A ROLLBACK then throws TRANSACTION_CLOSED, and drizzle's
            // catch would throw that instead of the real error: a full disk became a 500 instead of
            // a 503 (test/faults/read-only.test.ts). Nothing is left to roll back: just close.
            if (tx.closed) tx.close()
            else await tx.rollback()
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
