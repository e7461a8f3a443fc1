import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm'
import { contains } from '../../db/contains.js'
import { randomUUID } from 'node:crypto'
import { organisatie, outbox, plek } from '../../db/schema.js'
import { plekMetOrganisatie } from '../../db/plekken.js'
import type { Tx } from '../../db/client.js'
import type { Ctx } from '../context.js'
import { iso } from '../clock.js'
import { requireRole } from './access.js'
import { conflict, fromZod, nietGevonden, validatieFout } from '../domain/errors.js'
import { plekInput, type Plek, type PlekInput } from '../domain/plek.js'
import type { PlekStatus } from '../domain/enums.js'
import { taalrijkheidsscore } from '../domain/taalrijkheid.js'
import { locatieColumns } from './locatie.js'
import { mergePatch } from './merge-patch.js'
import { enqueueSignalering } from './proactief.js'
import { requireGoedgekeurd } from './aanmeldingen.js'

// Rules: a werkgever works only on their own organisatie's plekken (others are a 404);
// jobhunters read all; beheerders read and change all; jobcoaches have no plekken API yet.
// Every change commits together with its search-outbox row: an outbox, not dual writes
// (docs/architecture.md, "Flow of data").

type Row = typeof plek.$inferSelect

export function toPlek(r: Row, organisatieNaam: string): Plek {
  const { uitleg } = taalrijkheidsscore(r.taalrijkheid)
  return {
    id: r.id,
    organisatieId: r.organisatieId,
    organisatieNaam,
    status: r.status as PlekStatus,
    titel: r.titel,
    omschrijving: r.omschrijving,
    ...(r.beroep ? { beroep: r.beroep } : {}),
    sector: r.sector as Plek['sector'],
    vorm: r.vorm as Plek['vorm'],
    postcode: r.postcode,
    plaats: r.plaats,
    lat: r.lat,
    lon: r.lon,
    urenPerWeek: { min: r.urenMin, max: r.urenMax },
    dagdelen: r.dagdelen,
    capaciteit: r.capaciteit,
    bezet: r.bezet,
    taalniveau: r.taalniveau,
    lagerNiveauMetOndersteuning: r.lagerNiveauMetOndersteuning,
    taalrijkheid: r.taalrijkheid,
    taalrijkheidsscore: r.taalrijkheidsscore,
    taalrijkheidsuitleg: uitleg,
    begeleiding: r.begeleiding,
    opbouw: r.opbouw,
    fysiekeBelasting: r.fysiekeBelasting as Plek['fysiekeBelasting'],
    werkdruk: r.werkdruk as Plek['werkdruk'],
    binnenSchooltijden: r.binnenSchooltijden,
    vereisten: r.vereisten,
    vergoeding: r.vergoeding as Plek['vergoeding'],
    ...(r.startdatum ? { startdatum: r.startdatum } : {}),
    ...(r.duurWeken ? { duurWeken: r.duurWeken } : {}),
    ...(r.publishedAt ? { gepubliceerdOp: r.publishedAt } : {}),
    aangemaaktOp: r.createdAt,
    gewijzigdOp: r.updatedAt,
  }
}

/** The stored plek as a plek body again, so a PATCH can be merged into it and validated whole. */
function toInput(p: Plek): Record<string, unknown> {
  const { id: _1, organisatieId: _2, organisatieNaam: _3, status: _4, plaats: _5, lat: _6, lon: _7, bezet: _8,
    taalrijkheidsscore: _9, taalrijkheidsuitleg: _10, gepubliceerdOp: _11, aangemaaktOp: _12, gewijzigdOp: _13, ...body } = p
  return body
}

