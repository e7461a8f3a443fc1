import { and, count, desc, eq, gte, inArray, lt, notInArray, or } from 'drizzle-orm'
import { audit, deelnemer, gebruiker, plaatsing } from '../../db/schema.js'
import type { Db } from '../../db/client.js'
import type { Actor, Ctx } from '../context.js'
import { requireRole } from './access.js'
import { loadWerkgebied, withinWerkgebied } from './werkgebied.js'

// One audit row per action on sensitive data, written with the same transaction (or connection)
// as the change itself so the log and the data never disagree. Details hold ids, field names and
// settings, never the personal data itself.

type Writer = Pick<Db, 'insert'>

export interface AuditRegel {
  actie: string
  objectSoort: string
  objectId: string
  details?: Record<string, unknown>
}

export async function writeAudit(db: Writer, actor: Actor | undefined, op: string, ...regels: AuditRegel[]) {
  if (!regels.length) return
  await db.insert(audit).values(regels.map((regel) => auditRow(actor, op, regel)))
}

/**
 * How long an audit row of a read waits for others to share its commit. Every commit of a local
 * file waits for the disk (synchronous=FULL: ~0.4 ms, at times 2–10 ms, during which the one
 * thread does nothing else); a match list or a list of deelnemers writes one row for what it
 * showed. Rows that arrive within this window are committed together.
 */
export const GROEP_MS = 5

type Wachtend = { rijen: (typeof audit.$inferInsert)[]; klaar: { resolve: () => void; reject: (e: unknown) => void }[] }
const groepen = new WeakMap<Db, Wachtend>()

/**
 * The audit row of a read, committed together with the rows of reads that arrive within GROEP_MS
 * (one commit instead of one each). Resolves once the row is committed, so an answer is never
 * sent before its trace is stored; when the commit fails, every read of the group fails with it.
 */
export function writeReadAudit(db: Db, actor: Actor | undefined, op: string, regel: AuditRegel): Promise<void> {
  return new Promise((resolve, reject) => {
    let groep = groepen.get(db)
    if (!groep) {
      groepen.set(db, (groep = { rijen: [], klaar: [] }))
      const deze = groep
      setTimeout(() => {
        groepen.delete(db)
        db.insert(audit)
          .values(deze.rijen)
          .then(() => deze.klaar.forEach((k) => k.resolve()), (e: unknown) => deze.klaar.forEach((k) => k.reject(e)))
      }, GROEP_MS)
    }
    groep.rijen.push(auditRow(actor, op, regel))
    groep.klaar.push({ resolve, reject })
  })
}

const auditRow = (actor: Actor | undefined, op: string, regel: AuditRegel) => ({
  op,
  gebruikerId: actor?.id ?? null,
  rol: actor?.rol ?? null,
  actie: regel.actie,
  objectSoort: regel.objectSoort,
  objectId: regel.objectId,
  details: regel.details ?? null,
})

/** GET /api/audit: the log, newest first, filtered by record, person or period (beheerder). */
export async function listAudit({ ctx, input }: { ctx: Ctx; input: { page: number; perPage: number; objectSoort?: string; objectId?: string; gebruikerId?: string; actie?: string; van?: string; tot?: string } }) {
  requireRole(ctx.actor, 'beheerder')
  // The boundary: rows about a deelnemer or plaatsing outside the werkgebied do not exist here;
  // a list row keeps only the ids inside it. Rows about no person (weights, import) are shared.
  const wg = await loadWerkgebied(ctx)
  const binnen = withinWerkgebied(wg, deelnemer.gemeenteId)
  const grens = binnen
    ? or(
        notInArray(audit.objectSoort, ['deelnemer', 'plaatsing']),
        and(eq(audit.objectSoort, 'deelnemer'), inArray(audit.objectId, ctx.db.select({ id: deelnemer.id }).from(deelnemer).where(binnen))),
        and(eq(audit.objectSoort, 'plaatsing'), inArray(audit.objectId, ctx.db.select({ id: plaatsing.id }).from(plaatsing).innerJoin(deelnemer, eq(deelnemer.id, plaatsing.deelnemerId)).where(binnen))),
      )
    : undefined
  const where = and(
    grens,
    input.objectSoort ? eq(audit.objectSoort, input.objectSoort) : undefined,
    input.objectId ? eq(audit.objectId, input.objectId) : undefined,
    input.gebruikerId ? eq(audit.gebruikerId, input.gebruikerId) : undefined,
    input.actie ? eq(audit.actie, input.actie) : undefined,
    input.van ? gte(audit.op, input.van) : undefined,
    input.tot ? lt(audit.op, `${input.tot}T24`) : undefined,
  )
  const rows = await ctx.db
    .select({ a: audit, naam: gebruiker.naam })
    .from(audit)
    .leftJoin(gebruiker, eq(gebruiker.id, audit.gebruikerId))
    .where(where)
    .orderBy(desc(audit.id))
    .limit(input.perPage)
    .offset((input.page - 1) * input.perPage)
  const [totaal] = await ctx.db.select({ n: count() }).from(audit).where(where)
  const genoemd = rows.flatMap(({ a }) => (Array.isArray(a.details?.deelnemers) ? (a.details.deelnemers as string[]) : []))
  const zichtbaar = binnen && genoemd.length ? new Set((await ctx.db.select({ id: deelnemer.id }).from(deelnemer).where(and(inArray(deelnemer.id, genoemd), binnen))).map((r) => r.id)) : undefined
  const details = (d: Record<string, unknown> | null) =>
    d && zichtbaar && Array.isArray(d.deelnemers) ? { ...d, deelnemers: (d.deelnemers as string[]).filter((id) => zichtbaar.has(id)) } : (d ?? undefined)
  return {
    items: rows.map(({ a, naam }) => ({
      id: a.id,
      op: a.op,
      actie: a.actie,
      objectSoort: a.objectSoort,
      objectId: a.objectId,
      gebruiker: a.gebruikerId ? { id: a.gebruikerId, naam: naam ?? '', rol: a.rol ?? '' } : undefined,
      details: details(a.details),
    })),
    total: totaal?.n ?? 0,
  }
}
