import { randomUUID } from 'node:crypto'
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { deelnemer, gebruiker, outbox, plaatsing, plek, voorstel } from '../../db/schema.js'
import type { Db } from '../../db/client.js'
import type { Ctx } from '../context.js'
import { datumInNederland, iso, addDays } from '../clock.js'
import { requireRole } from './access.js'
import { listJobcoaches, requireActiveJobcoach } from './gebruikers.js'
import { conflict, nietGevonden, validatieFout } from '../domain/errors.js'
import type { DeelnemerInput } from '../domain/deelnemer.js'
import { standaardVelden, type DeelbaarVeld, type VoorstelInput } from '../domain/voorstel.js'
import { STANDAARD_CONTACTFREQUENTIE } from '../domain/plaatsing.js'
import { datumTekst } from '../domain/datum-tekst.js'
import type { Tx } from '../../db/client.js'
import { isUniqueViolation } from '../../db/constraint.js'
import { evaluatePair } from './matches.js'
import { writeAudit } from './audit.js'
import { syncDeelnemerStatus } from './deelnemer-status.js'
import { toPlaatsing } from './plaatsingen.js'
import { auditDeelnemersBekeken, findVisibleDeelnemer } from './deelnemers.js'
import { includesGemeente, loadWerkgebied, withinWerkgebied } from './werkgebied.js'
import { signalPlaatsingToegewezen, signalVoorstelBeantwoord, signalVoorstelNieuw } from './signalen.js'
import { wakeMail } from './meldingen.js'

// Voorstel → plaatsing. A jobhunter proposes (recording the match as it is now); the werkgever of
// the plek answers. Accepting takes one unit of capaciteit in the same transaction as the
// plaatsing, with the check inside the UPDATE, so two acceptances for the last place cannot both
// win. What a werkgever sees of the deelnemer is only what the jobhunter chose to share, and only
// while the deelnemer's consent stands.

type VoorstelRow = typeof voorstel.$inferSelect
type DeelnemerRow = typeof deelnemer.$inferSelect

/** Which shared field a criterion's sentence is about; criteria about anything else stay hidden from werkgevers. */
const criteriumVeld: Record<string, DeelbaarVeld[]> = {
  dagdelen: ['beschikbareDagdelen'],
  uren: ['urenPerWeek'],
  reisafstand: ['mobiliteit'],
  taalniveau: ['taalniveau'],
  taalrijkheid: ['taalniveau'],
  wensen: ['wensen'],
  vereisten: ['mobiliteit', 'vca'],
}

/** The dagdelen sentence names the taalles dagdelen after its first sentence; the taalles schedule is never shared. */
const withoutTaalles = <C extends { code: string; uitleg: string }>(c: C): C =>
  c.code === 'dagdelen' ? { ...c, uitleg: `${c.uitleg.split('. ')[0]!.replace(/\.$/, '')}.` } : c

const kolommen = {
  v: voorstel,
  plekTitel: plek.titel,
  organisatieId: plek.organisatieId,
  deelnemerNaam: deelnemer.naam,
  gemeenteId: deelnemer.gemeenteId,
}
type VoorstelMetNamen = { v: VoorstelRow; plekTitel: string; organisatieId: string; deelnemerNaam: string; gemeenteId: string }

const basis = (r: VoorstelMetNamen) => ({
  id: r.v.id,
  plekId: r.v.plekId,
  plek: { id: r.v.plekId, titel: r.plekTitel },
  modus: r.v.modus,
  status: r.v.status,
  score: r.v.score,
  toelichting: r.v.toelichting ?? undefined,
  afwijsreden: r.v.afwijsreden ?? undefined,
  aangemaaktOp: r.v.createdAt,
  beantwoordOp: r.v.beantwoordOp ?? undefined,
})

