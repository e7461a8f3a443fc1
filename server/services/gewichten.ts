import { randomUUID } from 'node:crypto'
import { and, desc, eq } from 'drizzle-orm'
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

/** The configuration the matcher uses now for one richting, with its version id. */
export async function getActiveConfig(db: Db, richting: Richting): Promise<{ versie: string; config: RichtingConfig }> {
  const v = toGewichtenVersie(richting, (await latestGewichten(db, richting))[0])
  return { versie: v.versie, config: { knockouts: standaardConfig[richting].knockouts, gewichten: v.gewichten as Record<CriteriumCode, number> } }
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
