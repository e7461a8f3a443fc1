import { and, desc, eq, inArray, isNull, lt, notExists, sql, type SQL } from 'drizzle-orm'
import { audit, deelnemer, gebruiker, nazorgcontact, plaatsing, voorstel } from '../../db/schema.js'
import type { Db } from '../../db/client.js'
import type { Actor, Ctx, Deps } from '../context.js'
import { datumInNederland, iso, addMonths } from '../clock.js'
import { requireRole } from './access.js'
import { conflict } from '../domain/errors.js'
import { findVisibleDeelnemer, toDeelnemer } from './deelnemers.js'
import { writeAudit } from './audit.js'
import { loadWerkgebied, withinWerkgebied } from './werkgebied.js'
import type { Tx } from '../../db/client.js'

// The AVG rights of a deelnemer, handled by a beheerder: inzage (export everything as JSON),
// vergetelheid (erase), and the retention rule that anonymises deelnemers whose last plaatsing
// ended long ago. Erasing keeps what the monitor counts (dates, sector, vorm, eindreden,
// knelpunten) and removes everything that says who the person is or what was said about them.

/** GET /api/deelnemers/:id/export: every record about one deelnemer, as JSON. */
export async function exportDeelnemer({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, 'beheerder')
  const d = await findVisibleDeelnemer(ctx, id)
  const voorstellen = await ctx.db.select().from(voorstel).where(eq(voorstel.deelnemerId, id))
  const plaatsingen = await ctx.db.select().from(plaatsing).where(eq(plaatsing.deelnemerId, id))
  const nazorg = plaatsingen.length ? await ctx.db.select().from(nazorgcontact).where(inArray(nazorgcontact.plaatsingId, plaatsingen.map((p) => p.id))) : []
  const inzage = await ctx.db
    .select({ op: audit.op, actie: audit.actie, rol: audit.rol, door: gebruiker.naam })
    .from(audit)
    .leftJoin(gebruiker, eq(gebruiker.id, audit.gebruikerId))
    .where(and(eq(audit.objectSoort, 'deelnemer'), eq(audit.objectId, id)))
    .orderBy(desc(audit.op))
  const now = iso(ctx.clock.now())
  await writeAudit(ctx.db, ctx.actor, now, { actie: 'deelnemer-geexporteerd', objectSoort: 'deelnemer', objectId: id })
  return {
    exportOp: now,
    toelichting: 'Alle gegevens die de gemeente over deze deelnemer bewaart in Participatieplekken (AVG art. 15).',
    deelnemer: toDeelnemer(d),
    voorstellen: voorstellen.map(({ deelnemerId: _d, ...v }) => v),
    plaatsingen: plaatsingen.map(({ deelnemerId: _d, ...p }) => p),
    nazorgcontacten: nazorg,
    /** Who looked at or changed the dossier, and when. */
    logboek: inzage,
  }
}

/** Removes the personal data of one deelnemer inside a transaction; counts stay. */
async function anonymise(tx: Tx, id: string, now: string) {
  await tx
    .update(deelnemer)
    .set({
      naam: 'Gewiste deelnemer',
      status: 'uitgestroomd',
      postcode: '',
      plaats: '',
      lat: 0,
      lon: 0,
      urenMin: 0,
      urenMax: 0,
      maxReisafstandKm: 0,
      profiel: {},
      toestemmingOp: null,
      gewistOp: now,
      updatedAt: now,
    })
    .where(eq(deelnemer.id, id))
  // voorstellen: the note, the reasons (they describe the person) and the shared fields go
  await tx
    .update(voorstel)
    .set({ toelichting: null, afwijsreden: null, criteria: [], velden: [], updatedAt: now, status: sql`case when ${voorstel.status} = 'voorgesteld' then 'ingetrokken' else ${voorstel.status} end` })
    .where(eq(voorstel.deelnemerId, id))
  await tx.update(plaatsing).set({ eindtoelichting: null, updatedAt: now }).where(eq(plaatsing.deelnemerId, id))
  // nazorg: what was said goes; date, kind and knelpunten stay for the monitor
  await tx
    .update(nazorgcontact)
    .set({ samenvatting: '', acties: null, doorbraakbudget: null })
    .where(inArray(nazorgcontact.plaatsingId, tx.select({ id: plaatsing.id }).from(plaatsing).where(eq(plaatsing.deelnemerId, id))))
}

