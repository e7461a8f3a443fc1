import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { deelnemer, plaatsing, plek } from '../../db/schema.js'
import type { Ctx } from '../context.js'
import { requireRole } from './access.js'
import { nietGevonden, zoekenNietBeschikbaar } from '../domain/errors.js'
import { afstandKm } from '../domain/geo.js'
import type { DeelnemerInput } from '../domain/deelnemer.js'
import { evaluate, prepareKnockouts, sortResults } from '../matching/rank.js'
import { getActiveConfig } from './gewichten.js'
import type { MatchResultaat, Richting } from '../matching/types.js'
import { loadMatchPlek, loadMatchPlekken, toMatchPlek } from './match-plekken.js'
import { loadMatchDeelnemers, toMatchDeelnemer, type Versie } from './match-deelnemers.js'
import { auditDeelnemersBekeken, findVisibleVersie } from './deelnemers.js'
import { loadWerkgebied, type Werkgebied } from './werkgebied.js'
import { knockoutFilters } from './knockout-filters.js'
import { perDatabase } from '../../db/per-database.js'
import { inJsonList } from '../../db/in-pages.js'

// Candidate retrieval and I/O around the pure matcher. Aanbodgericht narrows with the search index
// (published plekken with free capaciteit within the deelnemer's travel limit); vraaggericht
// narrows in SQL (zoekende deelnemers whose travel limit reaches the plek). Then every candidate
// is scored and explained; nothing is decided here.

type DeelnemerRow = typeof deelnemer.$inferSelect

/** More candidates than this are not scored (a deelnemer in a city centre with a 200 km limit). */
const MAX_KANDIDATEN = 20_000

export interface MatchQuery {
  limit: number
  inclusiefUitgesloten: boolean
}

function select(results: MatchResultaat[], q: MatchQuery) {
  // excluded results are dropped before sorting when they are not asked for (most are excluded)
  return sortResults(q.inclusiefUitgesloten ? results : results.filter((r) => !r.uitgesloten)).slice(0, q.limit)
}

const weights = (richting: Richting, g: Awaited<ReturnType<typeof getActiveConfig>>) => ({
  richting,
  gewichtenVersie: g.versie,
  gewichten: g.config.gewichten,
  knockouts: g.config.knockouts,
})

const actievePlekkenOf = perDatabase((db) =>
  db.select({ plekId: plaatsing.plekId }).from(plaatsing).where(and(eq(plaatsing.deelnemerId, sql.placeholder('id')), eq(plaatsing.status, 'actief'))).prepare(),
)

/** GET /api/deelnemers/:id/matches: aanbodgericht, ranked plekken for one deelnemer. */
export async function matchPlekkenForDeelnemer({ ctx, id, query }: { ctx: Ctx; id: string; query: MatchQuery }) {
  requireRole(ctx.actor, 'jobhunter', 'beheerder')
  // the deelnemer's profile from the matcher's memory at its current versie
  const [d] = await loadMatchDeelnemers(ctx.db, [await findVisibleVersie(ctx, id)])
  if (!d) throw nietGevonden('De deelnemer') // erased a moment ago
  const g = await getActiveConfig(ctx.db, 'aanbodgericht')
  if (!ctx.search) throw zoekenNietBeschikbaar()
  // Candidates: searchable plekken within the travel limit, from the search index, without those
  // the index can tell fail a knock-out (unless excluded ones are asked for); their profiles from
  // memory where the index's versie allows (see match-plekken.ts).
  const filters = query.inclusiefUitgesloten ? {} : knockoutFilters(d, g.config)
  const kandidaten = await ctx.search.index.kandidaten({ filters, geo: { lat: d.lat, lon: d.lon, straalKm: d.mobiliteit.maxReisafstandKm } }, MAX_KANDIDATEN)
  // the plek the deelnemer works at now is not a passende plek for them (issue 17, item 8)
  const geplaatst = new Set((await actievePlekkenOf(ctx.db).all({ id: d.id })).map((r) => r.plekId))
  const plekken = (await loadMatchPlekken(ctx.db, kandidaten)).filter((p) => !geplaatst.has(p.match.id))
  // Thousands of candidates, most excluded by a knock-out: unless excluded ones are asked for,
  // check the knock-outs first (the deelnemer's side once) and score only the rest.
  const uitgesloten = query.inclusiefUitgesloten ? undefined : prepareKnockouts(d, 'aanbodgericht', g.config)
  const results: MatchResultaat[] = []
  const byId = new Map<string, (typeof plekken)[number]>()
  for (const p of plekken) {
    const km = afstandKm(d, p.match)
    if (uitgesloten?.(p.match, km)) continue
    const m = evaluate(d, p.match, 'aanbodgericht', g.config, km, p.match.id)
    results.push(m)
    byId.set(m.id, p)
  }
  const items = select(results, query).map((m) => {
    const p = byId.get(m.id)!
    return {
      plek: { ...p.samenvatting, afstandKm: Math.round(afstandKm(d, p.match) * 10) / 10 },
      score: m.score,
      uitgesloten: m.uitgesloten,
      criteria: m.criteria,
    }
  })
  return { items, total: items.length, kandidaten: plekken.length, ...weights('aanbodgericht', g) }
}

