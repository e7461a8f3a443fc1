import { and, asc, count, eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { gebruiker, organisatie } from '../../db/schema.js'
import type { Db, Tx } from '../../db/client.js'
import { isUniqueViolation } from '../../db/constraint.js'
import type { Ctx, Deps } from '../context.js'
import { iso } from '../clock.js'
import { requireRole } from './access.js'
import { hashPassword } from '../auth/password.js'
import { deleteSessionsOf } from '../auth/sessions.js'
import { deleteAgendaLinkOf } from './agenda.js'
import { conflict, nietGevonden, validatieFout } from '../domain/errors.js'
import type { gebruikerInput, gebruikerPatch } from '../domain/gebruiker.js'
import type { Rol } from '../domain/enums.js'

// Only a beheerder manages accounts. Password hashes never leave this module.

type Row = typeof gebruiker.$inferSelect
export const toGebruiker = (r: Row) => ({
  id: r.id,
  email: r.email,
  naam: r.naam,
  rol: r.rol,
  organisatieId: r.organisatieId,
  actief: r.actief,
})

/** Creates an account without an actor check: used by the beheerder verb below and by start-up seeding. */
export async function insertGebruiker(
  deps: Deps,
  input: { email: string; wachtwoord: string; naam: string; rol: Rol; organisatieId?: string | null },
) {
  const check = async (db: Db | Tx) => {
    const existing = await db.select({ id: gebruiker.id }).from(gebruiker).where(eq(gebruiker.email, input.email))
    if (existing[0]) throw emailBestaat()
    if (input.organisatieId) {
      const org = await db.select({ id: organisatie.id }).from(organisatie).where(eq(organisatie.id, input.organisatieId))
      if (!org[0]) throw validatieFout({ organisatieId: 'Deze organisatie bestaat niet.' })
    }
  }
  // checked before the slow hash (a typo answers at once) and again with the insert, in one transaction
  await check(deps.db)
  const passwordHash = await hashPassword(input.wachtwoord)
  const now = iso(deps.clock.now())
  const row: Row = {
    id: randomUUID(),
    email: input.email,
    naam: input.naam,
    passwordHash,
    rol: input.rol,
    organisatieId: input.organisatieId ?? null,
    actief: true,
    createdAt: now,
    updatedAt: now,
  }
  try {
    await deps.db.transaction(async (tx) => {
      await check(tx)
      await tx.insert(gebruiker).values(row)
    })
  } catch (e) {
    // two requests for one address at once: the unique index decides, the loser gets the same 409
    if (isUniqueViolation(e, 'gebruiker.email')) throw emailBestaat()
    throw e
  }
  return toGebruiker(row)
}

const emailBestaat = () => conflict('email-bestaat', 'Er bestaat al een account met dit e-mailadres.')

export async function createGebruiker({ ctx, input }: { ctx: Ctx; input: z.infer<typeof gebruikerInput> }) {
  requireRole(ctx.actor, 'beheerder')
  return insertGebruiker(ctx, input)
}

export async function listGebruikers({ ctx, input }: { ctx: Ctx; input: { page: number; perPage: number } }) {
  requireRole(ctx.actor, 'beheerder')
  const rows = await ctx.db
    .select()
    .from(gebruiker)
    .orderBy(asc(gebruiker.rol), asc(gebruiker.naam))
    .limit(input.perPage)
    .offset((input.page - 1) * input.perPage)
  const [totals] = await ctx.db.select({ total: count() }).from(gebruiker)
  return { items: rows.map(toGebruiker), total: totals?.total ?? 0 }
}

export async function updateGebruiker({ ctx, id, input }: { ctx: Ctx; id: string; input: z.infer<typeof gebruikerPatch> }) {
  requireRole(ctx.actor, 'beheerder')
  const row = (await ctx.db.select().from(gebruiker).where(eq(gebruiker.id, id)))[0]
  if (!row) throw nietGevonden('Het account')
  if (id === ctx.actor.id && input.actief === false)
    throw conflict('eigen-account', 'U kunt uw eigen account niet uitschakelen.')
  const values: Partial<Row> = { updatedAt: iso(ctx.clock.now()) }
  if (input.naam !== undefined) values.naam = input.naam
  if (input.actief !== undefined) values.actief = input.actief
  if (input.wachtwoord !== undefined) values.passwordHash = await hashPassword(input.wachtwoord)
  // A new password or a disabled account ends every way in: the open sessions and the agenda link
  // (re-enabling does not bring the link back; the jobcoach makes a new one).
  const ending = input.wachtwoord !== undefined || input.actief === false
  await ctx.db.transaction(async (tx) => {
    await tx.update(gebruiker).set(values).where(eq(gebruiker.id, id))
    if (ending) await deleteAgendaLinkOf(tx, id)
  })
  if (ending) await deleteSessionsOf(ctx, id)
  return toGebruiker({ ...row, ...values })
}

/** GET /api/jobcoaches: the active jobcoaches by name, to choose one for a voorstel or plaatsing (no e-mail). */
export async function listJobcoaches({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, 'jobhunter', 'beheerder', 'werkgever')
  const rows = await ctx.db
    .select({ id: gebruiker.id, naam: gebruiker.naam })
    .from(gebruiker)
    .where(and(eq(gebruiker.rol, 'jobcoach'), eq(gebruiker.actief, true)))
    .orderBy(asc(gebruiker.naam))
  return { items: rows, total: rows.length }
}

/** A jobcoach named in a voorstel or a reassignment must exist and be active (a 400 on `veld` otherwise). */
export async function requireActiveJobcoach(db: Db, id: string | undefined, veld = 'jobcoachId'): Promise<void> {
  if (!id) return
  const g = (await db.select({ rol: gebruiker.rol, actief: gebruiker.actief }).from(gebruiker).where(eq(gebruiker.id, id)))[0]
  if (!g || g.rol !== 'jobcoach' || !g.actief) throw validatieFout({ [veld]: 'Kies een actieve jobcoach.' })
}