/** The jobhunter's and beheerder's view: the whole voorstel. */
const volledig = (r: VoorstelMetNamen) => ({
  ...basis(r),
  deelnemerId: r.v.deelnemerId,
  deelnemer: { id: r.v.deelnemerId, naam: r.deelnemerNaam },
  uitgesloten: r.v.uitgesloten,
  criteria: r.v.criteria,
  gewichtenVersie: r.v.gewichtenVersie,
  velden: r.v.velden,
  jobcoachId: r.v.jobcoachId ?? undefined,
})

/** The werkgever's view: the shared fields of the deelnemer (while consent stands) and the criteria about them. */
function forWerkgever(r: VoorstelMetNamen, d: DeelnemerRow) {
  const toestemming = (d.profiel as DeelnemerInput).toestemmingDelen === true
  const beeindigd = sharingEnded(r.v.status)
  const velden = new Set(sharedFields(r, d))
  const profiel: Record<string, unknown> = { ...(d.profiel as Record<string, unknown>), plaats: d.plaats }
  return {
    ...basis(r),
    // the jobhunter's note is about the person too: gone with the consent, and when the voorstel ends
    toelichting: toestemming && !beeindigd ? (r.v.toelichting ?? undefined) : undefined,
    deelnemer: Object.fromEntries([...velden].filter((v) => profiel[v] !== undefined).map((v) => [v, profiel[v]])),
    ...(toestemming ? {} : { toestemmingIngetrokken: true }),
    ...(beeindigd ? { delenBeeindigd: true } : {}),
    criteria: r.v.criteria.filter((c) => criteriumVeld[c.code]?.every((v) => velden.has(v))).map(withoutTaalles),
  }
}

/**
 * Sharing ends with the voorstel: once it is withdrawn or declined the werkgever keeps only what
 * their own decision needs (status, plek, dates, score, their afwijsreden), never the deelnemer's
 * fields, also not as they change later (docs/privacy.md). An accepted voorstel keeps sharing: the
 * person works there.
 */
const sharingEnded = (status: string) => status === 'ingetrokken' || status === 'afgewezen'

/** The deelnemer fields the werkgever sees now: the chosen ones while the voorstel runs and the consent stands; none otherwise. */
function sharedFields(r: VoorstelMetNamen, d: DeelnemerRow): DeelbaarVeld[] {
  if (sharingEnded(r.v.status) || (d.profiel as DeelnemerInput).toestemmingDelen !== true) return []
  return r.v.velden as DeelbaarVeld[]
}

async function findRow(db: Db | Tx, id: string): Promise<VoorstelMetNamen | undefined> {
  return (
    await db
      .select(kolommen)
      .from(voorstel)
      .innerJoin(plek, eq(plek.id, voorstel.plekId))
      .innerJoin(deelnemer, eq(deelnemer.id, voorstel.deelnemerId))
      .where(eq(voorstel.id, id))
      .limit(1)
  )[0]
}

/**
 * A voorstel the actor may see: werkgevers only those for their own organisatie's plekken (from
 * any gemeente); everyone else only those whose deelnemer is inside their werkgebied.
 */
async function findVisible(ctx: Ctx, id: string): Promise<VoorstelMetNamen> {
  const r = await findRow(ctx.db, id)
  if (!r || (ctx.actor.rol === 'werkgever' && r.organisatieId !== ctx.actor.organisatieId)) throw nietGevonden('Het voorstel')
  if (ctx.actor.rol !== 'werkgever' && !includesGemeente(await loadWerkgebied(ctx), r.gemeenteId)) throw nietGevonden('Het voorstel')
  return r
}

async function present(ctx: Ctx, r: VoorstelMetNamen) {
  if (ctx.actor.rol !== 'werkgever') return volledig(r)
  const d = (await ctx.db.select().from(deelnemer).where(eq(deelnemer.id, r.v.deelnemerId)))[0]!
  // a werkgever seeing shared deelnemer data is logged like any other view of it
  await writeAudit(ctx.db, ctx.actor, iso(ctx.clock.now()), { actie: 'voorstel-bekeken', objectSoort: 'deelnemer', objectId: d.id, details: { voorstelId: r.v.id, velden: sharedFields(r, d) } })
  return forWerkgever(r, d)
}

