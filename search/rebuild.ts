import { and, count, eq, isNull, lte } from 'drizzle-orm'
import { outbox, plek } from '../db/schema.js'
import type { Db } from '../db/client.js'
import { allSearchable } from './documents.js'
import type { SearchIndex } from './port.js'

/**
 * Fills the index from the database, the source of truth. `clearFirst` empties it before (a full
 * reindex); `onProgress` receives (done, total) after every page.
 */
export async function rebuildIndex(
  db: Db,
  index: SearchIndex,
  opts: { clearFirst?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(plek).where(eq(plek.status, 'gepubliceerd'))
  const total = row?.n ?? 0
  await index.applySettings()
  if (opts.clearFirst) await index.clear()
  let done = 0
  for await (const page of allSearchable(db)) {
    await index.upsert(page)
    done += page.length
    opts.onProgress?.(done, total)
  }
  return done
}

/**
 * After a rebuild that began at `upTo` (ISO time): every outbox row written before then is in the
 * index, also rows a killed worker had claimed, so they are done. Rows written since stay pending
 * for the worker (a running server's later changes are never dropped).
 */
export async function markOutboxDone(db: Db, upTo: string): Promise<void> {
  await db.update(outbox).set({ doneAt: upTo, claimedBy: null, claimedUntil: null }).where(and(isNull(outbox.doneAt), lte(outbox.createdAt, upTo)))
}
