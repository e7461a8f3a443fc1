import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { contains } from '../../db/contains.js'
import { randomUUID } from 'node:crypto'
import { deelnemer, gebruiker, gemeente, plaatsing, voorstel } from '../../db/schema.js'
import type { Db, Tx } from '../../db/client.js'
import type { Ctx } from '../context.js'
import { iso } from '../clock.js'
import { requireRole } from './access.js'
import { fromZod, nietGevonden, validatieFout } from '../domain/errors.js'
import { beheerdeStatussen, deelnemerInput, type Deelnemer, type DeelnemerInput } from '../domain/deelnemer.js'
import { locatieColumns } from './locatie.js'
import { mergePatch } from './merge-patch.js'
import { writeAudit, writeReadAudit } from './audit.js'
import { syncDeelnemerStatus } from './deelnemer-status.js'
import { chooseGemeente, includesGemeente, loadWerkgebied, readWerkgebied, withinWerkgebied } from './werkgebied.js'
import { perDatabase } from '../../db/per-database.js'

// Rules: jobhunters and beheerders keep deelnemer profiles. Werkgevers never reach them (403).
// Jobcoaches read only the deelnemers of their own plaatsingen (404 otherwise, like any record
// outside their scope). Nobody sees a deelnemer outside their werkgebied (services/werkgebied.ts):
// that is the same 404.

type Row = typeof deelnemer.$inferSelect

export function toDeelnemer(r: Row, gemeenteNaam?: string): Deelnemer {
  return {
    ...(r.profiel as DeelnemerInput),
    id: r.id,
    plaats: r.plaats,
    gemeenteId: r.gemeenteId,
    ...(gemeenteNaam !== undefined ? { gemeenteNaam } : {}),
    regievoerderId: r.regievoerderId,
    ...(r.toestemmingOp ? { toestemmingOp: r.toestemmingOp } : {}),
    aangemaaktOp: r.createdAt,
    gewijzigdOp: r.updatedAt,
  }
}

/** The columns a validated deelnemer body sets, with plaats and coordinates from the postcode. */
export function deelnemerColumns(input: DeelnemerInput, previous?: Row) {
  return {
    naam: input.naam,
    status: input.status,
    ...locatieColumns(input.postcode),
    urenMin: input.urenPerWeek.min,
    urenMax: input.urenPerWeek.max,
    maxReisafstandKm: input.mobiliteit.maxReisafstandKm,
    profiel: input as unknown as Record<string, unknown>,
    // when consent is given, record the moment; withdrawing it clears the moment
    toestemmingOp: input.toestemmingDelen ? (previous?.toestemmingOp ?? null) : null,
  }
}

