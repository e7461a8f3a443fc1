import { and, asc, eq, gt, inArray } from 'drizzle-orm'
import { organisatie, plek } from '../../db/schema.js'
import type { Db } from '../../db/client.js'
import type { Kandidaat } from '../../search/port.js'
import { isSearchable } from '../../search/documents.js'
import type { MatchPlek } from '../matching/types.js'
import type { PlekSamenvatting } from '../domain/match.js'
import { toPlek } from './plekken.js'

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

export const toMatchPlek = (p: PlekRow): MatchPlek => ({
  id: p.id,
  titel: p.titel,
  beroep: p.beroep ?? undefined,
  sector: p.sector as MatchPlek['sector'],
  vorm: p.vorm as MatchPlek['vorm'],
  dagdelen: p.dagdelen,
  urenPerWeek: { min: p.urenMin, max: p.urenMax },
  taalniveau: p.taalniveau,
  lagerNiveauMetOndersteuning: p.lagerNiveauMetOndersteuning,
  begeleiding: p.begeleiding as MatchPlek['begeleiding'],
  taalrijkheidsscore: p.taalrijkheidsscore,
  opbouw: p.opbouw,
  fysiekeBelasting: p.fysiekeBelasting as MatchPlek['fysiekeBelasting'],
  werkdruk: p.werkdruk as MatchPlek['werkdruk'],
  binnenSchooltijden: p.binnenSchooltijden,
  vereisten: p.vereisten,
  lat: p.lat,
  lon: p.lon,
})

const profiel = (row: PlekRow, organisatieNaam: string): MatchPlekProfiel => {
  const p = toPlek(row, organisatieNaam)
  return {
    versie: row.versie,
    zoekbaar: isSearchable(row),
    match: toMatchPlek(row),
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
  for (let i = 0; i < missing.length; i += 500) {
    const rows = await db
      .select({ p: plek, naam: organisatie.naam })
      .from(plek)
      .innerJoin(organisatie, eq(organisatie.id, plek.organisatieId))
      .where(inArray(plek.id, missing.slice(i, i + 500)))
    for (const r of rows) {
      const entry = profiel(r.p, r.naam)
      cache.set(r.p.id, entry)
      // the index may lag a moment behind the database: a plek that just filled or closed is skipped
      if (entry.zoekbaar) out.push(entry)
    }
  }
  return out
}

/**
 * Fills the memory with every searchable plek, in pages, so the first aanbodgericht matches after
 * a start are as fast as the later ones (at 100,000 plekken: a few seconds in the background).
 */
export async function warmMatchPlekken(db: Db, log?: (line: Record<string, unknown>) => void) {
  const start = performance.now()
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let last = ''
  let n = 0
  for (;;) {
    const rows = await db
      .select({ p: plek, naam: organisatie.naam })
      .from(plek)
      .innerJoin(organisatie, eq(organisatie.id, plek.organisatieId))
      .where(and(eq(plek.status, 'gepubliceerd'), gt(plek.id, last)))
      .orderBy(asc(plek.id))
      .limit(1000)
    for (const r of rows) if (!cache.has(r.p.id) || cache.get(r.p.id)!.versie < r.p.versie) cache.set(r.p.id, profiel(r.p, r.naam))
    n += rows.length
    if (rows.length < 1000) break
    last = rows.at(-1)!.p.id
    await new Promise((r) => setImmediate(r)) // let requests in between pages
  }
  log?.({ event: 'matcher-warm', plekken: n, ms: Math.round(performance.now() - start) })
}