/** POST /api/voorstellen */
export async function createVoorstel({ ctx, input }: { ctx: Ctx; input: VoorstelInput }) {
  requireRole(ctx.actor, 'jobhunter')
  // an unknown or erased deelnemer is a 404, as on every deelnemer route
  const d = await findVisibleDeelnemer(ctx, input.deelnemerId)
  const p = (await ctx.db.select().from(plek).where(eq(plek.id, input.plekId)))[0]
  if (!p) throw validatieFout({ plekId: 'Deze plek bestaat niet.' })
  await requireActiveJobcoach(ctx.db, input.jobcoachId, 'jobcoachId', d.id)
  if ((d.profiel as DeelnemerInput).toestemmingDelen !== true)
    throw conflict('geen-toestemming', 'De deelnemer heeft geen toestemming gegeven om gegevens met werkgevers te delen. Leg die toestemming eerst vast in het dossier.')
  if (p.status !== 'gepubliceerd' || p.bezet >= p.capaciteit)
    throw conflict('plek-niet-beschikbaar', `Aan deze plek kan niemand worden voorgesteld: de plek is "${p.status}"${p.bezet >= p.capaciteit ? ' en vol' : ''}.`)
  if (d.status === 'geplaatst') throw conflict('deelnemer-geplaatst', 'Deze deelnemer is al geplaatst. Beëindig eerst die plaatsing.')

  const match = await evaluatePair(ctx, d, p, input.modus)
  const id = randomUUID()
  const now = iso(ctx.clock.now())
  await ctx.db.transaction(async (tx) => {
    const open = await tx
      .select({ id: voorstel.id })
      .from(voorstel)
      .where(and(eq(voorstel.deelnemerId, d.id), eq(voorstel.plekId, p.id), eq(voorstel.status, 'voorgesteld')))
    if (open.length) throw voorstelBestaat()
    await tx.insert(voorstel).values({
      id,
      deelnemerId: d.id,
      plekId: p.id,
      modus: input.modus,
      status: 'voorgesteld',
      score: match.score,
      uitgesloten: match.uitgesloten,
      criteria: match.criteria,
      gewichtenVersie: match.gewichtenVersie,
      velden: input.velden ?? standaardVelden,
      toelichting: input.toelichting ?? null,
      jobcoachId: input.jobcoachId ?? null,
      createdBy: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
    }).catch((e: unknown) => {
      // two at once on a database server: the partial unique index on the open pair decides
      throw isUniqueViolation(e, 'voorstel.deelnemer_id, voorstel.plek_id') ? voorstelBestaat() : e
    })
    await syncDeelnemerStatus(tx, d.id, now)
    await writeAudit(tx, ctx.actor, now, { actie: 'voorstel-gemaakt', objectSoort: 'deelnemer', objectId: d.id, details: { voorstelId: id, plekId: p.id, velden: input.velden ?? standaardVelden } })
    await signalVoorstelNieuw(tx, now, { id, plekId: p.id })
  })
  wakeMail(ctx)
  return present(ctx, (await findRow(ctx.db, id))!)
}

/**
 * What an accepted voorstel led to: the startdatum and the jobcoach, the werkgever's contact
 * (a work address, not the deelnemer's). One query for the page.
 */
async function plaatsingenVan(db: Db, voorstelIds: string[]) {
  if (voorstelIds.length === 0) return new Map<string, { startdatum: string; status: string; jobcoach?: { naam: string; email: string } }>()
  const rows = await db
    .select({ voorstelId: plaatsing.voorstelId, startdatum: plaatsing.startdatum, status: plaatsing.status, naam: gebruiker.naam, email: gebruiker.email })
    .from(plaatsing)
    .leftJoin(gebruiker, eq(gebruiker.id, plaatsing.jobcoachId))
    .where(inArray(plaatsing.voorstelId, voorstelIds))
  return new Map(rows.map((r) => [r.voorstelId, { startdatum: r.startdatum, status: r.status, ...(r.naam && r.email ? { jobcoach: { naam: r.naam, email: r.email } } : {}) }]))
}