/** A new deelnemer row, ready to insert (used by POST /api/deelnemers and the bulk import). */
export function newDeelnemerRow({ input, createdBy, now, gemeenteId, regievoerderId = null }: { input: DeelnemerInput; createdBy: string; now: string; gemeenteId: string; regievoerderId?: string | null }): Row {
  return {
    id: randomUUID(),
    ...deelnemerColumns(input),
    toestemmingOp: input.toestemmingDelen ? now : null,
    gewistOp: null,
    createdBy,
    gemeenteId,
    regievoerderId,
    versie: 1,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * The one lookup of a deelnemer by id: the row, if this actor may see it and it is not erased;
 * 404 otherwise (unknown, erased and out of scope look the same). Every service that reads one
 * deelnemer by id goes through here or through findVisibleVersie (deelnemers, matches, voorstellen, avg).
 */
export async function findVisibleDeelnemer(ctx: Ctx, id: string): Promise<Row> {
  requireRole(ctx.actor, 'beheerder', 'jobhunter', 'jobcoach')
  const row = (await ctx.db.select().from(deelnemer).where(eq(deelnemer.id, id)).limit(1))[0]
  await checkVisible(ctx, id, row)
  return row!
}

/**
 * The same lookup for the matcher, which has the profile in memory (match-deelnemers.ts): only
 * what the check needs and the versie. A whole row (19 columns) cost the driver ~0.3 ms.
 */
export async function findVisibleVersie(ctx: Ctx, id: string): Promise<{ id: string; versie: number }> {
  requireRole(ctx.actor, 'beheerder', 'jobhunter', 'jobcoach')
  const row = (await versieOf(ctx.db).all({ id }))[0]
  await checkVisible(ctx, id, row)
  return { id, versie: row!.versie }
}

const versieOf = perDatabase((db) =>
  db.select({ versie: deelnemer.versie, gewistOp: deelnemer.gewistOp, gemeenteId: deelnemer.gemeenteId }).from(deelnemer).where(eq(deelnemer.id, sql.placeholder('id'))).limit(1).prepare(),
)

async function checkVisible(ctx: Ctx, id: string, row: Pick<Row, 'gewistOp' | 'gemeenteId'> | undefined) {
  // an erased deelnemer is gone for every reader; the row only keeps the monitor's counts right
  if (!row || row.gewistOp) throw nietGevonden('De deelnemer')
  // outside the werkgebied it does not exist for this caller
  if (!includesGemeente(await loadWerkgebied(ctx), row.gemeenteId)) throw nietGevonden('De deelnemer')
  // a jobcoach reads only the deelnemers of their own plaatsingen (active or ended)
  if (ctx.actor.rol === 'jobcoach') {
    const eigen = await ctx.db.select({ id: plaatsing.id }).from(plaatsing).where(and(eq(plaatsing.deelnemerId, id), eq(plaatsing.jobcoachId, ctx.actor.id))).limit(1)
    if (!eigen.length) throw nietGevonden('De deelnemer')
  }
}

/** GET /api/deelnemers/:id: every view of a dossier is in the audit log. */
export async function getDeelnemer({ ctx, id }: { ctx: Ctx; id: string }) {
  const row = await findVisibleDeelnemer(ctx, id)
  await writeAudit(ctx.db, ctx.actor, iso(ctx.clock.now()), { actie: 'deelnemer-bekeken', objectSoort: 'deelnemer', objectId: id })
  return toDeelnemer(row, await gemeenteNaamOf(ctx.db, row.gemeenteId))
}

export async function gemeenteNaamOf(db: Db | Tx, id: string): Promise<string> {
  return (await db.select({ naam: gemeente.naam }).from(gemeente).where(eq(gemeente.id, id)))[0]?.naam ?? ''
}

/**
 * One audit row per answer that names deelnemers (a list, a match list): the ids it showed, so a
 * bulk copy leaves a trace. Nothing is written for an empty answer.
 */
export async function auditDeelnemersBekeken(ctx: Ctx, ids: string[], waar: string) {
  if (!ids.length) return
  // committed together with the rows of other reads arriving within a few milliseconds (audit.ts)
  await writeReadAudit(ctx.db, ctx.actor, iso(ctx.clock.now()), { actie: 'deelnemers-bekeken', objectSoort: 'lijst', objectId: waar, details: { deelnemers: ids } })
}

/**
 * GET /api/deelnemers: what a list needs and no more (naam, plaats, gemeente, status, leerroute,
 * regievoerder, gewijzigdOp); the rest only in the dossier. `regievoerder=ik` is "Mijn deelnemers".
 */
export async function listDeelnemers({ ctx, input }: { ctx: Ctx; input: { page: number; perPage: number; q?: string; status?: string; gemeenteId?: string; regievoerder?: string } }) {
  requireRole(ctx.actor, 'beheerder', 'jobhunter')
  const wg = await loadWerkgebied(ctx)
  const regievoerder = input.regievoerder === 'ik' ? ctx.actor.id : input.regievoerder
  const filters: (SQL | undefined)[] = [
    isNull(deelnemer.gewistOp),
    withinWerkgebied(wg, deelnemer.gemeenteId),
    input.gemeenteId ? eq(deelnemer.gemeenteId, input.gemeenteId) : undefined,
    regievoerder ? eq(deelnemer.regievoerderId, regievoerder) : undefined,
    input.status ? eq(deelnemer.status, input.status) : undefined,
    input.q ? contains(deelnemer.naam, input.q) : undefined,
  ]
  const where = and(...filters)
  const rows = await ctx.db
    .select({ d: deelnemer, gemeenteNaam: gemeente.naam })
    .from(deelnemer)
    .leftJoin(gemeente, eq(gemeente.id, deelnemer.gemeenteId))
    .where(where)
    .orderBy(asc(deelnemer.naam), deelnemer.id)
    .limit(input.perPage)
    .offset((input.page - 1) * input.perPage)
  const [totals] = await ctx.db.select({ total: count() }).from(deelnemer).where(where)
  await auditDeelnemersBekeken(ctx, rows.map((r) => r.d.id), 'deelnemers')
  return { items: rows.map((r) => toDeelnemerLijstItem(r.d, r.gemeenteNaam ?? '')), total: totals?.total ?? 0 }
}

export function toDeelnemerLijstItem(r: Row, gemeenteNaam: string) {
  const profiel = r.profiel as DeelnemerInput
  return {
    id: r.id,
    naam: r.naam,
    plaats: r.plaats,
    gemeenteId: r.gemeenteId,
    gemeenteNaam,
    status: r.status as DeelnemerInput['status'],
    leerroute: profiel.leerroute,
    regievoerderId: r.regievoerderId,
    gewijzigdOp: r.updatedAt,
  }
}

/**
 * PUT /api/deelnemers/:id/regievoerder (beheerder): another jobhunter of the deelnemer's gemeente
 * becomes responsible. Audited.
 */
export async function assignRegievoerder({ ctx, id, regievoerderId }: { ctx: Ctx; id: string; regievoerderId: string }) {
  requireRole(ctx.actor, 'beheerder')
  const row = await findVisibleDeelnemer(ctx, id)
  const [g] = await ctx.db.select({ rol: gebruiker.rol, actief: gebruiker.actief }).from(gebruiker).where(eq(gebruiker.id, regievoerderId))
  const zijnGebied = g ? await readWerkgebied(ctx.db, regievoerderId) : undefined
  if (!g || g.rol !== 'jobhunter' || !g.actief || !zijnGebied || !includesGemeente(zijnGebied, row.gemeenteId))
    throw validatieFout({ regievoerderId: 'Kies een actieve jobhunter van de gemeente van deze deelnemer.' })
  const now = iso(ctx.clock.now())
  await ctx.db.transaction(async (tx) => {
    await tx.update(deelnemer).set({ regievoerderId, updatedAt: now }).where(eq(deelnemer.id, id))
    await writeAudit(tx, ctx.actor, now, { actie: 'regievoerder-gewijzigd', objectSoort: 'deelnemer', objectId: id, details: { van: row.regievoerderId, naar: regievoerderId } })
  })
  return toDeelnemer({ ...row, regievoerderId, updatedAt: now }, await gemeenteNaamOf(ctx.db, row.gemeenteId))
}

/**
 * PUT /api/deelnemers/:id/gemeente (beheerder): the deelnemer moves to another gemeente of the
 * beheerder's werkgebied (a move, or fixing one the migration put in "Onbekend"). A regievoerder
 * who does not work in the new gemeente stops being it. Audited.
 */
export async function moveDeelnemer({ ctx, id, gemeenteId }: { ctx: Ctx; id: string; gemeenteId: string }) {
  requireRole(ctx.actor, 'beheerder')
  const row = await findVisibleDeelnemer(ctx, id)
  const nieuw = await chooseGemeente(ctx, gemeenteId)
  const regievoerderBlijft = row.regievoerderId ? includesGemeente(await readWerkgebied(ctx.db, row.regievoerderId), nieuw) : false
  const regievoerderId = regievoerderBlijft ? row.regievoerderId : null
  const now = iso(ctx.clock.now())
  await ctx.db.transaction(async (tx) => {
    await tx.update(deelnemer).set({ gemeenteId: nieuw, regievoerderId, updatedAt: now }).where(eq(deelnemer.id, id))
    await writeAudit(tx, ctx.actor, now, { actie: 'gemeente-gewijzigd', objectSoort: 'deelnemer', objectId: id, details: { van: row.gemeenteId, naar: nieuw } })
  })
  return toDeelnemer({ ...row, gemeenteId: nieuw, regievoerderId, updatedAt: now }, await gemeenteNaamOf(ctx.db, nieuw))
}

/** The deelnemer ids among these that the caller may see (inside the werkgebied, not erased). */
export async function visibleDeelnemerIds(ctx: Ctx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const wg = await loadWerkgebied(ctx)
  const rows = await ctx.db.select({ id: deelnemer.id }).from(deelnemer).where(and(inArray(deelnemer.id, ids), withinWerkgebied(wg, deelnemer.gemeenteId)))
  return new Set(rows.map((r) => r.id))
}

export async function createDeelnemer({ ctx, input: body }: { ctx: Ctx; input: DeelnemerInput & { gemeenteId?: string } }): Promise<Deelnemer> {
  requireRole(ctx.actor, 'beheerder', 'jobhunter')
  const { gemeenteId: gevraagd, ...input } = body
  const gemeenteId = await chooseGemeente(ctx, gevraagd)
  const now = iso(ctx.clock.now())
  // the jobhunter who records a deelnemer is their regievoerder until a beheerder reassigns
  const row = newDeelnemerRow({ input, createdBy: ctx.actor.id, now, gemeenteId, regievoerderId: ctx.actor.rol === 'jobhunter' ? ctx.actor.id : null })
  await ctx.db.transaction(async (tx) => {
    await tx.insert(deelnemer).values(row)
    await writeAudit(tx, ctx.actor, now, { actie: 'deelnemer-aangemaakt', objectSoort: 'deelnemer', objectId: row.id })
  })
  return toDeelnemer(row, await gemeenteNaamOf(ctx.db, gemeenteId))
}

export async function updateDeelnemer({ ctx, id, patch }: { ctx: Ctx; id: string; patch: Record<string, unknown> }) {
  requireRole(ctx.actor, 'beheerder', 'jobhunter')
  const current = await findVisibleDeelnemer(ctx, id)
  const parsed = deelnemerInput.safeParse(mergePatch(current.profiel, patch))
  if (!parsed.success) throw fromZod(parsed.error)
  // voorgesteld and geplaatst follow from voorstellen and plaatsingen; a person sets the others
  const beheerd = beheerdeStatussen
  if (parsed.data.status !== current.status && (beheerd.includes(parsed.data.status) || beheerd.includes(current.status)))
    throw validatieFout({
      status: beheerd.includes(current.status)
        ? `De status "${current.status}" volgt uit de voorstellen en plaatsingen; trek het voorstel in of beëindig de plaatsing.`
        : 'De status voorgesteld of geplaatst ontstaat vanzelf door een voorstel of plaatsing.',
    })
  const now = iso(ctx.clock.now())
  const columns = deelnemerColumns(parsed.data, current)
  if (parsed.data.toestemmingDelen && !current.toestemmingOp) columns.toestemmingOp = now
  // the audit row names the fields that changed, never their values
  const voor = current.profiel as Record<string, unknown>
  const velden = Object.keys({ ...voor, ...parsed.data }).filter((k) => JSON.stringify(voor[k]) !== JSON.stringify((parsed.data as Record<string, unknown>)[k]))
  const toestemmingIngetrokken = voor.toestemmingDelen === true && !parsed.data.toestemmingDelen
  await ctx.db.transaction(async (tx) => {
    await tx.update(deelnemer).set({ ...columns, updatedAt: now }).where(eq(deelnemer.id, id))
    await writeAudit(tx, ctx.actor, now, { actie: 'deelnemer-gewijzigd', objectSoort: 'deelnemer', objectId: id, details: { velden } })
    if (toestemmingIngetrokken) {
      // without consent nothing may be shared: open voorstellen are withdrawn with it
      const ingetrokken = await tx
        .update(voorstel)
        .set({ status: 'ingetrokken', beantwoordOp: now, beantwoordDoor: ctx.actor.id, updatedAt: now })
        .where(and(eq(voorstel.deelnemerId, id), eq(voorstel.status, 'voorgesteld')))
        .returning({ id: voorstel.id })
      if (ingetrokken.length) {
        await syncDeelnemerStatus(tx, id, now)
        await writeAudit(tx, ctx.actor, now, { actie: 'voorstellen-ingetrokken', objectSoort: 'deelnemer', objectId: id, details: { reden: 'toestemming ingetrokken', voorstellen: ingetrokken.map((v) => v.id) } })
      }
    }
  })
  return toDeelnemer(await findVisibleDeelnemer(ctx, id), await gemeenteNaamOf(ctx.db, current.gemeenteId))
}
