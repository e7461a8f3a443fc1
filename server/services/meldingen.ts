import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm'
import { gebruiker, gemeente, mailOutbox, melding, plekSignalering } from '../../db/schema.js'
import type { Tx } from '../../db/client.js'
import type { Ctx, Deps } from '../context.js'
import type { Config } from '../config.js'
import { iso } from '../clock.js'
import { requireRole } from './access.js'
import { DomainError, nietGevonden } from '../domain/errors.js'
import type { MailVoorkeur, MeldingSoort } from '../domain/enums.js'
import { loadWerkgebied, includesGemeente } from './werkgebied.js'

// Meldingen: what someone must act on, per gebruiker (docs/meldingen.md). Every melding is
// written inside the transaction of its event, with its e-mail outbox row; the unique key per
// gebruiker and gebeurtenis makes a second write (a retry, another instance) add nothing.
// Titel and tekst never name a deelnemer: they say what happened and link to where to act.

export interface NieuweMelding {
  gebruikerId: string
  soort: MeldingSoort
  /** The event, once: "voorstel-nieuw:<voorstelId>". */
  gebeurtenis: string
  titel: string
  tekst: string
  link: string
}

/** After a commit that wrote meldingen: deliver the mails now rather than at the next poll. */
export const wakeMail = (deps: Deps) => deps.meldingen?.mail.wake()

/**
 * Writes meldingen and their outbox rows inside the caller's transaction. Only to active
 * accounts; an event already written for a gebruiker is skipped. Returns how many were new.
 */
export async function writeMeldingen(tx: Tx, now: string, meldingen: NieuweMelding[]): Promise<number> {
  if (!meldingen.length) return 0
  const actief = new Set(
    (await tx.select({ id: gebruiker.id }).from(gebruiker).where(and(inArray(gebruiker.id, [...new Set(meldingen.map((m) => m.gebruikerId))]), eq(gebruiker.actief, true)))).map((r) => r.id),
  )
  const rows = meldingen.filter((m) => actief.has(m.gebruikerId)).map((m) => ({ ...m, id: randomUUID(), createdAt: now }))
  if (!rows.length) return 0
  const nieuw = await tx.insert(melding).values(rows).onConflictDoNothing().returning({ id: melding.id, gebruikerId: melding.gebruikerId, gebeurtenis: melding.gebeurtenis })
  if (nieuw.length)
    await tx
      .insert(mailOutbox)
      .values(nieuw.map((m) => ({ gebruikerId: m.gebruikerId, soort: 'melding', gebeurtenis: m.gebeurtenis, meldingId: m.id, createdAt: now })))
      .onConflictDoNothing()
  return nieuw.length
}

const toMelding = (r: typeof melding.$inferSelect) => ({
  id: r.id,
  soort: r.soort as MeldingSoort,
  titel: r.titel,
  tekst: r.tekst,
  link: r.link,
  gelezen: r.gelezenOp !== null,
  gelezenOp: r.gelezenOp ?? undefined,
  aangemaaktOp: r.createdAt,
})

/** GET /api/meldingen: the caller's own, newest first. */
export async function listMeldingen({ ctx, input }: { ctx: Ctx; input: { page: number; perPage: number; ongelezen?: boolean } }) {
  const where = and(eq(melding.gebruikerId, ctx.actor.id), input.ongelezen ? isNull(melding.gelezenOp) : undefined)
  const [rows, [totaal], ongelezen] = await Promise.all([
    ctx.db.select().from(melding).where(where).orderBy(desc(melding.createdAt), desc(melding.id)).limit(input.perPage).offset((input.page - 1) * input.perPage),
    ctx.db.select({ n: count() }).from(melding).where(where),
    countOngelezen(ctx),
  ])
  return { items: rows.map(toMelding), total: totaal?.n ?? 0, ongelezen }
}

async function countOngelezen(ctx: Ctx) {
  const [r] = await ctx.db.select({ n: count() }).from(melding).where(and(eq(melding.gebruikerId, ctx.actor.id), isNull(melding.gelezenOp)))
  return r?.n ?? 0
}

/** GET /api/meldingen/ongelezen: the number on the bell. */
export async function getOngelezen({ ctx }: { ctx: Ctx }) {
  return { ongelezen: await countOngelezen(ctx) }
}

/** POST /api/meldingen/:id/gelezen: only the caller's own (another's is a 404). */
export async function markGelezen({ ctx, id }: { ctx: Ctx; id: string }) {
  const now = iso(ctx.clock.now())
  await ctx.db.update(melding).set({ gelezenOp: now }).where(and(eq(melding.id, id), eq(melding.gebruikerId, ctx.actor.id), isNull(melding.gelezenOp)))
  const [r] = await ctx.db.select().from(melding).where(and(eq(melding.id, id), eq(melding.gebruikerId, ctx.actor.id)))
  if (!r) throw nietGevonden('De melding')
  return toMelding(r)
}