const voorstelBestaat = () => conflict('voorstel-bestaat', 'Deze deelnemer is al voorgesteld voor deze plek; dat voorstel staat nog open.')

/** GET /api/voorstellen */
export async function listVoorstellen({ ctx, input }: { ctx: Ctx; input: { page: number; perPage: number; status?: string; plekId?: string; deelnemerId?: string } }) {
  requireRole(ctx.actor, 'werkgever', 'jobhunter', 'beheerder')
  const where: (SQL | undefined)[] = [
    input.status ? eq(voorstel.status, input.status) : undefined,
    input.plekId ? eq(voorstel.plekId, input.plekId) : undefined,
    input.deelnemerId ? eq(voorstel.deelnemerId, input.deelnemerId) : undefined,
    ctx.actor.rol === 'werkgever' ? eq(plek.organisatieId, ctx.actor.organisatieId ?? '') : withinWerkgebied(await loadWerkgebied(ctx), deelnemer.gemeenteId),
  ]
  const from = () => ctx.db.select(kolommen).from(voorstel).innerJoin(plek, eq(plek.id, voorstel.plekId)).innerJoin(deelnemer, eq(deelnemer.id, voorstel.deelnemerId))
  const [rows, [totaal]] = await Promise.all([
    from().where(and(...where)).orderBy(desc(voorstel.createdAt), desc(voorstel.id)).limit(input.perPage).offset((input.page - 1) * input.perPage),
    ctx.db.select({ n: count() }).from(voorstel).innerJoin(plek, eq(plek.id, voorstel.plekId)).innerJoin(deelnemer, eq(deelnemer.id, voorstel.deelnemerId)).where(and(...where)),
  ])
  const plaatsingen = await plaatsingenVan(ctx.db, rows.filter((r) => r.v.status === 'geaccepteerd').map((r) => r.v.id))
  const metPlaatsing = <T extends { id: string }>(v: T) => (plaatsingen.has(v.id) ? { ...v, plaatsing: plaatsingen.get(v.id) } : v)
  let items
  if (ctx.actor.rol === 'werkgever') {
    const ds = rows.length ? await ctx.db.select().from(deelnemer).where(inArray(deelnemer.id, rows.map((r) => r.v.deelnemerId))) : []
    const byId = new Map(ds.map((d) => [d.id, d]))
    items = rows.map((r) => metPlaatsing(forWerkgever(r, byId.get(r.v.deelnemerId)!)))
    // one audit row per voorstel seen, in one insert
    await writeAudit(ctx.db, ctx.actor, iso(ctx.clock.now()), ...rows.map((r) => ({ actie: 'voorstel-bekeken', objectSoort: 'deelnemer', objectId: r.v.deelnemerId, details: { voorstelId: r.v.id, velden: sharedFields(r, byId.get(r.v.deelnemerId)!) } })))
  } else {
    items = rows.map((r) => metPlaatsing(volledig(r)))
    await auditDeelnemersBekeken(ctx, [...new Set(rows.map((r) => r.v.deelnemerId))], 'voorstellen')
  }
  return { items, total: totaal?.n ?? 0 }
}

/**
 * GET /api/jobcoaches with `voorstelId` or `deelnemerId`: the jobcoaches who work in that
 * deelnemer's gemeente (a voorstel or plaatsing accepts no other); an unknown or out-of-scope
 * voorstel or deelnemer is a 404.
 */
export async function listJobcoachesFor({ ctx, query }: { ctx: Ctx; query: { voorstelId?: string; deelnemerId?: string } }) {
  requireRole(ctx.actor, 'jobhunter', 'beheerder', 'werkgever')
  const gemeenteId = query.voorstelId ? (await findVisible(ctx, query.voorstelId)).gemeenteId : query.deelnemerId ? (await findVisibleDeelnemer(ctx, query.deelnemerId)).gemeenteId : undefined
  return listJobcoaches({ ctx, gemeenteId })
}

