import { sql, TransactionRollbackError } from 'drizzle-orm'
import { access, constants, statfs } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Client } from '@libsql/client'
import { isBusyError, isReadOnlyError, type Db } from './client.js'

// Whether the database takes writes, for /api/health. `select 1` succeeds on a read-only or full
// database; this checks what a write would meet, cheaply and without changing anything:
//
// - on both a file and a libSQL server: `query_only` (a connection set to read-only; how
//   test/faults/read-only.test.ts makes one) and the page limit (`max_page_count` reached with no
//   free page left: the next write that needs a page fails with SQLITE_FULL, as in that test);
// - a local file: whether the file may be written (a disk remounted read-only, a file without write
//   permission) and the free space of its disk. No write and no lock: a write probe would wait for
//   another process's write lock (an import) on SQLite's busy timeout, and the local driver would
//   block the event loop meanwhile;
// - a libSQL server (sqld): a write that changes nothing (`UPDATE … WHERE 0`) inside a transaction
//   that is rolled back, so the server itself says whether it takes writes (sqld's `block_writes`
//   answers BLOCKED). sqld's `max_db_size` shows as the page limit above. The app cannot see that
//   server's disk; a full disk there shows in writes that fail and in the server's own monitoring.
// The file cases are tests in test/faults/read-only.test.ts; sqld's block_writes is one in
// test/scale/search-across-instances.test.ts (max_db_size was tried by hand on sqld 0.24).

/** Free space below which a local database's disk counts as full: SQLite needs room for the WAL. */
export const MIN_FREE_BYTES = 1024 * 1024

export type Writability = { ok: true } | { ok: false; oorzaak: 'alleen-lezen' | 'vol' }

export async function checkWritable(db: Db): Promise<Writability> {
  const [row] = await db.all<{ queryOnly: number; pages: number; maxPages: number; free: number; file: string | null }>(sql`
    SELECT (SELECT query_only FROM pragma_query_only()) AS queryOnly,
           (SELECT page_count FROM pragma_page_count()) AS pages,
           (SELECT max_page_count FROM pragma_max_page_count()) AS maxPages,
           (SELECT freelist_count FROM pragma_freelist_count()) AS free,
           (SELECT file FROM pragma_database_list() WHERE name = 'main') AS file`)
  if (Number(row?.queryOnly)) return { ok: false, oorzaak: 'alleen-lezen' }
  if (row && Number(row.pages) >= Number(row.maxPages) && Number(row.free) === 0) return { ok: false, oorzaak: 'vol' }

  // drizzle() keeps the client it was given as $client (not part of the Db type): ours, or the raw one
  const client = (db as Db & { $client?: Client }).$client
  if (client?.protocol === 'file') {
    const file = row?.file
    if (!file) return { ok: true } // in memory
    try {
      await access(file, constants.W_OK)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EROFS' || (e as NodeJS.ErrnoException).code === 'EACCES') return { ok: false, oorzaak: 'alleen-lezen' }
      throw e
    }
    const disk = await statfs(dirname(file))
    if (disk.bavail * disk.bsize < MIN_FREE_BYTES) return { ok: false, oorzaak: 'vol' }
    return { ok: true }
  }

  return probeServerWrites(db)
}

/**
 * How long the write probe may wait for the server's write lock. A lock held by another writer
 * (an import, or for a few seconds a killed instance's unfinished transaction) means the database
 * takes writes but makes them wait: that is not a fault, and /api/health must not hang on it.
 */
export const PROBE_WAIT_MS = 1000

// One probe at a time per database: health checks arriving while one waits share its answer,
// instead of queueing more transactions behind the same lock.
const probes = new WeakMap<Db, Promise<Writability>>()

function probeServerWrites(db: Db): Promise<Writability> {
  let settled = probes.get(db)
  if (!settled) {
    settled = startProbe(db).finally(() => probes.delete(db))
    probes.set(db, settled)
  }
  let timer: NodeJS.Timeout | undefined
  const waited = new Promise<Writability>((resolve) => {
    timer = setTimeout(() => resolve({ ok: true }), PROBE_WAIT_MS)
    timer.unref?.()
  })
  return Promise.race([settled, waited]).finally(() => clearTimeout(timer))
}

function startProbe(db: Db): Promise<Writability> {
  return (async (): Promise<Writability> => {
    try {
      await db.transaction(async (tx) => {
        await tx.run(sql`UPDATE outbox SET id = id WHERE 0`)
        tx.rollback()
      })
    } catch (e) {
      // (also sqld refusing every write of a namespace whose writes its operator blocked: BLOCKED)
      if (isReadOnlyError(e)) return { ok: false, oorzaak: /SQLITE_FULL/.test(codeOf(e)) ? 'vol' : 'alleen-lezen' }
      // a rolled-back transaction ends in drizzle's TransactionRollbackError: the probe went through;
      // a busy server (another writer) takes writes, it only makes them wait
      if (!(e instanceof TransactionRollbackError) && !isBusyError(e)) throw e
    }
    return { ok: true }
  })()
}

const codeOf = (e: unknown) => {
  const err = e as { code?: unknown; cause?: { code?: unknown } } | undefined
  return `${String(err?.code ?? '')} ${String(err?.cause?.code ?? '')}`
}