/** The columns a validated plek body sets, with what the product derives from it. */
export function plekColumns(input: PlekInput) {
  return {
    titel: input.titel,
    omschrijving: input.omschrijving,
    beroep: input.beroep ?? null,
    sector: input.sector,
    vorm: input.vorm,
    ...locatieColumns(input.postcode),
    urenMin: input.urenPerWeek.min,
    urenMax: input.urenPerWeek.max,
    dagdelen: input.dagdelen,
    capaciteit: input.capaciteit,
    taalniveau: input.taalniveau,
    lagerNiveauMetOndersteuning: input.lagerNiveauMetOndersteuning,
    taalrijkheid: input.taalrijkheid,
    taalrijkheidsscore: taalrijkheidsscore(input.taalrijkheid).score,
    begeleiding: input.begeleiding,
    opbouw: input.opbouw,
    fysiekeBelasting: input.fysiekeBelasting,
    werkdruk: input.werkdruk,
    binnenSchooltijden: input.binnenSchooltijden,
    vereisten: input.vereisten,
    vergoeding: input.vergoeding,
    startdatum: input.startdatum ?? null,
    duurWeken: input.duurWeken ?? null,
  }
}

/** Statuses a new plek may start in: concept (POST /api/plekken), or gepubliceerd (bulk import). */
export type NieuwePlekStatus = Extract<PlekStatus, 'concept' | 'gepubliceerd'>