/** GET /api/voorstellen/:id */
export async function getVoorstel({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, 'werkgever', 'jobhunter', 'beheerder')
  return present(ctx, await findVisible(ctx, id))
}

const isAnswered = (status: string) =>
  conflict('ongeldige-statusovergang', `Dit voorstel staat niet meer open: het is "${status}".`)

/** Moves an open voorstel to its answer; the status check is in the UPDATE, so a second answer gets a 409. */
async function answerVoorstel(tx: Tx, ctx: Ctx, r: VoorstelMetNamen, status: 'geaccepteerd' | 'afgewezen' | 'ingetrokken', now: string, afwijsreden?: string) {
  const done = await tx
    .update(voorstel)
    .set({ status, beantwoordOp: now, beantwoordDoor: ctx.actor.id, updatedAt: now, ...(afwijsreden ? { afwijsreden } : {}) })
    .where(and(eq(voorstel.id, r.v.id), eq(voorstel.status, 'voorgesteld')))
    .returning({ id: voorstel.id })
  if (!done.length) throw isAnswered((await tx.select({ s: voorstel.status }).from(voorstel).where(eq(voorstel.id, r.v.id)))[0]!.s)
}

/** POST /api/voorstellen/:id/accepteren: the werkgever (or a beheerder) accepts; a plaatsing starts. */
export async function acceptVoorstel({ ctx, id, input }: { ctx: Ctx; id: string; input: { startdatum: string; jobcoachId?: string; contactFrequentieDagen?: number } }) {
  requireRole(ctx.actor, 'werkgever', 'beheerder')
  const r = await findVisible(ctx, id)
  if (r.v.status !== 'voorgesteld') throw isAnswered(r.v.status)
  const [d] = await ctx.db.select({ profiel: deelnemer.profiel }).from(deelnemer).where(eq(deelnemer.id, r.v.deelnemerId))
  if ((d?.profiel as DeelnemerInput | undefined)?.toestemmingDelen !== true)
    throw conflict('geen-toestemming', 'De deelnemer heeft de toestemming om gegevens te delen ingetrokken; dit voorstel kan niet meer worden geaccepteerd.')
  // A start is recorded afterwards at times (a trial that went well): up to 90 days before the
  // voorstel; anything earlier is a typing error that would top every overdue list for years.
  const vroegst = addDays(datumInNederland(new Date(r.v.createdAt)), -90)
  if (input.startdatum < vroegst) throw validatieFout({ startdatum: `De startdatum kan niet meer dan 90 dagen vóór het voorstel liggen (vroegst ${datumTekst(vroegst)}).` })
  if (input.startdatum > addDays(datumInNederland(ctx.clock.now()), 365)) throw validatieFout({ startdatum: 'De startdatum ligt meer dan een jaar vooruit.' })
  const jobcoachId = input.jobcoachId ?? r.v.jobcoachId ?? null
  await requireActiveJobcoach(ctx.db, jobcoachId ?? undefined, 'jobcoachId', r.v.deelnemerId)
  const plaatsingId = randomUUID()
  const now = iso(ctx.clock.now())
  await ctx.db.transaction(async (tx) => {
    await answerVoorstel(tx, ctx, r, 'geaccepteerd', now)
    // One unit of capaciteit, checked in the UPDATE itself; the last unit makes the plek vervuld.
    const [p] = await tx
      .update(plek)
      .set({
        bezet: sql`${plek.bezet} + 1`,
        status: sql`case when ${plek.bezet} + 1 >= ${plek.capaciteit} then 'vervuld' else ${plek.status} end`,
        versie: sql`${plek.versie} + 1`,
        updatedAt: now,
      })
      .where(and(eq(plek.id, r.v.plekId), eq(plek.status, 'gepubliceerd'), sql`${plek.bezet} < ${plek.capaciteit}`))
      .returning()
    if (!p) {
      const huidig = (await tx.select({ status: plek.status, capaciteit: plek.capaciteit }).from(plek).where(eq(plek.id, r.v.plekId)))[0]!
      throw conflict(
        'plek-vol',
        huidig.status === 'vervuld' || huidig.status === 'gepubliceerd'
          ? `Deze plek is vol: ${huidig.capaciteit === 1 ? 'de enige plaats is' : `alle ${huidig.capaciteit} plaatsen zijn`} al bezet. Het voorstel blijft openstaan.`
          : `Deze plek is "${huidig.status}" en neemt niemand meer aan. Het voorstel blijft openstaan.`,
      )
    }
    await tx.insert(outbox).values({ plekId: p.id, versie: p.versie, createdAt: now })
    await tx.insert(plaatsing).values({
      id: plaatsingId,
      voorstelId: r.v.id,
      deelnemerId: r.v.deelnemerId,
      plekId: p.id,
      jobcoachId,
      status: 'actief',
      startdatum: input.startdatum,
      urenMin: p.urenMin,
      urenMax: p.urenMax,
      dagdelen: p.dagdelen,
      contactFrequentieDagen: input.contactFrequentieDagen ?? STANDAARD_CONTACTFREQUENTIE,
      // the startgesprek is due on the first day
      volgendContactOp: input.startdatum,
      sector: p.sector,
      vorm: p.vorm,
      createdAt: now,
      updatedAt: now,
    })
    await syncDeelnemerStatus(tx, r.v.deelnemerId, now)
    await writeAudit(tx, ctx.actor, now, { actie: 'plaatsing-gestart', objectSoort: 'plaatsing', objectId: plaatsingId, details: { voorstelId: r.v.id, plekId: p.id, jobcoachId } })
    await signalVoorstelBeantwoord(tx, now, r.v.id, 'geaccepteerd')
    await signalPlaatsingToegewezen(tx, now, plaatsingId, jobcoachId)
  })
  ctx.search?.indexer.wake()
  wakeMail(ctx)
  const row = (await ctx.db.select().from(plaatsing).where(eq(plaatsing.id, plaatsingId)))[0]!
  const plaatsingNu = toPlaatsing(row, { vandaag: datumInNederland(ctx.clock.now()), plekTitel: r.plekTitel, deelnemerNaam: ctx.actor.rol === 'werkgever' ? undefined : r.deelnemerNaam })
  if (ctx.actor.rol !== 'werkgever') return plaatsingNu
  // the werkgever's answer carries no deelnemer id (docs/privacy.md)
  const { deelnemerId: _verborgen, ...voorWerkgever } = plaatsingNu
  return voorWerkgever
}

