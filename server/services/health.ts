import { sql } from 'drizzle-orm'
import { checkWritable } from '../../db/writable.js'
import type { Deps } from '../context.js'

/**
 * Changes not yet in this instance's index for longer than this make the health "degraded": search
 * here is visibly behind (every instance converges within a second when all is well).
 */
export const LAG_DEGRADED_SECONDS = 5

export interface Onderdeel {
  ok: boolean
  detail?: string
}

const opslagDetail = {
  'alleen-lezen': 'De database is alleen-lezen: opslaan lukt niet.',
  vol: 'De database of de schijf is vol: opslaan lukt niet.',
} as const

/**
 * GET /api/health, for this instance: the database (answers, and takes writes), the search engine,
 * and how far this instance's index is behind the database, with reasons.
 */
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
  let opslag: Onderdeel = database.ok ? { ok: true } : { ok: false, detail: 'De database antwoordt niet.' }
  if (database.ok) {
    try {
      const w = await checkWritable(db)
      if (!w.ok) opslag = { ok: false, detail: opslagDetail[w.oorzaak] }
    } catch {
      opslag = { ok: false, detail: 'Niet na te gaan of opslaan lukt.' }
    }
    if (!opslag.ok) redenen.push(opslag.detail!)
  }
  const engine = search ? await search.index.health() : { ok: false, engine: 'geen', detail: 'Geen zoekmachine ingesteld.' }
  if (!engine.ok) redenen.push(engine.detail ?? 'De zoekmachine antwoordt niet.')
  const state = search?.state() ?? 'klaar'
  if (state === 'opbouwen') redenen.push('De zoekindex wordt opgebouwd.')
  const lag = database.ok && search ? await search.indexer.lag() : { pending: 0, oldestSeconds: 0, position: null, latest: 0 }
  if (lag.oldestSeconds > LAG_DEGRADED_SECONDS) {
    const welke = search?.indexer.mode === 'feed' ? 'De zoekindex van deze instantie' : 'De zoekindex'
    redenen.push(`${welke} loopt ${Math.round(lag.oldestSeconds)} seconden achter (${lag.pending} wijzigingen wachten).`)
  }
  // the error's kind and driver code only (search/log.ts errorKind); anything else is not shown
  const fout = search?.indexer.lastError
  if (fout) redenen.push(`Laatste indexeerfout: ${/^[\w.-]{1,60}( [\w.-]{1,60})?$/.test(fout) ? fout : 'onbekende soort'}`)
  return {
    status: redenen.length ? ('degraded' as const) : ('ok' as const),
    redenen,
    database,
    opslag,
    zoekmachine: { ...engine, index: state },
    outbox: { wachtend: lag.pending, oudsteSeconden: lag.oldestSeconds, positie: lag.position, laatste: lag.latest },
  }
}
