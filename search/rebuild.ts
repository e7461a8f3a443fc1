import { and, count, eq, isNull, lte } from 'drizzle-orm'
import { outbox, plek } from '../db/schema.js'
import type { Db } from '../db/client.js'
import { allSearchable } from './documents.js'
import type { SearchIndex } from './port.js'

/**
 * Fills the index from the database, the source of truth. `clearFirst` empties it before (a full
 * reindex); `removeMissing` removes afterwards what the index holds that the database no longer
 * calls searchable (a rebuild over a live index, which keeps answering meanwhile: the change feed
 * after a gap); `onProgress` receives (done, total) after every page.
 */
export async function rebuildIndex(
  db: Db,
  index: SearchIndex,
  opts: { clearFirst?: boolean; removeMissing?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(plek).where(eq(plek.status, 'gepubliceerd'))
  const total = row?.n ?? 0
  // empty first, then the settings: a settings change on a full index reindexes all of it (minutes)
  if (opts.clearFirst) await index.clear()
  await index.applySettings()
  const seen = new Set<string>()
  let done = 0
  for await (const page of allSearchable(db)) {
    await index.upsert(page)
    for (const d of page) seen.add(d.id)
    done += page.length
    opts.onProgress?.(done, total)
  }
  if (opts.removeMissing) {
    const stale = (await index.kandidaten({ filters: {} }, Number.MAX_SAFE_INTEGER)).filter((k) => !seen.has(k.id)).map((k) => k.id)
    await index.remove(stale)
  }
  return done
}

/**
 * For the claim-based worker (Meilisearch) after a full reindex that read the feed head `upToId`
 * before it began: every outbox row up to that id is in the index, also rows a killed worker had
 * claimed, so they are done. Rows written since stay pending for the worker (a running server's
 * later changes are never dropped). By id, not by time: ids are in commit order, clocks of several
 * instances are not.
 */
export async function markOutboxDone(db: Db, upToId: number, at: string): Promise<void> {
  await db.update(outbox).set({ doneAt: at, claimedBy: null, claimedUntil: null }).where(and(isNull(outbox.doneAt), lte(outbox.id, upToId)))
}