/** POST /api/voorstellen/:id/afwijzen: the werkgever declines, with a reason. */
export async function declineVoorstel({ ctx, id, reden }: { ctx: Ctx; id: string; reden: string }) {
  requireRole(ctx.actor, 'werkgever', 'beheerder')
  return closeVoorstel(ctx, id, 'afgewezen', reden)
}

/** POST /api/voorstellen/:id/intrekken: the jobhunter withdraws an open voorstel. */
export async function withdrawVoorstel({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, 'jobhunter', 'beheerder')
  return closeVoorstel(ctx, id, 'ingetrokken')
}

/** Ends an open voorstel without a plaatsing; the deelnemer's status follows in the same transaction. */
async function closeVoorstel(ctx: Ctx, id: string, status: 'afgewezen' | 'ingetrokken', reden?: string) {
  const r = await findVisible(ctx, id)
  const now = iso(ctx.clock.now())
  await ctx.db.transaction(async (tx) => {
    await answerVoorstel(tx, ctx, r, status, now, reden)
    await syncDeelnemerStatus(tx, r.v.deelnemerId, now)
    if (status === 'afgewezen') await signalVoorstelBeantwoord(tx, now, r.v.id, status)
  })
  wakeMail(ctx)
  return present(ctx, (await findRow(ctx.db, id))!)
}
