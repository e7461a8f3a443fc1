import { randomUUID } from 'node:crypto'
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import { deelnemer, gebruiker, nazorgcontact, organisatie, outbox, plaatsing, plek } from '../../db/schema.js'
import type { Tx } from '../../db/client.js'
import type { Ctx } from '../context.js'
import { daysBetween, datumInNederland, iso, addDays, addMonths } from '../clock.js'
import { requireRole } from './access.js'
import { requireActiveJobcoach } from './gebruikers.js'
import { loadWerkgebied, withinWerkgebied } from './werkgebied.js'
import { auditDeelnemersBekeken } from './deelnemers.js'
import { conflict, nietGevonden, validatieFout } from '../domain/errors.js'
import { NAZORG_MAANDEN, STILTE_DAGEN, uitstroomRedenen, type NazorgInput } from '../domain/plaatsing.js'
import { syncDeelnemerStatus } from './deelnemer-status.js'
import { datumTekst } from '../domain/datum-tekst.js'
import { writeAudit } from './audit.js'
import { signalPlaatsingBeeindigd, signalPlaatsingToegewezen } from './signalen.js'
import { wakeMail } from './meldingen.js'

// Plaatsingen and their nazorg log. Jobcoaches see and write only their own plaatsingen (another
// one is a 404); a beheerder sees all and can reassign. The log is append-only: a correction is
// a new entry naming the one it corrects, and both stay visible. Due dates are Dutch calendar
// dates: "today" is the date in Europe/Amsterdam, whatever the server's time zone.

type PlaatsingRow = typeof plaatsing.$inferSelect
type NazorgRow = typeof nazorgcontact.$inferSelect

/** The first date a contact can be logged: the acceptance (a startgesprek before the start), or an earlier start. */
const contactVanaf = (r: PlaatsingRow) => {
  const akkoord = datumInNederland(new Date(r.createdAt))
  return r.startdatum < akkoord ? r.startdatum : akkoord
}

export function toPlaatsing(r: PlaatsingRow, extra: { vandaag: string; plekTitel?: string; organisatieNaam?: string; deelnemerNaam?: string; jobcoachNaam?: string }) {
  const actief = r.status === 'actief'
  const laatste = r.laatsteContactOp ?? r.startdatum
  return {
    id: r.id,
    voorstelId: r.voorstelId,
    deelnemerId: r.deelnemerId,
    plekId: r.plekId,
    jobcoachId: r.jobcoachId ?? undefined,
    status: r.status,
    startdatum: r.startdatum,
    contactVanaf: contactVanaf(r),
    urenPerWeek: { min: r.urenMin, max: r.urenMax },
    dagdelen: r.dagdelen,
    contactFrequentieDagen: r.contactFrequentieDagen,
    volgendContactOp: r.volgendContactOp,
    laatsteContactOp: r.laatsteContactOp ?? undefined,
    /** The next contact is past due (only while actief). */
    achterstallig: actief && r.volgendContactOp < extra.vandaag,
    dagenAchterstallig: actief ? Math.max(0, daysBetween(r.volgendContactOp, extra.vandaag)) : 0,
    /** Nobody heard from for 28 days or more since the last contact (or the start). */
    langGeenContact: actief && daysBetween(laatste, extra.vandaag) >= STILTE_DAGEN,
    nazorgTot: addMonths(r.startdatum, NAZORG_MAANDEN),
    einddatum: r.einddatum ?? undefined,
    eindreden: r.eindreden ?? undefined,
    sector: r.sector,
    vorm: r.vorm,
    ...(extra.plekTitel !== undefined ? { plek: { id: r.plekId, titel: extra.plekTitel, organisatieNaam: extra.organisatieNaam } } : {}),
    ...(extra.deelnemerNaam !== undefined ? { deelnemer: { id: r.deelnemerId, naam: extra.deelnemerNaam } } : {}),
    ...(extra.jobcoachNaam !== undefined ? { jobcoach: { id: r.jobcoachId, naam: extra.jobcoachNaam } } : {}),
  }
}
export type Plaatsing = ReturnType<typeof toPlaatsing>

