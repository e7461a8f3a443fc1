import { and, asc, count, eq, inArray } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { deelnemer, gebruiker, gemeente, organisatie, werkgebied } from '../../db/schema.js'
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
import { includesGemeente, loadWerkgebied, readWerkgebied, withinWerkgebied } from './werkgebied.js'
import { writeAudit } from './audit.js'

// Only a beheerder manages accounts. Password hashes never leave this module.

type Row = typeof gebruiker.$inferSelect
export const toGebruiker = (r: Row) => ({
  id: r.id,
  email: r.email,
  naam: r.naam,
  rol: r.rol,
  organisatieId: r.organisatieId,
  actief: r.actief,
  platformBeheerder: r.platformBeheerder,
})

/** The werkgebied (gemeente ids) of these accounts. */
async function werkgebiedenOf(db: Db | Tx, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]))
  if (!ids.length) return map
  for (const r of await db.select().from(werkgebied).where(inArray(werkgebied.gebruikerId, ids))) map.get(r.gebruikerId)?.push(r.gemeenteId)
  return map
}

/**
 * The werkgebied a beheerder gives an account: the gemeenten asked for, each in the beheerder's own
 * werkgebied; none asked for: the beheerder's own (the platform beheerder's own is every gemeente).
 * Werkgevers have none.
 */
async function chooseWerkgebied(ctx: Ctx, rol: Rol, gevraagd: string[] | undefined): Promise<string[]> {
  if (rol === 'werkgever') {
    if (gevraagd?.length) throw validatieFout({ werkgebied: 'Een werkgever heeft geen werkgebied.' })
    return []
  }
  const eigen = await loadWerkgebied(ctx)
  if (gevraagd === undefined) return eigen.alle ? (await ctx.db.select({ id: gemeente.id }).from(gemeente)).map((g) => g.id) : eigen.gemeenten
  const bestaand = gevraagd.length ? new Set((await ctx.db.select({ id: gemeente.id }).from(gemeente).where(inArray(gemeente.id, gevraagd))).map((g) => g.id)) : new Set<string>()
  if (gevraagd.some((id) => !bestaand.has(id) || !includesGemeente(eigen, id))) throw validatieFout({ werkgebied: 'Kies gemeenten uit uw eigen werkgebied.' })
  return [...new Set(gevraagd)]
}

/** Creates an account without an actor check: used by the beheerder verb below and by start-up seeding. */
export async function insertGebruiker(
  deps: Deps,
  input: { email: string; wachtwoord: string; naam: string; rol: Rol; organisatieId?: string | null; werkgebied?: string[]; platformBeheerder?: boolean },
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
    mailVoorkeur: 'direct',
    actief: true,
    platformBeheerder: input.rol === 'beheerder' && input.platformBeheerder === true,
    createdAt: now,
    updatedAt: now,
  }
  try {
    await deps.db.transaction(async (tx) => {
      await check(tx)
      await tx.insert(gebruiker).values(row)
      if (input.werkgebied?.length) await tx.insert(werkgebied).values(input.werkgebied.map((gemeenteId) => ({ gebruikerId: row.id, gemeenteId })))
    })
  } catch (e) {
    // two requests for one address at once: the unique index decides, the loser gets the same 409
    if (isUniqueViolation(e, 'gebruiker.email')) throw emailBestaat()
    throw e
  }
  return { ...toGebruiker(row), werkgebied: input.werkgebied ?? [] }
}

const emailBestaat = () => conflict('email-bestaat', 'Er bestaat al een account met dit e-mailadres.')