/** A new plek row (version 1), ready for `insertNewPlekken`; the columns derive from the body. */
export function newPlekRow({ input, organisatieId, status = 'concept', now }: { input: PlekInput; organisatieId: string; status?: NieuwePlekStatus; now: string }): Row {
  return {
    id: randomUUID(),
    organisatieId,
    status,
    ...plekColumns(input),
    bezet: 0,
    publishedAt: status === 'gepubliceerd' ? now : null,
    versie: 1,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * Inserts new plekken with one outbox row each, inside the caller's transaction, so the outbox
 * indexer puts the searchable ones in the index (and never misses one).
 */
export async function insertNewPlekken(tx: Tx, rows: Row[], now: string): Promise<void> {
  if (rows.length === 0) return
  await tx.insert(plek).values(rows)
  await tx.insert(outbox).values(rows.map((r) => ({ plekId: r.id, versie: r.versie, createdAt: now })))
}

const enqueue = (tx: Tx, plekId: string, versie: number, now: string) =>
  tx.insert(outbox).values({ plekId, versie, createdAt: now })

async function findVisible(ctx: Ctx, id: string): Promise<Plek> {
  requireRole(ctx.actor, 'beheerder', 'jobhunter', 'werkgever')
  const [row] = await plekMetOrganisatie(ctx.db).all({ id })
  if (!row || (ctx.actor.rol === 'werkgever' && row.p.organisatieId !== ctx.actor.organisatieId)) {
    throw nietGevonden('De plek')
  }
  return toPlek(row.p, row.naam)
}

export const getPlek = ({ ctx, id }: { ctx: Ctx; id: string }) => findVisible(ctx, id)

export async function listPlekken({
  ctx,
  input,
}: {
  ctx: Ctx
  input: { page: number; perPage: number; status?: PlekStatus; organisatieId?: string; q?: string }
}) {
  requireRole(ctx.actor, 'beheerder', 'jobhunter', 'werkgever')
  const filters: (SQL | undefined)[] = [
    ctx.actor.rol === 'werkgever' ? eq(plek.organisatieId, ctx.actor.organisatieId ?? '') : undefined,
    input.organisatieId ? eq(plek.organisatieId, input.organisatieId) : undefined,
    input.status ? eq(plek.status, input.status) : undefined,
    input.q ? or(contains(plek.titel, input.q), contains(plek.beroep, input.q)) : undefined,
  ]
  const where = and(...filters)
  const rows = await ctx.db
    .select({ p: plek, naam: organisatie.naam })
    .from(plek)
    .innerJoin(organisatie, eq(organisatie.id, plek.organisatieId))
    .where(where)
    .orderBy(desc(plek.updatedAt), plek.id)
    .limit(input.perPage)
    .offset((input.page - 1) * input.perPage)
  const [totals] = await ctx.db.select({ total: count() }).from(plek).where(where)
  return { items: rows.map((r) => toPlek(r.p, r.naam)), total: totals?.total ?? 0 }
}

export async function createPlek({ ctx, input }: { ctx: Ctx; input: PlekInput }): Promise<Plek> {
  requireRole(ctx.actor, 'beheerder', 'werkgever')
  let organisatieId: string
  if (ctx.actor.rol === 'werkgever') {
    if (input.organisatieId && input.organisatieId !== ctx.actor.organisatieId)
      throw validatieFout({ organisatieId: 'U kunt alleen plekken voor uw eigen organisatie maken. Laat dit veld weg.' })
    organisatieId = ctx.actor.organisatieId!
  } else {
    if (!input.organisatieId) throw validatieFout({ organisatieId: 'Kies de organisatie waarvoor u de plek maakt.' })
    organisatieId = input.organisatieId
  }
  const org = (await ctx.db.select({ id: organisatie.id }).from(organisatie).where(eq(organisatie.id, organisatieId)))[0]
  if (!org) throw validatieFout({ organisatieId: 'Deze organisatie bestaat niet.' })
  const now = iso(ctx.clock.now())
  const row = newPlekRow({ input, organisatieId, now })
  await ctx.db.transaction((tx) => insertNewPlekken(tx, [row], now))
  ctx.search?.indexer.wake()
  return findVisible(ctx, row.id)
}

export async function updatePlek({ ctx, id, patch }: { ctx: Ctx; id: string; patch: Record<string, unknown> }) {
  requireRole(ctx.actor, 'beheerder', 'werkgever')
  const current = await findVisible(ctx, id)
  if (current.status === 'gesloten')
    throw conflict('plek-gesloten', 'Deze plek is gesloten en kan niet meer worden gewijzigd.')
  const parsed = plekInput.safeParse(mergePatch(toInput(current), patch))
  if (!parsed.success) throw fromZod(parsed.error)
  if (parsed.data.capaciteit < current.bezet)
    throw validatieFout({ capaciteit: `Er zijn al ${current.bezet} deelnemers geplaatst; de capaciteit kan niet lager zijn.` })
  return writeChange(ctx, id, plekColumns(parsed.data))
}

/** The lifecycle of docs/domain.md ("Plek"): concept → gepubliceerd → vervuld | gesloten. */
const overgangen: Record<'publiceren' | 'sluiten', { van: PlekStatus[]; naar: PlekStatus; fout: string }> = {
  publiceren: { van: ['concept'], naar: 'gepubliceerd', fout: 'Alleen een plek in concept kan worden gepubliceerd.' },
  sluiten: { van: ['concept', 'gepubliceerd', 'vervuld'], naar: 'gesloten', fout: 'Deze plek kan niet meer worden gesloten.' },
}

export async function changePlekStatus({ ctx, id, actie }: { ctx: Ctx; id: string; actie: keyof typeof overgangen }) {
  requireRole(ctx.actor, 'beheerder', 'werkgever')
  const current = await findVisible(ctx, id)
  const regel = overgangen[actie]
  if (!regel.van.includes(current.status)) {
    throw conflict('ongeldige-statusovergang', `${regel.fout} De plek is nu "${current.status}".`)
  }
  if (actie === 'publiceren') await requireGoedgekeurd(ctx, current.organisatieId)
  const now = iso(ctx.clock.now())
  return writeChange(ctx, id, { status: regel.naar, ...(actie === 'publiceren' ? { publishedAt: now } : {}) }, current.status)
}

/**
 * Writes a change and its outbox row in one transaction. The version bump and, for status
 * changes, the expected current status are checked in the UPDATE itself, so two racing
 * requests cannot both win.
 */
async function writeChange(ctx: Ctx, id: string, values: Partial<Row>, expectStatus?: string): Promise<Plek> {
  const now = iso(ctx.clock.now())
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(plek)
      .set({ ...values, versie: sql`${plek.versie} + 1`, updatedAt: now })
      .where(and(eq(plek.id, id), expectStatus ? eq(plek.status, expectStatus) : undefined))
      .returning({ versie: plek.versie, status: plek.status, dagdelen: plek.dagdelen, urenMin: plek.urenMin, urenMax: plek.urenMax, taalniveau: plek.taalniveau, postcode: plek.postcode })
    if (!updated[0]) throw conflict('gelijktijdig-gewijzigd', 'De plek is intussen gewijzigd. Laad de plek opnieuw en probeer het nog eens.')
    await enqueue(tx, id, updated[0].versie, now)
    // proactive matching, in the background: queued with the change, never run in this request
    await enqueueSignalering(tx, id, updated[0], now)
  })
  ctx.search?.indexer.wake()
  ctx.meldingen?.signalering.wake()
  return findVisible(ctx, id)
}