const kolommen = { p: plaatsing, plekTitel: plek.titel, organisatieNaam: organisatie.naam, deelnemerNaam: deelnemer.naam, jobcoachNaam: gebruiker.naam }
const selectWithNames = (ctx: Ctx) =>
  ctx.db
    .select(kolommen)
    .from(plaatsing)
    .innerJoin(plek, eq(plek.id, plaatsing.plekId))
    .innerJoin(organisatie, eq(organisatie.id, plek.organisatieId))
    .innerJoin(deelnemer, eq(deelnemer.id, plaatsing.deelnemerId))
    .leftJoin(gebruiker, eq(gebruiker.id, plaatsing.jobcoachId))

const vandaag = (ctx: Ctx) => datumInNederland(ctx.clock.now())
const present = (ctx: Ctx, r: Awaited<ReturnType<ReturnType<typeof selectWithNames>['where']>>[number]) =>
  toPlaatsing(r.p, { vandaag: vandaag(ctx), plekTitel: r.plekTitel, organisatieNaam: r.organisatieNaam, deelnemerNaam: r.deelnemerNaam, jobcoachNaam: r.jobcoachNaam ?? undefined })

/**
 * Jobcoaches only their own plaatsingen; beheerders all; both only inside their werkgebied (the
 * deelnemer's gemeente). Anything else is not found.
 */
const scopeFilter = async (ctx: Ctx): Promise<SQL | undefined> =>
  and(ctx.actor.rol === 'jobcoach' ? eq(plaatsing.jobcoachId, ctx.actor.id) : undefined, withinWerkgebied(await loadWerkgebied(ctx), deelnemer.gemeenteId))

async function findVisible(ctx: Ctx, id: string) {
  const [r] = await selectWithNames(ctx).where(and(eq(plaatsing.id, id), await scopeFilter(ctx))).limit(1)
  if (!r) throw nietGevonden('De plaatsing')
  return r
}

/** GET /api/plaatsingen: the due list. Achterstallig first, then by next contact date. */
export async function listPlaatsingen({ ctx, input }: { ctx: Ctx; input: { status: string; jobcoachId?: string } }) {
  requireRole(ctx.actor, 'jobcoach', 'beheerder')
  const rows = await selectWithNames(ctx)
    .where(and(await scopeFilter(ctx), input.status === 'alle' ? undefined : eq(plaatsing.status, input.status), input.jobcoachId ? eq(plaatsing.jobcoachId, input.jobcoachId) : undefined))
    .orderBy(asc(plaatsing.volgendContactOp), asc(plaatsing.id))
  const items = rows.map((r) => present(ctx, r))
  await auditDeelnemersBekeken(ctx, [...new Set(rows.map((r) => r.p.deelnemerId))], 'plaatsingen')
  // ascending volgendContactOp already puts the overdue ones first; the loud ones go to the very top
  items.sort((a, b) => Number(b.langGeenContact) - Number(a.langGeenContact) || Number(b.achterstallig) - Number(a.achterstallig))
  return { items, total: items.length, vandaag: vandaag(ctx) }
}

/** GET /api/plaatsingen/:id */
export async function getPlaatsing({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, 'jobcoach', 'beheerder')
  return { ...present(ctx, await findVisible(ctx, id)), vandaag: vandaag(ctx) }
}

const toNazorg = (r: NazorgRow, gecorrigeerdDoor?: string) => ({
  id: r.id,
  plaatsingId: r.plaatsingId,
  datum: r.datum,
  soort: r.soort,
  met: r.met,
  kanaal: r.kanaal,
  samenvatting: r.samenvatting,
  knelpunten: r.knelpunten,
  acties: r.acties ?? undefined,
  doorbraakbudget: r.doorbraakbudget ?? undefined,
  volgendContactOp: r.volgendContactOp,
  corrigeert: r.corrigeert ?? undefined,
  gecorrigeerdDoor,
  vastgelegdOp: r.createdAt,
  vastgelegdDoor: r.createdBy,
})