/** DELETE /api/deelnemers/:id: erase on request. An active plaatsing must be ended first. */
export async function eraseDeelnemer({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, 'beheerder')
  await findVisibleDeelnemer(ctx, id)
  const now = iso(ctx.clock.now())
  await ctx.db.transaction(async (tx) => {
    const [actief] = await tx.select({ id: plaatsing.id }).from(plaatsing).where(and(eq(plaatsing.deelnemerId, id), eq(plaatsing.status, 'actief')))
    if (actief) throw conflict('plaatsing-actief', 'Deze deelnemer heeft een actieve plaatsing. Beëindig die eerst; daarna kunnen de gegevens worden gewist.')
    await anonymise(tx, id, now)
    await writeAudit(tx, ctx.actor, now, { actie: 'deelnemer-gewist', objectSoort: 'deelnemer', objectId: id })
  })
}

/**
 * The retention rule: deelnemers without an active plaatsing whose last plaatsing ended more
 * than `maanden` months ago are anonymised. Deelnemers who were never placed are not touched
 * by this rule (docs/privacy.md).
 */
export async function applyBewaartermijn(deps: Deps, actor?: Actor, binnen?: SQL): Promise<{ grens: string; geanonimiseerd: number }> {
  const grens = addMonths(datumInNederland(deps.clock.now()), -deps.config.retentieMaanden)
  const teOud = await findExpiredDeelnemers(deps.db, grens, binnen)
  const now = iso(deps.clock.now())
  let geanonimiseerd = 0
  for (const id of teOud) {
    await deps.db.transaction(async (tx) => {
      // Every instance runs this rule (server/daily-jobs.ts), and a beheerder can start it too:
      // another run may have anonymised this deelnemer since the list was read, or a plaatsing
      // may have started. The UPDATE checks both and claims the deelnemer, as one statement, so
      // each deelnemer is anonymised and audited once (two runs at once did both, twice).
      const [claimed] = await tx
        .update(deelnemer)
        .set({ gewistOp: now })
        .where(and(eq(deelnemer.id, id), isNull(deelnemer.gewistOp), notExists(tx.select({ x: sql`1` }).from(plaatsing).where(and(eq(plaatsing.deelnemerId, id), eq(plaatsing.status, 'actief'))))))
        .returning({ id: deelnemer.id })
      if (!claimed) return
      await anonymise(tx, id, now)
      await writeAudit(tx, actor, now, { actie: 'deelnemer-geanonimiseerd', objectSoort: 'deelnemer', objectId: id, details: { regel: `${deps.config.retentieMaanden} maanden na de laatste plaatsing` } })
      geanonimiseerd++
    })
  }
  return { grens, geanonimiseerd }
}

async function findExpiredDeelnemers(db: Db, grens: string, binnen?: SQL): Promise<string[]> {
  const p = plaatsing
  const rows = await db
    .select({ id: deelnemer.id, laatste: sql<string>`max(${p.einddatum})` })
    .from(deelnemer)
    .innerJoin(p, eq(p.deelnemerId, deelnemer.id))
    .where(and(isNull(deelnemer.gewistOp), binnen, notExists(db.select({ x: sql`1` }).from(plaatsing).where(and(eq(plaatsing.deelnemerId, deelnemer.id), eq(plaatsing.status, 'actief'))))))
    .groupBy(deelnemer.id)
    .having(lt(sql`max(${p.einddatum})`, grens))
  return rows.map((r) => r.id)
}

/**
 * POST /api/avg/bewaartermijn: the retention rule on demand (it also runs daily, for every
 * gemeente); a beheerder starts it for the deelnemers of their own werkgebied only.
 */
export async function runBewaartermijnNow({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, 'beheerder')
  return applyBewaartermijn(ctx, ctx.actor, withinWerkgebied(await loadWerkgebied(ctx), deelnemer.gemeenteId))
}
