import type { Db } from '../../db/client.js'
import { perDatabase } from '../../db/per-database.js'
import { deelnemer } from '../../db/schema.js'
import type { DeelnemerInput } from '../domain/deelnemer.js'
import type { MatchDeelnemer } from '../matching/types.js'
import { inJsonList, readInPages } from '../../db/in-pages.js'

// Deelnemers as the matcher reads them, kept in memory per database by id and versie (the
// counterpart of match-plekken.ts). Vraaggericht scores every zoekende deelnemer within reach of a
// plek: reading and decoding each one's profile (a JSON document) was most of that request's cost.
// The candidate query now answers only id and versie from an index; a remembered entry of that
// versie is used as is, anything else is read. The trigger deelnemer_versie (migration 0010) raises
// the versie on every change of the row, so an entry is never used after a change.
//
// Privacy: only what the matcher compares is kept (no name, no free text), in this process's
// memory only. An entry not used for one to two MAX_IDLE_MS windows is dropped, so the data of a
// deelnemer who left the candidates (erased, placed, uitgestroomd) does not linger.

export interface Versie {
  id: string
  versie: number
}

/** How long an unused entry may stay (it is dropped after one to two of these). */
const MAX_IDLE_MS = 10 * 60_000

/** Two generations: entries used in this window, and those of the previous one (dropped at the next swap). */
class Generaties {
  private current = new Map<string, { versie: number; match: MatchDeelnemer }>()
  private previous = new Map<string, { versie: number; match: MatchDeelnemer }>()
  private swappedAt = Date.now()

  get(id: string, versie: number): MatchDeelnemer | undefined {
    this.swapWhenDue()
    const hit = this.current.get(id) ?? this.previous.get(id)
    if (!hit || hit.versie !== versie) return undefined
    this.current.set(id, hit)
    return hit.match
  }

  set(id: string, versie: number, match: MatchDeelnemer) {
    this.current.set(id, { versie, match })
  }

  private swapWhenDue() {
    if (Date.now() - this.swappedAt < MAX_IDLE_MS) return
    this.previous = this.current
    this.current = new Map()
    this.swappedAt = Date.now()
  }
}

const memoryOf = perDatabase(() => new Generaties())

/** The fields of a deelnemer the matcher compares (also for a row read whole elsewhere). */
export const toMatchDeelnemer = (r: { id: string; lat: number; lon: number; profiel: unknown }): MatchDeelnemer => {
  const d = r.profiel as DeelnemerInput
  return {
    id: r.id,
    taalniveau: d.taalniveau,
    leerroute: d.leerroute,
    beschikbareDagdelen: d.beschikbareDagdelen,
    taallesDagdelen: d.taallesDagdelen,
    urenPerWeek: d.urenPerWeek,
    kinderopvang: d.kinderopvang,
    mobiliteit: d.mobiliteit,
    belastbaarheid: d.belastbaarheid,
    wensen: { sectoren: d.wensen.sectoren, vormen: d.wensen.vormen, wensberoep: d.wensen.wensberoep },
    vca: d.vca,
    lat: r.lat,
    lon: r.lon,
  }
}

/** Profiles by id, the ids as one JSON parameter: prepared once (drizzle built an `in (…)` of hundreds of ids in ~0.5 ms). */
const profielen = perDatabase((db) =>
  db
    .select({ id: deelnemer.id, versie: deelnemer.versie, lat: deelnemer.lat, lon: deelnemer.lon, profiel: deelnemer.profiel, gewistOp: deelnemer.gewistOp })
    .from(deelnemer)
    .where(inJsonList(deelnemer.id, 'ids'))
    .prepare(),
)

/**
 * The matcher's view of each candidate, in the candidates' order: from memory at the candidate's
 * versie, else read (in pages, db/in-pages.ts) and remembered. A row that changed since the candidate was found is
 * read in its new state; one erased in between is left out.
 */
export async function loadMatchDeelnemers(db: Db, kandidaten: Versie[]): Promise<MatchDeelnemer[]> {
  const memory = memoryOf(db)
  const found = new Map<string, MatchDeelnemer>()
  const missing: string[] = []
  for (const k of kandidaten) {
    const hit = memory.get(k.id, k.versie)
    if (hit) found.set(k.id, hit)
    else missing.push(k.id)
  }
  const rows = await readInPages(missing, (ids) => profielen(db).all({ ids: JSON.stringify(ids) }))
  for (const r of rows) {
    if (r.gewistOp) continue // its profile is gone
    const match = toMatchDeelnemer(r)
    memory.set(r.id, r.versie, match)
    found.set(r.id, match)
  }
  const out: MatchDeelnemer[] = []
  for (const k of kandidaten) {
    const d = found.get(k.id)
    if (d) out.push(d)
  }
  return out
}
