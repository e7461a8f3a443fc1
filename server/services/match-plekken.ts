import { eq, sql } from 'drizzle-orm'
import { plek } from '../../db/schema.js'
import type { Db } from '../../db/client.js'
import { plekMetOrganisatie, plekkenMetOrganisatie, publishedPlekPages } from '../../db/plekken.js'
import type { Kandidaat } from '../../search/port.js'
import { isSearchable } from '../domain/zoeken.js'
import type { Plek } from '../domain/plek.js'
import type { MatchPlek } from '../matching/types.js'
import type { PlekSamenvatting } from '../domain/match.js'
import { toPlek } from './plekken.js'
import { perDatabase } from '../../db/per-database.js'
import { readInPages } from '../../db/in-pages.js'

// Plekken as the matcher needs them, kept in memory per database by id and versie. Reading and
// decoding full plek rows costs ~40 µs each; a deelnemer with a 25 km travel limit has thousands
// of candidates, so without this aanbodgericht matching at 100,000 plekken misses its target by
// far. The search index supplies each candidate's versie; a cached entry of that versie (or newer)
// is used as is, anything else is read from the database. Plek changes always bump the versie.

type PlekRow = typeof plek.$inferSelect

export interface MatchPlekProfiel {
  versie: number
  zoekbaar: boolean
  match: MatchPlek
  samenvatting: Omit<PlekSamenvatting, 'afstandKm'>
}

/** The cache is dropped whole when it grows past this; rebuilding it costs one slow request. */
const MAX_ENTRIES = 250_000
const caches = new WeakMap<Db, Map<string, MatchPlekProfiel>>()

/** What the matcher reads of a plek: a part of the plek as the API shows it (toPlek maps the row once). */
function matchPlekOf(p: Plek): MatchPlek {
  const { id, titel, beroep, sector, vorm, dagdelen, urenPerWeek, taalniveau, lagerNiveauMetOndersteuning, begeleiding,
    taalrijkheidsscore, opbouw, fysiekeBelasting, werkdruk, binnenSchooltijden, vereisten, lat, lon } = p
  return { id, titel, beroep, sector, vorm, dagdelen, urenPerWeek, taalniveau, lagerNiveauMetOndersteuning,
    begeleiding: begeleiding as MatchPlek['begeleiding'], taalrijkheidsscore, opbouw, fysiekeBelasting, werkdruk, binnenSchooltijden, vereisten, lat, lon }
}

/** A plek row as the matcher reads it. */
export const toMatchPlek = (row: PlekRow): MatchPlek => matchPlekOf(toPlek(row, ''))

const profiel = (row: PlekRow, organisatieNaam: string): MatchPlekProfiel => {
  const p = toPlek(row, organisatieNaam)
  return {
    versie: row.versie,
    zoekbaar: isSearchable(row),
    match: matchPlekOf(p),
    samenvatting: {
      id: p.id, titel: p.titel, organisatieNaam: p.organisatieNaam, plaats: p.plaats, sector: p.sector, vorm: p.vorm,
      urenPerWeek: p.urenPerWeek, dagdelen: p.dagdelen, taalrijkheidsscore: p.taalrijkheidsscore,
    },
  }
}

/** The searchable plekken among the candidates, from memory where the versie allows. */
export async function loadMatchPlekken(db: Db, kandidaten: Kandidaat[]): Promise<MatchPlekProfiel[]> {
  let cache = caches.get(db)
  if (!cache || cache.size > MAX_ENTRIES) caches.set(db, (cache = new Map()))
  const out: MatchPlekProfiel[] = []
  const missing: string[] = []
  for (const k of kandidaten) {
    const hit = cache.get(k.id)
    if (!hit || hit.versie < k.versie) missing.push(k.id)
    else if (hit.zoekbaar) out.push(hit)
  }
  for (const r of await readInPages(missing, (ids) => plekkenMetOrganisatie(db).all({ ids: JSON.stringify(ids) }))) {
    const entry = profiel(r.p, r.naam)
    cache.set(r.p.id, entry)
    // the index may lag a moment behind the database: a plek that just filled or closed is skipped
    if (entry.zoekbaar) out.push(entry)
  }
  return out
}

// One plek's versie: all that is read to know whether the memory still holds its current state.
const versieOf = perDatabase((db) => db.select({ versie: plek.versie }).from(plek).where(eq(plek.id, sql.placeholder('id'))).limit(1).prepare())

/**
 * One plek as the matcher reads it, any status (vraaggericht starts from a plek): from memory when
 * the database's versie is the remembered one, else read and remembered. Undefined for an unknown
 * id. Reading one column instead of the whole row (33 columns, four of them JSON) was most of what
 * this lookup cost.
 */
export async function loadMatchPlek(db: Db, id: string): Promise<MatchPlek | undefined> {
  const current = (await versieOf(db).all({ id }))[0]
  if (!current) return undefined
  let cache = caches.get(db)
  if (!cache || cache.size > MAX_ENTRIES) caches.set(db, (cache = new Map()))
  const hit = cache.get(id)
  if (hit && hit.versie === current.versie) return hit.match
  const [r] = await plekMetOrganisatie(db).all({ id })
  if (!r) return undefined
  const entry = profiel(r.p, r.naam)
  cache.set(id, entry)
  return entry.match
}

/**
 * Fills the memory with every searchable plek, in pages, so the first aanbodgericht matches after
 * a start are as fast as the later ones (at 100,000 plekken: a few seconds in the background).
 */
export async function warmMatchPlekken(db: Db, log?: (line: Record<string, unknown>) => void) {
  const start = performance.now()
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let n = 0
  for await (const rows of publishedPlekPages(db, 1000)) {
    for (const r of rows) if (!cache.has(r.p.id) || cache.get(r.p.id)!.versie < r.p.versie) cache.set(r.p.id, profiel(r.p, r.naam))
    n += rows.length
    await new Promise((r) => setImmediate(r)) // let requests in between pages
  }
  log?.({ event: 'matcher-warm', plekken: n, ms: Math.round(performance.now() - start) })
}