/** GET /api/plaatsingen/:id/nazorg: the whole log, newest contact first; corrected entries say by which. */
export async function listNazorg({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, 'jobcoach', 'beheerder')
  const { p } = await findVisible(ctx, id)
  await writeAudit(ctx.db, ctx.actor, iso(ctx.clock.now()), { actie: 'nazorg-bekeken', objectSoort: 'deelnemer', objectId: p.deelnemerId, details: { plaatsingId: id } })
  const rows = await ctx.db.select().from(nazorgcontact).where(eq(nazorgcontact.plaatsingId, id))
  const correcties = new Map(rows.filter((r) => r.corrigeert).map((r) => [r.corrigeert!, r.id]))
  rows.sort((a, b) => (a.datum === b.datum ? (a.createdAt < b.createdAt ? 1 : -1) : a.datum < b.datum ? 1 : -1))
  const items = rows.map((r) => toNazorg(r, correcties.get(r.id)))
  return { items, total: items.length }
}

/** POST /api/plaatsingen/:id/nazorg: a jobcoach records a contact (or corrects an earlier one). */
export async function addNazorgcontact({ ctx, id, input }: { ctx: Ctx; id: string; input: NazorgInput }) {
  requireRole(ctx.actor, 'jobcoach')
  const { p } = await findVisible(ctx, id)
  if (p.status !== 'actief') throw conflict('plaatsing-beeindigd', 'Deze plaatsing is beëindigd; er kan geen contact meer bij.')
  const velden: Record<string, string> = {}
  // a kennismaking before the start is normal practice: contacts count from the acceptance on
  const vanaf = contactVanaf(p)
  if (input.datum < vanaf)
    velden.datum = vanaf === p.startdatum
      ? `Een contact kan niet vóór de start van de plaatsing (${datumTekst(vanaf)}) liggen.`
      : `Een contact kan niet vóór het akkoord op het voorstel (${datumTekst(vanaf)}) liggen.`
  if (input.datum > vandaag(ctx)) velden.datum = 'Een contact kan niet in de toekomst liggen.'
  if (Object.keys(velden).length) throw validatieFout(velden)
  const now = iso(ctx.clock.now())
  const nieuwId = randomUUID()
  await ctx.db.transaction(async (tx) => {
    if (input.corrigeert) {
      const [oud] = await tx.select({ id: nazorgcontact.id }).from(nazorgcontact).where(and(eq(nazorgcontact.id, input.corrigeert), eq(nazorgcontact.plaatsingId, id)))
      if (!oud) throw validatieFout({ corrigeert: 'Dit contact hoort niet bij deze plaatsing.' })
      const [al] = await tx.select({ id: nazorgcontact.id }).from(nazorgcontact).where(eq(nazorgcontact.corrigeert, input.corrigeert))
      if (al) throw conflict('al-gecorrigeerd', 'Dit contact is al gecorrigeerd; corrigeer de laatste versie.')
    }
    await tx.insert(nazorgcontact).values({
      id: nieuwId,
      plaatsingId: id,
      datum: input.datum,
      soort: input.soort,
      met: input.met,
      kanaal: input.kanaal,
      samenvatting: input.samenvatting,
      knelpunten: input.knelpunten,
      acties: input.acties ?? null,
      doorbraakbudget: input.doorbraakbudget ?? null,
      volgendContactOp: input.volgendContactOp ?? addDays(input.datum, p.contactFrequentieDagen),
      corrigeert: input.corrigeert ?? null,
      createdBy: ctx.actor.id,
      createdAt: now,
    })
    await recomputeNextContact(tx, id, now)
    await writeAudit(tx, ctx.actor, now, { actie: input.corrigeert ? 'nazorg-gecorrigeerd' : 'nazorg-vastgelegd', objectSoort: 'plaatsing', objectId: id, details: { nazorgId: nieuwId } })
  })
  const [r] = await ctx.db.select().from(nazorgcontact).where(eq(nazorgcontact.id, nieuwId))
  return toNazorg(r!)
}

