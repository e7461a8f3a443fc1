import { count, eq } from 'drizzle-orm'
import { plek } from '../db/schema.js'
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