/**
 * Candidates of vraaggericht in SQL: zoekende deelnemers whose own travel limit reaches the plek
 * (a box of that many km around them; the exact distance is a criterion), inside the werkgebied
 * (`alle` or a list of gemeenten), and, for proactive matching, only those with a regievoerder.
 * Nobody farther north or south than the widest travel limit among them can qualify: that band of
 * latitude lets the index (deelnemer_zoekend_geo_idx) skip everyone else. Only id and versie,
 * which that index holds too: no table row is read, and the profiles come from the matcher's
 * memory (match-deelnemers.ts). They come as one JSON array in one row: the driver builds an
 * object per row (~4 µs each), which for hundreds of candidates cost more than the query itself.
 * One prepared statement per kind (the gemeenten as one JSON parameter): building this query
 * with drizzle on every request cost ~15% of the CPU of a match list (issue 13). Also used by
 * proactive matching (services/proactief.ts).
 */
export async function vraaggerichtKandidaten(db: Db, p: { lat: number; lon: number }, scope: { werkgebied: Werkgebied; metRegievoerder?: boolean }): Promise<Versie[]> {
  const { werkgebied, metRegievoerder = false } = scope
  const [row] = await kandidatenQuery[metRegievoerder ? 1 : 0]!(db).all({
    lat: p.lat,
    lon: p.lon,
    lonKm: 111.32 * Math.cos((p.lat * Math.PI) / 180),
    alle: werkgebied.alle ? 1 : 0,
    gemeenten: JSON.stringify(werkgebied.alle ? [] : werkgebied.gemeenten),
  })
  return (JSON.parse(row?.lijst ?? '[]') as [string, number][]).map(([id, versie]) => ({ id, versie }))
}

const kandidatenQuery = [false, true].map((metRegievoerder) =>
  perDatabase((db) => {
    const widest = sql`(select max(${deelnemer.maxReisafstandKm}) from ${deelnemer} where ${deelnemer.status} = 'zoekend')`
    const lat = sql.placeholder('lat')
    return db
      .select({ lijst: sql<string>`json_group_array(json_array(${deelnemer.id}, ${deelnemer.versie}))` })
      .from(deelnemer)
      .where(
        and(
          eq(deelnemer.status, 'zoekend'),
          // the band is a little wider than the box can be, so rounding never drops anyone
          sql`${deelnemer.lat} between ${lat} - ${widest} / 110.574 - 1e-6 and ${lat} + ${widest} / 110.574 + 1e-6`,
          isNull(deelnemer.gewistOp),
          sql`(${sql.placeholder('alle')} = 1 or ${inJsonList(deelnemer.gemeenteId, 'gemeenten')})`,
          metRegievoerder ? isNotNull(deelnemer.regievoerderId) : undefined,
          sql`abs(${deelnemer.lat} - ${lat}) * 110.574 <= ${deelnemer.maxReisafstandKm}`,
          sql`abs(${deelnemer.lon} - ${sql.placeholder('lon')}) * ${sql.placeholder('lonKm')} <= ${deelnemer.maxReisafstandKm}`,
        ),
      )
      .prepare()
  }),
)

