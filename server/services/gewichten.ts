import { randomUUID } from 'node:crypto'
import { and, desc, eq, sql } from 'drizzle-orm'
import { gebruiker, matchingGewichten } from '../../db/schema.js'
import type { Db } from '../../db/client.js'
import type { Ctx } from '../context.js'
import { iso } from '../clock.js'
import { requireRole } from './access.js'
import { validatieFout } from '../domain/errors.js'
import { standaardConfig } from '../matching/config.js'
import type { CriteriumCode, Richting, RichtingConfig } from '../matching/types.js'
import type { GewichtenVersie, GewichtenWijziging } from '../domain/gewichten.js'
import { writeAudit } from './audit.js'
import { perDatabase } from '../../db/per-database.js'

// The weights in force per richting: the latest stored change, or the documented defaults.
// Every change is a new row plus an audit row, in one transaction; nothing is overwritten, so a
// result's `gewichtenVersie` can always be looked up later.

const latestGewichten = (db: Db, richting: Richting) =>
  db
    .select({ w: matchingGewichten, naam: gebruiker.naam })
    .from(matchingGewichten)
    .innerJoin(gebruiker, eq(gebruiker.id, matchingGewichten.gewijzigdDoor))
    .where(eq(matchingGewichten.richting, richting))
    .orderBy(desc(matchingGewichten.gewijzigdOp), desc(matchingGewichten.id))
    .limit(1)

type Opgeslagen = { w: typeof matchingGewichten.$inferSelect; naam: string }

const toGewichtenVersie = (richting: Richting, rij: Opgeslagen | undefined): GewichtenVersie =>
  rij
    ? {
        versie: rij.w.id,
        richting,
        gewichten: rij.w.gewichten,
        knockouts: standaardConfig[richting].knockouts,
        toelichting: rij.w.toelichting,
        gewijzigdOp: rij.w.gewijzigdOp,
        gewijzigdDoor: { id: rij.w.gewijzigdDoor, naam: rij.naam },
      }
    : { versie: 'standaard', richting, gewichten: standaardConfig[richting].gewichten, knockouts: standaardConfig[richting].knockouts }

type ActiveConfig = { versie: string; config: RichtingConfig }

/**
 * The weights in force, kept per database and richting, and checked against the database on every
 * use with one tiny indexed query (the id of the latest change): another instance may have changed
 * them a moment ago, and a match answer must use and name the weights in force (test/scale,
 * "weights changed on A are used by a match answer on B at once"). Only when the id differs are
 * the weights read again (a join and a JSON column: most of what this cost before).
 */
const latestVersieOf = perDatabase((db) =>
  db
    .select({ id: matchingGewichten.id })
    .from(matchingGewichten)
    .where(eq(matchingGewichten.richting, sql.placeholder('richting')))
    .orderBy(desc(matchingGewichten.gewijzigdOp), desc(matchingGewichten.id))
    .limit(1)
    .prepare(),
)
const activeConfigs = new WeakMap<Db, Map<Richting, ActiveConfig>>()

/** The configuration the matcher uses now for one richting, with its version id. */
export async function getActiveConfig(db: Db, richting: Richting): Promise<ActiveConfig> {
  let cache = activeConfigs.get(db)
  if (!cache) activeConfigs.set(db, (cache = new Map()))
  const versie = (await latestVersieOf(db).all({ richting }))[0]?.id ?? 'standaard'
  const cached = cache.get(richting)
  if (cached?.versie === versie) return cached
  const v = toGewichtenVersie(richting, (await latestGewichten(db, richting))[0])
  const active = { versie: v.versie, config: { knockouts: standaardConfig[richting].knockouts, gewichten: v.gewichten as Record<CriteriumCode, number> } }
  cache.set(richting, active)
  return active
}

/** GET /api/matching/gewichten */
export async function getGewichten({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, 'jobhunter', 'beheerder')
  const [a, v] = await Promise.all([latestGewichten(ctx.db, 'aanbodgericht'), latestGewichten(ctx.db, 'vraaggericht')])
  return { aanbodgericht: toGewichtenVersie('aanbodgericht', a[0]), vraaggericht: toGewichtenVersie('vraaggericht', v[0]) }
}

/** GET /api/matching/gewichten/historie: every change, newest first (beheerder). */
export async function listGewichtenHistory({ ctx, richting }: { ctx: Ctx; richting?: Richting }) {
  requireRole(ctx.actor, 'beheerder')
  const rows = await ctx.db
    .select({ w: matchingGewichten, naam: gebruiker.naam })
    .from(matchingGewichten)
    .innerJoin(gebruiker, eq(gebruiker.id, matchingGewichten.gewijzigdDoor))
    .where(and(richting ? eq(matchingGewichten.richting, richting) : undefined))
    .orderBy(desc(matchingGewichten.gewijzigdOp), desc(matchingGewichten.id))
  const items = rows.map((r) => toGewichtenVersie(r.w.richting as Richting, r))
  return { items, total: items.length }
}

/** PUT /api/matching/gewichten/{richting}: a beheerder changes weights; stored as a new version and audited. */
export async function updateGewichten({ ctx, richting, input }: { ctx: Ctx; richting: Richting; input: GewichtenWijziging }) {
  requireRole(ctx.actor, 'beheerder')
  const huidig = await getActiveConfig(ctx.db, richting)
  const gewichten = { ...huidig.config.gewichten } as Record<string, number>
  for (const [code, w] of Object.entries(input.gewichten)) if (w !== undefined) gewichten[code] = w
  if (!Object.values(gewichten).some((w) => w > 0))
    throw validatieFout({ gewichten: 'Geef minstens één criterium een gewicht groter dan 0.' })
  const id = randomUUID()
  const now = iso(ctx.clock.now())
  await ctx.db.transaction(async (tx) => {
    await tx.insert(matchingGewichten).values({ id, richting, gewichten, toelichting: input.toelichting, gewijzigdDoor: ctx.actor.id, gewijzigdOp: now })
    await writeAudit(tx, ctx.actor, now, {
      actie: 'gewichten-gewijzigd',
      objectSoort: 'matching-gewichten',
      objectId: richting,
      details: { versie: id, vorigeVersie: huidig.versie, van: huidig.config.gewichten, naar: gewichten },
    })
  })
  return toGewichtenVersie(richting, { w: { id, richting, gewichten, toelichting: input.toelichting, gewijzigdDoor: ctx.actor.id, gewijzigdOp: now }, naam: ctx.actor.naam })
}