/** POST /api/meldingen/alles-gelezen */
export async function markAllGelezen({ ctx }: { ctx: Ctx }) {
  const done = await ctx.db
    .update(melding)
    .set({ gelezenOp: iso(ctx.clock.now()) })
    .where(and(eq(melding.gebruikerId, ctx.actor.id), isNull(melding.gelezenOp)))
    .returning({ id: melding.id })
  return { gemarkeerd: done.length, ongelezen: 0 }
}

/** GET /api/meldingen/voorkeur */
export async function getVoorkeur({ ctx }: { ctx: Ctx }) {
  const [r] = await ctx.db.select({ v: gebruiker.mailVoorkeur }).from(gebruiker).where(eq(gebruiker.id, ctx.actor.id))
  return { mail: r?.v ?? 'direct', mailAan: ctx.config.mail !== undefined }
}

/** PUT /api/meldingen/voorkeur */
export async function setVoorkeur({ ctx, mail }: { ctx: Ctx; mail: MailVoorkeur }) {
  await ctx.db.update(gebruiker).set({ mailVoorkeur: mail, updatedAt: iso(ctx.clock.now()) }).where(eq(gebruiker.id, ctx.actor.id))
  return getVoorkeur({ ctx })
}

/** PUT /api/gemeenten/:id/matchdrempel: a beheerder of that gemeente sets the score for proactive signals. */
export async function setMatchDrempel({ ctx, id, drempel }: { ctx: Ctx; id: string; drempel: number }) {
  requireRole(ctx.actor, 'beheerder')
  const [g] = await ctx.db.select({ id: gemeente.id }).from(gemeente).where(eq(gemeente.id, id))
  if (!g || !includesGemeente(await loadWerkgebied(ctx), id)) throw nietGevonden('De gemeente')
  const [r] = await ctx.db.update(gemeente).set({ matchDrempel: drempel, updatedAt: iso(ctx.clock.now()) }).where(eq(gemeente.id, id)).returning({ id: gemeente.id, naam: gemeente.naam, matchDrempel: gemeente.matchDrempel })
  return r!
}

// Unsubscribing without logging in: the link carries the gebruiker's id and an HMAC of it under a
// key derived from SESSION_SECRET. It never expires (an old mail's link still works) and does
// nothing but switch e-mail off; changing the secret invalidates every old link.

const afmeldSleutel = (config: Config) => createHmac('sha256', config.sessionSecret).update('afmelden-v1').digest()

export function afmeldToken(config: Config, gebruikerId: string): string {
  const mac = createHmac('sha256', afmeldSleutel(config)).update(gebruikerId).digest('base64url')
  return `${Buffer.from(gebruikerId).toString('base64url')}.${mac}`
}

function readAfmeldToken(config: Config, token: string): string | undefined {
  const [id64, mac] = token.split('.')
  if (!id64 || !mac || token.split('.').length !== 2) return undefined
  const id = Buffer.from(id64, 'base64url').toString()
  const verwacht = Buffer.from(afmeldToken(config, id).split('.')[1]!)
  const gegeven = Buffer.from(mac)
  return gegeven.length === verwacht.length && timingSafeEqual(gegeven, verwacht) ? id : undefined
}

const ongeldigToken = () => new DomainError('validatie', 'ongeldige-afmeldlink', 'Deze afmeldlink klopt niet. Log in en zet e-mail uit bij Meldingen.', { token: 'Deze afmeldlink klopt niet.' })

/** POST /api/afmelden: no session; the signed token says who. Switches that person's e-mail off. */
export async function unsubscribe({ deps, token }: { deps: Deps; token: string }) {
  const id = readAfmeldToken(deps.config, token)
  if (!id) throw ongeldigToken()
  const done = await deps.db.update(gebruiker).set({ mailVoorkeur: 'uit', updatedAt: iso(deps.clock.now()) }).where(eq(gebruiker.id, id)).returning({ id: gebruiker.id })
  if (!done.length) throw ongeldigToken()
  return { mail: 'uit' as const }
}

/**
 * The daily job: handled e-mail rows and proactive-matching runs older than 30 days go, meldingen
 * older than a year (read or not). A plek state signalled over 30 days ago may signal again.
 */
export async function pruneMeldingen(deps: Deps): Promise<{ mails: number; runs: number; meldingen: number }> {
  const dag = 86_400_000
  const voor = (dagen: number) => new Date(deps.clock.now().getTime() - dagen * dag).toISOString()
  const mails = await deps.db.delete(mailOutbox).where(lt(mailOutbox.sentAt, voor(30))).returning({ id: mailOutbox.id })
  const runs = await deps.db.delete(plekSignalering).where(lt(plekSignalering.doneAt, voor(30))).returning({ id: plekSignalering.id })
  const oud = await deps.db.delete(melding).where(lt(melding.createdAt, voor(365))).returning({ id: melding.id })
  return { mails: mails.length, runs: runs.length, meldingen: oud.length }
}