/** What a match list shows of the deelnemers chosen: one prepared statement, the ids as one JSON parameter. */
const getoond = perDatabase((db) =>
  db
    .select({ id: deelnemer.id, plaats: deelnemer.plaats, lat: deelnemer.lat, lon: deelnemer.lon, profiel: deelnemer.profiel })
    .from(deelnemer)
    .where(inJsonList(deelnemer.id, 'ids'))
    .prepare(),
)

/** GET /api/plekken/:id/matches: vraaggericht, ranked zoekende deelnemers for one plek. */
export async function matchDeelnemersForPlek({ ctx, id, query }: { ctx: Ctx; id: string; query: MatchQuery }) {
  requireRole(ctx.actor, 'jobhunter', 'beheerder')
  const p = await loadMatchPlek(ctx.db, id)
  if (!p) throw nietGevonden('De plek')
  const g = await getActiveConfig(ctx.db, 'vraaggericht')
  const kandidaten = await loadMatchDeelnemers(ctx.db, await vraaggerichtKandidaten(ctx.db, p, { werkgebied: await loadWerkgebied(ctx) }))
  const alleenGeschikt = { alleenGeschikt: !query.inclusiefUitgesloten }
  const results: MatchResultaat[] = []
  for (const d of kandidaten) {
    const m = evaluate(d, p, 'vraaggericht', g.config, afstandKm(d, p), d.id, alleenGeschikt)
    if (!m.uitgesloten || query.inclusiefUitgesloten) results.push(m)
  }
  const gekozen = select(results, query)
  // what the list shows of a deelnemer is read only for those shown
  const shown = gekozen.length ? await getoond(ctx.db).all({ ids: JSON.stringify(gekozen.map((m) => m.id)) }) : []
  const byId = new Map(shown.map((r) => [r.id, r]))
  const items = gekozen.flatMap((m) => {
    const r = byId.get(m.id)
    if (!r) return [] // erased since it was scored
    // the deelnemer as GET /api/deelnemers/:id shows it (toDeelnemer: the profile, then id and plaats)
    const d = { ...(r.profiel as unknown as DeelnemerInput), id: r.id, plaats: r.plaats }
    return [{
      deelnemer: { id: d.id, naam: d.naam, plaats: d.plaats, leerroute: d.leerroute, taalniveau: d.taalniveau, urenPerWeek: d.urenPerWeek, status: d.status, toestemmingDelen: d.toestemmingDelen, afstandKm: Math.round(afstandKm(r, p) * 10) / 10 },
      score: m.score,
      uitgesloten: m.uitgesloten,
      criteria: m.criteria,
    }]
  })
  await auditDeelnemersBekeken(ctx, items.map((m) => m.deelnemer.id), `plek:${id}`)
  return { items, total: items.length, kandidaten: kandidaten.length, ...weights('vraaggericht', g) }
}

/** One deelnemer–plek pair scored now with the weights in force (a voorstel records this). */
export async function evaluatePair(ctx: Ctx, d: DeelnemerRow, p: typeof plek.$inferSelect, richting: Richting) {
  const g = await getActiveConfig(ctx.db, richting)
  const m = evaluate(toMatchDeelnemer(d), toMatchPlek(p), richting, g.config, afstandKm(d, p), p.id)
  return { score: m.score, uitgesloten: m.uitgesloten, criteria: m.criteria, gewichtenVersie: g.versie }
}
