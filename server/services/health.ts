import { sql } from 'drizzle-orm'
import type { Deps } from '../context.js'

/** Pending outbox rows older than this make the health "degraded": search is visibly behind. */
export const LAG_DEGRADED_SECONDS = 30

export interface Onderdeel {
  ok: boolean
  detail?: string
}

/** GET /api/health: the database, the search engine and how far the index is behind, with reasons. */
export async function getHealth(deps: Deps) {
  const { db, search } = deps
  const redenen: string[] = []
  let database: Onderdeel = { ok: true }
  try {
    await db.run(sql`select 1`)
  } catch {
    database = { ok: false, detail: 'De database antwoordt niet.' }
    redenen.push(database.detail!)
  }
  const engine = search ? await search.index.health() : { ok: false, engine: 'geen', detail: 'Geen zoekmachine ingesteld.' }
  if (!engine.ok) redenen.push(engine.detail ?? 'De zoekmachine antwoordt niet.')
  const state = search?.state() ?? 'klaar'
  if (state === 'opbouwen') redenen.push('De zoekindex wordt opgebouwd.')
  const lag = database.ok && search ? await search.indexer.lag() : { pending: 0, oldestSeconds: 0 }
  if (lag.oldestSeconds > LAG_DEGRADED_SECONDS)
    redenen.push(`De zoekindex loopt ${Math.round(lag.oldestSeconds)} seconden achter (${lag.pending} wijzigingen wachten).`)
  if (search?.indexer.lastError) redenen.push(`Laatste indexeerfout: ${search.indexer.lastError.slice(0, 200)}`)
  return {
    status: redenen.length ? ('degraded' as const) : ('ok' as const),
    redenen,
    database,
    zoekmachine: { ...engine, index: state },
    outbox: { wachtend: lag.pending, oudsteSeconden: lag.oldestSeconds },
  }
}
