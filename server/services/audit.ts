import { and, count, desc, eq, gte, lt } from 'drizzle-orm'
import { audit, gebruiker } from '../../db/schema.js'
import type { Db } from '../../db/client.js'
import type { Actor, Ctx } from '../context.js'
import { requireRole } from './access.js'

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
  await db.insert(audit).values(
    regels.map((regel) => ({
      op,
      gebruikerId: actor?.id ?? null,
      rol: actor?.rol ?? null,
      actie: regel.actie,
      objectSoort: regel.objectSoort,
      objectId: regel.objectId,
      details: regel.details ?? null,
    })),
  )
}

/** GET /api/audit: the log, newest first, filtered by record, person or period (beheerder). */
export async function listAudit({ ctx, input }: { ctx: Ctx; input: { page: number; perPage: number; objectSoort?: string; objectId?: string; gebruikerId?: string; actie?: string; van?: string; tot?: string } }) {
  requireRole(ctx.actor, 'beheerder')
  const where = and(
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
  return {
    items: rows.map(({ a, naam }) => ({
      id: a.id,
      op: a.op,
      actie: a.actie,
      objectSoort: a.objectSoort,
      objectId: a.objectId,
      gebruiker: a.gebruikerId ? { id: a.gebruikerId, naam: naam ?? '', rol: a.rol ?? '' } : undefined,
      details: a.details ?? undefined,
    })),
    total: totaal?.n ?? 0,
  }
}