/** The plaatsing's last and next contact from its log: entries that were corrected no longer count. */
async function recomputeNextContact(tx: Tx, id: string, now: string) {
  const rows = await tx.select().from(nazorgcontact).where(eq(nazorgcontact.plaatsingId, id))
  const gecorrigeerd = new Set(rows.map((r) => r.corrigeert).filter(Boolean))
  const geldig = rows.filter((r) => !gecorrigeerd.has(r.id))
  const laatste = geldig.reduce<NazorgRow | undefined>((a, r) => (!a || r.datum > a.datum || (r.datum === a.datum && r.createdAt > a.createdAt) ? r : a), undefined)
  if (!laatste) return
  await tx.update(plaatsing).set({ laatsteContactOp: laatste.datum, volgendContactOp: laatste.volgendContactOp, updatedAt: now }).where(eq(plaatsing.id, id))
}

/** POST /api/plaatsingen/:id/beeindigen: ends it, frees the capaciteit and puts a vervulde plek back in search. */
export async function endPlaatsing({ ctx, id, input }: { ctx: Ctx; id: string; input: { einddatum: string; eindreden: string; toelichting?: string } }) {
  requireRole(ctx.actor, 'jobcoach', 'beheerder')
  const { p } = await findVisible(ctx, id)
  if (input.einddatum < p.startdatum) throw validatieFout({ einddatum: `De einddatum kan niet vóór de startdatum (${datumTekst(p.startdatum)}) liggen.` })
  // ending frees the place now, so the end cannot lie in the future
  if (input.einddatum > vandaag(ctx)) throw validatieFout({ einddatum: 'De einddatum kan niet in de toekomst liggen; beëindig de plaatsing op of na de laatste dag.' })
  const uitstroom = uitstroomRedenen.includes(input.eindreden)
  const status = uitstroom || input.einddatum >= addMonths(p.startdatum, NAZORG_MAANDEN) ? 'afgerond' : 'voortijdig-beeindigd'
  const now = iso(ctx.clock.now())
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(plaatsing)
      .set({ status, einddatum: input.einddatum, eindreden: input.eindreden, eindtoelichting: input.toelichting ?? null, updatedAt: now })
      .where(and(eq(plaatsing.id, id), eq(plaatsing.status, 'actief')))
      .returning({ id: plaatsing.id })
    if (!done.length) throw conflict('ongeldige-statusovergang', `Deze plaatsing is al beëindigd ("${p.status}").`)
    const [pl] = await tx
      .update(plek)
      .set({
        bezet: sql`max(${plek.bezet} - 1, 0)`,
        status: sql`case when ${plek.status} = 'vervuld' then 'gepubliceerd' else ${plek.status} end`,
        versie: sql`${plek.versie} + 1`,
        updatedAt: now,
      })
      .where(eq(plek.id, p.plekId))
      .returning({ versie: plek.versie })
    await tx.insert(outbox).values({ plekId: p.plekId, versie: pl!.versie, createdAt: now })
    await syncDeelnemerStatus(tx, p.deelnemerId, now, uitstroom ? 'uitgestroomd' : 'zoekend')
    await writeAudit(tx, ctx.actor, now, { actie: 'plaatsing-beeindigd', objectSoort: 'plaatsing', objectId: id, details: { eindreden: input.eindreden, status } })
    await signalPlaatsingBeeindigd(tx, now, id)
  })
  ctx.search?.indexer.wake()
  wakeMail(ctx)
  return getPlaatsing({ ctx, id })
}

/** POST /api/plaatsingen/:id/toewijzen: a beheerder hands a plaatsing to another jobcoach (audited). */
export async function assignPlaatsing({ ctx, id, jobcoachId }: { ctx: Ctx; id: string; jobcoachId: string }) {
  requireRole(ctx.actor, 'beheerder')
  const { p } = await findVisible(ctx, id)
  await requireActiveJobcoach(ctx.db, jobcoachId, 'jobcoachId', p.deelnemerId)
  const now = iso(ctx.clock.now())
  await ctx.db.transaction(async (tx) => {
    await tx.update(plaatsing).set({ jobcoachId, updatedAt: now }).where(eq(plaatsing.id, id))
    await writeAudit(tx, ctx.actor, now, { actie: 'plaatsing-toegewezen', objectSoort: 'plaatsing', objectId: id, details: { van: p.jobcoachId, naar: jobcoachId } })
    if (jobcoachId !== p.jobcoachId) await signalPlaatsingToegewezen(tx, now, id, jobcoachId)
  })
  wakeMail(ctx)
  return getPlaatsing({ ctx, id })
}