export async function createGebruiker({ ctx, input }: { ctx: Ctx; input: z.infer<typeof gebruikerInput> }) {
  requireRole(ctx.actor, 'beheerder')
  if (input.platformBeheerder && !(await loadWerkgebied(ctx)).alle) throw validatieFout({ platformBeheerder: 'Alleen een platformbeheerder maakt een platformbeheerder.' })
  return insertGebruiker(ctx, { ...input, werkgebied: await chooseWerkgebied(ctx, input.rol, input.werkgebied) })
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
  const gebieden = await werkgebiedenOf(ctx.db, rows.map((r) => r.id))
  return { items: rows.map((r) => ({ ...toGebruiker(r), werkgebied: gebieden.get(r.id) ?? [] })), total: totals?.total ?? 0 }
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
  // a new werkgebied: every gemeente added or taken away must be in the beheerder's own
  const oud = (await werkgebiedenOf(ctx.db, [id])).get(id) ?? []
  let nieuw: string[] | undefined
  if (input.werkgebied !== undefined) {
    nieuw = await chooseWerkgebied(ctx, row.rol, input.werkgebied)
    const eigen = await loadWerkgebied(ctx)
    if (oud.some((g) => !nieuw!.includes(g) && !includesGemeente(eigen, g))) throw validatieFout({ werkgebied: 'Kies gemeenten uit uw eigen werkgebied.' })
  }
  // A new password or a disabled account ends every way in: the open sessions and the agenda link
  // (re-enabling does not bring the link back; the jobcoach makes a new one).
  const ending = input.wachtwoord !== undefined || input.actief === false
  await ctx.db.transaction(async (tx) => {
    await tx.update(gebruiker).set(values).where(eq(gebruiker.id, id))
    if (ending) await deleteAgendaLinkOf(tx, id)
    if (nieuw) {
      await tx.delete(werkgebied).where(eq(werkgebied.gebruikerId, id))
      if (nieuw.length) await tx.insert(werkgebied).values(nieuw.map((gemeenteId) => ({ gebruikerId: id, gemeenteId })))
      await writeAudit(tx, ctx.actor, values.updatedAt!, { actie: 'werkgebied-gewijzigd', objectSoort: 'gebruiker', objectId: id, details: { van: oud, naar: nieuw } })
    }
  })
  if (ending) await deleteSessionsOf(ctx, id)
  return { ...toGebruiker({ ...row, ...values }), werkgebied: nieuw ?? oud }
}

/**
 * GET /api/jobcoaches: the active jobcoaches by name, to choose one for a voorstel or plaatsing (no
 * e-mail). Staff see those who share a gemeente with them, a werkgever all; `gemeenteId` (found
 * by the caller's lookup of the voorstel or deelnemer, so out of scope is a 404) narrows them to
 * those who work in that gemeente: exactly the ones the voorstel or plaatsing accepts.
 */
export async function listJobcoaches({ ctx, gemeenteId }: { ctx: Ctx; gemeenteId?: string }) {
  requireRole(ctx.actor, 'jobhunter', 'beheerder', 'werkgever')
  const wg = gemeenteId ? eq(werkgebied.gemeenteId, gemeenteId) : ctx.actor.rol === 'werkgever' ? undefined : withinWerkgebied(await loadWerkgebied(ctx), werkgebied.gemeenteId)
  const rows = await ctx.db
    .selectDistinct({ id: gebruiker.id, naam: gebruiker.naam })
    .from(gebruiker)
    .leftJoin(werkgebied, eq(werkgebied.gebruikerId, gebruiker.id))
    .where(and(eq(gebruiker.rol, 'jobcoach'), eq(gebruiker.actief, true), wg))
    .orderBy(asc(gebruiker.naam))
  return { items: rows, total: rows.length }
}

/**
 * A jobcoach named in a voorstel or a reassignment must exist and be active, and (given the
 * deelnemer) work in the deelnemer's gemeente: a 400 on `veld` otherwise.
 */
export async function requireActiveJobcoach(db: Db, id: string | undefined, veld = 'jobcoachId', deelnemerId?: string): Promise<void> {
  if (!id) return
  const g = (await db.select({ rol: gebruiker.rol, actief: gebruiker.actief }).from(gebruiker).where(eq(gebruiker.id, id)))[0]
  if (!g || g.rol !== 'jobcoach' || !g.actief) throw validatieFout({ [veld]: 'Kies een actieve jobcoach.' })
  if (deelnemerId) {
    const [d] = await db.select({ gemeenteId: deelnemer.gemeenteId }).from(deelnemer).where(eq(deelnemer.id, deelnemerId))
    if (d && !includesGemeente(await readWerkgebied(db, id), d.gemeenteId)) throw validatieFout({ [veld]: 'Kies een jobcoach die in de gemeente van deze deelnemer werkt.' })
  }
}
